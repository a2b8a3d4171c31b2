//! Bản tin: a news reader for a city department's JSON Feed, rendered in the browser with
//! Leptos.
//!
//! Modules that need no browser, and are tested on the host with `cargo test`: [`feed`] (model
//! and parsing), [`dates`], [`text`], [`urls`], [`sanitize`] (the HTML allowlist), [`config`],
//! [`settings`] (text size, theme, language), [`error`] and [`i18n`]. The rest is the browser
//! side: [`net`] fetches, [`storage`] remembers settings, [`dom_clean`] applies the allowlist to
//! the browser's parser, [`store`] holds state, [`app`] and [`views`] render.

pub mod config;
pub mod dates;
pub mod error;
pub mod feed;
pub mod i18n;
pub mod sanitize;
pub mod settings;
pub mod text;
pub mod urls;

pub mod app;
pub mod dom_clean;
pub mod net;
pub mod persist;
pub mod pwa;
pub mod storage;
pub mod store;
pub mod views;

/// Starts the app in the page.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
