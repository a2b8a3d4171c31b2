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
pub mod qr;
pub mod sanitize;
pub mod search;
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

/// Helpers shared by the host tests.
#[cfg(test)]
pub(crate) mod test_support {
    use std::path::PathBuf;

    /// Every input kept under `tests/fixtures/regressions/<kind>/` (crashes found by fuzzing and
    /// other inputs once mishandled), with its bytes. Never empty.
    pub fn regression_inputs(kind: &str) -> Vec<(PathBuf, Vec<u8>)> {
        let dir = format!(
            "{}/tests/fixtures/regressions/{kind}",
            env!("CARGO_MANIFEST_DIR")
        );
        let inputs: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .flatten()
            .map(|entry| {
                (
                    entry.path(),
                    std::fs::read(entry.path()).unwrap_or_default(),
                )
            })
            .collect();
        assert!(!inputs.is_empty(), "no regression inputs in {dir}");
        inputs
    }
}
