//! Article HTML into the page, safely: the browser's inert `DOMParser` parses it (no scripts
//! run, nothing loads), and `ban_tin_core::sanitize` copies the allowed part into new nodes of the
//! live document. The result is a fragment to append; no HTML string ever reaches
//! `innerHTML`, so nothing is parsed twice.

use ban_tin_core::sanitize::{self, Builder, Source, Tree};
use std::borrow::Cow;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, DomParser, Element, Node, SupportedType};

struct Input;

impl Tree for Input {
    type Node = Node;

    fn inspect(&self, node: &Node) -> Source<'_> {
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let Some(element) = node.dyn_ref::<Element>() else {
                    return Source::Other;
                };
                let names = element.get_attribute_names();
                let attributes = names
                    .iter()
                    .filter_map(|name| name.as_string())
                    .filter_map(|name| {
                        let value = element.get_attribute(&name)?;
                        Some((name, value))
                    })
                    .collect();
                Source::Element {
                    name: Cow::Owned(element.local_name()),
                    attributes,
                }
            }
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                Source::Text(Cow::Owned(node.node_value().unwrap_or_default()))
            }
            _ => Source::Other,
        }
    }

    fn children(&self, node: &Node) -> Vec<Node> {
        let list = node.child_nodes();
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }
}

struct Output {
    document: Document,
}

impl Builder for Output {
    type Node = Node;

    fn element(
        &mut self,
        parent: &Node,
        tag: &'static str,
        attributes: &[(&'static str, String)],
    ) -> Node {
        let Ok(element) = self.document.create_element(tag) else {
            return parent.clone();
        };
        for (name, value) in attributes {
            let _ = element.set_attribute(name, value);
        }
        let node: Node = element.into();
        match parent.append_child(&node) {
            Ok(_) => node,
            Err(_) => parent.clone(),
        }
    }

    fn text(&mut self, parent: &Node, text: &str) {
        let node = self.document.create_text_node(text);
        let _ = parent.append_child(&node);
    }
}

/// The allowed part of `html` as a fragment of the current document, with relative URLs
/// resolved against `place.base` (the feed's address). `None` only if the browser lacks a
/// parser. Inline styles are taken out of the text first, so that the browser's parser has
/// none to refuse and report (see `sanitize::without_styles`).
pub fn clean_html(html: &str, place: sanitize::Place<'_>) -> Option<DocumentFragment> {
    let document = super::browser_window()?.document()?;
    let parsed = DomParser::new()
        .ok()?
        .parse_from_string(&sanitize::without_styles(html), SupportedType::TextHtml)
        .ok()?;
    let body: Node = parsed.body()?.into();
    let fragment = document.create_document_fragment();
    let root: Node = fragment.clone().into();
    sanitize::clean(&Input, &body, &mut Output { document }, &root, place);
    Some(fragment)
}
