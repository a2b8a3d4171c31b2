//! An article as it is read aloud: text written for the ear, in chunks short enough for every
//! speech engine (Chromium stops a single utterance after about 15 seconds).
//!
//! [`utterances`] turns one paragraph into chunks: addresses are left out (never spelled out),
//! numbers are written as they are said (`35.000` → `35000`, `101,5%` → `101 phẩy 5 phần trăm`),
//! dates in the body become words (`09/02/2023` → `ngày 9 tháng 2 năm 2023`), and the text is cut
//! at sentence ends, then at commas, then at spaces, into parts of at most [`MAX_CHARS`].
//! [`date_in_words`] says an article's date; [`script`] is a whole article in the order it is
//! read (title, date, then each block of the body), each chunk marked with the part of the page
//! it comes from so that the page can show what is being read. [`choose_voice`] picks the voice.

use crate::dates::LocalTime;
use crate::i18n::Lang;

/// Longest chunk handed to the engine: about nine seconds of speech at the normal rate, and
/// under twelve at 0.75× (Chromium's remote voices stop after about fifteen).
pub const MAX_CHARS: usize = 140;

/// A voice the browser offers, as `speechSynthesis.getVoices()` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// A language tag: `vi-VN`, sometimes `vi_VN` or `vi` (speech engines on Linux).
    pub lang: String,
    pub name: String,
    /// Runs on the device (works offline), rather than on a remote service.
    pub local: bool,
    /// The browser's default voice.
    pub default: bool,
}

impl Voice {
    /// The voice's language as a tag for the utterance's `lang` (`vi_VN` written `vi-VN`).
    pub fn tag(&self) -> String {
        self.lang.trim().replace('_', "-")
    }
}

/// The voice to read `lang` with, if the browser has one: one of that language, preferring one
/// on the device (a remote voice fails offline, and kiosks are often offline), then the
/// language's main region (`vi-VN`, `en-US`), then the browser's default.
pub fn choose_voice(voices: &[Voice], lang: Lang) -> Option<&Voice> {
    let main_region = match lang {
        Lang::Vi => "vi-vn",
        Lang::En => "en-us",
    };
    voices
        .iter()
        .filter(|v| Lang::from_code(&v.lang) == Some(lang))
        .max_by_key(|v| {
            (
                v.local,
                v.tag().to_ascii_lowercase() == main_region,
                v.default,
            )
        })
}

/// The part of the article page a chunk is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Date,
    /// The body's blocks (paragraphs, headings, list items…), counted from 0 in reading order.
    Block(usize),
}

/// One utterance: what is said, and where on the page it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub part: Part,
    pub text: String,
}

/// An article as it is read aloud, in order: its title, the day it was published in words,
/// then the body block by block; every chunk at most [`MAX_CHARS`] long. Blocks with nothing to
/// say (only an address, say) are skipped but keep their number.
pub fn script(title: &str, published: Option<i64>, blocks: &[String], lang: Lang) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut add = |part: Part, text: &str| {
        chunks.extend(
            utterances(text, lang)
                .into_iter()
                .map(|text| Chunk { part, text }),
        );
    };
    add(Part::Title, title);
    if let Some(day) = published.and_then(|t| date_in_words(t, lang)) {
        let line = match lang {
            Lang::Vi => format!("Đăng {day}."),
            Lang::En => format!("Published {day}."),
        };
        add(Part::Date, &line);
    }
    for (i, block) in blocks.iter().enumerate() {
        add(Part::Block(i), block);
    }
    chunks
}

/// Where chunk `index` is in the article, counted in parts (the title, the date and each block
/// of the body are one part each, however many chunks they take): (this part's number from 1,
/// the number of parts).
pub fn part_of(chunks: &[Chunk], index: usize) -> (usize, usize) {
    let mut parts = 0;
    let mut current = 0;
    let mut last = None;
    for (i, chunk) in chunks.iter().enumerate() {
        if last != Some(chunk.part) {
            parts += 1;
            last = Some(chunk.part);
        }
        if i == index {
            current = parts;
        }
    }
    (current, parts)
}

/// How an element of an article's body is read aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A block read as one part (a paragraph, a heading, a list item, a table row), unless it
    /// holds other blocks, when it is a container.
    Read,
    /// Holds blocks; text directly in it is read as a part of its own.
    Container,
    /// Part of the text around it (links, emphasis, line breaks).
    Inline,
    /// Not read (pictures, rules).
    Skip,
}

/// How the element `tag` (a name the sanitiser keeps, or `div` for the app's table box) is
/// read.
pub fn block_kind(tag: &str) -> BlockKind {
    match tag {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd" | "blockquote"
        | "pre" | "figcaption" | "caption" | "tr" => BlockKind::Read,
        "div" | "section" | "article" | "ul" | "ol" | "dl" | "figure" | "table" | "thead"
        | "tbody" | "tfoot" => BlockKind::Container,
        "img" | "hr" | "picture" | "svg" | "video" | "audio" | "iframe" | "script" | "style"
        | "template" | "button" => BlockKind::Skip,
        _ => BlockKind::Inline,
    }
}

/// The date of an article as people say it: "ngày 1 tháng 12 năm 2026", "1 December 2026".
pub fn date_in_words(seconds: i64, lang: Lang) -> Option<String> {
    let t = LocalTime::from_timestamp(seconds)?;
    Some(say_date(t.day, t.month, t.year, lang))
}

fn say_date(day: u32, month: u32, year: i32, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Vi => format!("ngày {day} tháng {month} năm {year}"),
        Lang::En => {
            let name = usize::try_from(month)
                .ok()
                .and_then(|m| MONTHS.get(m.checked_sub(1)?))
                .copied()
                .unwrap_or("");
            format!("{day} {name} {year}")
        }
    }
}

/// One paragraph of an article, as chunks to speak in order (none for a paragraph with nothing
/// to say).
pub fn utterances(paragraph: &str, lang: Lang) -> Vec<String> {
    let spoken = for_the_ear(paragraph, lang);
    split(&spoken, MAX_CHARS)
}

/// Text as it is said: addresses left out, dates and numbers written for speech, white space
/// collapsed.
pub fn for_the_ear(text: &str, lang: Lang) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if is_address(word) {
            continue;
        }
        let said = say_word(word, lang);
        // "ngày 09/02/2023" says "ngày" once.
        // (Compared as written: Unicode case tables would cost the browser build ~10 KB.)
        let after_day = words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "ngày" | "Ngày" | "NGÀY"));
        match said.strip_prefix("ngày ").filter(|_| after_day) {
            Some(rest) => words.push(rest.to_string()),
            None => words.push(said),
        }
    }
    words.join(" ")
}

/// `https://…`, `www.…`, an e-mail address, or a bare domain as government news writes them
/// (`danang.gov.vn`, `so.gov.vn/tin/1`), with any punctuation around it.
fn is_address(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    let lower = bare.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (bare.contains('@') && bare.contains('.') && !bare.starts_with('@'))
        || is_bare_domain(bare)
}

/// Lower-case ASCII labels joined by dots, the last of 2–6 letters, with a path, or at least
/// three labels, or a common ending: `danang.gov.vn`, `example.com/a`. Not "v.v." (etc.) nor
/// "TP.HCM".
fn is_bare_domain(word: &str) -> bool {
    let host = word.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let well_formed = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    let ending = labels.last().copied().unwrap_or("");
    let ends_in_letters =
        (2..=6).contains(&ending.len()) && ending.chars().all(|c| c.is_ascii_lowercase());
    let common = matches!(
        ending,
        "vn" | "com" | "net" | "org" | "gov" | "edu" | "info"
    );
    well_formed && ends_in_letters && (word.contains('/') || labels.len() >= 3 || common)
}

/// One word as it is said: a date, a number with separators, a percentage.
fn say_word(word: &str, lang: Lang) -> String {
    // Punctuation around the word stays (it gives the engine its pauses).
    let start = word
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i);
    let Some(start) = start else {
        return word.to_string();
    };
    let (before, rest) = word.split_at(start);
    let end = rest
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (core, after) = rest.split_at(end);
    if !core
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-'))
    {
        return word.to_string();
    }
    let (percent, after) = match after.strip_prefix('%') {
        Some(rest) => (true, rest),
        None => (false, after),
    };
    let said = say_date_word(core, lang).unwrap_or_else(|| say_number(core, lang));
    let percent = match (percent, lang) {
        (false, _) => "",
        (true, Lang::Vi) => " phần trăm",
        (true, Lang::En) => " percent",
    };
    format!("{before}{said}{percent}{after}")
}

/// `09/02/2023` or `9/2/2023` (day first, as Vietnam writes dates).
fn say_date_word(core: &str, lang: Lang) -> Option<String> {
    let mut parts = core.split('/');
    let day: u32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let year: i32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Some(say_date(day, month, year, lang))
}

/// A number as written in Vietnamese (`.` between thousands, `,` before decimals) or English
/// (`,` between thousands, `.` before decimals), as it is said: digits, then "phẩy" / "point".
fn say_number(core: &str, lang: Lang) -> String {
    let (thousands, decimal, point) = match lang {
        Lang::Vi => ('.', ',', "phẩy"),
        Lang::En => (',', '.', "point"),
    };
    // Thousands separators only between groups of three digits.
    let grouped = |s: &str| {
        let mut groups = s.split(thousands);
        groups.next().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
    };
    let (whole, fraction) = match core.split_once(decimal) {
        Some((w, f)) if f.chars().all(|c| c.is_ascii_digit()) && !f.is_empty() => (w, Some(f)),
        _ => (core, None),
    };
    if !whole.contains(thousands) && fraction.is_none() {
        return core.to_string();
    }
    if whole.contains(thousands) && !grouped(whole) {
        return core.to_string();
    }
    let whole: String = whole.chars().filter(|c| *c != thousands).collect();
    match fraction {
        Some(f) => format!("{whole} {point} {f}"),
        None => whole,
    }
}

/// `text` in parts of at most `max` characters: whole sentences where they fit, else cut at a
/// comma or semicolon, else at a space (a word longer than `max` is cut where it must be).
pub fn split(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        push_fitting(&mut out, sentence, max);
    }
    out
}

/// Sentences: cut after `.`, `!`, `?` or `…` (and closing quotes or brackets) before a space.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, (_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = k + 1;
        while chars
            .get(j)
            .is_some_and(|(_, c)| matches!(c, '"' | '\'' | '”' | '’' | ')' | '»'))
        {
            j += 1;
        }
        let next_is_space = chars.get(j).is_none_or(|(_, c)| c.is_whitespace());
        if next_is_space {
            let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
            let sentence = text.get(start..end).unwrap_or("").trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
    }
    let rest = text.get(start..).unwrap_or("").trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn push_fitting(out: &mut Vec<String>, sentence: &str, max: usize) {
    let max = max.max(1);
    let mut rest = sentence.trim();
    while rest.chars().count() > max {
        // The last comma or semicolon within the limit, else the last space, else the limit.
        let limit = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        let head = rest.get(..limit).unwrap_or(rest);
        let cut = head
            .rfind([',', ';', ':'])
            .map(|i| i + 1)
            .filter(|i| *i > head.len() / 3)
            .or_else(|| head.rfind(' ').filter(|i| *i > 0))
            .unwrap_or(limit);
        let (part, after) = rest.split_at(cut);
        let part = part.trim();
        if !part.is_empty() {
            out.push(part.to_string());
        }
        rest = after.trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_said_in_words() {
        // 2026-12-01 08:00 in Vietnam.
        let seconds = crate::dates::parse("2026-12-01T08:00:00+07:00").unwrap_or_default();
        assert_eq!(
            date_in_words(seconds, Lang::Vi).as_deref(),
            Some("ngày 1 tháng 12 năm 2026")
        );
        assert_eq!(
            date_in_words(seconds, Lang::En).as_deref(),
            Some("1 December 2026")
        );
        assert_eq!(
            for_the_ear("Sáng ngày 09/02/2023, Sở tổ chức", Lang::Vi),
            "Sáng ngày 9 tháng 2 năm 2023, Sở tổ chức"
        );
        assert_eq!(
            for_the_ear("(31/12/2025)", Lang::Vi),
            "(ngày 31 tháng 12 năm 2025)"
        );
        // Not a date: left as written.
        assert_eq!(for_the_ear("1/2 số hộ", Lang::Vi), "1/2 số hộ");
        assert_eq!(for_the_ear("45/13/2023", Lang::Vi), "45/13/2023");
    }

    #[test]
    fn an_article_is_read_title_date_then_blocks_in_order() {
        let seconds = crate::dates::parse("2023-02-09T09:00:00+07:00").unwrap_or_default();
        let blocks = [
            "Sáng 09/02/2023, Sở tổ chức hội nghị. Có 1.200 người tham dự.".to_string(),
            "https://so.example.gov.vn/tin/1".to_string(),
            "Kết thúc.".to_string(),
        ];
        let chunks = script("Hội nghị năm 2023", Some(seconds), &blocks, Lang::Vi);
        let said: Vec<(Part, &str)> = chunks.iter().map(|c| (c.part, c.text.as_str())).collect();
        assert_eq!(
            said,
            [
                (Part::Title, "Hội nghị năm 2023"),
                (Part::Date, "Đăng ngày 9 tháng 2 năm 2023."),
                (
                    Part::Block(0),
                    "Sáng ngày 9 tháng 2 năm 2023, Sở tổ chức hội nghị."
                ),
                (Part::Block(0), "Có 1200 người tham dự."),
                // Block 1 is only an address: nothing to say, and block 2 keeps its number.
                (Part::Block(2), "Kết thúc."),
            ]
        );
        let en = script("Title", Some(seconds), &[], Lang::En);
        assert_eq!(
            en.last().map(|c| c.text.as_str()),
            Some("Published 9 February 2023.")
        );
        // No date: title and body only.
        assert_eq!(script("T", None, &[], Lang::Vi).len(), 1);
    }

    #[test]
    fn progress_counts_parts_not_chunks() {
        let long = "Một câu khá dài. ".repeat(20);
        let chunks = script("Tiêu đề", None, &[long, "Hết.".to_string()], Lang::Vi);
        assert!(chunks.len() > 3, "the long block takes several chunks");
        assert_eq!(part_of(&chunks, 0), (1, 3));
        assert_eq!(part_of(&chunks, 1), (2, 3));
        assert_eq!(part_of(&chunks, 2), (2, 3));
        assert_eq!(part_of(&chunks, chunks.len() - 1), (3, 3));
        assert_eq!(part_of(&[], 0), (0, 0));
    }

    #[test]
    fn every_element_the_sanitiser_keeps_has_a_way_to_be_read() {
        for tag in ["p", "h2", "li", "tr", "blockquote", "figcaption"] {
            assert_eq!(block_kind(tag), BlockKind::Read, "{tag}");
        }
        for tag in ["div", "ul", "ol", "table", "tbody", "figure"] {
            assert_eq!(block_kind(tag), BlockKind::Container, "{tag}");
        }
        for tag in ["a", "strong", "br", "td", "th", "span"] {
            assert_eq!(block_kind(tag), BlockKind::Inline, "{tag}");
        }
        assert_eq!(block_kind("img"), BlockKind::Skip);
        assert_eq!(block_kind("hr"), BlockKind::Skip);
    }

    #[test]
    fn the_voice_is_one_of_the_language_on_the_device_if_possible() {
        let voice = |lang: &str, name: &str, local: bool, default: bool| Voice {
            lang: lang.to_string(),
            name: name.to_string(),
            local,
            default,
        };
        let voices = [
            voice("en-US", "English", true, true),
            voice("vi-VN", "Google tiếng Việt", false, false),
            voice("vi_VN", "espeak vi", true, false),
            voice("fr-FR", "Français", true, false),
        ];
        let chosen = choose_voice(&voices, Lang::Vi);
        assert_eq!(chosen.map(|v| v.name.as_str()), Some("espeak vi"));
        assert_eq!(chosen.map(Voice::tag).as_deref(), Some("vi-VN"));
        // Only a remote one: that one.
        assert_eq!(
            choose_voice(&voices[..2], Lang::Vi).map(|v| v.name.as_str()),
            Some("Google tiếng Việt")
        );
        // A bare `vi` counts.
        assert!(choose_voice(&[voice("vi", "vi", false, false)], Lang::Vi).is_some());
        assert_eq!(
            choose_voice(&voices, Lang::En).map(|v| v.name.as_str()),
            Some("English")
        );
        // None for the language: none at all (the control is not offered).
        assert_eq!(choose_voice(&voices[3..], Lang::Vi), None);
        assert_eq!(choose_voice(&[], Lang::Vi), None);
    }

    #[test]
    fn numbers_are_written_for_the_ear() {
        assert_eq!(
            for_the_ear("cho 35.000 lao động, đạt 101,5% kế hoạch", Lang::Vi),
            "cho 35000 lao động, đạt 101 phẩy 5 phần trăm kế hoạch"
        );
        assert_eq!(for_the_ear("1.200 vị trí", Lang::Vi), "1200 vị trí");
        assert_eq!(
            for_the_ear("tăng 12,4%.", Lang::Vi),
            "tăng 12 phẩy 4 phần trăm."
        );
        assert_eq!(for_the_ear("năm 2023", Lang::Vi), "năm 2023");
        assert_eq!(
            for_the_ear("1,200 jobs, 3.5% more", Lang::En),
            "1200 jobs, 3 point 5 percent more"
        );
        // Not a number with separators: as written.
        assert_eq!(for_the_ear("1.2.3", Lang::Vi), "1.2.3");
        assert_eq!(for_the_ear("0236.3822", Lang::Vi), "0236.3822");
    }

    #[test]
    fn addresses_are_never_spelled_out() {
        assert_eq!(
            for_the_ear(
                "Xem tại https://so.example.gov.vn/tin/1?a=b, hoặc www.example.vn. Liên hệ lh@so.gov.vn.",
                Lang::Vi
            ),
            "Xem tại hoặc Liên hệ"
        );
        assert_eq!(for_the_ear("@sở", Lang::Vi), "@sở");
        assert_eq!(
            for_the_ear(
                "Xem tại danang.gov.vn, so.gov.vn/tin/1 hoặc (example.com).",
                Lang::Vi
            ),
            "Xem tại hoặc"
        );
        // Not addresses: "v.v." (etc.), a city written short, a number.
        assert_eq!(
            for_the_ear("nhà ở, v.v. tại TP.HCM, tp.hcm và 1.200", Lang::Vi),
            "nhà ở, v.v. tại TP.HCM, tp.hcm và 1200"
        );
    }

    #[test]
    fn chunks_are_sentences_under_the_limit() {
        let text = "Câu một. Câu hai! Câu ba? “Câu bốn.” Câu năm…";
        assert_eq!(
            split(text, 100),
            ["Câu một.", "Câu hai!", "Câu ba?", "“Câu bốn.”", "Câu năm…"]
        );
        // A long sentence is cut at a comma, then at spaces.
        let long = format!("{}, {}", "a ".repeat(30).trim(), "b ".repeat(60).trim());
        let parts = split(&long, 100);
        assert!(parts.iter().all(|p| p.chars().count() <= 100), "{parts:?}");
        assert_eq!(parts.first().map(|p| p.ends_with(',')), Some(true));
        assert_eq!(parts.concat().replace(' ', ""), long.replace(' ', ""));
        // A word longer than the limit is cut where it must be.
        let word = "x".repeat(250);
        let parts = split(&word, 100);
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [100, 100, 50]
        );
        assert!(split("   ", 100).is_empty());
    }

    #[test]
    fn a_real_paragraph_comes_out_in_order_within_the_limit() {
        let paragraph = "Năm 2022, ngành Lao động - Thương binh và Xã hội tập trung chỉ đạo, triển khai quyết liệt và kịp thời các chủ trương, chính sách của trung ương và thành phố. Kết quả đạt được một số chỉ tiêu chủ yếu như giải quyết việc làm ước thực hiện đến cuối năm cho 35.000 lao động, đạt 101,5% kế hoạch; tỷ lệ lao động làm việc trong nền kinh tế tăng thêm ước đạt 12,4% (chỉ tiêu từ 4% đến 4,5%); tỷ lệ thất nghiệp là 3,8%.";
        let chunks = utterances(paragraph, Lang::Vi);
        assert!(chunks.len() >= 3, "{chunks:?}");
        assert!(
            chunks.iter().all(|c| c.chars().count() <= MAX_CHARS),
            "{chunks:?}"
        );
        assert!(chunks[0].starts_with("Năm 2022,"));
        assert!(chunks.iter().any(|c| c.contains("35000 lao động")));
        assert!(chunks.iter().any(|c| c.contains("3 phẩy 8 phần trăm")));
        // Nothing is lost or reordered: the words come out as they went in.
        let words = |s: &str| s.split_whitespace().count();
        assert!(chunks.iter().map(|c| words(c)).sum::<usize>() >= words(paragraph));
    }
}
