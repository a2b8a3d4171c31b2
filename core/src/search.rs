//! Vietnamese-aware search: an index built once per feed over folded words ("Đà Nẵng" and
//! "da nang" are the same words, see [`crate::text::fold`]), ranked results, and highlights.
//!
//! The index gives every distinct folded word an id in sorted order, so that all words
//! starting with a prefix form one id range; each article keeps the sorted ids of the words in
//! its title, its summary / section / tags, and its body. A query word matches an article
//! when a word of it starts with the query word; every query word must match.

use crate::feed::{Body, Item};
use crate::text::{self, fold_char, words};
use std::collections::HashMap;
use std::sync::Arc;

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
            base: None,
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
