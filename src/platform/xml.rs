//! RSS and Atom through the browser's own XML parser (`DOMParser` with `text/xml`), so the
//! WebAssembly carries no XML code: the document is parsed here and read by the core crate's
//! mapping ([`feed::xml::read`]) through [`feed::xml::Element`].

use ban_tin_core::error::FeedError;
use ban_tin_core::feed;
#[cfg(target_arch = "wasm32")]
use web_sys::{DomParser, SupportedType};

#[cfg(target_arch = "wasm32")]
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// An element of a document the browser parsed.
#[cfg(target_arch = "wasm32")]
struct Node(web_sys::Element);

#[cfg(target_arch = "wasm32")]
impl feed::xml::Element for Node {
    fn local_name(&self) -> String {
        self.0.local_name()
    }
    fn namespace(&self) -> Option<String> {
        self.0.namespace_uri()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute_ns(None, name)
    }
    fn xml_base(&self) -> Option<String> {
        self.0.get_attribute_ns(Some(XML_NS), "base")
    }
    fn xml_lang(&self) -> Option<String> {
        self.0.get_attribute_ns(Some(XML_NS), "lang")
    }
    fn children(&self) -> Vec<Self> {
        let children = self.0.children();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .map(Node)
            .collect()
    }
    fn text(&self) -> String {
        self.0.text_content().unwrap_or_default()
    }
    fn inner_markup(&self) -> String {
        self.0.inner_html()
    }
}

/// Parses an RSS or Atom document fetched from `address` into the items' parser. A document
/// that is not well-formed XML (cut off, an HTML page), or XML that is not a feed, is
/// "not a feed". (On the host, where the views are pre-rendered, the core crate's parser.)
#[cfg(not(target_arch = "wasm32"))]
pub fn parser(text: &str, address: &str) -> Result<feed::Parser, FeedError> {
    feed::Parser::from_text(text.to_string(), address)
}

#[cfg(target_arch = "wasm32")]
pub fn parser(text: &str, address: &str) -> Result<feed::Parser, FeedError> {
    let prepared = feed::xml::prepare(text);
    let document = DomParser::new()
        .and_then(|p| p.parse_from_string(&prepared, SupportedType::TextXml))
        .map_err(|_| FeedError::NotFeed)?;
    // The browser reports a syntax error as a `parsererror` element in the document.
    if document.get_elements_by_tag_name("parsererror").length() > 0 {
        return Err(FeedError::NotFeed);
    }
    let root = document.document_element().ok_or(FeedError::NotFeed)?;
    feed::Parser::from_xml_root(&Node(root), address)
}
