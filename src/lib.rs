//! Bản tin's web app: a thin Leptos layer over `ban_tin_core` (the logic, tested on the host).
//!
//! Imports point one way: [`views`] → [`state`] → [`platform`] → `ban_tin_core`, with
//! [`app`] (the shell and the route table) on top.
//!
//! - [`app`]: the shell, the route table, what every route change and setting does.
//! - [`state`]: context slices (feed and loading, settings, search, kiosk, status).
//! - [`platform`]: browser glue (fetch, saved copies, storage, location, scheduling, service
//!   worker, link capture, DOM cleaning).
//! - [`views`]: one module per view, plus the pieces they share.

pub mod app;
pub mod platform;
pub mod state;
pub mod views;

/// Starts the app in the page.
pub fn start() {
    console_error_panic_hook::set_once();
    platform::install_text_normalizer();
    leptos::mount::mount_to_body(app::App);
}

/// The layout's rules, checked on the sources.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod import_rules;
