//! A tiny tree in memory for tests, and a serialiser for what the walk produces.

use super::*;

/// A tree to build inputs from in tests.
#[derive(Debug, Clone)]
pub enum Node {
    Element(String, Vec<(String, String)>, Vec<Node>),
    Text(String),
    Comment(String),
}

enum Kind {
    Element(String, Vec<(String, String)>),
    Text(String),
    Comment,
}

/// The input as a flat arena, so that any depth can be walked, cloned and dropped without
/// recursion.
#[derive(Default)]
pub struct Input {
    nodes: Vec<(Kind, Vec<usize>)>,
}

impl Input {
    pub fn add_element(&mut self, name: &str, children: Vec<usize>) -> usize {
        self.nodes
            .push((Kind::Element(name.into(), Vec::new()), children));
        self.nodes.len() - 1
    }

    pub fn add_text(&mut self, text: &str) -> usize {
        self.nodes.push((Kind::Text(text.into()), Vec::new()));
        self.nodes.len() - 1
    }

    pub fn add(&mut self, node: &Node) -> usize {
        let (kind, children) = match node {
            Node::Element(name, attributes, children) => (
                Kind::Element(name.clone(), attributes.clone()),
                children.iter().map(|c| self.add(c)).collect(),
            ),
            Node::Text(t) => (Kind::Text(t.clone()), Vec::new()),
            Node::Comment(_) => (Kind::Comment, Vec::new()),
        };
        self.nodes.push((kind, children));
        self.nodes.len() - 1
    }
}

impl Tree for Input {
    type Node = usize;
    fn inspect(&self, node: &usize) -> Source<'_> {
        match self.nodes.get(*node) {
            Some((Kind::Element(name, attributes), _)) => Source::Element {
                name: Cow::Borrowed(name),
                attributes: attributes.clone(),
            },
            Some((Kind::Text(t), _)) => Source::Text(Cow::Borrowed(t)),
            _ => Source::Other,
        }
    }
    fn children(&self, node: &usize) -> Vec<usize> {
        self.nodes
            .get(*node)
            .map(|(_, c)| c.clone())
            .unwrap_or_default()
    }
}

/// One output node: its parent, tag (`#text` for text), attributes and text.
type OutputNode = (Option<usize>, String, Vec<(&'static str, String)>, String);

/// Writes HTML text, escaping as a serialiser would.
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

impl Html {
    pub fn render(&self) -> String {
        self.render_children(None)
    }
    fn render_children(&self, parent: Option<usize>) -> String {
        let mut out = String::new();
        for (index, (p, tag, attributes, text)) in self.nodes.iter().enumerate() {
            if *p != parent {
                continue;
            }
            if tag == "#text" {
                out.push_str(
                    &text
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;"),
                );
                continue;
            }
            out.push('<');
            out.push_str(tag);
            for (n, v) in attributes {
                out.push_str(&format!(
                    " {n}=\"{}\"",
                    v.replace('&', "&amp;").replace('"', "&quot;")
                ));
            }
            out.push('>');
            if !matches!(tag.as_str(), "br" | "hr" | "img") {
                out.push_str(&self.render_children(Some(index)));
                out.push_str(&format!("</{tag}>"));
            }
        }
        out
    }
}

pub fn el(name: &str, attributes: &[(&str, &str)], children: Vec<Node>) -> Node {
    Node::Element(
        name.into(),
        attributes
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        children,
    )
}

pub fn text(t: &str) -> Node {
    Node::Text(t.into())
}

pub fn clean_to_string(children: Vec<Node>) -> String {
    let mut input = Input::default();
    let root = input.add(&el("body", &[], children));
    clean_input(&input, root)
}

pub fn clean_input(input: &Input, root: usize) -> String {
    let mut out = Html::default();
    super::clean(
        input,
        &root,
        &mut out,
        &None,
        "https://feed.example.org/news/feed.json",
    );
    out.render()
}
