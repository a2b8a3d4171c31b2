//! A tiny tree in memory for tests; what the walk produces is written by [`Html`].

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

pub use super::host::Html;

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
        super::Place {
            base: "https://feed.example.org/news/feed.json",
            table_label: "Bảng",
        },
    );
    out.render()
}
