//! Bản tin's web app: a thin Leptos layer over `ban_tin_core` (the logic, tested on the host).
//!
//! Imports point one way: [`views`] → [`state`] → [`platform`] → `ban_tin_core`, with
//! [`app`] (the shell and the route table) on top.
//!
//! - [`app`]: the shell, the route table, what every route change and setting does.
//! - `prerender` (host, feature `ssr`): the same shell rendered to HTML for pre-rendered pages.
//! - [`state`]: context slices (feed and loading, settings, search, kiosk, status).
//! - [`platform`]: browser glue (fetch, saved copies, storage, location, scheduling, service
//!   worker, link capture, DOM cleaning).
//! - [`views`]: one module per view, plus the pieces they share.

pub mod app;
pub mod platform;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod state;
pub mod views;

/// Starts the app in a task of its own (a zero-delay timer): the task that instantiated the
/// WebAssembly has already been long on a slow phone.
pub fn start_soon() {
    leptos::prelude::set_timeout(start, std::time::Duration::ZERO);
}

/// Starts the app in the page: in its `#app` element, or out of sight when the page was
/// pre-rendered, to take the static content's place once it can show the same (see
/// [`platform::prerendered`]).
pub fn start() {
    console_error_panic_hook::set_once();
    platform::install_text_normalizer();
    match platform::prerendered::live_root() {
        Some(root) => leptos::mount::mount_to(root, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}

/// The layout's rules, checked on the sources.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod import_rules;
