//! The allowlist for untrusted article HTML, and the walk that applies it.
//!
//! The walk reads a parsed tree through [`Tree`] and writes a new one through [`Builder`], so
//! the same policy runs over the browser's inert `DOMParser` document in the app (see
//! `dom_clean`) and over plain data in host tests. Nothing from the input is copied through
//! unless this module names it: element names come from [`ALLOWED`], attributes are
//! re-created one by one, and URLs are rebuilt after browser-style cleaning.

use crate::urls;
use std::borrow::Cow;

/// What to do with an element of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Keep it, under this name.
    Keep(&'static str),
    /// Drop the element but keep what is inside (`div`, `span`, `font`, unknown tags…).
    Unwrap,
    /// Drop it with everything inside.
    Drop,
}

/// Elements kept, by input name, with the name they get. `h1` becomes `h2` so that nothing in an
/// article outranks the view's own heading.
const ALLOWED: &[(&str, &str)] = &[
    ("p", "p"),
    ("br", "br"),
    ("hr", "hr"),
    ("h1", "h2"),
    ("h2", "h2"),
    ("h3", "h3"),
    ("h4", "h4"),
    ("h5", "h5"),
    ("h6", "h6"),
    ("ul", "ul"),
    ("ol", "ol"),
    ("li", "li"),
    ("dl", "dl"),
    ("dt", "dt"),
    ("dd", "dd"),
    ("blockquote", "blockquote"),
    ("q", "q"),
    ("cite", "cite"),
    ("abbr", "abbr"),
    ("strong", "strong"),
    ("em", "em"),
    ("b", "b"),
    ("i", "i"),
    ("u", "u"),
    ("s", "s"),
    ("del", "del"),
    ("ins", "ins"),
    ("mark", "mark"),
    ("small", "small"),
    ("sub", "sub"),
    ("sup", "sup"),
    ("code", "code"),
    ("pre", "pre"),
    ("kbd", "kbd"),
    ("a", "a"),
    ("img", "img"),
    ("figure", "figure"),
    ("figcaption", "figcaption"),
    ("table", "table"),
    ("caption", "caption"),
    ("thead", "thead"),
    ("tbody", "tbody"),
    ("tfoot", "tfoot"),
    ("tr", "tr"),
    ("th", "th"),
    ("td", "td"),
];

/// Elements dropped with their content: anything that runs code, loads other documents, takes
/// input, changes the page around the article, or is parsed by other rules (SVG, MathML).
pub const DROPPED: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "datalist",
    "output",
    "keygen",
    "base",
    "meta",
    "link",
    "title",
    "head",
    "svg",
    "math",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "listing",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "map",
    "area",
    "dialog",
    "portal",
    "slot",
    "marquee",
];

/// Dropped elements that have no content and no end tag in HTML.
const VOID: &[&str] = &[
    "input", "keygen", "base", "meta", "link", "param", "source", "track", "area", "embed",
];

/// Whether `name` is a void element (no content, no end tag).
pub fn is_void(name: &str) -> bool {
    VOID.contains(&name.to_ascii_lowercase().as_str())
}

/// Whether `name` starts foreign content (SVG, MathML), where `<x/>` closes the element.
pub fn is_foreign(name: &str) -> bool {
    matches!(name.to_ascii_lowercase().as_str(), "svg" | "math")
}

/// Nesting deeper than this is flattened to its text.
pub const MAX_DEPTH: usize = 64;

pub fn element(name: &str) -> Action {
    let name = name.to_ascii_lowercase();
    if let Some((_, kept)) = ALLOWED.iter().find(|(input, _)| *input == name) {
        return Action::Keep(kept);
    }
    if DROPPED.contains(&name.as_str()) || name.contains(':') {
        return Action::Drop;
    }
    Action::Unwrap
}

/// What kind of URL an attribute holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// Something to navigate to: http, https, mailto, tel, or relative.
    Link,
    /// Something loaded into the page: http, https, or relative.
    Resource,
}

/// A URL from the input, made safe: whitespace and control characters stripped as browsers do,
/// then only allowed schemes; relative references are resolved against the feed's address.
pub fn clean_url(value: &str, base: &str, kind: UrlKind) -> Option<String> {
    let cleaned = urls::clean_reference(value);
    if cleaned.is_empty() || cleaned.len() > 4096 {
        return None;
    }
    match urls::scheme(&cleaned).as_deref() {
        Some("http" | "https") | None => urls::resolve(base, &cleaned).filter(|u| urls::is_http(u)),
        Some("mailto" | "tel") if kind == UrlKind::Link => Some(urls::encode_controls(cleaned)),
        Some(_) => None,
    }
}

fn small_number(value: &str, max: u32) -> Option<String> {
    let value = value.trim();
    let n: u32 = value.parse().ok()?;
    (1..=max).contains(&n).then(|| n.to_string())
}

fn plain_text(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty() && value.len() <= 1000).then(|| value.to_string())
}

/// The clean form of one attribute of a kept element, or `None` to drop it. Every `on*`
/// handler, `style`, `srcdoc`, `formaction`, `class`, `id` and anything else not named here is
/// dropped.
pub fn attribute(tag: &str, name: &str, value: &str, base: &str) -> Option<(&'static str, String)> {
    let name = name.to_ascii_lowercase();
    let kept = match (tag, name.as_str()) {
        (_, "title") => ("title", plain_text(value)?),
        (_, "lang") => ("lang", plain_text(value).filter(|v| is_language_tag(v))?),
        (_, "dir") => (
            "dir",
            matches!(value.trim(), "ltr" | "rtl" | "auto").then(|| value.trim().to_string())?,
        ),
        ("a", "href") => ("href", clean_url(value, base, UrlKind::Link)?),
        ("img", "src") => ("src", clean_url(value, base, UrlKind::Resource)?),
        ("img", "alt") => ("alt", value.trim().to_string()),
        ("img", "width") => ("width", small_number(value, 4000)?),
        ("img", "height") => ("height", small_number(value, 4000)?),
        ("blockquote" | "q" | "del" | "ins", "cite") => {
            ("cite", clean_url(value, base, UrlKind::Link)?)
        }
        ("ol", "start") => ("start", value.trim().parse::<i32>().ok()?.to_string()),
        ("ol", "reversed") => ("reversed", String::new()),
        ("ol", "type") => (
            "type",
            matches!(value.trim(), "1" | "a" | "A" | "i" | "I")
                .then(|| value.trim().to_string())?,
        ),
        ("li", "value") => ("value", value.trim().parse::<i32>().ok()?.to_string()),
        ("td" | "th", "colspan") => ("colspan", small_number(value, 100)?),
        ("td" | "th", "rowspan") => ("rowspan", small_number(value, 100)?),
        ("th", "scope") => (
            "scope",
            matches!(value.trim(), "row" | "col" | "rowgroup" | "colgroup")
                .then(|| value.trim().to_string())?,
        ),
        _ => return None,
    };
    Some(kept)
}

fn is_language_tag(v: &str) -> bool {
    v.len() <= 35 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Attributes every kept element of a kind gets, whatever the input said.
pub fn forced_attributes(tag: &str) -> &'static [(&'static str, &'static str)] {
    match tag {
        "a" => &[
            ("rel", "noopener noreferrer nofollow"),
            ("target", "_blank"),
            ("referrerpolicy", "no-referrer"),
        ],
        "img" => &[
            ("loading", "lazy"),
            ("decoding", "async"),
            ("referrerpolicy", "no-referrer"),
        ],
        _ => &[],
    }
}

/// One node of the input as the walk sees it.
pub enum Source<'a> {
    Element {
        name: Cow<'a, str>,
        attributes: Vec<(String, String)>,
    },
    Text(Cow<'a, str>),
    /// Comments, processing instructions, doctypes: never copied.
    Other,
}

/// Read access to a parsed input tree.
pub trait Tree {
    type Node;
    fn inspect(&self, node: &Self::Node) -> Source<'_>;
    fn children(&self, node: &Self::Node) -> Vec<Self::Node>;
}

/// Write access to the output tree.
pub trait Builder {
    type Node: Clone;
    fn element(
        &mut self,
        parent: &Self::Node,
        tag: &'static str,
        attributes: &[(&'static str, String)],
    ) -> Self::Node;
    fn text(&mut self, parent: &Self::Node, text: &str);
}

/// Where a cleaned fragment goes: the address relative URLs resolve against (the feed's), and
/// the accessible name of the box a table scrolls in (in the interface language).
#[derive(Clone, Copy)]
pub struct Place<'a> {
    pub base: &'a str,
    pub table_label: &'a str,
}

/// The class of the box each table is put in: a table wider than the screen scrolls inside it
/// (from the keyboard too), not the page.
pub const TABLE_BOX_CLASS: &str = "table-scroll";

/// Copies the allowed part of the children of `input` under `output`.
pub fn clean<T: Tree, B: Builder>(
    tree: &T,
    input: &T::Node,
    builder: &mut B,
    output: &B::Node,
    place: Place<'_>,
) {
    for child in tree.children(input) {
        clean_node(tree, &child, builder, output, place, 0);
    }
}

fn clean_node<T: Tree, B: Builder>(
    tree: &T,
    node: &T::Node,
    builder: &mut B,
    parent: &B::Node,
    place: Place<'_>,
    depth: usize,
) {
    let base = place.base;
    let (name, attributes) = match tree.inspect(node) {
        Source::Text(text) => {
            builder.text(parent, &text);
            return;
        }
        Source::Other => return,
        Source::Element { name, attributes } => (name, attributes),
    };
    let action = element(&name);
    if action == Action::Drop {
        return;
    }
    if depth >= MAX_DEPTH {
        let mut text = String::new();
        collect_text(tree, node, &mut text);
        builder.text(parent, &text);
        return;
    }
    let target = match action {
        Action::Keep(tag) => {
            let mut kept: Vec<(&'static str, String)> = Vec::new();
            for (name, value) in &attributes {
                if let Some((name, value)) = attribute(tag, name, value, base) {
                    if !kept.iter().any(|(n, _)| *n == name) {
                        kept.push((name, value));
                    }
                }
            }
            let has = |n: &str| kept.iter().any(|(k, _)| *k == n);
            if tag == "img" && !has("src") {
                return;
            }
            if tag == "a" && !has("href") {
                // A link with nothing safe to go to is just its text.
                parent.clone()
            } else {
                // Forced attributes first: `loading="lazy"` must be set before `src`.
                let mut all: Vec<(&'static str, String)> = forced_attributes(tag)
                    .iter()
                    .map(|(n, v)| (*n, (*v).to_string()))
                    .collect();
                all.extend(kept);
                if tag == "table" {
                    let scroll_box = builder.element(
                        parent,
                        "div",
                        &[
                            ("class", TABLE_BOX_CLASS.to_string()),
                            ("role", "region".to_string()),
                            ("aria-label", place.table_label.to_string()),
                            ("tabindex", "0".to_string()),
                        ],
                    );
                    builder.element(&scroll_box, tag, &all)
                } else {
                    builder.element(parent, tag, &all)
                }
            }
        }
        Action::Unwrap | Action::Drop => parent.clone(),
    };
    for child in tree.children(node) {
        clean_node(tree, &child, builder, &target, place, depth + 1);
    }
}

/// The text under `node`, without the content of dropped elements; iterative, so any depth is
/// safe.
fn collect_text<T: Tree>(tree: &T, node: &T::Node, out: &mut String) {
    let mut stack = tree.children(node);
    stack.reverse();
    while let Some(next) = stack.pop() {
        match tree.inspect(&next) {
            Source::Text(text) => out.push_str(&text),
            Source::Element { name, .. } if element(&name) != Action::Drop => {
                let mut children = tree.children(&next);
                children.reverse();
                stack.extend(children);
            }
            _ => {}
        }
    }
}

/// A tiny tree in memory, for tests.
#[cfg(any(test, feature = "test-support"))]
pub mod memory;

/// Article HTML cleaned on the host (html5ever) and written as HTML text: for the pre-rendered
/// pages and the host tests. Never part of the browser build.
#[cfg(any(test, feature = "host-html"))]
pub mod host;

/// The walk over documents parsed by html5ever, and the checks on its output.
#[cfg(any(test, feature = "test-support"))]
pub mod parsed;

/// The hostile corpus and generated inputs, parsed by html5ever as a browser would.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod corpus;

#[cfg(test)]
mod tests {
    use super::memory::{self, clean_to_string, el, text, Node};
    use super::*;

    const BASE: &str = "https://feed.example.org/news/feed.json";

    #[test]
    fn keeps_structure_and_renames_h1() {
        let out = clean_to_string(vec![
            el("h1", &[], vec![text("Tiêu đề")]),
            el(
                "p",
                &[("class", "x"), ("style", "color:red")],
                vec![text("Một "), el("strong", &[], vec![text("hai")])],
            ),
            el(
                "ol",
                &[("start", "3")],
                vec![el("li", &[], vec![text("ba")])],
            ),
        ]);
        assert_eq!(
            out,
            "<h2>Tiêu đề</h2><p>Một <strong>hai</strong></p><ol start=\"3\"><li>ba</li></ol>"
        );
    }

    #[test]
    fn drops_dangerous_elements_with_content_and_unwraps_unknown() {
        let out = clean_to_string(vec![
            el("script", &[], vec![text("alert(1)")]),
            el(
                "div",
                &[("onclick", "x()")],
                vec![el("span", &[], vec![text("giữ")])],
            ),
            el(
                "iframe",
                &[("src", "https://evil.example/")],
                vec![text("x")],
            ),
            el(
                "svg",
                &[],
                vec![el(
                    "a",
                    &[("href", "https://x.org")],
                    vec![text("svg link")],
                )],
            ),
            el("form", &[], vec![el("button", &[], vec![text("Gửi")])]),
            Node::Comment("<script>".into()),
        ]);
        assert_eq!(out, "giữ");
    }

    #[test]
    fn links_are_checked_and_made_safe() {
        let out = clean_to_string(vec![
            el(
                "a",
                &[("href", "  java\tscript:alert(1)"), ("onmouseover", "x")],
                vec![text("a")],
            ),
            el("a", &[("href", "../tin/1.html")], vec![text("b")]),
            el("a", &[("href", "mailto:so@example.org")], vec![text("c")]),
            el("a", &[("href", "data:text/html,<script>")], vec![text("d")]),
        ]);
        assert_eq!(
            out,
            "a<a rel=\"noopener noreferrer nofollow\" target=\"_blank\" referrerpolicy=\"no-referrer\" href=\"https://feed.example.org/tin/1.html\">b</a>\
             <a rel=\"noopener noreferrer nofollow\" target=\"_blank\" referrerpolicy=\"no-referrer\" href=\"mailto:so@example.org\">c</a>d"
        );
    }

    #[test]
    fn images_need_a_safe_source_and_load_lazily() {
        let out = clean_to_string(vec![
            el(
                "img",
                &[
                    ("src", "//cdn.example.org/a.jpg"),
                    ("alt", "Ảnh"),
                    ("width", "640"),
                    ("height", "x"),
                    ("onerror", "x"),
                ],
                vec![],
            ),
            el("img", &[("src", "javascript:alert(1)")], vec![]),
            el("img", &[("src", "mailto:a@b.c")], vec![]),
        ]);
        assert_eq!(
            out,
            "<img loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\" src=\"https://cdn.example.org/a.jpg\" alt=\"Ảnh\" width=\"640\">"
        );
    }

    #[test]
    fn deep_nesting_is_flattened_not_recursed() {
        let mut input = memory::Input::default();
        let mut node = input.add_text("đáy");
        for _ in 0..10_000 {
            node = input.add_element("b", vec![node]);
        }
        let root = input.add_element("body", vec![node]);
        let out = memory::clean_input(&input, root);
        assert!(out.contains("đáy"));
        assert_eq!(out.matches("<b>").count(), MAX_DEPTH);
    }

    #[test]
    fn url_policy() {
        assert_eq!(
            clean_url("https://x.org/a", BASE, UrlKind::Resource).as_deref(),
            Some("https://x.org/a")
        );
        assert_eq!(
            clean_url("tel:+84236", BASE, UrlKind::Link).as_deref(),
            Some("tel:+84236")
        );
        assert_eq!(clean_url("tel:+84236", BASE, UrlKind::Resource), None);
        for bad in [
            "javascript:x",
            " JAVASCRIPT:x",
            "vbscript:x",
            "data:image/png;base64,AA",
            "\u{1}javascript:x",
            "jav&#x09;ascript:x",
        ] {
            let cleaned = clean_url(bad, BASE, UrlKind::Link);
            assert!(
                cleaned
                    .as_deref()
                    .is_none_or(|u| u.starts_with("https://feed.example.org/")),
                "{bad}: {cleaned:?}"
            );
        }
    }

    #[test]
    fn element_names_are_case_insensitive() {
        assert_eq!(element("SCRIPT"), Action::Drop);
        assert_eq!(element("P"), Action::Keep("p"));
        assert_eq!(element("font"), Action::Unwrap);
        assert_eq!(element("x:script"), Action::Drop);
    }
}

/// `html` without its `style` attributes and `<style>` elements, before a browser parses it.
/// The allowlist drops both anyway, but a browser applies the page's Content-Security-Policy
/// while it parses, even in an inert document (`DOMParser`, `<template>`,
/// `createHTMLDocument`), and reports every inline style it refuses: CMS content, full of
/// `style="…"`, would flood a deployment's report endpoint. This is not a security boundary
/// (the allowlist is): whatever it leaves, the allowlist still cleans. Comments and the text of
/// raw-text elements (`script`, `textarea`, `title`…) are copied as they are.
pub fn without_styles(html: &str) -> Cow<'_, str> {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("style") {
        return Cow::Borrowed(html);
    }
    let bytes = lower.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    // Copies `html[from..to]` (ASCII positions, so always on character boundaries).
    let copy =
        |out: &mut String, from: usize, to: usize| out.push_str(html.get(from..to).unwrap_or(""));
    let find_from = |from: usize, needle: &str| {
        lower
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|i| from + i)
    };
    while let Some(lt) = find_from(at, "<") {
        copy(&mut out, at, lt);
        if lower.get(lt..).is_some_and(|r| r.starts_with("<!--")) {
            let end = find_from(lt + 4, "-->").map_or(html.len(), |e| e + 3);
            copy(&mut out, lt, end);
            at = end;
            continue;
        }
        let starts_tag = bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic);
        if !starts_tag {
            copy(&mut out, lt, lt + 1);
            at = lt + 1;
            continue;
        }
        // The tag's name.
        let mut i = lt + 1;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>'))
        {
            i += 1;
        }
        let name = lower.get(lt + 1..i).unwrap_or("");
        if name == "style" {
            // The whole element goes, up to its end tag.
            at = find_from(i, "</style")
                .and_then(|end| find_from(end, ">").map(|gt| gt + 1))
                .unwrap_or(html.len());
            continue;
        }
        copy(&mut out, lt, i);
        // Attributes, until the tag's `>`.
        loop {
            let space = i;
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            {
                i += 1;
            }
            match bytes.get(i) {
                None => {
                    copy(&mut out, space, i);
                    break;
                }
                Some(b'>') => {
                    copy(&mut out, space, i + 1);
                    i += 1;
                    break;
                }
                Some(_) => {}
            }
            let name_at = i;
            // A name may start with `=`; then it runs to space, `/`, `>` or `=`.
            i += 1;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
            {
                i += 1;
            }
            let attribute = lower.get(name_at..i).unwrap_or("");
            // An optional value.
            let mut j = i;
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        j = lower
                            .get(j + 1..)
                            .and_then(|rest| rest.find(char::from(quote)))
                            .map_or(html.len(), |e| j + 1 + e + 1);
                    }
                    _ => {
                        while bytes
                            .get(j)
                            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                        {
                            j += 1;
                        }
                    }
                }
                i = j;
            }
            if attribute != "style" {
                copy(&mut out, space, i);
            }
        }
        at = i;
        // Raw text: no tags inside, up to the end tag.
        const RAW_TEXT: &[&str] = &[
            "script", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
        ];
        if RAW_TEXT.contains(&name) {
            let end = find_from(at, &format!("</{name}")).unwrap_or(html.len());
            copy(&mut out, at, end);
            at = end;
        } else if name == "plaintext" {
            copy(&mut out, at, html.len());
            at = html.len();
        }
    }
    copy(&mut out, at, html.len());
    Cow::Owned(out)
}

#[cfg(test)]
mod style_tests {
    use super::without_styles;

    #[test]
    fn style_attributes_and_elements_go_and_nothing_else_changes() {
        let cases = [
            (
                r#"<p style="color:red" class="x">a</p>"#,
                r#"<p class="x">a</p>"#,
            ),
            (
                r#"<P STYLE='a:b' align=center>a</P>"#,
                "<P align=center>a</P>",
            ),
            ("<td style=width:10px>1</td>", "<td>1</td>"),
            (
                r#"<img src="a.jpg" style = "x" alt=">">"#,
                r#"<img src="a.jpg" alt=">">"#,
            ),
            ("<br/><hr style=x/>", "<br/><hr>"),
            (
                "a<style>p{color:red}</style>b<STYLE media=x>q</STYLE>c",
                "abc",
            ),
            (
                "<!-- <p style=x> --><p>x</p>",
                "<!-- <p style=x> --><p>x</p>",
            ),
            (
                "<textarea><p style=x></textarea>",
                "<textarea><p style=x></textarea>",
            ),
            (
                "<script>var s = '<b style=x>'</script>",
                "<script>var s = '<b style=x>'</script>",
            ),
            ("1 < 2 and <3", "1 < 2 and <3"),
            (
                "<p data-style=\"x\" styles=y>a</p>",
                "<p data-style=\"x\" styles=y>a</p>",
            ),
            // Cut off: what is there is kept, minus the style.
            ("<p style=\"unclosed", "<p"),
            ("<p class=a style", "<p class=a"),
            ("<style>never closed", ""),
            ("plain text, no markup", "plain text, no markup"),
            ("Đà Nẵng <b style='x'>đậm</b>", "Đà Nẵng <b>đậm</b>"),
        ];
        for (input, expected) in cases {
            assert_eq!(without_styles(input), expected, "{input}");
        }
    }
}
