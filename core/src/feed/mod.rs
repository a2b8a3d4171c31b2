//! The feed model: what the views show, built from a JSON Feed, RSS or Atom document.
//!
//! [`parse`] turns the bytes of a JSON Feed 1.0 or 1.1 document (or, on the host, RSS or Atom:
//! [`xml`]; the browser parses XML itself and calls [`Parser::from_xml`]) into a clean [`Feed`]: text
//! fields decoded and NFC-normalised, URLs resolved against the feed's own address and limited
//! to http(s), dates read in every form real feeds use, items without an id falling back to
//! their URL, duplicates dropped, unusable items skipped and counted, and the items ordered
//! newest first with undated ones last.

mod json;
mod split;
pub mod xml;

use crate::error::FeedError;
use crate::{dates, text, urls};
use json::{RawAuthor, RawFeed, RawItem, ReadError};
use split::SplitError;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A cheap fingerprint of a feed document (FxHash over 8-byte words), to skip parsing and
/// drawing again a feed that has not changed.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut hash = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(word);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    for &byte in words.remainder() {
        hash = (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
    }
    hash
}

/// Longest title or name kept; longer ones are cut at a word with an ellipsis.
const MAX_LINE_CHARS: usize = 300;
/// Length of a summary made from the article body when the feed has none.
const SUMMARY_CHARS: usize = 220;

#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// The address the feed was fetched from; relative URLs were resolved against it.
    pub address: String,
    pub title: String,
    pub description: String,
    pub home_page_url: Option<String>,
    pub language: Option<String>,
    pub next_url: Option<String>,
    pub items: Vec<Arc<Item>>,
    /// Items that could not be used (not an object, no id and no url, nothing to show).
    pub skipped: usize,
    /// Items dropped because an earlier item had the same id.
    pub duplicates: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    /// The article's own page, when the feed gives one.
    pub url: Option<String>,
    /// The page the article is about, when it is elsewhere.
    pub external_url: Option<String>,
    pub title: String,
    /// Plain text, possibly made from the body.
    pub summary: String,
    pub body: Body,
    pub image: Option<String>,
    pub published: Option<i64>,
    pub modified: Option<i64>,
    pub authors: Vec<Author>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    /// What relative links in the body resolve against when it is not the feed's address
    /// (an RSS or Atom `xml:base`).
    pub base: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Untrusted HTML: it must pass the sanitiser before it reaches the page.
    Html(String),
    /// Plain text, split into paragraphs at blank lines.
    Text(Vec<String>),
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

impl Item {
    /// The section ("chuyên mục"): the first tag.
    pub fn section(&self) -> Option<&str> {
        self.tags.first().map(String::as_str)
    }

    /// The date shown and sorted by: published, or modified when that is all there is.
    pub fn date(&self) -> Option<i64> {
        self.published.or(self.modified)
    }

    /// The modified date, when it is worth showing beside the published one: on another day.
    pub fn updated_on_another_day(&self) -> Option<i64> {
        let published = dates::LocalTime::from_timestamp(self.published?)?;
        let modified_at = self.modified?;
        let modified = dates::LocalTime::from_timestamp(modified_at)?;
        (!published.same_day(&modified) && modified_at > self.published?).then_some(modified_at)
    }

    /// What relative links in the body resolve against: its own base, else the feed's address.
    pub fn base<'a>(&'a self, feed_address: &'a str) -> &'a str {
        self.base.as_deref().unwrap_or(feed_address)
    }

    /// The best page to send a reader to for the original.
    pub fn original_url(&self) -> Option<&str> {
        self.url.as_deref().or(self.external_url.as_deref())
    }
}

/// A section ("chuyên mục") of a feed: the first tag of its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    /// The readable address part: "Lao động - Việc làm" → "lao-dong-viec-lam".
    pub slug: String,
    pub count: usize,
}

impl Feed {
    pub fn item(&self, id: &str) -> Option<&Arc<Item>> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The sections of the feed in alphabetical order (ignoring marks), each with its count.
    pub fn sections(&self) -> Vec<Section> {
        // Counted by name first (10,000 items, a handful of names), then made sections.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for name in self.items.iter().filter_map(|i| i.section()) {
            *counts.entry(name).or_default() += 1;
        }
        let mut sections: Vec<Section> = counts
            .into_iter()
            .map(|(name, count)| Section {
                name: name.to_string(),
                slug: text::slug(name),
                count,
            })
            .collect();
        sections.retain(|s| !s.slug.is_empty());
        sections.sort_by_cached_key(|s| (text::fold(&s.name), s.name.clone()));
        sections
    }

    /// The section whose slug is `slug`, if the feed has it.
    pub fn section(&self, slug: &str) -> Option<Section> {
        self.sections().into_iter().find(|s| s.slug == slug)
    }

    /// The articles of a section, newest first.
    pub fn in_section(&self, slug: &str) -> Vec<Arc<Item>> {
        let names: Vec<String> = self
            .sections()
            .into_iter()
            .filter(|s| s.slug == slug)
            .map(|s| s.name)
            .collect();
        self.items
            .iter()
            .filter(|i| {
                i.section()
                    .is_some_and(|name| names.iter().any(|n| n == name))
            })
            .cloned()
            .collect()
    }

    /// Up to `limit` other articles of the same section, newest first ("Tin cùng chuyên mục").
    pub fn related(&self, item: &Item, limit: usize) -> Vec<Arc<Item>> {
        let Some(section) = item.section() else {
            return Vec::new();
        };
        self.items
            .iter()
            .filter(|other| other.id != item.id && other.section() == Some(section))
            .take(limit)
            .cloned()
            .collect()
    }

    /// The articles just before (newer) and just after (older) `item` in the list.
    pub fn neighbours(&self, item: &Item) -> (Option<Arc<Item>>, Option<Arc<Item>>) {
        let Some(position) = self.items.iter().position(|i| i.id == item.id) else {
            return (None, None);
        };
        let newer = position
            .checked_sub(1)
            .and_then(|p| self.items.get(p))
            .cloned();
        let older = self.items.get(position + 1).cloned();
        (newer, older)
    }

    /// This feed with a further page (from `next_url`) merged in: articles already here keep
    /// their place, new ones join in date order, and the page's `next_url` is the next one.
    pub fn merged_with(&self, page: Feed) -> Feed {
        let mut merged = self.clone();
        let mut duplicates = 0;
        for item in page.items {
            if merged.items.iter().any(|i| i.id == item.id) {
                duplicates += 1;
            } else {
                merged.items.push(item);
            }
        }
        sort_newest_first(&mut merged.items);
        merged.next_url = page
            .next_url
            .filter(|next| Some(next) != self.next_url.as_ref());
        merged.skipped += page.skipped;
        merged.duplicates += page.duplicates + duplicates;
        merged
    }
}

/// Newest first, undated last; the sort is stable, so ties keep their order.
fn sort_newest_first(items: &mut [Arc<Item>]) {
    items.sort_by(|a, b| match (a.date(), b.date()) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// Reads a feed document fetched from `address` (an absolute URL), all at once: JSON Feed, and
/// on the host RSS and Atom too.
pub fn parse(bytes: &[u8], address: &str) -> Result<Feed, FeedError> {
    let mut parser = Parser::new(bytes.to_vec(), address)?;
    while !parser.step(usize::MAX) {}
    Ok(parser.finish())
}

/// The format of a feed, as the feed check names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// JSON Feed, with the version it declares ("1.1"), if any.
    Json {
        version: Option<String>,
    },
    Xml(xml::Format),
}

impl Format {
    pub fn name(&self) -> String {
        match self {
            Format::Json { version: Some(v) } => format!("JSON Feed {v}"),
            Format::Json { version: None } => "JSON Feed".to_string(),
            Format::Xml(format) => format.name(),
        }
    }
}

/// The Accept header of feed requests (the app's and the feed check's): JSON Feed first, then
/// Atom and RSS, then anything (a configuration file is JSON too).
pub const ACCEPT: &str = "application/feed+json, application/json;q=0.9, application/atom+xml;q=0.8, application/rss+xml;q=0.8, application/xml;q=0.7, text/xml;q=0.7, */*;q=0.1";

/// The UTF-8 byte order mark, which some servers put before a document.
pub const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// The structural pass over a decoded document ([`split::Splitter`]) in steps of about a
/// given number of bytes, before the items are read ([`Parser`]): a document of megabytes
/// never holds the page for long.
pub struct Splitting {
    text: String,
    address: String,
    splitter: split::Splitter,
}

impl Splitting {
    /// A document already decoded, its byte order mark removed, fetched from `address`.
    pub fn new(text: String, address: &str) -> Splitting {
        Splitting {
            text,
            address: address.to_string(),
            splitter: split::Splitter::default(),
        }
    }

    /// Reads about `budget` more bytes; `true` once the structure is known. A document that is
    /// not JSON, or JSON but not a feed, is an error here.
    pub fn step(&mut self, budget: usize) -> Result<bool, FeedError> {
        match self.splitter.step(&self.text, budget) {
            Ok(done) => Ok(done),
            Err(SplitError::Syntax) => Err(FeedError::NotJson),
            // Valid JSON of another kind is "not a feed"; anything else "not JSON".
            Err(SplitError::NotAnObject) => Err(
                match serde_json::from_str::<serde::de::IgnoredAny>(&self.text) {
                    Ok(_) => FeedError::NotFeed,
                    Err(_) => FeedError::NotJson,
                },
            ),
        }
    }

    /// The parser of the items, once [`Splitting::step`] has said the structure is known.
    pub fn into_parser(self) -> Result<Parser, FeedError> {
        Parser::after_split(self.text, self.address, self.splitter.finish())
    }
}

/// Reads a feed in steps, so that the browser can paint and answer input between them: a
/// quick structural pass first ([`split`]), then the items a batch at a time.
pub struct Parser {
    /// The XML format, when the document is XML (JSON Feed's version is in `meta`).
    xml: Option<xml::Format>,
    source: Source,
    address: String,
    next: usize,
    meta: RawFeed,
    items: Vec<Arc<Item>>,
    seen: HashSet<String>,
    /// Items not used: where each is among the document's items, and why.
    skipped: Vec<(usize, Skip)>,
    /// Items dropped because an earlier one had the same id: where, and the id.
    duplicates: Vec<(usize, String)>,
}

/// Why an item of a document is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Not an object (JSON), or not readable at all.
    Unreadable,
    /// No id, no address (guid, link, url): it could not be opened or told apart.
    NoId,
    /// No title, no text and no picture: nothing to show.
    NothingToShow,
}

impl Skip {
    /// The reason, for the feed check (in English, for a web team).
    pub fn reason(&self) -> &'static str {
        match self {
            Skip::Unreadable => "not an item (not an object, or unreadable)",
            Skip::NoId => "no id and no address (id, guid, link or url)",
            Skip::NothingToShow => "no title, no text and no picture",
        }
    }
}

/// What a feed check reports besides the feed: the items not used, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Position among the document's items (from 0), and why.
    pub skipped: Vec<(usize, Skip)>,
    /// Position among the document's items, and the id an earlier item already had.
    pub duplicates: Vec<(usize, String)>,
}

impl Parser {
    pub fn new(bytes: Vec<u8>, address: &str) -> Result<Parser, FeedError> {
        let bytes = match bytes.strip_prefix(BYTE_ORDER_MARK) {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        // Invalid UTF-8 becomes U+FFFD rather than refusing the whole feed.
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Parser::from_text(text, address)
    }

    /// As [`Parser::new`], for a document already decoded (see `text::decode_utf8_step`,
    /// which decodes a large one in parts), its byte order mark removed.
    pub fn from_text(text: String, address: &str) -> Result<Parser, FeedError> {
        #[cfg(not(target_arch = "wasm32"))]
        if xml::looks_like_xml(&text) {
            let prepared = xml::prepare(&text);
            let document = xml::host::parse(&prepared).ok_or(FeedError::NotFeed)?;
            return Parser::from_xml_root(&xml::host::Node(document.root_element()), address);
        }
        let mut splitting = Splitting::new(text, address);
        while !splitting.step(usize::MAX)? {}
        splitting.into_parser()
    }

    /// Builds the parser once the structural pass is complete.
    fn after_split(
        text: String,
        address: String,
        parts: split::Split,
    ) -> Result<Parser, FeedError> {
        let meta = json::read(&parts.meta).map_err(|e| match e {
            ReadError::Syntax => FeedError::NotJson,
            ReadError::NotAnObject => FeedError::NotFeed,
        })?;
        if parts.items.is_none() && !is_json_feed_version(meta.version.as_deref()) {
            return Err(FeedError::NotFeed);
        }
        let ranges = parts.items.unwrap_or_default();
        Ok(Parser {
            items: Vec::with_capacity(ranges.len()),
            xml: None,
            source: Source::Json { text, ranges },
            address,
            next: 0,
            meta,
            seen: HashSet::new(),
            skipped: Vec::new(),
            duplicates: Vec::new(),
        })
    }

    /// The parser of the XML document whose root element is `root` (parsed by the browser, or
    /// on the host by `roxmltree`): "not a feed" unless it is RSS or Atom.
    pub fn from_xml_root<E: xml::Element>(root: &E, address: &str) -> Result<Parser, FeedError> {
        let read = xml::read(root, address).map_err(|_| FeedError::NotFeed)?;
        Ok(Parser::from_xml(read, address))
    }

    /// The parser of a feed read from an XML tree (RSS or Atom, see [`xml::read`]).
    pub fn from_xml(feed: xml::XmlFeed, address: &str) -> Parser {
        let count = feed.items.len();
        Parser {
            xml: Some(feed.format),
            source: Source::Read(feed.items.into_iter().map(Some).collect()),
            address: address.to_string(),
            next: 0,
            meta: feed.meta,
            items: Vec::with_capacity(count),
            seen: HashSet::new(),
            skipped: Vec::new(),
            duplicates: Vec::new(),
        }
    }

    /// The format of the document.
    pub fn format(&self) -> Format {
        match &self.xml {
            Some(format) => Format::Xml(format.clone()),
            None => Format::Json {
                version: self.meta.version.as_deref().and_then(json_feed_version),
            },
        }
    }

    /// How many items the document has, usable or not.
    pub fn item_count(&self) -> usize {
        match &self.source {
            Source::Json { ranges, .. } => ranges.len(),
            Source::Read(items) => items.len(),
        }
    }

    /// Reads up to `budget` more items; `true` when all are read.
    pub fn step(&mut self, budget: usize) -> bool {
        let total = self.item_count();
        let end = total.min(self.next.saturating_add(budget));
        while self.next < end {
            let raw = match &mut self.source {
                Source::Json { text, ranges } => ranges
                    .get(self.next)
                    .and_then(|range| text.get(range.clone()))
                    .and_then(json::read_item),
                Source::Read(items) => items.get_mut(self.next).and_then(Option::take),
            };
            self.next += 1;
            let language = self.meta.language.as_deref();
            let read = raw
                .ok_or(Skip::Unreadable)
                .and_then(|raw| item(raw, &self.address, &self.meta.authors, language));
            let position = self.next - 1;
            match read {
                Ok(item) => {
                    if self.seen.insert(item.id.clone()) {
                        self.items.push(Arc::new(item));
                    } else {
                        self.duplicates.push((position, item.id.clone()));
                    }
                }
                Err(why) => self.skipped.push((position, why)),
            }
        }
        self.next >= total
    }

    /// The feed, from what has been read.
    pub fn finish(self) -> Feed {
        self.finish_with_report().0
    }

    /// The feed, and which items were not used and why (the feed check).
    pub fn finish_with_report(self) -> (Feed, Report) {
        let Parser {
            address,
            meta,
            mut items,
            skipped,
            duplicates,
            ..
        } = self;
        let report = Report {
            skipped,
            duplicates,
        };
        sort_newest_first(&mut items);
        let feed = Feed {
            title: line(meta.title.as_deref()),
            description: line(meta.description.as_deref()),
            home_page_url: http_url(&address, meta.home_page_url.as_deref()),
            language: meta.language.map(|l| text::collapse_whitespace(&l)),
            next_url: http_url(&address, meta.next_url.as_deref()),
            address,
            items,
            skipped: report.skipped.len(),
            duplicates: report.duplicates.len(),
        };
        (feed, report)
    }
}

/// Where a parser's items come from.
enum Source {
    /// A JSON Feed document and where each item is in it (read one at a time).
    Json {
        text: String,
        ranges: Vec<std::ops::Range<usize>>,
    },
    /// Items already read (from XML), each taken once.
    Read(Vec<Option<RawItem>>),
}

/// "https://jsonfeed.org/version/1.1" → "1.1".
fn json_feed_version(version: &str) -> Option<String> {
    let v = version.trim().trim_end_matches('/');
    v.rsplit_once("/version/")
        .map(|(_, number)| number.to_string())
        .filter(|n| !n.is_empty())
}

fn is_json_feed_version(version: Option<&str>) -> bool {
    version.is_some_and(|v| {
        let v = v
            .trim()
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        v.starts_with("jsonfeed.org/version/1")
    })
}

fn line(s: Option<&str>) -> String {
    text::excerpt(&text::clean_line(s.unwrap_or("")), MAX_LINE_CHARS)
}

fn http_url(base: &str, reference: Option<&str>) -> Option<String> {
    urls::resolve(base, reference?).filter(|u| urls::is_http(u))
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

fn item(
    raw: RawItem,
    address: &str,
    feed_authors: &[RawAuthor],
    feed_language: Option<&str>,
) -> Result<Item, Skip> {
    let url = http_url(address, raw.url.as_deref());
    let id = non_empty(raw.id)
        .map(|id| text::nfc(id.trim()).into_owned())
        .or_else(|| url.clone())
        .or_else(|| non_empty(raw.url).map(|u| u.trim().to_string()))
        .ok_or(Skip::NoId)?;

    let body = match (non_empty(raw.content_html), non_empty(raw.content_text)) {
        (Some(html), _) => Body::Html(text::nfc(&html).into_owned()),
        (None, Some(plain)) => Body::Text(paragraphs(&plain)),
        (None, None) => Body::Empty,
    };
    let body_text = || match &body {
        Body::Html(html) => text::html_to_text(html),
        Body::Text(paragraphs) => paragraphs.join(" "),
        Body::Empty => String::new(),
    };

    let mut summary = line(raw.summary.as_deref());
    let mut title = line(raw.title.as_deref());
    if title.is_empty() || summary.is_empty() {
        let whole = body_text();
        if title.is_empty() {
            title = text::excerpt(&whole, 90);
        }
        if summary.is_empty() {
            summary = text::excerpt(&whole, SUMMARY_CHARS);
        }
    }
    let mut image = http_url(address, raw.image.as_deref())
        .or_else(|| http_url(address, raw.banner_image.as_deref()));
    // A post with no title (a photo post): the picture in its body is its thumbnail, and a
    // post with a picture and no words at all is titled "Ảnh" ("Photo").
    if raw.title.as_deref().is_none_or(|t| t.trim().is_empty()) && image.is_none() {
        image = match &body {
            Body::Html(html) => first_picture(html).and_then(|src| http_url(address, Some(&src))),
            _ => None,
        };
    }
    if title.is_empty() && image.is_some() {
        title = photo_title(raw.language.as_deref().or(feed_language)).to_string();
    }
    if title.is_empty() {
        return Err(Skip::NothingToShow);
    }
    if summary == title {
        summary.clear();
    }

    // JSON Feed 1.1 `authors`, else 1.0 `author`, else the feed's own authors.
    let authors = if !raw.authors.is_empty() {
        raw.authors
    } else if !raw.author.is_empty() {
        raw.author
    } else {
        feed_authors.to_vec()
    };
    let mut tags: Vec<String> = Vec::new();
    for tag in raw.tags {
        let tag = text::excerpt(&text::clean_line(&tag), 80);
        if !tag.is_empty() && !tags.contains(&tag) && tags.len() < 20 {
            tags.push(tag);
        }
    }

    Ok(Item {
        id,
        url,
        external_url: http_url(address, raw.external_url.as_deref()),
        title,
        summary,
        body,
        image,
        published: raw.date_published.as_deref().and_then(dates::parse),
        modified: raw.date_modified.as_deref().and_then(dates::parse),
        authors: authors
            .into_iter()
            .filter_map(|a| author(a, address))
            .collect(),
        tags,
        language: raw.language.map(|l| text::collapse_whitespace(&l)),
        base: raw.base.filter(|b| b != address && urls::is_http(b)),
    })
}

/// The title of a post that is only a picture, in the feed's language: "Ảnh", or "Photo" in an
/// English feed.
fn photo_title(language: Option<&str>) -> &'static str {
    match language {
        Some(l) if l.trim().to_ascii_lowercase().starts_with("en") => "Photo",
        _ => "Ảnh",
    }
}

/// The address of the first `<img src>` in an HTML fragment, as written.
fn first_picture(html: &str) -> Option<String> {
    let at = html.to_ascii_lowercase().find("<img")?;
    let tag = html.get(at..)?;
    let tag = tag.get(..tag.find('>').unwrap_or(tag.len()))?;
    text::attribute_values(tag, "src").into_iter().next()
}

fn author(raw: RawAuthor, address: &str) -> Option<Author> {
    let name = line(raw.name.as_deref());
    (!name.is_empty()).then(|| Author {
        name,
        url: http_url(address, raw.url.as_deref()),
    })
}

fn paragraphs(plain: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text::nfc(plain).lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            let paragraph = text::collapse_whitespace(&current);
            if !paragraph.is_empty() {
                out.push(paragraph);
            }
            current.clear();
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_xml;
