//! Browser glue, in one place: everything that talks to `web-sys`, `js-sys` or the network.
//! These modules know nothing of the app's state or views; they take and give plain values and
//! callbacks.
//!
//! - [`fetch`]: GET with a time and size limit.
//! - [`saved`]: the last good configuration and feed kept on the device.
//! - [`storage`]: `localStorage` for settings, degrading to nothing.
//! - [`location`]: the app's base address, links, `?feed=` and `?kiosk=`.
//! - [`schedule`]: turns of the event loop, clocks, User Timing measures.
//! - [`service_worker`]: registration, updates, and the network's comings and goings.
//! - [`links`]: kiosk mode's capture of link clicks and `window.open`.
//! - [`dom_clean`]: article HTML through the browser's inert parser and the allowlist.
//! - [`prerendered`]: a page pre-rendered at deploy time, and the live app taking its place.
//! - [`xml`]: RSS and Atom through the browser's XML parser.
//! - [`speech`]: the browser's speech engine, and the page being hidden.
//! - [`spoken_text`]: an article's blocks as they are read aloud, the one being read marked.

pub mod dom_clean;
pub mod fetch;
pub mod links;
pub mod location;
pub mod prerendered;
pub mod saved;
pub mod schedule;
pub mod service_worker;
pub mod speech;
pub mod spoken_text;
pub mod storage;
pub mod xml;

/// The browser's window; on the host, where the same views are rendered to HTML for the
/// pre-rendered pages, there is none, and everything here degrades as it does in a browser that
/// lacks the feature (no storage, no session, no clock but the system's).
#[cfg(target_arch = "wasm32")]
pub(crate) fn browser_window() -> Option<web_sys::Window> {
    web_sys::window()
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn browser_window() -> Option<web_sys::Window> {
    None
}

/// Gives the core crate the browser's Unicode normalisation (`String.prototype.normalize`), so
/// the bundle carries no normalisation tables. Called once, before any feed is read.
pub fn install_text_normalizer() {
    ban_tin_core::text::install_nfc(|s| js_sys::JsString::from(s).normalize("NFC").into());
}
