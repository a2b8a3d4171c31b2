//! The app's shared state: configuration, the chosen feed, and the feed on screen, with the
//! loading sequence that fills them. Views read it through context; only [`Store::load`]
//! writes the feed.

use crate::config::{Config, FeedChoice};
use crate::error::FeedError;
use crate::feed::{self, Feed};
use crate::i18n::{Lang, Strings};
use crate::net::{self, Limits};
use crate::settings::{self, TextSize, Theme};
use crate::storage;
use crate::urls;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Largest configuration file read.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;
const CONFIG_TIMEOUT_SECONDS: u32 = 15;
/// Where a `?feed=` override is kept for the rest of the browser session.
const FEED_OVERRIDE_KEY: &str = "ban-tin.feed";

#[derive(Clone, Copy)]
pub struct Store {
    pub lang: RwSignal<Lang>,
    /// Whether the reader chose the language (else the configuration's default applies).
    pub lang_chosen: RwSignal<bool>,
    pub text_size: RwSignal<TextSize>,
    pub theme: RwSignal<Theme>,
    /// How many list entries are shown; kept here so that coming back to the list from an
    /// article shows as many as before.
    pub list_shown: RwSignal<usize>,
    pub config: RwSignal<Option<Config>>,
    pub choice: RwSignal<Option<FeedChoice>>,
    pub feed: RwSignal<Option<Arc<Feed>>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<FeedError>>,
    /// The document's base URL: the app's root, also under a sub-path.
    pub base_url: StoredValue<String>,
    /// The path of that base without its trailing slash ("" at a host's root, "/tin-tuc" under
    /// a sub-path): the router's base.
    pub base_path: StoredValue<String>,
}

impl Store {
    pub fn new() -> Self {
        let base_url = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        let stored_lang = storage::load(settings::LANG_KEY)
            .as_deref()
            .and_then(settings::lang_from_stored);
        Store {
            lang: RwSignal::new(stored_lang.unwrap_or_default()),
            lang_chosen: RwSignal::new(stored_lang.is_some()),
            text_size: RwSignal::new(
                storage::load(settings::TEXT_SIZE_KEY)
                    .as_deref()
                    .and_then(TextSize::from_stored)
                    .unwrap_or_default(),
            ),
            theme: RwSignal::new(
                storage::load(settings::THEME_KEY)
                    .as_deref()
                    .and_then(Theme::from_stored)
                    .unwrap_or_default(),
            ),
            list_shown: RwSignal::new(crate::views::list::PAGE_SIZE),
            config: RwSignal::new(None),
            choice: RwSignal::new(None),
            feed: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            base_path: StoredValue::new(base_path(&base_url)),
            base_url: StoredValue::new(base_url),
        }
    }

    /// The full address of an app path such as `/tin/abc`, for links: the router resolves
    /// paths that start with `/` as they are, so the base is added here.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base_path.get_value())
    }

    pub fn strings(&self) -> &'static Strings {
        self.lang.get().strings()
    }

    pub fn set_text_size(&self, size: TextSize) {
        self.text_size.set(size);
        storage::save(settings::TEXT_SIZE_KEY, &size.to_stored());
    }

    pub fn set_theme(&self, theme: Theme) {
        self.theme.set(theme);
        storage::save(settings::THEME_KEY, theme.to_stored());
    }

    pub fn choose_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.lang_chosen.set(true);
        storage::save(settings::LANG_KEY, lang.code());
    }

    /// Loads (or reloads) the configuration when it is missing, then the feed. A feed already
    /// on screen stays there until a new one has arrived and parsed.
    pub fn load(self) {
        if self.loading.get_untracked() {
            return;
        }
        self.loading.set(true);
        spawn_local(async move {
            let result = self.load_feed().await;
            match result {
                Ok(feed) => {
                    self.feed.set(Some(Arc::new(feed)));
                    self.error.set(None);
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
        });
    }

    async fn load_feed(self) -> Result<Feed, FeedError> {
        let base = self.base_url.get_value();
        let config = match self.config.get_untracked() {
            Some(config) => config,
            None => {
                let address = urls::resolve(&base, "config.json").unwrap_or_default();
                let limits = Limits {
                    timeout_seconds: CONFIG_TIMEOUT_SECONDS,
                    max_bytes: MAX_CONFIG_BYTES,
                };
                let bytes = net::fetch_bytes(&address, limits)
                    .await
                    .map_err(|e| match e {
                        FeedError::Http { .. } | FeedError::TooLarge { .. } => FeedError::Config,
                        other => other,
                    })?;
                let config = Config::parse(&bytes)?;
                if !self.lang_chosen.get_untracked() {
                    self.lang.set(config.language);
                }
                self.config.set(Some(config.clone()));
                config
            }
        };
        let choice = match self.choice.get_untracked() {
            Some(choice) => choice,
            None => {
                let choice = config.choose_feed(&base, requested_feed().as_deref());
                remember_override(&choice);
                self.choice.set(Some(choice.clone()));
                choice
            }
        };
        let limits = Limits {
            timeout_seconds: config.fetch_timeout_seconds,
            max_bytes: config.max_feed_bytes,
        };
        let bytes = net::fetch_bytes(&choice.address, limits).await?;
        feed::parse(&bytes, &choice.address)
    }
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

/// The path of a base URL without its trailing slash: the router's base.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.rfind('/')
        .map_or("", |slash| &path[..slash])
        .to_string()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// `?feed=` from the address, or the one remembered earlier in this session.
fn requested_feed() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let from_query = search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "feed")
        .map(|(_, value)| urls::decode_component(value, true));
    from_query.or_else(|| {
        session_storage()?
            .get_item(FEED_OVERRIDE_KEY)
            .ok()
            .flatten()
    })
}

fn remember_override(choice: &FeedChoice) {
    if let Some(storage) = session_storage() {
        let _ = if choice.overridden {
            storage.set_item(FEED_OVERRIDE_KEY, &choice.address)
        } else {
            storage.remove_item(FEED_OVERRIDE_KEY)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::base_path;

    #[test]
    fn base_path_from_base_url() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path("https://x.org/tin-tuc/"), "/tin-tuc");
        assert_eq!(base_path("https://x.org/a/b/index.html?x#y"), "/a/b");
        assert_eq!(base_path(""), "");
    }
}
