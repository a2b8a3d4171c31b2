//! `ban-tin-cli check FEED [--address URL]`: what the app will make of a feed, for the web team
//! that publishes it, before readers see it.
//!
//! FEED is a file or an http(s) address. The check reads it as the app does (the core parser:
//! JSON Feed, RSS 0.9x/1.0/2.0, Atom 1.0; the same 16 MB limit), then reports the format, the
//! items the app will show, the items it skips and why, and what a publisher can fix: items
//! without a date, relative links when the feed's address is unknown, pictures and articles
//! that are heavy for phones, duplicate ids.
//!
//! Relative links resolve against the feed's address. A file has none, unless `--address` says
//! where it will be published: then the file is read twice, against two placeholder addresses,
//! and whatever differs between the two readings came from a relative link.
//!
//! Exit codes: 0 when the app will show at least one item (even with warnings); 1 when it will
//! show nothing (no usable items, not a feed, too large); 2 for usage errors and when FEED
//! cannot be read at all (missing file, network, HTTP error).

use ban_tin_core::config::{DEFAULT_MAX_FEED_BYTES, DEFAULT_TIMEOUT_SECONDS};
use ban_tin_core::error::FeedError;
use ban_tin_core::feed::xml::{self, Element};
use ban_tin_core::feed::{Body, Feed, Item, Parser, Report, ACCEPT, BYTE_ORDER_MARK};
use ban_tin_core::i18n::Lang;
use ban_tin_core::{text, urls};
use std::fmt::{self, Write as _};
use std::io::Read;
use std::time::Duration;

pub const USAGE: &str = "usage: ban-tin-cli check FEED [--address URL]
  FEED           the feed to check: a file, or an http(s) address
  --address URL  where the file will be published: its relative links resolve against it
                 (without it, relative links in a file are reported as warnings)
exit codes:
  0  the app will show at least one item (there may be warnings to fix)
  1  the app will show nothing: no usable items, not a feed, or larger than 16 MB
  2  usage error, or FEED cannot be read (missing file, network or HTTP error)";

/// Two addresses a file is read against when its own is unknown (`.invalid` can never be a
/// real host): a link that reads differently against them is relative.
const PLACEHOLDER_A: &str = "https://a.invalid/feed";
const PLACEHOLDER_B: &str = "https://b.invalid/feed";
/// A picture or an article above this many bytes is heavy for phones.
const HEAVY_BYTES: u64 = 1_000_000;
/// Titles named in a one-line warning.
const TITLES_NAMED: usize = 5;
/// Lines of one kind (skipped items, duplicates, pictures) before "… and N more".
const LINES_LISTED: usize = 10;

pub struct Options {
    /// A file, or an http(s) address.
    pub feed: String,
    /// Where a file will be published (`--address`).
    pub address: Option<String>,
}

/// The check's report, and the exit code it calls for (0 or 1).
#[derive(Debug)]
pub struct Checked {
    pub text: String,
    pub code: u8,
}

/// FEED cannot be read at all (exit code 2).
#[derive(Debug)]
pub struct ReadError {
    pub feed: String,
    pub reason: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not read {}: {}", self.feed, self.reason)
    }
}

pub fn run(options: &Options) -> Result<Checked, ReadError> {
    let limit = DEFAULT_MAX_FEED_BYTES;
    let (bytes, fetched_from) = if urls::is_http(&options.feed) {
        let (bytes, address) = fetch(&options.feed, limit)?;
        (bytes, Some(address))
    } else {
        let path = options
            .feed
            .strip_prefix("file://")
            .unwrap_or(&options.feed);
        (read_file(path, limit)?, None)
    };
    let address = options.address.clone().or(fetched_from);
    if bytes.len() as u64 > limit {
        let mut out = String::new();
        line(&mut out, format_args!("Feed: {}", options.feed));
        let message = FeedError::TooLarge { limit_bytes: limit }.message(Lang::En.strings());
        line(&mut out, format_args!("Too large: {message}"));
        line(
            &mut out,
            format_args!("Result: FAIL, the app cannot show this feed."),
        );
        return Ok(Checked { text: out, code: 1 });
    }
    Ok(check(&options.feed, &bytes, address.as_deref()))
}

/// GETs `address` as the app does; the bytes (up to `limit + 1`) and the address they came
/// from after redirects.
fn fetch(address: &str, limit: u64) -> Result<(Vec<u8>, String), ReadError> {
    let fail = |reason: String| ReadError {
        feed: address.to_string(),
        reason,
    };
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(u64::from(DEFAULT_TIMEOUT_SECONDS)))
        .build();
    let response = agent
        .get(address)
        .set("Accept", ACCEPT)
        .call()
        .map_err(|e| match e {
            ureq::Error::Status(status, response) => fail(format!(
                "the server answered HTTP {status} {}",
                response.status_text()
            )),
            ureq::Error::Transport(transport) => fail(transport.to_string()),
        })?;
    let final_address = response.get_url().to_string();
    let mut bytes = Vec::new();
    response
        .into_reader()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => fail(format!(
                "no complete answer within {DEFAULT_TIMEOUT_SECONDS} seconds"
            )),
            _ => fail(e.to_string()),
        })?;
    Ok((bytes, final_address))
}

fn read_file(path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
    let fail = |e: std::io::Error| ReadError {
        feed: path.to_string(),
        reason: e.to_string(),
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(fail)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    Ok(bytes)
}

fn line(out: &mut String, args: fmt::Arguments<'_>) {
    let _ = out.write_fmt(args);
    out.push('\n');
}

/// One reading of the document.
struct Reading {
    format: String,
    in_document: usize,
    feed: Feed,
    report: Report,
}

fn read(bytes: &[u8], address: &str) -> Result<Reading, FeedError> {
    let mut parser = Parser::new(bytes.to_vec(), address)?;
    let format = parser.format().name();
    let in_document = parser.item_count();
    while !parser.step(usize::MAX) {}
    let (feed, report) = parser.finish_with_report();
    Ok(Reading {
        format,
        in_document,
        feed,
        report,
    })
}

/// Checks the document `bytes`, named `label` in the report, published at `address` when
/// that is known.
pub fn check(label: &str, bytes: &[u8], address: Option<&str>) -> Checked {
    let mut out = String::new();
    line(&mut out, format_args!("Feed: {label}"));
    let reading = match read(bytes, address.unwrap_or(PLACEHOLDER_A)) {
        Ok(reading) => reading,
        Err(error) => {
            line(
                &mut out,
                format_args!("Not a feed: {}", error.message(Lang::En.strings())),
            );
            if let Some(why) = why_not_a_feed(bytes) {
                line(&mut out, format_args!("Why: {why}"));
            }
            line(
                &mut out,
                format_args!("Result: FAIL, the app cannot show this document."),
            );
            return Checked { text: out, code: 1 };
        }
    };
    // The same document against another address, to tell relative links (a file's only).
    let other = match address {
        Some(_) => None,
        None => read(bytes, PLACEHOLDER_B).ok().map(|r| r.feed),
    };
    let feed = &reading.feed;
    let shown = feed.items.len();

    match address {
        Some(address) if address != label => {
            line(&mut out, format_args!("Address: {address}"));
        }
        Some(_) => {}
        None => line(
            &mut out,
            format_args!("Address: unknown (a file: --address URL says where it is published)"),
        ),
    }
    line(&mut out, format_args!("Format: {}", reading.format));
    let title = if feed.title.is_empty() {
        "(none)"
    } else {
        &feed.title
    };
    line(&mut out, format_args!("Title: {title}"));
    line(
        &mut out,
        format_args!("Items in the document: {}", reading.in_document),
    );
    line(&mut out, format_args!("Items the app will show: {shown}"));
    let next = match (&feed.next_url, other.as_ref().map(|o| &o.next_url)) {
        (None, _) => "none".to_string(),
        (Some(a), Some(b)) if Some(a) != b.as_ref() => {
            "a relative link (give --address URL to see where it leads)".to_string()
        }
        (Some(a), _) => a.clone(),
    };
    line(&mut out, format_args!("Next page: {next}"));

    let skipped = &reading.report.skipped;
    if skipped.is_empty() {
        line(&mut out, format_args!("Skipped items: none"));
    } else {
        line(&mut out, format_args!("Skipped items:"));
        for (position, why) in skipped.iter().take(LINES_LISTED) {
            line(
                &mut out,
                format_args!("  item {}: {}", position + 1, why.reason()),
            );
        }
        if skipped.len() > LINES_LISTED {
            line(
                &mut out,
                format_args!("  … and {} more", skipped.len() - LINES_LISTED),
            );
        }
    }

    let warnings = warnings(bytes, &reading, other.as_ref());
    if warnings.is_empty() {
        line(&mut out, format_args!("Warnings: none"));
    } else {
        line(&mut out, format_args!("Warnings:"));
        for warning in &warnings {
            // A warning's further lines are its explanation, indented under it.
            let mut lines = warning.lines();
            if let Some(first) = lines.next() {
                line(&mut out, format_args!("  - {first}"));
            }
            for more in lines {
                line(&mut out, format_args!("    {more}"));
            }
        }
    }

    if shown > 0 {
        line(
            &mut out,
            format_args!("Result: OK, the app will show {}.", items(shown)),
        );
        Checked { text: out, code: 0 }
    } else {
        let why = match reading.in_document {
            0 => "the document has no items".to_string(),
            1 => "the document's one item is skipped".to_string(),
            n => format!("all {n} items in the document are skipped or duplicates"),
        };
        line(
            &mut out,
            format_args!("Result: FAIL, the app will show no items: {why}."),
        );
        Checked { text: out, code: 1 }
    }
}

/// "1 item", "3 items".
fn items(n: usize) -> String {
    if n == 1 {
        "1 item".to_string()
    } else {
        format!("{n} items")
    }
}

/// "1 item has", "3 items have".
fn items_have(n: usize) -> String {
    if n == 1 {
        "1 item has".to_string()
    } else {
        format!("{n} items have")
    }
}

/// Up to [`TITLES_NAMED`] titles, quoted, and how many more.
fn titles<'a>(all: impl ExactSizeIterator<Item = &'a str>) -> String {
    let total = all.len();
    let named: Vec<String> = all
        .take(TITLES_NAMED)
        .map(|t| format!("\"{}\"", short(t)))
        .collect();
    let mut s = named.join(", ");
    if total > TITLES_NAMED {
        let _ = write!(s, " and {} more", total - TITLES_NAMED);
    }
    s
}

fn short(title: &str) -> String {
    text::excerpt(title, 80)
}

/// "1.4 MB".
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// What a publisher can fix, one line each, most common first.
fn warnings(bytes: &[u8], reading: &Reading, other: Option<&Feed>) -> Vec<String> {
    let feed = &reading.feed;
    let mut warnings = Vec::new();

    let undated: Vec<&str> = feed
        .items
        .iter()
        .filter(|i| i.date().is_none())
        .map(|i| i.title.as_str())
        .collect();
    if !undated.is_empty() {
        warnings.push(format!(
            "{} no date: {} (items without a date are listed last)",
            items_have(undated.len()),
            titles(undated.iter().copied())
        ));
    }

    if let Some(other) = other {
        warnings.extend(relative_links(feed, other));
    }

    let pictures = heavy_pictures(bytes);
    for picture in pictures.iter().take(LINES_LISTED) {
        let title = match picture.title.as_str() {
            "" => String::new(),
            title => format!(" (\"{}\")", short(title)),
        };
        warnings.push(format!(
            "item {}{title}: a picture of {} ({}): heavy for phones, publish a smaller one",
            picture.position + 1,
            megabytes(picture.bytes),
            picture.url
        ));
    }
    if pictures.len() > LINES_LISTED {
        warnings.push(format!(
            "… and {} more pictures over 1 MB",
            pictures.len() - LINES_LISTED
        ));
    }

    let heavy: Vec<(&Item, u64)> = feed
        .items
        .iter()
        .map(|i| (i.as_ref(), body_bytes(&i.body)))
        .filter(|(_, size)| *size > HEAVY_BYTES)
        .collect();
    for (item, size) in heavy.iter().take(LINES_LISTED) {
        warnings.push(format!(
            "\"{}\": its text is {} (over 1 MB): the app shows it, but it is slow to open on \
             phones; shorten it or link to a document instead",
            short(&item.title),
            megabytes(*size)
        ));
    }
    if heavy.len() > LINES_LISTED {
        warnings.push(format!(
            "… and {} more items whose text is over 1 MB",
            heavy.len() - LINES_LISTED
        ));
    }

    let duplicates = &reading.report.duplicates;
    for (position, id) in duplicates.iter().take(LINES_LISTED) {
        warnings.push(format!(
            "item {}: the id \"{id}\" is already an earlier item's: the app shows only the first; \
             give every item its own id",
            position + 1
        ));
    }
    if duplicates.len() > LINES_LISTED {
        warnings.push(format!(
            "… and {} more items with an id already used",
            duplicates.len() - LINES_LISTED
        ));
    }
    warnings
}

fn body_bytes(body: &Body) -> u64 {
    match body {
        Body::Html(html) => html.len() as u64,
        Body::Text(paragraphs) => paragraphs.iter().map(|p| p.len() as u64 + 2).sum(),
        Body::Empty => 0,
    }
}

/// The relative links of a document read against two addresses (`a` and `b`), as warnings
/// (none when there are none).
fn relative_links(a: &Feed, b: &Feed) -> Vec<String> {
    let relative: Vec<&str> = a
        .items
        .iter()
        .zip(&b.items)
        .filter(|(x, y)| item_links_differ(x, &a.address, y, &b.address))
        .map(|(x, _)| x.title.as_str())
        .collect();
    let mut places: Vec<&str> = Vec::new();
    if a.home_page_url != b.home_page_url {
        places.push("home page");
    }
    if a.next_url != b.next_url {
        places.push("next page");
    }
    let mut warnings = Vec::new();
    if !relative.is_empty() {
        let its = if relative.len() == 1 { "its" } else { "their" };
        warnings.push(format!(
            "relative links in {} ({its} address, picture or links in the text): {}",
            items(relative.len()),
            titles(relative.iter().copied())
        ));
    }
    if !places.is_empty() {
        warnings.push(format!(
            "relative links for the feed's {}",
            places.join(" and ")
        ));
    }
    if let Some(last) = warnings.last_mut() {
        last.push_str(
            "\nRelative links resolve against the feed's address, which is unknown for a file: \
             give\n--address URL (where the feed will be published) to check them, or write \
             absolute links.",
        );
    }
    warnings
}

/// Whether an item read against two addresses differs in a link: one of its links is relative.
fn item_links_differ(x: &Item, x_address: &str, y: &Item, y_address: &str) -> bool {
    if x.url != y.url || x.image != y.image || x.external_url != y.external_url {
        return true;
    }
    if x.authors
        .iter()
        .map(|a| &a.url)
        .ne(y.authors.iter().map(|a| &a.url))
    {
        return true;
    }
    // The text's links resolve against the item's own base (an absolute `xml:base`), else the
    // feed's address: only the latter can differ.
    let (x_base, y_base) = (x.base(x_address), y.base(y_address));
    match &x.body {
        Body::Html(html) if x_base != y_base => links_in(html)
            .iter()
            .any(|link| urls::resolve(x_base, link) != urls::resolve(y_base, link)),
        _ => false,
    }
}

/// The addresses in the link attributes of an HTML fragment (`href`, `src`, `poster`, `cite`,
/// `srcset`'s first), as written, fragments (`#…`) left out. A quick scan, not a parse: it
/// is only for warnings.
fn links_in(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for name in ["href", "src", "poster", "cite", "srcset"] {
        for value in text::attribute_values(html, name) {
            let value = match name {
                "srcset" => value.split_whitespace().next().unwrap_or("").to_string(),
                _ => value,
            };
            if !value.is_empty() && !value.starts_with('#') {
                links.push(value);
            }
        }
    }
    links
}

/// A picture whose size the document gives, over [`HEAVY_BYTES`].
#[derive(Debug)]
struct Picture {
    /// Among the document's items, from 0.
    position: usize,
    title: String,
    url: String,
    bytes: u64,
}

/// Pictures over 1 MB, from the sizes the document gives (the model keeps none): RSS
/// `enclosure length`, Atom `link rel="enclosure" length`, Media RSS `media:content fileSize`,
/// JSON Feed `attachments[].size_in_bytes`.
fn heavy_pictures(bytes: &[u8]) -> Vec<Picture> {
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    if xml::looks_like_xml(&text) {
        xml_pictures(&text)
    } else {
        json_pictures(bytes)
    }
}

fn xml_pictures(text: &str) -> Vec<Picture> {
    let prepared = xml::prepare(text);
    let Some(document) = xml::host::parse(&prepared) else {
        return Vec::new();
    };
    let root = xml::host::Node(document.root_element());
    let entries: Vec<_> = match (root.local_name().as_str(), root.namespace().as_deref()) {
        ("feed", Some(xml::ATOM)) => named(&root, "entry"),
        ("rss", None) => root
            .children()
            .into_iter()
            .find(|c| c.local_name() == "channel")
            .map(|channel| named(&channel, "item"))
            .unwrap_or_default(),
        ("RDF", _) => named(&root, "item"),
        _ => Vec::new(),
    };
    let mut pictures = Vec::new();
    for (position, entry) in entries.iter().enumerate() {
        let title = entry
            .children()
            .into_iter()
            .find(|c| c.local_name() == "title")
            .map(|t| text::clean_line(&t.text()))
            .unwrap_or_default();
        for e in &xml::media_of(entry) {
            let (size, url) = match (e.local_name().as_str(), e.namespace().as_deref()) {
                ("enclosure", None) => (e.attribute("length"), e.attribute("url")),
                ("link", Some(xml::ATOM))
                    if e.attribute("rel").as_deref().map(str::trim) == Some("enclosure") =>
                {
                    (e.attribute("length"), e.attribute("href"))
                }
                ("content", Some(xml::MEDIA)) => (e.attribute("fileSize"), e.attribute("url")),
                _ => continue,
            };
            let Some(size) = size.and_then(|s| s.trim().parse::<u64>().ok()) else {
                continue;
            };
            let url = url.unwrap_or_default().trim().to_string();
            let kind = e.attribute("type").unwrap_or_default();
            let medium = e.attribute("medium").unwrap_or_default();
            if size > HEAVY_BYTES && xml::is_picture(&kind, &medium, &url) {
                pictures.push(Picture {
                    position,
                    title: title.clone(),
                    url,
                    bytes: size,
                });
            }
        }
    }
    pictures
}

fn named<E: Element>(e: &E, name: &str) -> Vec<E> {
    e.children()
        .into_iter()
        .filter(|c| c.local_name() == name)
        .collect()
}

fn json_pictures(bytes: &[u8]) -> Vec<Picture> {
    let Ok(document) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Vec::new();
    };
    let Some(entries) = document.get("items").and_then(|i| i.as_array()) else {
        return Vec::new();
    };
    let mut pictures = Vec::new();
    for (position, entry) in entries.iter().enumerate() {
        let title = entry
            .get("title")
            .and_then(|t| t.as_str())
            .map(text::clean_line)
            .unwrap_or_default();
        let attachments = entry.get("attachments").and_then(|a| a.as_array());
        for attachment in attachments.into_iter().flatten() {
            let field = |name: &str| attachment.get(name).and_then(|v| v.as_str()).unwrap_or("");
            let size = attachment.get("size_in_bytes").and_then(|s| {
                s.as_u64()
                    .or_else(|| s.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
            });
            let Some(size) = size else { continue };
            if size > HEAVY_BYTES && xml::is_picture(field("mime_type"), "", field("url")) {
                pictures.push(Picture {
                    position,
                    title: title.clone(),
                    url: field("url").trim().to_string(),
                    bytes: size,
                });
            }
        }
    }
    pictures
}

/// Why a document the core refuses is not a feed, as far as can be told: empty, an HTML page,
/// cut off, not well-formed, or of another kind.
fn why_not_a_feed(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Some("the document is empty".to_string());
    }
    if !xml::looks_like_xml(trimmed) {
        return Some(match serde_json::from_str::<serde_json::Value>(trimmed) {
            Err(e) if e.is_eof() => {
                format!("the JSON stops before its end, so the document is cut off ({e})")
            }
            Err(e) => format!("the JSON is not valid: {e}"),
            Ok(serde_json::Value::Object(fields)) if !fields.contains_key("items") => {
                "valid JSON, but not a JSON Feed: it has no \"items\" and no JSON Feed \"version\""
                    .to_string()
            }
            Ok(serde_json::Value::Object(_)) => {
                "valid JSON, but its \"items\" is not a list".to_string()
            }
            Ok(_) => "valid JSON, but not a JSON Feed (a feed is an object)".to_string(),
        });
    }
    let root = root_name(trimmed);
    let head = trimmed[..trimmed.floor_char_boundary(1024)].to_ascii_lowercase();
    if head.contains("<!doctype html") || root.eq_ignore_ascii_case("html") {
        return Some(
            "it is an HTML page (an error page, a login page or the site's home page?), not a \
             feed: check the address, and that the server answers it with the feed"
                .to_string(),
        );
    }
    let prepared = xml::prepare(trimmed);
    match xml::host::parse(&prepared) {
        None if !root.is_empty() && !trimmed.contains(&format!("</{root}")) => Some(format!(
            "the XML stops before </{root}>, so the document is cut off (an export or an \
             upload that did not finish?)"
        )),
        None => Some(
            "the XML is not well-formed (an element not closed, or a stray < or &?): check it \
             with an XML validator"
                .to_string(),
        ),
        Some(_) if root.ends_with("rss") || root == "rdf:RDF" => Some(format!(
            "<{root}> has no <channel>, where a feed's title and items are"
        )),
        Some(_) => Some(format!(
            "its root element is <{root}>; a feed's is <rss> (RSS 2.0), <feed> (Atom 1.0) or \
             <rdf:RDF> (RSS 1.0)"
        )),
    }
}

/// The name of the first element of an XML document, as written ("rss", "rdf:RDF").
fn root_name(xml: &str) -> String {
    let mut rest = xml;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with(['?', '!']) {
            continue;
        }
        return rest
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '/'))
            .collect();
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(path: &str) -> Vec<u8> {
        let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    fn check_file(path: &str) -> Checked {
        let checked = check(path, &fixture(path), None);
        println!("{}", checked.text);
        checked
    }

    fn has_line(checked: &Checked, wanted: &str) -> bool {
        checked.text.lines().any(|l| l == wanted)
    }

    fn warning_with(checked: &Checked, part: &str) -> bool {
        checked
            .text
            .lines()
            .any(|l| l.starts_with("  - ") && l.contains(part))
    }

    #[test]
    fn the_sample_feeds_show_16_items_in_each_format() {
        for (path, format) in [
            ("public/sample-feed.json", "Format: JSON Feed 1.1"),
            ("public/sample-feed.rss.xml", "Format: RSS 2.0"),
            ("public/sample-feed.atom.xml", "Format: Atom 1.0"),
        ] {
            let checked = check_file(path);
            assert_eq!(checked.code, 0, "{path}");
            assert!(has_line(&checked, &format!("Feed: {path}")), "{path}");
            assert!(has_line(&checked, format), "{path}");
            assert!(has_line(&checked, "Items the app will show: 16"), "{path}");
            assert!(has_line(&checked, "Skipped items: none"), "{path}");
            assert!(
                has_line(&checked, "Result: OK, the app will show 16 items."),
                "{path}"
            );
        }
    }

    #[test]
    fn with_its_address_the_sample_has_no_relative_link_warning() {
        let path = "public/sample-feed.json";
        let without = check(path, &fixture(path), None);
        assert!(warning_with(&without, "relative links"));
        let with = check(
            path,
            &fixture(path),
            Some("https://so.example.gov.vn/ban-tin/feed.json"),
        );
        assert!(has_line(
            &with,
            "Address: https://so.example.gov.vn/ban-tin/feed.json"
        ));
        assert!(!with.text.contains("relative"), "{}", with.text);
        assert_eq!(with.code, 0);
    }

    #[test]
    fn rss_2_0_fixture_skipped_item_undated_item_and_relative_links() {
        let checked = check_file("tests/fixtures/xml/rss-2.0.xml");
        assert_eq!(checked.code, 0);
        assert!(has_line(&checked, "Format: RSS 2.0"));
        assert!(has_line(&checked, "Title: Các tin & Sự kiện"));
        assert!(has_line(&checked, "Items in the document: 4"));
        assert!(has_line(&checked, "Items the app will show: 3"));
        assert!(has_line(&checked, "Skipped items:"));
        assert!(has_line(
            &checked,
            "  item 4: no id and no address (id, guid, link or url)"
        ));
        assert!(has_line(
            &checked,
            "  - 1 item has no date: \"Không có ngày, link là guid\" (items without a date are \
             listed last)"
        ));
        // Item 1's link, picture and text link are relative; item 3's resolve against its
        // absolute xml:base; the channel's link and next page are relative.
        assert!(has_line(
            &checked,
            "  - relative links in 1 item (its address, picture or links in the text): \
             \"Tuyển dụng viên chức năm 2026 – đợt 1\""
        ));
        assert!(has_line(
            &checked,
            "  - relative links for the feed's home page and next page"
        ));
        assert!(checked
            .text
            .contains("\n    --address URL (where the feed will be published)"));
        assert!(has_line(
            &checked,
            "Next page: a relative link (give --address URL to see where it leads)"
        ));
        assert!(has_line(&checked, "Result: OK, the app will show 3 items."));

        let placed = check(
            "rss-2.0.xml",
            &fixture("tests/fixtures/xml/rss-2.0.xml"),
            Some("https://so.example.gov.vn/tin/rss.xml"),
        );
        assert!(has_line(
            &placed,
            "Next page: https://so.example.gov.vn/tin/page-2.xml"
        ));
        assert!(!placed.text.contains("relative"), "{}", placed.text);
    }

    #[test]
    fn a_cut_off_document_and_an_html_page_are_not_feeds() {
        let cut = check_file("tests/fixtures/xml/cut-off.xml");
        assert_eq!(cut.code, 1);
        assert!(cut.text.contains("\nNot a feed: The feed is broken"));
        assert!(cut.text.contains("\nWhy: the XML stops before </rss>"));
        assert!(has_line(
            &cut,
            "Result: FAIL, the app cannot show this document."
        ));

        let html = check_file("tests/fixtures/xml/html-error-page.xml");
        assert_eq!(html.code, 1);
        assert!(html.text.contains("\nNot a feed: "));
        assert!(html.text.contains("\nWhy: it is an HTML page"));

        let sitemap = check_file("tests/fixtures/xml/not-a-feed.xml");
        assert_eq!(sitemap.code, 1);
        assert!(sitemap.text.contains("its root element is <sitemap>"));

        for (bytes, why) in [
            (&b""[..], "Why: the document is empty"),
            (
                b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [",
                "cut off",
            ),
            (b"{\"name\": \"config\"}", "not a JSON Feed"),
        ] {
            let checked = check("x", bytes, None);
            assert_eq!(checked.code, 1, "{}", checked.text);
            assert!(checked.text.contains(why), "{}", checked.text);
        }
    }

    #[test]
    fn a_feed_without_usable_items_fails() {
        let checked = check_file("tests/fixtures/check/no-usable-items.json");
        assert_eq!(checked.code, 1);
        assert!(has_line(&checked, "Items in the document: 3"));
        assert!(has_line(&checked, "Items the app will show: 0"));
        assert!(has_line(
            &checked,
            "  item 1: not an item (not an object, or unreadable)"
        ));
        assert!(has_line(
            &checked,
            "  item 2: no id and no address (id, guid, link or url)"
        ));
        assert!(has_line(
            &checked,
            "  item 3: no title, no text and no picture"
        ));
        assert!(has_line(
            &checked,
            "Result: FAIL, the app will show no items: all 3 items in the document are skipped \
             or duplicates."
        ));

        let empty = check(
            "empty.json",
            br#"{"version": "https://jsonfeed.org/version/1.1", "title": "Empty", "items": []}"#,
            Some("https://so.example.gov.vn/feed.json"),
        );
        assert_eq!(empty.code, 1);
        assert!(has_line(&empty, "Format: JSON Feed 1.1"));
        assert!(has_line(
            &empty,
            "Result: FAIL, the app will show no items: the document has no items."
        ));
    }

    #[test]
    fn duplicate_ids_are_warned_with_position_and_id() {
        let checked = check_file("tests/fixtures/check/duplicate-ids.rss.xml");
        assert_eq!(checked.code, 0);
        assert!(has_line(&checked, "Items in the document: 3"));
        assert!(has_line(&checked, "Items the app will show: 2"));
        assert!(warning_with(
            &checked,
            "item 3: the id \"tin-1\" is already an earlier item's: the app shows only the first"
        ));
        assert!(!checked.text.contains("relative"));
        assert!(has_line(&checked, "Result: OK, the app will show 2 items."));
    }

    #[test]
    fn pictures_over_1_mb_are_warned_in_rss_atom_and_json() {
        let rss = check_file("tests/fixtures/check/big-picture.rss.xml");
        assert_eq!(rss.code, 0);
        assert!(warning_with(
            &rss,
            "item 1 (\"Ảnh lớn\"): a picture of 2.5 MB (https://so.example.gov.vn/anh/lon.jpg)"
        ));
        assert!(warning_with(
            &rss,
            "item 2 (\"Ảnh trong media:content\"): a picture of 3.0 MB"
        ));
        // A large PDF enclosure and a small picture are not warned about.
        assert!(!rss.text.contains("bao-cao.pdf"));
        assert!(!rss.text.contains("nho.jpg"));

        let atom = check_file("tests/fixtures/check/big-picture.atom.xml");
        assert_eq!(atom.code, 0);
        assert!(has_line(&atom, "Format: Atom 1.0"));
        assert!(warning_with(
            &atom,
            "item 1 (\"Ảnh Atom\"): a picture of 1.2 MB"
        ));

        let json = check_file("tests/fixtures/check/big-picture.json");
        assert_eq!(json.code, 0);
        assert!(warning_with(
            &json,
            "item 2 (\"Có ảnh lớn\"): a picture of 4.2 MB"
        ));
        assert_eq!(json.text.matches("a picture of").count(), 1);
    }

    #[test]
    fn an_article_over_1_mb_is_shown_but_warned() {
        let paragraph = "<p>Nội dung rất dài của văn bản.</p>".repeat(30_000);
        let feed = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Nặng",
            "items": [
                {"id": "1", "title": "Văn bản dài", "content_html": paragraph,
                 "date_published": "2026-01-01T08:00:00+07:00"},
                {"id": "2", "title": "Ngắn", "content_text": "Ngắn.",
                 "date_published": "2026-01-02T08:00:00+07:00"}
            ]
        });
        let checked = check(
            "heavy.json",
            feed.to_string().as_bytes(),
            Some("https://so.example.gov.vn/feed.json"),
        );
        assert_eq!(checked.code, 0);
        assert!(warning_with(
            &checked,
            "\"Văn bản dài\": its text is 1.4 MB (over 1 MB): the app shows it"
        ));
        assert!(!checked.text.contains("\"Ngắn\""));
        assert!(has_line(&checked, "Warnings:"));
    }

    #[test]
    fn many_undated_items_are_counted_and_five_named() {
        let items: Vec<serde_json::Value> = (1..=7)
            .map(|n| serde_json::json!({"id": n.to_string(), "title": format!("Bài {n}")}))
            .collect();
        let feed = serde_json::json!({"version": "https://jsonfeed.org/version/1", "items": items});
        let checked = check(
            "x.json",
            feed.to_string().as_bytes(),
            Some("https://e.org/f"),
        );
        assert!(has_line(&checked, "Format: JSON Feed 1"));
        assert!(has_line(&checked, "Title: (none)"));
        assert!(warning_with(
            &checked,
            "7 items have no date: \"Bài 1\", \"Bài 2\", \"Bài 3\", \"Bài 4\", \"Bài 5\" and 2 more"
        ));
    }

    /// Answers one request on a local port with `status` and `body`; the request's headers
    /// come back through the handle.
    fn serve_once(status: &str, body: &'static [u8]) -> (String, std::thread::JoinHandle<String>) {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}/tin/feed.rss.xml", listener.local_addr().unwrap());
        let status = status.to_string();
        let handle = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap() == 0 || header == "\r\n" {
                    break;
                }
                request.push_str(&header);
            }
            let mut stream = stream;
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(body).unwrap();
            request
        });
        (address, handle)
    }

    #[test]
    fn an_address_is_fetched_and_its_relative_links_resolve_against_it() {
        let body: &'static [u8] = include_bytes!("../../tests/fixtures/xml/rss-2.0.xml");
        let (address, server) = serve_once("200 OK", body);
        let checked = run(&Options {
            feed: address.clone(),
            address: None,
        })
        .unwrap();
        let request = server.join().unwrap();
        assert!(request.contains("application/feed+json"), "{request}");
        assert!(request.contains("application/rss+xml"), "{request}");
        assert!(request.contains("application/atom+xml"), "{request}");
        assert_eq!(checked.code, 0);
        assert!(has_line(&checked, &format!("Feed: {address}")));
        assert!(!checked.text.contains("Address:"), "{}", checked.text);
        let next = address.replace("feed.rss.xml", "page-2.xml");
        assert!(has_line(&checked, &format!("Next page: {next}")));
        assert!(!checked.text.contains("relative"), "{}", checked.text);
    }

    #[test]
    fn an_http_error_cannot_be_read() {
        let (address, server) = serve_once("404 Not Found", b"not here");
        let error = run(&Options {
            feed: address.clone(),
            address: None,
        })
        .unwrap_err();
        server.join().unwrap();
        assert_eq!(
            error.to_string(),
            format!("could not read {address}: the server answered HTTP 404 Not Found")
        );
    }

    #[test]
    fn a_missing_file_cannot_be_read() {
        let error = run(&Options {
            feed: "tests/fixtures/check/no-such-feed.json".to_string(),
            address: None,
        })
        .unwrap_err();
        assert!(error
            .to_string()
            .starts_with("could not read tests/fixtures/check/no-such-feed.json: "));
    }

    #[test]
    fn links_in_html() {
        let html = "<p><a href=\"ho-so.pdf\">x</a> <img class=a src='/anh/1.jpg' \
                    srcset=\"/anh/1-2x.jpg 2x\"> <a href=#top>top</a> <a data-href=\"no\" \
                    HREF=https://e.org/a>e</a></p>";
        assert_eq!(
            links_in(html),
            [
                "ho-so.pdf",
                "https://e.org/a",
                "/anh/1.jpg",
                "/anh/1-2x.jpg"
            ]
        );
    }

    #[test]
    fn root_names() {
        assert_eq!(
            root_name("<?xml version=\"1.0\"?>\n<!-- x --><rss version=\"2.0\">"),
            "rss"
        );
        assert_eq!(root_name("<rdf:RDF xmlns:rdf=\"…\">"), "rdf:RDF");
        assert_eq!(root_name("<feed/>"), "feed");
        assert_eq!(root_name("no markup"), "");
    }
}
