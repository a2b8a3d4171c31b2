//! Vietnamese-aware search: folding ("Đà Nẵng" and "da nang" are the same words), an index
//! built once per feed, ranked results, and highlights.
//!
//! Folding needs no Unicode tables: Vietnamese letters live in a few known code point ranges
//! whose layout gives the base letter (the Latin Extended Additional block cycles through
//! each vowel's tone marks in order), combining marks (U+0300–U+036F) are dropped, so text in
//! NFD folds like NFC, and đ becomes d.
//!
//! The index gives every distinct folded word an id in sorted order, so that all words
//! starting with a prefix form one id range; each article keeps the sorted ids of the words in
//! its title, its summary / section / tags, and its body. A query word matches an article
//! when a word of it starts with the query word; every query word must match.

use crate::feed::{Body, Item};
use crate::text;
use std::collections::HashMap;
use std::sync::Arc;

/// The base letter of a Vietnamese (or other Latin) letter with marks, lower-cased; `None`
/// for a combining mark; the character itself (lower-cased) otherwise.
pub fn fold_char(c: char) -> Option<char> {
    let code = u32::from(c);
    let folded = match code {
        0x0300..=0x036F => return None,
        0x00C0..=0x00C5 | 0x00E0..=0x00E5 | 0x0102 | 0x0103 => 'a',
        0x00C8..=0x00CB | 0x00E8..=0x00EB => 'e',
        0x00CC..=0x00CF | 0x00EC..=0x00EF | 0x0128 | 0x0129 => 'i',
        0x00D2..=0x00D6 | 0x00F2..=0x00F6 | 0x00D8 | 0x00F8 | 0x01A0 | 0x01A1 => 'o',
        0x00D9..=0x00DC | 0x00F9..=0x00FC | 0x0168 | 0x0169 | 0x01AF | 0x01B0 => 'u',
        0x00DD | 0x00FD | 0x00FF | 0x0178 => 'y',
        0x00C7 | 0x00E7 => 'c',
        0x00D1 | 0x00F1 => 'n',
        0x0110 | 0x0111 => 'd',
        // Latin Extended Additional, Vietnamese part: Ạ..ặ, Ẹ..ệ, Ỉ..ị, Ọ..ợ, Ụ..ự, Ỳ..ỹ.
        0x1EA0..=0x1EB7 => 'a',
        0x1EB8..=0x1EC7 => 'e',
        0x1EC8..=0x1ECB => 'i',
        0x1ECC..=0x1EE3 => 'o',
        0x1EE4..=0x1EF1 => 'u',
        0x1EF2..=0x1EF9 => 'y',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        _ => lower(c),
    };
    Some(folded)
}

/// The lower case of a letter of the Latin, Greek, Cyrillic, Armenian or Georgian alphabets,
/// computed from the layout of their Unicode blocks (capitals a fixed distance from their
/// small letters, or in capital-small pairs), so the browser build carries no Unicode case
/// table (about 5 KB compressed). Irregular letters (most of Latin Extended-B, polytonic
/// Greek) and other scripts keep their case. A host test checks every character of these
/// blocks against the standard library.
fn lower(c: char) -> char {
    let code = u32::from(c);
    let pair = |first_capital_is_even: bool| {
        if (code % 2 == 0) == first_capital_is_even {
            code + 1
        } else {
            code
        }
    };
    let lowered = match code {
        // Latin-1: À..Þ except ×.
        0x00C0..=0x00DE if code != 0x00D7 => code + 0x20,
        // Latin Extended-A, in pairs (İ and ı aside; Ÿ pairs with ÿ).
        0x0100..=0x012F | 0x0132..=0x0137 | 0x014A..=0x0177 => pair(true),
        0x0130 => u32::from('i'),
        0x0139..=0x0148 | 0x0179..=0x017E => pair(false),
        0x0178 => 0x00FF,
        // Latin Extended-B: the regular pairs (Romanian Ș Ț among them) and Ə.
        0x01CD..=0x01DC => pair(false),
        0x01DE..=0x01EF | 0x01F8..=0x021F | 0x0222..=0x0233 => pair(true),
        0x018F => 0x0259,
        // Latin Extended Additional outside the Vietnamese letters (folded above).
        0x1E00..=0x1E95 | 0x1EFA..=0x1EFF => pair(true),
        0x1E9E => 0x00DF,
        // Greek (monotonic; polytonic capitals keep their case).
        0x0386 => 0x03AC,
        0x0388..=0x038A => code + 37,
        0x038C => 0x03CC,
        0x038E | 0x038F => code + 63,
        0x0391..=0x03AB if code != 0x03A2 => code + 0x20,
        0x03CF => 0x03D7,
        0x03D8..=0x03EF => pair(true),
        0x03F4 => 0x03B8,
        0x03F7 | 0x03FA => code + 1,
        0x03F9 => 0x03F2,
        0x03FD..=0x03FF => code - 0x82,
        // Cyrillic.
        0x0400..=0x040F => code + 0x50,
        0x0410..=0x042F => code + 0x20,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x052F => pair(true),
        0x04C0 => 0x04CF,
        0x04C1..=0x04CE => pair(false),
        // Armenian, Georgian (Asomtavruli to Nuskhuri), full-width Latin.
        0x0531..=0x0556 => code + 0x30,
        0x10A0..=0x10C5 | 0x10C7 | 0x10CD => code + 0x1C60,
        0xFF21..=0xFF3A => code + 0x20,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `s` folded: lower case, without marks, đ → d.
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// The folded words of `s`: runs of letters and digits.
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in s.chars() {
        match fold_char(c) {
            None => {}
            Some(f) if f.is_alphanumeric() => current.push(f),
            Some(_) if !current.is_empty() => out.push(std::mem::take(&mut current)),
            Some(_) => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A readable address part for a section name: "Lao động - Việc làm" → "lao-dong-viec-lam".
pub fn slug(name: &str) -> String {
    words(name).join("-")
}

/// Where a query word was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Title = 3,
    Meta = 2,
    Body = 1,
}

/// An article's words while the index is being built (temporary ids).
struct Entry {
    item: Arc<Item>,
    title: Vec<u32>,
    meta: Vec<u32>,
    body: Vec<u32>,
}

/// The search index of one feed.
pub struct Index {
    /// Tells indexes apart, so that [`Hits`] of one are never narrowed with another.
    serial: u64,
    /// Every distinct folded word, sorted; a word's id is its position.
    vocabulary: Vec<Box<str>>,
    /// The articles, newest first.
    items: Vec<Arc<Item>>,
    /// The word ids of every article one after another, in one block for a quick scan: its
    /// title's, then its summary / section / tags', then its body's, each part sorted.
    ids: Vec<u32>,
    /// For each article: where its title, meta and body parts start in `ids`, and its end.
    parts: Vec<[u32; 4]>,
}

/// What a search found, kept so that a longer query typed next (one more letter, one more
/// word) can look only among these articles instead of the whole feed.
#[derive(Clone, Default)]
pub struct Hits {
    serial: u64,
    terms: Vec<String>,
    /// Positions of the matching articles in the index, in index order.
    positions: Vec<u32>,
    /// The matching articles, best first.
    pub items: Arc<[Arc<Item>]>,
}

impl PartialEq for Hits {
    /// The same articles in the same order (compared by identity, which is cheap).
    fn eq(&self, other: &Self) -> bool {
        self.items.len() == other.items.len()
            && self
                .items
                .iter()
                .zip(other.items.iter())
                .all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

static NEXT_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Longest part of an article body that is indexed.
const BODY_CHARS: usize = 20_000;

/// A small, fast hash (FxHash) for the word table: the default SipHash is built to resist
/// attacks on servers, which costs time here and buys nothing.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type WordTable = HashMap<Box<str>, u32, std::hash::BuildHasherDefault<WordHasher>>;

/// Builds an [`Index`] a batch of articles at a time, so that a 10,000-item feed can be indexed
/// between frames.
#[derive(Default)]
pub struct IndexBuilder {
    /// Words in the order first seen; ids here are temporary until [`IndexBuilder::finish`].
    words: Vec<Box<str>>,
    table: WordTable,
    entries: Vec<Entry>,
    word: String,
}

impl IndexBuilder {
    /// The temporary id of every word of `text`, appended to `out`.
    fn add_words(&mut self, text: &str, out: &mut Vec<u32>) {
        let mut word = std::mem::take(&mut self.word);
        let mut flush = |word: &mut String, this: &mut Self| {
            if word.is_empty() {
                return;
            }
            let id = match this.table.get(word.as_str()) {
                Some(id) => *id,
                None => {
                    let id = u32::try_from(this.words.len()).unwrap_or(u32::MAX);
                    let boxed: Box<str> = word.as_str().into();
                    this.words.push(boxed.clone());
                    this.table.insert(boxed, id);
                    id
                }
            };
            out.push(id);
            word.clear();
        };
        for c in text.chars() {
            match fold_char(c) {
                None => {}
                Some(f) if f.is_alphanumeric() => word.push(f),
                Some(_) => flush(&mut word, self),
            }
        }
        flush(&mut word, self);
        self.word = word;
    }

    pub fn add(&mut self, items: &[Arc<Item>]) {
        for item in items {
            let mut title = Vec::new();
            self.add_words(&item.title, &mut title);
            let mut meta = Vec::new();
            self.add_words(&item.summary, &mut meta);
            for tag in &item.tags {
                self.add_words(tag, &mut meta);
            }
            for author in &item.authors {
                self.add_words(&author.name, &mut meta);
            }
            let mut body = Vec::new();
            match &item.body {
                Body::Html(html) => {
                    let text = text::html_to_text(html);
                    let cut = text
                        .char_indices()
                        .nth(BODY_CHARS)
                        .map_or(text.len(), |(i, _)| i);
                    self.add_words(text.get(..cut).unwrap_or(""), &mut body);
                }
                Body::Text(paragraphs) => {
                    for paragraph in paragraphs {
                        self.add_words(paragraph, &mut body);
                    }
                }
                Body::Empty => {}
            }
            self.entries.push(Entry {
                item: Arc::clone(item),
                title,
                meta,
                body,
            });
        }
    }

    /// Sorts the vocabulary and gives every word its final id, so that words sharing a prefix
    /// have neighbouring ids.
    pub fn finish(self) -> Index {
        let mut order: Vec<u32> =
            (0..u32::try_from(self.words.len()).unwrap_or(u32::MAX)).collect();
        order.sort_unstable_by(|a, b| {
            let word = |id: &u32| self.words.get(*id as usize).map(|w| &**w).unwrap_or("");
            word(a).cmp(word(b))
        });
        let mut final_id = vec![0u32; order.len()];
        for (position, temporary) in order.iter().enumerate() {
            if let Some(slot) = final_id.get_mut(*temporary as usize) {
                *slot = u32::try_from(position).unwrap_or(u32::MAX);
            }
        }
        let remap = |list: Vec<u32>| {
            let mut list: Vec<u32> = list
                .into_iter()
                .filter_map(|id| final_id.get(id as usize).copied())
                .collect();
            list.sort_unstable();
            list.dedup();
            list
        };
        let mut items = Vec::with_capacity(self.entries.len());
        let mut ids = Vec::new();
        let mut parts = Vec::with_capacity(self.entries.len());
        let offset = |ids: &Vec<u32>| u32::try_from(ids.len()).unwrap_or(u32::MAX);
        for entry in self.entries {
            let title = offset(&ids);
            ids.extend(remap(entry.title));
            let meta = offset(&ids);
            ids.extend(remap(entry.meta));
            let body = offset(&ids);
            ids.extend(remap(entry.body));
            parts.push([title, meta, body, offset(&ids)]);
            items.push(entry.item);
        }
        let mut words = self.words;
        let vocabulary = order
            .iter()
            .map(|id| {
                words
                    .get_mut(*id as usize)
                    .map(std::mem::take)
                    .unwrap_or_default()
            })
            .collect();
        Index {
            serial: NEXT_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            vocabulary,
            items,
            ids,
            parts,
        }
    }
}

impl Index {
    pub fn build(items: &[Arc<Item>]) -> Index {
        let mut builder = IndexBuilder::default();
        builder.add(items);
        builder.finish()
    }

    /// The ids of all words starting with `prefix`: a range, since ids follow sorted order.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.vocabulary.partition_point(|w| &**w < prefix);
        let len = self
            .vocabulary
            .get(start..)
            .unwrap_or_default()
            .partition_point(|w| w.starts_with(prefix));
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = start.saturating_add(u32::try_from(len).unwrap_or(0));
        start..end
    }

    /// Articles matching every word of `query`, best first: by where the words were found
    /// (title above summary, section and tags, above body), then newest first.
    pub fn search(&self, query: &str) -> Vec<Arc<Item>> {
        self.search_from(query, None).items.to_vec()
    }

    /// [`Index::search`], narrowed to the `previous` hits when the query only adds to the
    /// previous one (every earlier word is the start of a word now), as it does while a
    /// reader types: then no article outside them can match, and the whole feed is not
    /// scanned again.
    pub fn search_from(&self, query: &str, previous: Option<&Hits>) -> Hits {
        let terms = words(query);
        let ranges: Vec<std::ops::Range<u32>> =
            terms.iter().map(|t| self.prefix_range(t)).collect();
        let mut hits = Hits {
            serial: self.serial,
            ..Hits::default()
        };
        if terms.is_empty() || ranges.iter().any(|r| r.is_empty()) {
            hits.terms = terms;
            return hits;
        }
        let narrows = previous.filter(|p| {
            p.serial == self.serial
                && !p.terms.is_empty()
                && p.terms
                    .iter()
                    .all(|old| terms.iter().any(|new| new.starts_with(old.as_str())))
        });
        let has = |part: &[u32], range: &std::ops::Range<u32>| {
            let i = part.partition_point(|id| *id < range.start);
            part.get(i).is_some_and(|id| range.contains(id))
        };
        let score = |position: u32| -> Option<u32> {
            let [title, meta, body, end] = *self.parts.get(position as usize)?;
            let part = |from: u32, to: u32| self.ids.get(from as usize..to as usize);
            let (title, meta, body) = (part(title, meta)?, part(meta, body)?, part(body, end)?);
            let mut score = 0;
            for range in &ranges {
                let best = if has(title, range) {
                    Field::Title
                } else if has(meta, range) {
                    Field::Meta
                } else if has(body, range) {
                    Field::Body
                } else {
                    return None;
                };
                score += best as u32;
            }
            Some(score)
        };
        let mut scored: Vec<(u32, u32)> = match narrows {
            Some(previous) => previous
                .positions
                .iter()
                .filter_map(|&p| score(p).map(|s| (s, p)))
                .collect(),
            None => (0..u32::try_from(self.parts.len()).unwrap_or(u32::MAX))
                .filter_map(|p| score(p).map(|s| (s, p)))
                .collect(),
        };
        hits.positions = scored.iter().map(|(_, p)| *p).collect();
        // Articles are already newest first, and the sort is stable.
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        hits.items = scored
            .into_iter()
            .filter_map(|(_, p)| self.items.get(p as usize).cloned())
            .collect();
        hits.terms = terms;
        hits
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// `text` cut into pieces, each marked when it is (part of) a word that starts with one of the
/// query's words: for highlighting, as text, never as HTML.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let terms = words(query);
    if terms.is_empty() {
        return vec![(text.to_string(), false)];
    }
    // Words of `text` with their byte ranges, folded.
    let mut marked: Vec<std::ops::Range<usize>> = Vec::new();
    let mut word = String::new();
    let mut start = None;
    let mut flush = |word: &mut String, start: &mut Option<usize>, end: usize| {
        if let Some(begin) = start.take() {
            if let Some(term) = terms.iter().find(|t| word.starts_with(t.as_str())) {
                // Mark as many characters of the original as the term has folded letters.
                let mut taken = 0;
                let mut stop = end;
                for (offset, c) in text.get(begin..end).unwrap_or("").char_indices() {
                    if taken == term.chars().count() {
                        stop = begin + offset;
                        break;
                    }
                    if fold_char(c).is_some() {
                        taken += 1;
                    }
                }
                marked.push(begin..stop);
            }
            word.clear();
        }
    };
    for (offset, c) in text.char_indices() {
        match fold_char(c) {
            None => {}
            Some(f) if f.is_alphanumeric() => {
                if start.is_none() {
                    start = Some(offset);
                }
                word.push(f);
            }
            Some(_) => flush(&mut word, &mut start, offset),
        }
    }
    flush(&mut word, &mut start, text.len());

    let mut pieces = Vec::new();
    let mut at = 0;
    for range in marked {
        if let Some(before) = text.get(at..range.start).filter(|s| !s.is_empty()) {
            pieces.push((before.to_string(), false));
        }
        if let Some(hit) = text.get(range.clone()) {
            pieces.push((hit.to_string(), true));
        }
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|s| !s.is_empty()) {
        pieces.push((rest.to_string(), false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Author, Body};

    #[test]
    fn lower_case_without_tables_matches_the_standard_library() {
        let blocks = [
            0x0080..=0x024F,
            0x0370..=0x03FF,
            0x0400..=0x058F,
            0x10A0..=0x10FF,
            0x1E00..=0x1EFF,
            0xFF00..=0xFF5F,
        ];
        let mut checked = 0;
        for code in blocks.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut std_lower = c.to_lowercase();
            let expected = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => l,
                // İ lower-cases to i + a combining dot, which folding drops.
                (Some(l), Some(_)) => l,
                _ => c,
            };
            // Vietnamese letters never reach `lower` (folding maps them to base letters
            // first); letters outside the pairs it covers (Latin Extended-B, archaic Greek)
            // keep their case; everything else must agree.
            if (0x1EA0..=0x1EF9).contains(&code) {
                assert!(
                    fold_char(c).is_some_and(|f| f.is_ascii_lowercase()),
                    "U+{code:04X}"
                );
                continue;
            }
            let irregular_latin_b = (0x0180..=0x024F).contains(&code)
                && !(0x01CD..=0x01DC).contains(&code)
                && !(0x01DE..=0x01EF).contains(&code)
                && !(0x01F8..=0x021F).contains(&code)
                && !(0x0222..=0x0233).contains(&code)
                && code != 0x018F;
            let covered = !irregular_latin_b && !(0x0370..=0x0385).contains(&code);
            if covered {
                assert_eq!(lower(c), expected, "U+{code:04X}");
                checked += 1;
            } else {
                assert!(lower(c) == expected || lower(c) == c, "U+{code:04X}");
            }
        }
        assert!(checked > 1200, "{checked}");
        assert_eq!(
            fold("ΑΘΗΝΑ Москва ĐÀ NẴNG Ÿ ȘTEFAN"),
            "αθηνα москва da nang y ștefan"
        );
    }

    #[test]
    fn folding_vietnamese() {
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("LAO ĐỘNG"), "lao dong");
        assert_eq!(fold("Lao động"), "lao dong");
        assert_eq!(fold("Thương binh và Xã hội"), "thuong binh va xa hoi");
        assert_eq!(fold("Ưu đãi người có công"), "uu dai nguoi co cong");
        assert_eq!(
            fold("Đa\u{300} Na\u{306}\u{303}ng"),
            "da nang",
            "NFD folds like NFC"
        );
        assert_eq!(fold("Ấ Ầ Ẩ Ẫ Ậ Ắ Ằ Ẳ Ẵ Ặ ạ ả"), "a a a a a a a a a a a a");
        assert_eq!(fold("Ế Ề Ể Ễ Ệ ẹ ẻ ẽ Ỉ ị"), "e e e e e e e e i i");
        assert_eq!(fold("Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ ọ ỏ"), "o o o o o o o o o o o o");
        assert_eq!(fold("Ứ Ừ Ử Ữ Ự ụ ủ Ỳ Ỵ Ỷ Ỹ"), "u u u u u u u y y y y");
        assert_eq!(fold("Ĩ ĩ Ũ ũ Ơ ơ Ư ư Ă ă"), "i i u u o o u u a a");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_its_base() {
        use unicode_normalization::UnicodeNormalization;
        // Every vowel with every tone, composed, in both cases: 12 x 6 x 2 letters.
        let vowels = [
            ("a", 'a'),
            ("a\u{306}", 'a'),
            ("a\u{302}", 'a'),
            ("e", 'e'),
            ("e\u{302}", 'e'),
            ("i", 'i'),
            ("o", 'o'),
            ("o\u{302}", 'o'),
            ("o\u{31B}", 'o'),
            ("u", 'u'),
            ("u\u{31B}", 'u'),
            ("y", 'y'),
        ];
        let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
        let mut seen = 0;
        for (vowel, base) in vowels {
            for tone in tones {
                let lower: String = format!("{vowel}{tone}").nfc().collect();
                let upper: String = lower.to_uppercase().nfc().collect();
                for letter in [lower, upper] {
                    assert_eq!(
                        letter.chars().count(),
                        1,
                        "{letter} is one precomposed letter"
                    );
                    assert_eq!(
                        fold(&letter),
                        base.to_string(),
                        "{letter} {:?}",
                        letter.chars().next()
                    );
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 144);
        assert_eq!(fold("Đđ"), "dd");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Lao động - Việc làm"), "lao-dong-viec-lam");
        assert_eq!(slug("Tin hoạt động"), "tin-hoat-dong");
        assert_eq!(slug("  Bảo trợ   xã hội!! "), "bao-tro-xa-hoi");
        assert_eq!(slug("Người có công"), "nguoi-co-cong");
        assert_eq!(slug("---"), "");
    }

    fn item(id: &str, title: &str, summary: &str, body: &str, published: i64) -> Arc<Item> {
        Arc::new(Item {
            id: id.into(),
            url: None,
            external_url: None,
            title: title.into(),
            summary: summary.into(),
            body: Body::Text(vec![body.into()]),
            image: None,
            published: Some(published),
            modified: None,
            authors: vec![Author {
                name: "Văn phòng Sở".into(),
                url: None,
            }],
            tags: vec!["Tin hoạt động".into()],
            language: None,
        })
    }

    fn ids(items: &[Arc<Item>]) -> Vec<&str> {
        items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn ranking_and_matching() {
        let items = vec![
            item(
                "body",
                "Hội nghị tổng kết",
                "Tóm tắt",
                "Người lao động ở Đà Nẵng",
                5,
            ),
            item(
                "summary",
                "Phiên giao dịch",
                "Tuyển lao động tại Đà Nẵng",
                "x",
                4,
            ),
            item("title", "Đà Nẵng: lao động trở lại làm việc", "x", "x", 3),
            item("title-old", "LAO ĐỘNG ĐÀ NẴNG", "x", "x", 1),
            item("none", "Trẻ em", "Tháng hành động", "Bảo vệ trẻ em", 2),
        ];
        let index = Index::build(&items);
        assert_eq!(index.len(), 5);
        assert_eq!(
            ids(&index.search("da nang")),
            ["title", "title-old", "summary", "body"]
        );
        assert_eq!(index.search("lao dong").len(), 4);
        assert_eq!(
            ids(&index.search("LAO ĐỘNG")),
            ids(&index.search("lao dong"))
        );
        assert_eq!(
            ids(&index.search("Đa\u{300} Na\u{306}\u{303}ng")),
            ids(&index.search("da nang"))
        );
        // Every word must match; a word matches words it starts.
        assert_eq!(ids(&index.search("lao tre")), Vec::<&str>::new());
        assert_eq!(ids(&index.search("tre")), ["none"]);
        // A query word matches the start of a word, not any part of it.
        assert!(index.search("dan").is_empty());
        assert_eq!(
            ids(&index.search("nan")),
            ["title", "title-old", "summary", "body"]
        );
        assert!(index.search("xyzzy qwerty").is_empty());
        assert!(index.search("   ").is_empty());
        // Section, tags and authors are searchable.
        assert_eq!(index.search("van phong").len(), 5);
    }

    #[test]
    fn typing_narrows_the_previous_hits_and_finds_the_same() {
        let items = vec![
            item("a", "Đà Nẵng: lao động", "Việc làm", "Người lao động", 6),
            item("b", "Lao động trẻ", "Đào tạo nghề", "x", 5),
            item("c", "Trẻ em Đà Nẵng", "Lao đao", "y", 4),
            item("d", "Người có công", "Đà Lạt", "lao", 3),
            item("e", "Dân số", "Đang làm", "Nắng nóng", 2),
        ];
        let index = Index::build(&items);
        for query in [
            "lao dong da nang",
            "da lat nguoi",
            "tre em",
            "dan so",
            "nguoi co cong",
        ] {
            let mut previous: Option<Hits> = None;
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let narrowed = index.search_from(&typed, previous.as_ref());
                assert_eq!(
                    ids(&narrowed.items),
                    ids(&index.search(&typed)),
                    "{typed:?}"
                );
                previous = Some(narrowed);
            }
        }
        // Deleting or changing a word searches the whole index again.
        let lao = index.search_from("lao", None);
        assert_eq!(
            ids(&index.search_from("la", Some(&lao)).items),
            ids(&index.search("la"))
        );
        assert_eq!(ids(&index.search_from("tre", Some(&lao)).items), ["b", "c"]);
        // Hits of another index (a refreshed feed) are never used to narrow.
        let other = Index::build(&items[..1]);
        let from_other = other.search_from("lao", None);
        assert_eq!(from_other.items.len(), 1);
        assert_eq!(
            ids(&index.search_from("lao d", Some(&from_other)).items),
            ["a", "b", "c", "d"]
        );
        // Hits compare by the articles they hold.
        assert!(index.search_from("lao", None) == lao);
        assert!(index.search_from("tre", None) != lao);
    }

    #[test]
    fn highlights_are_text_ranges_of_the_original() {
        assert_eq!(
            highlight("Đà Nẵng: lao động", "da nang"),
            vec![
                ("Đà".into(), true),
                (" ".into(), false),
                ("Nẵng".into(), true),
                (": lao động".into(), false)
            ]
        );
        assert_eq!(
            highlight("Người lao động", "lao do"),
            vec![
                ("Người ".into(), false),
                ("lao".into(), true),
                (" ".into(), false),
                ("độ".into(), true),
                ("ng".into(), false)
            ]
        );
        assert_eq!(
            highlight("<b>x</b>", "b"),
            vec![
                ("<".into(), false),
                ("b".into(), true),
                (">x</".into(), false),
                ("b".into(), true),
                (">".into(), false)
            ]
        );
        assert_eq!(
            highlight("không có", "xyz"),
            vec![("không có".into(), false)]
        );
        assert_eq!(highlight("abc", ""), vec![("abc".into(), false)]);
    }
}
