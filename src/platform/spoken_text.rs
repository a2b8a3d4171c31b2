//! The article on the page as it is read aloud: the body's blocks in reading order (as
//! `ban_tin_core::speech::block_kind` sorts elements), the part being read marked with
//! `data-reading`, and that part kept in view while the reader follows along. A reader who
//! scrolls away from the part being read is left where they are.

use ban_tin_core::speech::{block_kind, BlockKind, Part};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// The attribute on the part being read (the stylesheet highlights it).
const READING: &str = "data-reading";

thread_local! {
    /// The body's blocks, by `Part::Block` number, as last read from the page.
    static BLOCKS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The part marked as being read.
    static MARKED: RefCell<Option<Element>> = const { RefCell::new(None) };
}

fn document() -> Option<web_sys::Document> {
    super::browser_window()?.document()
}

fn find(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok().flatten()
}

/// The text of each block of the article body on screen, in reading order (none when there is
/// no body). The blocks are remembered for [`mark`].
pub fn article_blocks() -> Vec<String> {
    let mut blocks = Vec::new();
    if let Some(body) = find("main .article .article-body") {
        walk(&body, &mut blocks);
    }
    let (elements, texts) = blocks.into_iter().unzip();
    BLOCKS.with(|b| *b.borrow_mut() = elements);
    texts
}

/// Adds the blocks in `container` to `out`: blocks that hold no other block are one part each;
/// text directly in a container (between its blocks, or a body that is only text and line
/// breaks) is a part of its own, marked on the container.
fn walk(container: &Element, out: &mut Vec<(Element, String)>) {
    let mut loose = String::new();
    let flush = |loose: &mut String, out: &mut Vec<(Element, String)>| {
        if !loose.trim().is_empty() {
            out.push((container.clone(), std::mem::take(loose)));
        }
        loose.clear();
    };
    let children = container.child_nodes();
    for i in 0..children.length() {
        let Some(node) = children.item(i) else {
            continue;
        };
        if node.node_type() == Node::TEXT_NODE {
            loose.push_str(&node.text_content().unwrap_or_default());
            continue;
        }
        let Some(element) = node.dyn_ref::<Element>() else {
            continue;
        };
        match block_kind(&element.local_name()) {
            BlockKind::Skip => {}
            BlockKind::Inline if element.local_name() == "br" => loose.push(' '),
            BlockKind::Inline => loose.push_str(&element.text_content().unwrap_or_default()),
            BlockKind::Read if !holds_blocks(element) => {
                flush(&mut loose, out);
                out.push((element.clone(), text_of(element)));
            }
            BlockKind::Read | BlockKind::Container => {
                flush(&mut loose, out);
                walk(element, out);
            }
        }
    }
    flush(&mut loose, out);
}

fn holds_blocks(element: &Element) -> bool {
    let inside = element.get_elements_by_tag_name("*");
    (0..inside.length())
        .filter_map(|i| inside.item(i))
        .any(|e| {
            matches!(
                block_kind(&e.local_name()),
                BlockKind::Read | BlockKind::Container
            )
        })
}

/// A block's text as shown (line breaks as spaces); a table row's cells one after another,
/// with a pause between them.
fn text_of(element: &Element) -> String {
    if element.local_name() == "tr" {
        let cells = element.children();
        return (0..cells.length())
            .filter_map(|i| cells.item(i))
            .map(|cell| shown_text(&cell))
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    }
    shown_text(element)
}

fn shown_text(element: &Element) -> String {
    match element.dyn_ref::<HtmlElement>() {
        Some(html) => html.inner_text(),
        None => element.text_content().unwrap_or_default(),
    }
}

/// Marks `part` as the one being read, and scrolls it into view if the reader was following
/// (the part before was on screen) and it is not wholly on screen already.
pub fn mark(part: Part) {
    let element = match part {
        Part::Title => find("main .article h1"),
        Part::Date => find("main .article .article-meta"),
        Part::Block(i) => block(i),
    };
    let previous = MARKED.with(|m| m.borrow_mut().take());
    let Some(element) = element else {
        if let Some(previous) = previous {
            let _ = previous.remove_attribute(READING);
        }
        return;
    };
    // The next chunk of the same part (a long paragraph): the mark stays, and the page is left
    // where the reader has it (it may be reading further down a part taller than the screen).
    if previous
        .as_ref()
        .is_some_and(|p| p.is_same_node(Some(&element)))
    {
        MARKED.with(|m| *m.borrow_mut() = Some(element));
        return;
    }
    // A part drawn anew since (the view redrawn in place) says nothing about the reader.
    let following = previous
        .as_ref()
        .filter(|p| p.is_connected())
        .is_none_or(on_screen);
    if let Some(previous) = previous {
        let _ = previous.remove_attribute(READING);
    }
    let _ = element.set_attribute(READING, "");
    if following && !wholly_on_screen(&element) {
        reveal(&element);
    }
    MARKED.with(|m| *m.borrow_mut() = Some(element));
}

/// Nothing marked as being read any more, and the blocks let go.
pub fn unmark() {
    if let Some(previous) = MARKED.with(|m| m.borrow_mut().take()) {
        let _ = previous.remove_attribute(READING);
    }
    BLOCKS.with(|b| b.borrow_mut().clear());
}

/// Block `i`, looked up again if the view was drawn anew since the blocks were read.
fn block(i: usize) -> Option<Element> {
    let current = BLOCKS.with(|b| b.borrow().get(i).cloned());
    match current {
        Some(element) if element.is_connected() => Some(element),
        _ => {
            article_blocks();
            BLOCKS.with(|b| b.borrow().get(i).cloned())
        }
    }
}

/// The part of the window the article shows in: above the reading-aloud player.
fn visible_bottom() -> f64 {
    let height = super::browser_window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let player = find(".listen-player")
        .and_then(|p| p.dyn_into::<HtmlElement>().ok())
        .map_or(0, |p| p.offset_height());
    height - f64::from(player)
}

fn on_screen(element: &Element) -> bool {
    let rect = element.get_bounding_client_rect();
    rect.bottom() > 0.0 && rect.top() < visible_bottom()
}

fn wholly_on_screen(element: &Element) -> bool {
    let rect = element.get_bounding_client_rect();
    rect.top() >= 0.0 && rect.bottom() <= visible_bottom()
}

fn reveal(element: &Element) {
    let Some(window) = super::browser_window() else {
        return;
    };
    let reduced_motion = window
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let tall = element.get_bounding_client_rect().height() > visible_bottom() * 0.6;
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(if reduced_motion {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    options.set_block(if tall {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Center
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
