//! Kiosk mode's hold on links: clicks on links are caught before the router sees them, and
//! `window.open` is replaced so that nothing opens another window. [`capture`] installs both;
//! [`release`] takes them away again and puts the browser's own `window.open` back, so that a
//! kiosk turned off (by a configuration refresh) leaves links working as before.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A click on a link, as kiosk mode sees it.
pub struct LinkClick {
    /// The link's full address (`a.href`).
    pub href: String,
    /// Its path and query, when it stays inside the app (same origin, under the app's base).
    pub inside: Option<String>,
}

struct Capture {
    on_click: Closure<dyn Fn(web_sys::MouseEvent)>,
    no_windows: Closure<dyn Fn() -> JsValue>,
    /// `window.open` as it was before the capture.
    original_open: JsValue,
}

thread_local! {
    static CAPTURE: RefCell<Option<Capture>> = const { RefCell::new(None) };
}

const EVENTS: [&str; 2] = ["click", "auxclick"];

/// Catches every click and middle click on a link of the page (in the capture phase, before
/// the router) and hands it to `handle` instead of letting the browser follow it; in-page links
/// (`#…`, the skip link) keep their own click handling. Replaces an earlier capture.
///
/// `home` is the app's home path (the base, with its trailing slash).
pub fn capture(home: &str, handle: impl Fn(LinkClick) + 'static) {
    release();
    let Some(window) = super::browser_window() else {
        return;
    };
    let origin = window.location().origin().unwrap_or_default();
    let home = home.to_string();
    let base = home.trim_end_matches('/').to_string();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        // A click on a link within the page (the skip link) keeps its own handling; a middle
        // click on it must not open a tab.
        let in_page = anchor
            .get_attribute("href")
            .is_some_and(|h| h.starts_with('#'));
        if in_page && ev.type_() == "click" {
            return;
        }
        ev.prevent_default();
        if in_page {
            return;
        }
        let pathname = anchor.pathname();
        let inside = (anchor.origin() == origin
            && (pathname == home || pathname.starts_with(&format!("{base}/"))))
        .then(|| format!("{pathname}{}", anchor.search()));
        handle(LinkClick {
            href: anchor.href(),
            inside,
        });
    });
    for event in EVENTS {
        let _ = window.add_event_listener_with_callback_and_bool(
            event,
            on_click.as_ref().unchecked_ref(),
            true,
        );
    }
    let original_open = js_sys::Reflect::get(&window, &"open".into()).unwrap_or(JsValue::UNDEFINED);
    let no_windows = Closure::<dyn Fn() -> JsValue>::new(JsValue::null);
    let _ = js_sys::Reflect::set(&window, &"open".into(), no_windows.as_ref());
    CAPTURE.with(|c| {
        *c.borrow_mut() = Some(Capture {
            on_click,
            no_windows,
            original_open,
        })
    });
}

/// Undoes [`capture`]: the listeners go, and `window.open` is the browser's again. Does
/// nothing when nothing is captured.
pub fn release() {
    let Some(capture) = CAPTURE.with(|c| c.borrow_mut().take()) else {
        return;
    };
    let Some(window) = super::browser_window() else {
        return;
    };
    for event in EVENTS {
        let _ = window.remove_event_listener_with_callback_and_bool(
            event,
            capture.on_click.as_ref().unchecked_ref(),
            true,
        );
    }
    // Put the original back only if nobody replaced our stand-in meanwhile.
    let current = js_sys::Reflect::get(&window, &"open".into()).unwrap_or(JsValue::UNDEFINED);
    if current == *capture.no_windows.as_ref() {
        let _ = js_sys::Reflect::set(&window, &"open".into(), &capture.original_open);
    }
}
