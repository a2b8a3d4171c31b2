//! RSS (0.9x, 1.0 and 2.0) and Atom 1.0, read from any XML tree into the same raw records as
//! JSON Feed, so that one mapping ([`super::item`]) makes the model from every format.
//!
//! The tree is behind [`Element`]: in the browser it is the browser's own XML parser
//! (`DOMParser`, no XML code in the WebAssembly), on the host `roxmltree`. Elements are matched
//! by namespace and local name, never by prefix. Before parsing, [`prepare`] makes a document
//! that real publishers write acceptable to a strict XML parser: HTML named references that
//! XML does not define (`&nbsp;`, `&eacute;`) become the characters HTML reads, and a bare `&`
//! becomes `&amp;`. Relative links are resolved against `xml:base` and the feed's address.

use super::json::{RawAuthor, RawFeed, RawItem};
use crate::{text, urls};
use std::borrow::Cow;

/// One element of a parsed XML document.
pub trait Element: Sized {
    /// The local name (without prefix).
    fn local_name(&self) -> String;
    /// The namespace URI, if any.
    fn namespace(&self) -> Option<String>;
    /// An attribute without namespace.
    fn attribute(&self, name: &str) -> Option<String>;
    /// `xml:base`, when the element has one.
    fn xml_base(&self) -> Option<String>;
    /// `xml:lang`, when the element has one.
    fn xml_lang(&self) -> Option<String>;
    /// The child elements, in order.
    fn children(&self) -> Vec<Self>;
    /// All the text inside (CDATA included), as written.
    fn text(&self) -> String;
    /// The markup inside, serialised (Atom `type="xhtml"` content).
    fn inner_markup(&self) -> String;
}

pub const ATOM: &str = "http://www.w3.org/2005/Atom";
const RSS_1: &str = "http://purl.org/rss/1.0/";
const RSS_090: &str = "http://my.netscape.com/rdf/simple/0.9/";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
pub const MEDIA: &str = "http://search.yahoo.com/mrss/";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The kind of XML feed, as the feed check names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// RSS 0.9x or 2.0 (`<rss version="…">`).
    Rss {
        version: String,
    },
    /// RSS 1.0 or 0.90 (RDF).
    Rdf,
    Atom,
}

impl Format {
    pub fn name(&self) -> String {
        match self {
            Format::Rss { version } if version.is_empty() => "RSS".to_string(),
            Format::Rss { version } => format!("RSS {version}"),
            Format::Rdf => "RSS 1.0 (RDF)".to_string(),
            Format::Atom => "Atom 1.0".to_string(),
        }
    }
}

/// A feed read from XML: its format, the channel's fields and the items.
pub struct XmlFeed {
    pub format: Format,
    pub meta: RawFeed,
    pub items: Vec<RawItem>,
}

/// Whether a decoded document is XML rather than JSON: its first character after white space
/// (and a byte order mark) is `<`.
pub fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// Makes a document as publishers write it acceptable to a strict XML parser: HTML named
/// references unknown to XML become numeric ones (unknown names, and a bare `&`, become
/// `&amp;` so that they show as written). CDATA sections, comments and processing
/// instructions are left as they are.
pub fn prepare(xml: &str) -> Cow<'_, str> {
    if !xml.contains('&') {
        return Cow::Borrowed(xml);
    }
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    while let Some(at) = rest.find(['&', '<']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        if from.starts_with('<') {
            // Copy opaque sections whole: `&` inside them is not a reference.
            let end = [("<![CDATA[", "]]>"), ("<!--", "-->"), ("<?", "?>")]
                .iter()
                .find(|(open, _)| from.starts_with(open))
                .map(|(open, close)| {
                    from.get(open.len()..)
                        .and_then(|inside| inside.find(close))
                        .map_or(from.len(), |i| open.len() + i + close.len())
                })
                .unwrap_or(1);
            let (copied, after) = from.split_at(end.min(from.len()));
            out.push_str(copied);
            rest = after;
            continue;
        }
        let after = &from[1..];
        let name_len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        let name = &after[..name_len];
        let closed = after.as_bytes().get(name_len) == Some(&b';');
        let known = ["amp", "lt", "gt", "quot", "apos"].contains(&name)
            || (name.starts_with('#') && name.len() > 1);
        if closed && known {
            out.push('&');
            out.push_str(name);
            out.push(';');
            rest = &after[name_len + 1..];
        } else if let Some(c) = closed.then(|| text::named_entity(name)).flatten() {
            out.push_str("&#");
            out.push_str(&u32::from(c).to_string());
            out.push(';');
            rest = &after[name_len + 1..];
        } else {
            out.push_str("&amp;");
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Why an XML document is not a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAFeed;

/// Reads the document whose root element is `root`, fetched from `address`.
pub fn read<E: Element>(root: &E, address: &str) -> Result<XmlFeed, NotAFeed> {
    let base = based(address, root);
    match (root.namespace().as_deref(), root.local_name().as_str()) {
        (Some(ATOM), "feed") => Ok(atom_feed(root, &base)),
        (None, "rss") => {
            let version = root.attribute("version").unwrap_or_default();
            let channel = child(root, None, "channel").ok_or(NotAFeed)?;
            let base = based(&base, &channel);
            let items = children(&channel, None, "item")
                .iter()
                .map(|item| rss_item(item, &base))
                .collect();
            Ok(XmlFeed {
                format: Format::Rss {
                    version: version.trim().to_string(),
                },
                meta: rss_channel(&channel, &base, None),
                items,
            })
        }
        (Some(RDF), "RDF") => {
            // RSS 1.0 and 0.90: the items are the channel's siblings.
            let ns = [RSS_1, RSS_090]
                .into_iter()
                .find(|ns| child(root, Some(ns), "channel").is_some())
                .ok_or(NotAFeed)?;
            let channel = child(root, Some(ns), "channel").ok_or(NotAFeed)?;
            let items = children(root, Some(ns), "item")
                .iter()
                .map(|item| rss_item(item, &base))
                .collect();
            Ok(XmlFeed {
                format: Format::Rdf,
                meta: rss_channel(&channel, &base, Some(ns)),
                items,
            })
        }
        _ => Err(NotAFeed),
    }
}

fn matches<E: Element>(e: &E, ns: Option<&str>, name: &str) -> bool {
    e.local_name() == name && e.namespace().as_deref() == ns
}

fn child<E: Element>(e: &E, ns: Option<&str>, name: &str) -> Option<E> {
    e.children().into_iter().find(|c| matches(c, ns, name))
}

fn children<E: Element>(e: &E, ns: Option<&str>, name: &str) -> Vec<E> {
    e.children()
        .into_iter()
        .filter(|c| matches(c, ns, name))
        .collect()
}

/// The text of a child element, when there is some.
fn child_text<E: Element>(e: &E, ns: Option<&str>, name: &str) -> Option<String> {
    child(e, ns, name)
        .map(|c| c.text())
        .filter(|t| !t.trim().is_empty())
}

/// The base URL inside `e`: its `xml:base` resolved against the base around it.
fn based<E: Element>(base: &str, e: &E) -> String {
    e.xml_base()
        .and_then(|b| urls::resolve(base, b.trim()))
        .unwrap_or_else(|| base.to_string())
}

/// `reference` made absolute against `base`; as written when it cannot be (the model keeps only
/// http(s) addresses in the end).
fn absolute(base: &str, reference: &str) -> Option<String> {
    let reference = reference.trim();
    (!reference.is_empty())
        .then(|| urls::resolve(base, reference).unwrap_or_else(|| reference.to_string()))
}

fn rss_channel<E: Element>(channel: &E, base: &str, ns: Option<&str>) -> RawFeed {
    let next = children(channel, Some(ATOM), "link")
        .into_iter()
        .find(|l| l.attribute("rel").as_deref() == Some("next"))
        .and_then(|l| l.attribute("href"))
        .and_then(|href| absolute(base, &href));
    let publisher = child_text(channel, Some(DC), "creator")
        .or_else(|| child_text(channel, ns, "managingEditor"))
        .map(|name| RawAuthor {
            name: Some(person_name(&name)),
            url: None,
        });
    RawFeed {
        version: None,
        title: child_text(channel, ns, "title").map(|t| text::html_to_text(&t)),
        home_page_url: child_text(channel, ns, "link").and_then(|l| absolute(base, &l)),
        description: child_text(channel, ns, "description").map(|d| text::html_to_text(&d)),
        language: child_text(channel, ns, "language")
            .or_else(|| child_text(channel, Some(DC), "language")),
        next_url: next,
        authors: publisher.into_iter().collect(),
    }
}

/// "editor@example.org (Nguyễn Văn A)" → "Nguyễn Văn A"; a plain name stays.
fn person_name(s: &str) -> String {
    let s = s.trim();
    match (s.find('('), s.rfind(')')) {
        (Some(open), Some(close)) if open < close && s[..open].contains('@') => {
            s[open + 1..close].trim().to_string()
        }
        _ => s.to_string(),
    }
}

fn rss_item<E: Element>(item: &E, base: &str) -> RawItem {
    let base = based(base, item);
    // RSS 1.0 items are in the RSS 1.0 namespace; 0.9x and 2.0 items in none.
    let ns = item.namespace();
    let ns = ns.as_deref();
    let link = child_text(item, ns, "link").and_then(|l| absolute(&base, &l));
    let guid = child(item, ns, "guid");
    let guid_text = guid
        .as_ref()
        .map(|g| g.text().trim().to_string())
        .filter(|g| !g.is_empty());
    let permalink = guid.as_ref().is_some_and(|g| {
        g.attribute("isPermaLink")
            .is_none_or(|p| p.trim() != "false")
    });
    let url = link.or_else(|| {
        guid_text
            .as_deref()
            .filter(|_| permalink)
            .filter(|g| urls::scheme(g).is_some())
            .map(str::to_string)
    });
    let description = child_text(item, ns, "description");
    let encoded = child_text(item, Some(CONTENT), "encoded");
    let (content_html, summary) = match (encoded, description) {
        (Some(content), description) => (Some(content), description),
        (None, description) => (description, None),
    };
    let mut tags: Vec<String> = children(item, ns, "category")
        .into_iter()
        .map(|c| c.text())
        .chain(
            children(item, Some(DC), "subject")
                .into_iter()
                .map(|c| c.text()),
        )
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    tags.dedup();
    let authors = children(item, Some(DC), "creator")
        .into_iter()
        .map(|c| c.text())
        .chain(child_text(item, ns, "author"))
        .filter(|n| !n.trim().is_empty())
        .map(|n| RawAuthor {
            name: Some(person_name(&n)),
            url: None,
        })
        .collect();
    RawItem {
        // No guid (RSS 1.0, 0.9x): the link is the id.
        id: guid_text,
        url,
        title: child_text(item, ns, "title"),
        content_html,
        summary: summary.map(|s| text::html_to_text(&s)),
        image: picture(item, &base),
        date_published: child_text(item, ns, "pubDate")
            .or_else(|| child_text(item, Some(DC), "date")),
        date_modified: child_text(item, Some(ATOM), "updated"),
        authors,
        tags,
        base: Some(base),
        ..RawItem::default()
    }
}

/// The picture of an item: `media:thumbnail`, an image `media:content` (also inside
/// `media:group`), an image enclosure (RSS `enclosure`, Atom `link rel="enclosure"`).
fn picture<E: Element>(item: &E, base: &str) -> Option<String> {
    let is_image = |e: &E| {
        let attribute = |name: &str| e.attribute(name).unwrap_or_default();
        let url = e.attribute("url").or_else(|| e.attribute("href"));
        is_picture(
            &attribute("type"),
            &attribute("medium"),
            url.as_deref().unwrap_or(""),
        )
    };
    let media = media_of(item);
    let url_of = |e: &E, attribute: &str| e.attribute(attribute).and_then(|u| absolute(base, &u));
    media
        .iter()
        .find(|e| matches(*e, Some(MEDIA), "thumbnail"))
        .and_then(|e| url_of(e, "url"))
        .or_else(|| {
            media
                .iter()
                .find(|e| matches(*e, Some(MEDIA), "content") && is_image(e))
                .and_then(|e| url_of(e, "url"))
        })
        .or_else(|| {
            media
                .iter()
                .find(|e| e.local_name() == "enclosure" && e.namespace().is_none() && is_image(e))
                .and_then(|e| url_of(e, "url"))
        })
        .or_else(|| {
            media
                .iter()
                .find(|e| {
                    matches(*e, Some(ATOM), "link")
                        && e.attribute("rel").as_deref() == Some("enclosure")
                        && is_image(e)
                })
                .and_then(|e| url_of(e, "href"))
        })
}

/// The children of an item, with those of a `media:group` in its place.
pub fn media_of<E: Element>(item: &E) -> Vec<E> {
    let mut media: Vec<E> = Vec::new();
    for c in item.children() {
        if matches(&c, Some(MEDIA), "group") {
            media.extend(c.children());
        } else {
            media.push(c);
        }
    }
    media
}

/// Whether an enclosure or a medium is a picture: an image type, the image medium, or neither
/// and an address that ends like a picture's.
pub fn is_picture(kind: &str, medium: &str, url: &str) -> bool {
    let (kind, medium) = (kind.trim(), medium.trim());
    if !kind.is_empty() || !medium.is_empty() {
        return kind.to_ascii_lowercase().starts_with("image/") || medium == "image";
    }
    let lower = url.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// Atom text constructs (`title`, `summary`, `content`, `subtitle`): HTML for `html` and
/// `xhtml`, plain text otherwise.
enum AtomText {
    Html(String),
    Plain(String),
}

fn atom_text<E: Element>(e: &E) -> Option<AtomText> {
    let kind = e.attribute("type").unwrap_or_default();
    let kind = kind.trim().to_ascii_lowercase();
    let value = match kind.as_str() {
        "html" | "text/html" => AtomText::Html(e.text()),
        "xhtml" | "application/xhtml+xml" => {
            // The content is one xhtml `div`, whose inside is the HTML.
            let div = e
                .children()
                .into_iter()
                .find(|c| matches(c, Some(XHTML), "div"));
            AtomText::Html(match div {
                Some(div) => div.inner_markup(),
                None => e.inner_markup(),
            })
        }
        _ => AtomText::Plain(e.text()),
    };
    let empty = match &value {
        AtomText::Html(s) | AtomText::Plain(s) => s.trim().is_empty(),
    };
    (!empty).then_some(value)
}

/// An Atom text construct as one line of text.
fn atom_line<E: Element>(e: &E, name: &str) -> Option<String> {
    child(e, Some(ATOM), name)
        .and_then(|c| atom_text(&c))
        .map(|t| match t {
            AtomText::Html(html) => text::html_to_text(&html),
            // Plain text: references are already characters; keep `&` and `<` as written.
            AtomText::Plain(plain) => plain.replace('&', "&amp;"),
        })
}

fn atom_link<E: Element>(e: &E, base: &str, rel: &str) -> Option<String> {
    children(e, Some(ATOM), "link")
        .into_iter()
        .find(|l| {
            let r = l
                .attribute("rel")
                .unwrap_or_else(|| "alternate".to_string());
            r.trim() == rel
                && (rel != "alternate" || l.attribute("type").is_none_or(|t| t.contains("html")))
        })
        .and_then(|l| l.attribute("href"))
        .and_then(|href| absolute(&based(base, e), &href))
}

fn atom_people<E: Element>(e: &E, base: &str) -> Vec<RawAuthor> {
    children(e, Some(ATOM), "author")
        .into_iter()
        .filter_map(|a| {
            let name = child_text(&a, Some(ATOM), "name")?;
            Some(RawAuthor {
                name: Some(name),
                url: child_text(&a, Some(ATOM), "uri").and_then(|u| absolute(base, &u)),
            })
        })
        .collect()
}

fn atom_feed<E: Element>(feed: &E, base: &str) -> XmlFeed {
    let meta = RawFeed {
        version: None,
        title: atom_line(feed, "title"),
        home_page_url: atom_link(feed, base, "alternate"),
        description: atom_line(feed, "subtitle"),
        language: feed.xml_lang(),
        next_url: atom_link(feed, base, "next"),
        authors: atom_people(feed, base),
    };
    let items = children(feed, Some(ATOM), "entry")
        .iter()
        .map(|entry| atom_entry(entry, &based(base, entry)))
        .collect();
    XmlFeed {
        format: Format::Atom,
        meta,
        items,
    }
}

fn atom_entry<E: Element>(entry: &E, base: &str) -> RawItem {
    let (mut content_html, mut content_text) = (None, None);
    let content = child(entry, Some(ATOM), "content");
    match content.as_ref().and_then(atom_text) {
        Some(AtomText::Html(html)) => content_html = Some(html),
        Some(AtomText::Plain(plain)) => content_text = Some(plain),
        None => {}
    }
    let summary = child(entry, Some(ATOM), "summary").and_then(|s| atom_text(&s));
    let summary_line = match &summary {
        Some(AtomText::Html(html)) => Some(text::html_to_text(html)),
        Some(AtomText::Plain(plain)) => Some(plain.replace('&', "&amp;")),
        None => None,
    };
    // No content: the summary is the body.
    if content_html.is_none() && content_text.is_none() {
        match summary {
            Some(AtomText::Html(html)) => content_html = Some(html),
            Some(AtomText::Plain(plain)) => content_text = Some(plain),
            None => {}
        }
    }
    let url = atom_link(entry, base, "alternate").or_else(|| {
        // Content kept elsewhere (`<content src="…">`): that is the article's page.
        content
            .as_ref()
            .and_then(|c| c.attribute("src"))
            .and_then(|src| absolute(base, &src))
    });
    let published =
        child_text(entry, Some(ATOM), "published").or_else(|| child_text(entry, Some(DC), "date"));
    let updated = child_text(entry, Some(ATOM), "updated");
    let tags = children(entry, Some(ATOM), "category")
        .into_iter()
        .filter_map(|c| {
            c.attribute("label")
                .filter(|l| !l.trim().is_empty())
                .or_else(|| c.attribute("term"))
        })
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    RawItem {
        id: child_text(entry, Some(ATOM), "id").map(|id| id.trim().to_string()),
        url,
        external_url: atom_link(entry, base, "related"),
        title: atom_line(entry, "title"),
        content_html,
        content_text,
        summary: summary_line,
        image: picture(entry, base),
        date_published: published.clone(),
        // Atom requires `updated`: the same as `published` means never changed.
        date_modified: updated
            .filter(|u| published.as_deref().is_none_or(|p| p.trim() != u.trim())),
        authors: atom_people(entry, base),
        tags,
        language: entry.xml_lang(),
        base: Some(
            content
                .as_ref()
                .map_or_else(|| base.to_string(), |c| based(base, c)),
        ),
        ..RawItem::default()
    }
}

/// The host's XML tree: `roxmltree` (the browser uses its own parser).
#[cfg(not(target_arch = "wasm32"))]
pub mod host {
    use super::Element;

    const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

    /// Parses `xml` (after [`super::prepare`]) and reads it; `None` when it is not well-formed.
    pub fn parse(xml: &str) -> Option<roxmltree::Document<'_>> {
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        };
        roxmltree::Document::parse_with_options(xml, options).ok()
    }

    #[derive(Clone, Copy)]
    pub struct Node<'a, 'input>(pub roxmltree::Node<'a, 'input>);

    impl<'a, 'input> Element for Node<'a, 'input> {
        fn local_name(&self) -> String {
            self.0.tag_name().name().to_string()
        }
        fn namespace(&self) -> Option<String> {
            self.0.tag_name().namespace().map(str::to_string)
        }
        fn attribute(&self, name: &str) -> Option<String> {
            self.0.attribute(name).map(str::to_string)
        }
        fn xml_base(&self) -> Option<String> {
            self.0.attribute((XML_NS, "base")).map(str::to_string)
        }
        fn xml_lang(&self) -> Option<String> {
            self.0.attribute((XML_NS, "lang")).map(str::to_string)
        }
        fn children(&self) -> Vec<Self> {
            self.0
                .children()
                .filter(|c| c.is_element())
                .map(Node)
                .collect()
        }
        fn text(&self) -> String {
            self.0
                .descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect()
        }
        fn inner_markup(&self) -> String {
            let input = self.0.document().input_text();
            match (self.0.first_child(), self.0.last_child()) {
                (Some(first), Some(last)) => input
                    .get(first.range().start..last.range().end)
                    .unwrap_or("")
                    .to_string(),
                _ => String::new(),
            }
        }
    }
}
