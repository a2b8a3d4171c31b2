//! Bản tin's logic that needs no browser, tested on the host with `cargo test` and used by the
//! web app (`src/`) and native commands alike. Nothing here depends on a browser or Leptos
//! crate; the one browser service it uses, Unicode NFC, is installed by the app at start (see
//! [`text::nfc`]).
//!
//! - [`feed`]: the feed model and the tolerant JSON Feed parser.
//! - [`text`]: character references, NFC, whitespace, excerpts, folding and slugs, UTF-8 steps.
//! - [`sanitize`]: the allowlist for untrusted article HTML and the walk that applies it.
//! - [`search`]: the search index, ranking and highlighting.
//! - [`urls`], [`dates`], [`routes`]: addresses, dates as people read them, the app's paths.
//! - [`config`], [`settings`]: deploy-time configuration and the reader's own settings.
//! - [`i18n`], [`error`]: interface strings in Vietnamese and English, typed errors.
//! - [`qr`]: QR codes for addresses that leave a kiosk.
//! - [`speech`]: an article's text as it is read aloud, in chunks.

pub mod config;
pub mod dates;
pub mod error;
pub mod feed;
pub mod i18n;
pub mod qr;
pub mod routes;
pub mod sanitize;
pub mod search;
pub mod settings;
pub mod speech;
pub mod text;
pub mod urls;

/// Helpers shared by the host tests.
#[cfg(test)]
pub(crate) mod test_support {
    use std::path::PathBuf;

    /// Every input kept under `tests/fixtures/regressions/<kind>/` (crashes found by fuzzing and
    /// other inputs once mishandled), with its bytes. Never empty.
    pub fn regression_inputs(kind: &str) -> Vec<(PathBuf, Vec<u8>)> {
        let dir = format!(
            "{}/../tests/fixtures/regressions/{kind}",
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
