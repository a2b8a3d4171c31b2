//! The allowlist over documents parsed by html5ever (as browsers parse them), and the cleaned
//! tree written back as HTML text. The pre-rendered pages put this text where the live app
//! builds the same nodes from the browser's inert parser (`src/platform/dom_clean.rs`): one
//! walk ([`super::clean`]), two readers and two writers.

use super::{clean, Builder, Source, Tree};
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use std::borrow::Cow;

/// The article's HTML, cleaned by the allowlist with relative addresses resolved against
/// `base` (the feed's address), as HTML text that is safe to place inside an element.
pub fn to_html(html: &str, place: super::Place<'_>) -> String {
    let mut out = Html::default();
    // Parsed as a whole document, as `DOMParser` does.
    // The same text as the browser parses (see `without_styles`).
    let html = super::without_styles(html);
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(&*html);
    if let Some(body) = body_of(&dom) {
        clean(&Parsed, &body, &mut out, &None, place);
    }
    out.render()
}

/// A document parsed by html5ever, read through [`Tree`].
pub(super) struct Parsed;

impl Tree for Parsed {
    type Node = Handle;

    fn inspect(&self, node: &Handle) -> Source<'_> {
        match &node.data {
            NodeData::Element { name, attrs, .. } => Source::Element {
                name: Cow::Owned(name.local.to_string()),
                attributes: attrs
                    .borrow()
                    .iter()
                    .map(|a| {
                        let name = match &a.name.prefix {
                            Some(prefix) => format!("{prefix}:{}", a.name.local),
                            None => a.name.local.to_string(),
                        };
                        (name, a.value.to_string())
                    })
                    .collect(),
            },
            NodeData::Text { contents } => Source::Text(Cow::Owned(contents.borrow().to_string())),
            _ => Source::Other,
        }
    }

    fn children(&self, node: &Handle) -> Vec<Handle> {
        node.children.borrow().clone()
    }
}

/// The `<body>` of a parsed document. The document must outlive the handle: dropping an
/// `RcDom` empties its nodes.
pub(super) fn body_of(dom: &RcDom) -> Option<Handle> {
    let mut stack = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Element { name, .. } = &node.data {
            if &*name.local == "body" {
                return Some(node.clone());
            }
        }
        stack.extend(node.children.borrow().iter().cloned());
    }
    None
}

/// One output node: its parent, tag (`#text` for text), attributes and text.
type OutputNode = (Option<usize>, String, Vec<(&'static str, String)>, String);

/// What the walk builds, kept as a flat list and written as HTML text, escaped as a browser's
/// serialiser would.
#[derive(Default)]
pub struct Html {
    pub nodes: Vec<OutputNode>,
}

impl Builder for Html {
    type Node = Option<usize>;
    fn element(
        &mut self,
        parent: &Option<usize>,
        tag: &'static str,
        attributes: &[(&'static str, String)],
    ) -> Option<usize> {
        self.nodes
            .push((*parent, tag.to_string(), attributes.to_vec(), String::new()));
        Some(self.nodes.len() - 1)
    }
    fn text(&mut self, parent: &Option<usize>, text: &str) {
        self.nodes
            .push((*parent, "#text".into(), Vec::new(), text.to_string()));
    }
}

/// Elements the allowlist keeps that have no content and no end tag.
fn is_empty_element(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img" | "wbr" | "col")
}

impl Html {
    /// The tree as HTML text. Written without recursion (the walk already flattened anything
    /// deeper than [`super::MAX_DEPTH`], but a long list of siblings is no deeper).
    pub fn render(&self) -> String {
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len() + 1];
        for (index, (parent, ..)) in self.nodes.iter().enumerate() {
            let slot = parent.map_or(0, |p| p + 1);
            if let Some(list) = children.get_mut(slot) {
                list.push(index);
            }
        }
        let mut out = String::new();
        // (node, whether its children have been written): a node is opened, its children
        // written, then it is closed.
        let mut stack: Vec<(usize, bool)> = children
            .first()
            .map(|c| c.iter().rev().map(|&i| (i, false)).collect())
            .unwrap_or_default();
        while let Some((index, closing)) = stack.pop() {
            let Some((_, tag, attributes, text)) = self.nodes.get(index) else {
                continue;
            };
            if tag == "#text" {
                escape_text(text, &mut out);
                continue;
            }
            if closing {
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
                continue;
            }
            out.push('<');
            out.push_str(tag);
            for (name, value) in attributes {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape_attribute(value, &mut out);
                out.push('"');
            }
            out.push('>');
            if !is_empty_element(tag) {
                stack.push((index, true));
                if let Some(list) = children.get(index + 1) {
                    stack.extend(list.iter().rev().map(|&i| (i, false)));
                }
            }
        }
        out
    }
}

fn escape_text(text: &str, out: &mut String) {
    escape(text, false, out);
}

fn escape_attribute(value: &str, out: &mut String) {
    escape(value, true, out);
}

/// Escapes as a browser's serialiser does: `&`, `<`, `>` and no-break spaces everywhere, `"`
/// in attribute values.
fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parsed::PLACE as BASE;
    use super::to_html;

    #[test]
    fn writes_the_allowed_part_escaped() {
        assert_eq!(
            to_html(
                r#"<p style="color:red" onclick="x()">a &lt;b&gt; &amp; <a href="/x">c</a><script>bad()</script></p><img src="p.jpg"><br>"#,
                BASE
            ),
            concat!(
                r#"<p>a &lt;b&gt; &amp; <a rel="noopener noreferrer nofollow" target="_blank" "#,
                r#"referrerpolicy="no-referrer" href="https://tin.example.org/x">c</a></p>"#,
                r#"<img loading="lazy" decoding="async" referrerpolicy="no-referrer" "#,
                r#"src="https://tin.example.org/feeds/p.jpg"><br>"#
            )
        );
    }

    #[test]
    fn attribute_values_cannot_close_their_quotes() {
        let out = to_html(r#"<abbr title='"><script>x</script>'>a</abbr>"#, BASE);
        assert_eq!(
            out,
            r#"<abbr title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">a</abbr>"#
        );
    }

    #[test]
    fn tables_go_in_a_box_that_scrolls() {
        assert_eq!(
            to_html(
                "<table style='width:1400px'><tr><td>1</td></tr></table>",
                BASE
            ),
            concat!(
                r#"<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0">"#,
                "<table><tbody><tr><td>1</td></tr></tbody></table></div>"
            )
        );
    }

    #[test]
    fn long_runs_of_siblings_and_deep_nesting_are_written_without_recursion() {
        let deep = "<div>".repeat(10_000) + "x";
        assert_eq!(to_html(&deep, BASE), "x");
        let wide = "<p>a</p>".repeat(20_000);
        assert_eq!(to_html(&wide, BASE).len(), "<p>a</p>".len() * 20_000);
    }
}
