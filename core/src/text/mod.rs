//! Plain text from feeds: character references decoded (never interpreted as markup), Unicode
//! NFC normalisation, whitespace, and short excerpts.
//!
//! NFC normalisation uses the browser's own `String.prototype.normalize` in the WebAssembly build
//! (no Unicode tables in the bundle; see [`nfc`]) and the `unicode-normalization` crate on the
//! host. Most Vietnamese text is already NFC, so [`needs_nfc`] decides cheaply whether a string
//! must be handed over at all.

mod fold;

pub use fold::{fold, fold_char, slug, words};

use crate::sanitize::{self, Action};
use std::borrow::Cow;

/// Whether `s` may change under NFC. `false` is a promise that it will not: every character is
/// below U+0300 (no combining marks, no starters that compose there) or a precomposed
/// Vietnamese letter (U+1EA0–U+1EF9) or general punctuation without a canonical decomposition.
pub fn needs_nfc(s: &str) -> bool {
    s.chars().any(|c| {
        let c = u32::from(c);
        c >= 0x300
            && !(0x1EA0..=0x1EF9).contains(&c)
            && !(0x2010..=0x2027).contains(&c)
            && c != 0x20AB
    })
}

/// `s` in Unicode Normalization Form C.
///
/// On the host this is the `unicode-normalization` crate. The browser build carries no Unicode
/// tables: there the app installs the browser's own `String.prototype.normalize` with
/// [`install_nfc`] when it starts. Until one is installed a WebAssembly build leaves text as it
/// is (still valid text, only not composed).
pub fn nfc(s: &str) -> Cow<'_, str> {
    if needs_nfc(s) {
        Cow::Owned(platform_nfc(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// A function that returns its argument in NFC.
pub type Normalizer = fn(&str) -> String;

#[cfg(target_arch = "wasm32")]
static NORMALIZER: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();

/// Installs the NFC of the platform the WebAssembly build runs on (the first call wins). On the
/// host [`nfc`] always uses its own and this does nothing.
pub fn install_nfc(normalizer: Normalizer) {
    #[cfg(target_arch = "wasm32")]
    let _ = NORMALIZER.set(normalizer);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = normalizer;
}

#[cfg(target_arch = "wasm32")]
fn platform_nfc(s: &str) -> String {
    match NORMALIZER.get() {
        Some(normalize) => normalize(s),
        None => s.to_string(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn platform_nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

/// Decodes HTML character references (`&#8211;`, `&#x2013;`, `&amp;`, `&agrave;`…) into the
/// characters they stand for. The result is text: `&lt;b&gt;` becomes `<b>`, which the views
/// show as the three characters it is. Unknown names are left as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match decode_one(after) {
            Some((decoded, used)) => {
                out.push(decoded);
                rest = after.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character an HTML named reference (without `&` and `;`) stands for, among the ones
/// feeds use (Latin-1, typography, Greek letters, arrows).
pub fn named_entity(name: &str) -> Option<char> {
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Decodes the reference at the start of `s` (just after `&`). Returns the character and how
/// many bytes of `s` it used, including the `;` when present.
fn decode_one(s: &str) -> Option<(char, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        let (digits, radix, prefix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let len = digits
            .bytes()
            .take_while(|b| char::from(*b).is_digit(radix))
            .count();
        if len == 0 {
            return None;
        }
        let value = digits
            .get(..len.min(8))
            .and_then(|d| u32::from_str_radix(d, radix).ok())
            .unwrap_or(u32::MAX);
        let semicolon = usize::from(digits.as_bytes().get(len) == Some(&b';'));
        return Some((numeric_char(value), prefix + len + semicolon));
    }
    let len = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if len == 0 || s.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let name = s.get(..len)?;
    let c = named_entity(name)?;
    Some((c, len + 1))
}

/// The character a numeric reference stands for, with the HTML standard's repairs: NUL,
/// surrogates and out-of-range values become U+FFFD, and 0x80–0x9F are read as Windows-1252.
fn numeric_char(value: u32) -> char {
    const WINDOWS_1252: [(u32, char); 27] = [
        (0x80, '€'),
        (0x82, '‚'),
        (0x83, 'ƒ'),
        (0x84, '„'),
        (0x85, '…'),
        (0x86, '†'),
        (0x87, '‡'),
        (0x88, 'ˆ'),
        (0x89, '‰'),
        (0x8A, 'Š'),
        (0x8B, '‹'),
        (0x8C, 'Œ'),
        (0x8E, 'Ž'),
        (0x91, '\u{2018}'),
        (0x92, '\u{2019}'),
        (0x93, '\u{201C}'),
        (0x94, '\u{201D}'),
        (0x95, '•'),
        (0x96, '–'),
        (0x97, '—'),
        (0x98, '˜'),
        (0x99, '™'),
        (0x9A, 'š'),
        (0x9B, '›'),
        (0x9C, 'œ'),
        (0x9E, 'ž'),
        (0x9F, 'Ÿ'),
    ];
    if let Some((_, c)) = WINDOWS_1252.iter().find(|(v, _)| *v == value) {
        return *c;
    }
    match char::from_u32(value) {
        Some('\0') | None => '\u{FFFD}',
        Some(c) => c,
    }
}

/// Named references seen in real feeds: markup characters, typography, and the Latin letters
/// Vietnamese publishing systems like to escape. A short list, not the whole HTML table.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("euro", '€'),
    ("frac12", '½'),
    ("sect", '§'),
    ("para", '¶'),
    ("shy", '\u{AD}'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Yacute", 'Ý'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("yacute", 'ý'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("ccedil", 'ç'),
    ("Ccedil", 'Ç'),
    ("szlig", 'ß'),
];

/// Collapses runs of whitespace (and control characters) into one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The values of every `name` attribute in an HTML fragment, in order, as written (quoted or
/// not) with references decoded. A quick scan, not a parse: for a thumbnail or a warning, never
/// for what reaches the page (the allowlist decides that).
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let pattern = format!("{}=", name.to_ascii_lowercase());
    let mut values = Vec::new();
    for (at, _) in lower.match_indices(&pattern) {
        let after_space = lower
            .get(..at)
            .and_then(|before| before.chars().last())
            .is_some_and(char::is_whitespace);
        let Some(rest) = html.get(at + pattern.len()..).filter(|_| after_space) else {
            continue;
        };
        let value = match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => rest.get(1..).and_then(|r| r.split(quote).next()),
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next(),
        };
        let value = decode_entities(value.unwrap_or("").trim()).into_owned();
        if !value.is_empty() {
            values.push(value);
        }
    }
    values
}

/// A one-line text field from a feed (title, name, tag): references decoded, NFC, whitespace
/// collapsed. Markup in it stays visible as text.
pub fn clean_line(s: &str) -> String {
    collapse_whitespace(&nfc(&decode_entities(s)))
}

/// The readable text of an HTML fragment, for excerpts and search: tags removed, references
/// decoded, whitespace collapsed, and the content of every element the article view never
/// shows left out. Which elements those are is the allowlist's decision
/// ([`sanitize::element`] says `Drop`), so a summary or a search never holds text a reader
/// cannot see in the article. Only ever used as text.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag = &rest[lt + 1..];
        if let Some(comment) = tag.strip_prefix("!--") {
            rest = comment
                .find("-->")
                .and_then(|end| comment.get(end + 3..))
                .unwrap_or("");
            continue;
        }
        let Some(gt) = tag.find('>') else {
            rest = "";
            break;
        };
        let name: String = tag
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '/' | '>'))
            .collect::<String>()
            .to_ascii_lowercase();
        let self_closing = tag[..gt].ends_with('/');
        rest = &tag[gt + 1..];
        // `<svg/>` is closed at once; other elements with content ignore the slash, as HTML does.
        let empty = sanitize::is_void(&name) || (self_closing && sanitize::is_foreign(&name));
        let hidden = !empty && !name.is_empty() && sanitize::element(&name) == Action::Drop;
        if hidden && name == "plaintext" {
            // No end tag ends it: the rest of the document is its content.
            rest = "";
        } else if hidden {
            let closing = format!("</{name}");
            rest = find_ascii_case_insensitive(rest, &closing)
                .and_then(|at| rest.get(at..))
                .and_then(|from| from.find('>').and_then(|gt| from.get(gt + 1..)))
                .unwrap_or("");
        }
        out.push(' ');
    }
    out.push_str(rest);
    collapse_whitespace(&nfc(&decode_entities(&out)))
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// At most `max_chars` characters of `s`, cut at a word boundary with an ellipsis when cut.
pub fn excerpt(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        None => s.to_string(),
        Some((cut, next)) => {
            let head = &s[..cut];
            let head = match head.rfind(' ') {
                Some(space) if !next.is_whitespace() && space > cut / 2 => &head[..space],
                _ => head,
            };
            format!(
                "{}…",
                head.trim_end_matches([' ', ',', ';', ':', '.', '-', '–'])
            )
        }
    }
}

/// Decodes UTF-8 a part at a time: about `budget` bytes of `bytes` from `at` are appended to
/// `out` and the position to go on from is returned (`bytes.len()` at the end). Parts end on a
/// character boundary, so the pieces put together are exactly `String::from_utf8_lossy` of the
/// whole (invalid sequences become U+FFFD). A large feed is decoded across several tasks
/// instead of one long one.
pub fn decode_utf8_step(bytes: &[u8], at: usize, budget: usize, out: &mut String) -> usize {
    let is_continuation = |i: usize| bytes.get(i).is_some_and(|b| b & 0xC0 == 0x80);
    let mut end = at.saturating_add(budget.max(1)).min(bytes.len());
    // End before a character cut in two (at most three continuation bytes back) or, when that
    // character starts the part, after it.
    let mut cut = end;
    while cut > at && end - cut < 3 && is_continuation(cut) {
        cut -= 1;
    }
    if cut > at && !is_continuation(cut) {
        end = cut;
    } else {
        let limit = end.saturating_add(3);
        while end < limit && is_continuation(end) {
            end += 1;
        }
    }
    for chunk in bytes.get(at..end).unwrap_or_default().utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            out.push(char::REPLACEMENT_CHARACTER);
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_references() {
        assert_eq!(decode_entities("Tết &#8211; Xuân"), "Tết – Xuân");
        assert_eq!(decode_entities("&#x2013;&#X2014;"), "–—");
        assert_eq!(decode_entities("&#150;"), "–");
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decode_entities("&#65"), "A");
        assert_eq!(decode_entities("&#;&#x;"), "&#;&#x;");
    }

    #[test]
    fn named_references_are_text_not_markup() {
        assert_eq!(decode_entities("a &amp; b"), "a & b");
        assert_eq!(decode_entities("&lt;b&gt;x&lt;/b&gt;"), "<b>x</b>");
        assert_eq!(
            decode_entities("&amp;lt;"),
            "&lt;",
            "decoded once, not twice"
        );
        assert_eq!(decode_entities("Lao &#273;&ocirc;ng"), "Lao đông");
        assert_eq!(decode_entities("&unknown; & &amp"), "&unknown; & &amp");
        assert_eq!(decode_entities("no refs"), "no refs");
    }

    #[test]
    fn nfc_of_decomposed_vietnamese() {
        let nfd = "Đa\u{300} Na\u{306}\u{303}ng"; // "Đà Nẵng" written decomposed
        assert!(needs_nfc(nfd));
        assert_eq!(nfc(nfd), "Đà Nẵng");
        assert!(!needs_nfc("Đà Nẵng – “Lao động” 10₫"));
    }

    #[test]
    fn needs_nfc_never_misses() {
        use unicode_normalization::UnicodeNormalization;
        // Every character up to U+FFFF, alone and after a base letter.
        for code in 0u32..0x1_0000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for s in [c.to_string(), format!("a{c}"), format!("{c}{c}")] {
                if !needs_nfc(&s) {
                    assert_eq!(s.nfc().collect::<String>(), s, "U+{code:04X}");
                }
            }
        }
    }

    #[test]
    fn html_to_text_drops_markup_and_hidden_content() {
        let html = "<p>Một <b>hai</b></p><script>alert(1)</script><STYLE>p{}</STYLE><!-- x --><p>ba&nbsp;&amp; bốn</p>";
        assert_eq!(
            html_to_text(html),
            "Một hai ba\u{A0}& bốn".replace('\u{A0}', " ")
        );
        assert_eq!(html_to_text("<p>unterminated <b"), "unterminated");
        assert_eq!(html_to_text("<script>never closed"), "");
    }

    #[test]
    fn html_to_text_leaves_out_what_the_article_never_shows() {
        let html = "<p>một</p><textarea>nhập</textarea><title>tiêu đề</title>\
                    <button>nút</button><select><option>chọn</option></select>\
                    <form><input value=giá-trị>hai</form><o:p>văn phòng</o:p>\
                    <svg/><p>ba</p><br><img src=x alt=ảnh><p>bốn</p>";
        assert_eq!(html_to_text(html), "một ba bốn");
        // Every element the allowlist drops is left out of the text too; void ones (which
        // have no content) leave what follows them.
        for name in sanitize::DROPPED {
            let html = format!("<p>trước</p><{name}>ẩn</{name}><p>sau</p>");
            // `<plaintext>` has no end: everything after it is its content, in browsers too.
            // A void element has no content: the text after it shows, as in browsers.
            let expected = match *name {
                "plaintext" => "trước",
                _ if sanitize::is_void(name) => "trước ẩn sau",
                _ => "trước sau",
            };
            assert_eq!(html_to_text(&html), expected, "<{name}>");
        }
    }

    #[test]
    fn excerpts_cut_on_words() {
        assert_eq!(excerpt("ngắn", 10), "ngắn");
        assert_eq!(excerpt("một hai ba bốn năm", 10), "một hai ba…");
        assert_eq!(excerpt("abcdefghijkl", 5), "abcde…");
    }

    #[test]
    fn whitespace() {
        assert_eq!(collapse_whitespace("  a \n\t b\u{0}c "), "a b c");
        assert_eq!(clean_line(" Tin &#8211;\n mới "), "Tin – mới");
    }

    #[test]
    fn utf8_decoded_in_parts_equals_decoding_at_once() {
        let text = "Đà Nẵng đón 1.000 lao động – “mới” 🎉 ok";
        let bytes = text.as_bytes();
        for budget in 1..=bytes.len() {
            let mut out = String::new();
            let mut at = 0;
            while at < bytes.len() {
                let next = decode_utf8_step(bytes, at, budget, &mut out);
                assert!(next > at, "progress at {at} with {budget}");
                at = next;
            }
            assert_eq!(out, text, "budget {budget}");
        }
    }

    // proptest is a host-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod decode_props {
        use super::super::decode_utf8_step;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
            #[test]
            fn utf8_parts_are_lossy_decoding_of_any_bytes(
                pieces in proptest::collection::vec(
                    prop_oneof![
                        proptest::collection::vec(any::<char>(), 0..8)
                            .prop_map(|cs| cs.into_iter().collect::<String>().into_bytes()),
                        proptest::collection::vec(any::<u8>(), 0..6),
                        Just(vec![0xF0, 0x90, 0x80]),
                        Just(vec![0xE1, 0xBA]),
                    ],
                    0..12,
                ),
                budget in 1usize..40,
            ) {
                let bytes: Vec<u8> = pieces.concat();
                let mut out = String::new();
                let mut at = 0;
                while at < bytes.len() {
                    let next = decode_utf8_step(&bytes, at, budget, &mut out);
                    prop_assert!(next > at);
                    at = next;
                }
                prop_assert_eq!(out, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
}
