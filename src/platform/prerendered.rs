//! A page pre-rendered at deploy time (`scripts/prerender.sh`): its content is in the page before
//! the WebAssembly has loaded, inside `<div id="app" data-prerendered="<path>">`. The live app
//! starts out of sight, in an element of its own, and takes the static content's place in one
//! frame once it can show the same route (`take_over`), keeping the scroll position, the
//! focused control and anything typed in the search box. Until then the static links are plain
//! links: a reader who clicks one simply gets that page.
//!
//! Without pre-rendering the page has an empty `<div id="app">` and the app draws into it.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// What can hold the focus, in document order: how the focused control of the static page is
/// found again in the live one (both are the same markup).
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";
/// The element both the static content and the live app live in.
const ROOT_ID: &str = "app";
const PATH_ATTRIBUTE: &str = "data-prerendered";
/// The article of a pre-rendered article page.
const KEPT_ARTICLE: &str = "main article.article";

thread_local! {
    /// The static content: on screen until the take-over, kept afterwards for
    /// [`kept_article`].
    static STATIC_ROOT: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// The element the live app draws into while the static content is on screen.
    static WAITING: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
}

/// Where the live app draws. On a pre-rendered page of the current address: a new element,
/// not yet in the page, that [`take_over`] puts in the static content's place. On a page
/// without (or a static page for another address, as a misconfigured fallback would serve):
/// the page's own `#app`, emptied.
pub fn live_root() -> Option<HtmlElement> {
    let document = super::browser_window()?.document()?;
    let root = document.get_element_by_id(ROOT_ID)?;
    let here = super::browser_window()?.location().pathname().ok()?;
    let static_path = root.get_attribute(PATH_ATTRIBUTE);
    match static_path {
        Some(path) if same_path(&path, &here) => {
            let live = document.create_element("div").ok()?;
            live.set_id(ROOT_ID);
            let live: HtmlElement = live.dyn_into().ok()?;
            keep_links_plain(&root);
            STATIC_ROOT.with(|s| *s.borrow_mut() = Some(root));
            WAITING.with(|w| *w.borrow_mut() = Some(live.clone()));
            Some(live)
        }
        _ => {
            root.remove_attribute(PATH_ATTRIBUTE).ok();
            root.replace_children_with_node_0();
            root.dyn_into().ok()
        }
    }
}

/// `/tin/a` and `/tin/a/` are the same page (the file is `tin/a/index.html`).
fn same_path(a: &str, b: &str) -> bool {
    a.trim_end_matches('/') == b.trim_end_matches('/')
}

/// Until the take-over, a click on a static link is the browser's (a page load of that static
/// page), not the router's: the router listens on the window, below which this stops it.
fn keep_links_plain(root: &Element) {
    let stop = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| ev.stop_propagation());
    let _ = root.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref());
    // The static content is dropped at the take-over; the listener goes with it.
    stop.forget();
}

/// Whether the live app is still out of sight, waiting to take over.
pub fn is_waiting() -> bool {
    WAITING.with(|w| w.borrow().is_some())
}

/// Puts the live app in the static content's place, in one frame: the caller runs it in an
/// animation frame once the live view has its content. The reader keeps their scroll position,
/// focus and search text.
pub fn take_over() {
    let Some(live) = WAITING.with(|w| w.borrow_mut().take()) else {
        return;
    };
    let Some(root) = STATIC_ROOT.with(|s| s.borrow().clone()) else {
        return;
    };
    let Some(window) = super::browser_window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let y = window.scroll_y().unwrap_or(0.0);
    let focused = document
        .active_element()
        .filter(|active| root.contains(Some(active)))
        .and_then(|active| position_of(&root, &active));
    let typed = search_text(&root);
    if root.replace_with_with_node_1(&live).is_err() {
        return;
    }
    if let Some(text) = typed.filter(|t| !t.is_empty()) {
        if let Some(input) = search_input(&live) {
            input.set_value(&text);
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
    }
    if let Some(index) = focused {
        let element = live
            .query_selector_all(FOCUSABLE)
            .ok()
            .and_then(|all| all.item(index))
            .and_then(|node| node.dyn_into::<HtmlElement>().ok());
        if let Some(element) = element {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
    window.scroll_to_with_x_and_y(0.0, y);
}

fn position_of(root: &Element, active: &Element) -> Option<u32> {
    let all = root.query_selector_all(FOCUSABLE).ok()?;
    (0..all.length()).find(|&i| {
        all.item(i)
            .is_some_and(|node| node.is_same_node(Some(active.as_ref())))
    })
}

fn search_input(root: &Element) -> Option<web_sys::HtmlInputElement> {
    root.query_selector("#search-input")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

fn search_text(root: &Element) -> Option<String> {
    search_input(root).map(|input| input.value())
}

/// Whether the pre-rendered page was the article at `path` (an app link, as `location::href`
/// writes it): then [`kept_article`] has its copy.
pub fn has_kept_article(path: &str) -> bool {
    STATIC_ROOT.with(|s| {
        s.borrow().as_ref().is_some_and(|root| {
            root.get_attribute(PATH_ATTRIBUTE)
                .is_some_and(|kept| same_path(&kept, path))
                && root.query_selector(KEPT_ARTICLE).ok().flatten().is_some()
        })
    })
}

/// A copy of the pre-rendered article at `path` (an app link, as `location::href` writes it),
/// for an article that has left the feed since the page was rendered: the reader still gets
/// what the static page showed.
pub fn kept_article(path: &str) -> Option<Node> {
    STATIC_ROOT.with(|s| {
        let root = s.borrow();
        let root = root.as_ref()?;
        if !same_path(&root.get_attribute(PATH_ATTRIBUTE)?, path) {
            return None;
        }
        let article = root.query_selector(KEPT_ARTICLE).ok()??;
        article.clone_node_with_deep(true).ok()
    })
}
