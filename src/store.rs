//! The app's shared state: configuration, the chosen feed, and the feed on screen, with the
//! loading sequence that fills them. Views read it through context; only [`Store::load`]
//! writes the feed.

use crate::config::{Config, FeedChoice, KioskConfig};
use crate::error::FeedError;
use crate::feed::{self, Feed};
use crate::i18n::{Lang, Strings};
use crate::net::{self, Limits};
use crate::persist::{self, Slot};
use crate::search;
use crate::settings::{self, TextSize, Theme};
use crate::storage;
use crate::text;
use crate::urls;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Largest configuration file read.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;
const CONFIG_TIMEOUT_SECONDS: u32 = 15;
/// When a refresh failed for a reason that may pass (no network, timeout, server error), the
/// next attempt.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(30);
/// Where a `?feed=` override is kept for the rest of the browser session.
const FEED_OVERRIDE_KEY: &str = "ban-tin.feed";

/// The state of loading a further page of the feed.
#[derive(Debug, Clone, PartialEq)]
pub enum PageLoad {
    Idle,
    Loading,
    Failed(FeedError),
}

#[derive(Clone, Copy)]
pub struct Store {
    pub lang: RwSignal<Lang>,
    /// Whether the reader chose the language (else the configuration's default applies).
    pub lang_chosen: RwSignal<bool>,
    pub text_size: RwSignal<TextSize>,
    pub theme: RwSignal<Theme>,
    /// How many entries the home and section lists show; kept here so that coming back from
    /// an article shows as many as before, and so that a list grows when "Xem thêm" has
    /// fetched the next page.
    pub list_shown: RwSignal<usize>,
    pub config: RwSignal<Option<Config>>,
    pub choice: RwSignal<Option<FeedChoice>>,
    pub feed: RwSignal<Option<Arc<Feed>>>,
    pub loading: RwSignal<bool>,
    /// The last loading failure; with a feed on screen it means that copy could not be
    /// refreshed.
    pub error: RwSignal<Option<FeedError>>,
    /// When the copy on screen was fetched (ms since the epoch).
    pub updated_at_ms: RwSignal<Option<f64>>,
    /// What the browser says about the network.
    pub online: RwSignal<bool>,
    /// A new build's service worker is waiting for the reader's go-ahead.
    pub update_ready: RwSignal<bool>,
    /// Whether the saved copy has been looked at (once per visit).
    restored: StoredValue<bool>,
    /// Fingerprint of the feed document on screen.
    saved_digest: StoredValue<Option<u64>>,
    /// A retry after a failed refresh is pending.
    retry_scheduled: StoredValue<bool>,
    /// Loading the feed's next page ("Xem thêm").
    pub paging: RwSignal<PageLoad>,
    /// Kiosk mode, when on (deployment config, or `?kiosk=1` for this browser session).
    pub kiosk: RwSignal<Option<KioskConfig>>,
    /// An address leaving the app, shown as a QR code (kiosk mode).
    pub qr_target: RwSignal<Option<String>>,
    /// Headlines cycling on screen while nobody uses the kiosk.
    pub attract: RwSignal<bool>,
    /// The search as typed. Results follow it on every keystroke; the address (`?q=`) catches
    /// up when typing pauses (see `views::header::SearchBox`).
    pub search_text: RwSignal<String>,
    /// The search index of the feed on screen, built in steps on first use.
    index: RwSignal<Option<(Arc<Feed>, Arc<search::Index>)>>,
    /// The feed whose index is being built, if any.
    indexing: StoredValue<Option<Arc<Feed>>>,
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
            list_shown: RwSignal::new(crate::views::entries::PAGE_SIZE),
            paging: RwSignal::new(PageLoad::Idle),
            kiosk: RwSignal::new(kiosk_trial().then(KioskConfig::default)),
            qr_target: RwSignal::new(None),
            attract: RwSignal::new(false),
            search_text: RwSignal::new(String::new()),
            index: RwSignal::new(None),
            indexing: StoredValue::new(None),
            config: RwSignal::new(None),
            choice: RwSignal::new(None),
            feed: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            updated_at_ms: RwSignal::new(None),
            online: RwSignal::new(true),
            update_ready: RwSignal::new(false),
            restored: StoredValue::new(false),
            saved_digest: StoredValue::new(None),
            retry_scheduled: StoredValue::new(false),
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

    /// The search index of `feed` once it is built (tracked: views update when it is ready);
    /// asking for it starts the build. It is built once per feed, not per keystroke, a batch
    /// of articles at a time so that the page stays responsive.
    pub fn search_index(&self, feed: &Arc<Feed>) -> Option<Arc<search::Index>> {
        let ready = self.index.with(|cached| {
            cached
                .as_ref()
                .filter(|(indexed, _)| Arc::ptr_eq(indexed, feed))
                .map(|(_, index)| Arc::clone(index))
        });
        if ready.is_none() {
            self.start_indexing(Arc::clone(feed));
        }
        ready
    }

    /// Builds the index of the feed on screen in the background (for the search box to call
    /// when it gets the focus, so the index is usually ready by the first keystroke).
    pub fn prepare_search(&self) {
        if let Some(feed) = self.feed.get_untracked() {
            let ready = self
                .index
                .with_untracked(|c| c.as_ref().is_some_and(|(f, _)| Arc::ptr_eq(f, &feed)));
            if !ready {
                self.start_indexing(feed);
            }
        }
    }

    fn start_indexing(&self, feed: Arc<Feed>) {
        let busy = self
            .indexing
            .with_value(|f| f.as_ref().is_some_and(|f| Arc::ptr_eq(f, &feed)));
        if busy {
            return;
        }
        self.indexing.set_value(Some(Arc::clone(&feed)));
        let store = *self;
        spawn_local(async move {
            let started = now();
            let mut builder = search::IndexBuilder::default();
            for batch in feed.items.chunks(INDEX_BATCH) {
                builder.add(batch);
                next_tick().await;
                let still_wanted = store
                    .indexing
                    .with_value(|f| f.as_ref().is_some_and(|f| Arc::ptr_eq(f, &feed)));
                if !still_wanted {
                    return;
                }
            }
            let index = Arc::new(builder.finish());
            measure("ban-tin:search-index", started);
            store.indexing.set_value(None);
            store.index.set(Some((feed, index)));
        });
    }

    /// Fetches the feed's next page (`next_url`) and merges it into the feed on screen.
    pub fn load_next_page(self) {
        let Some(feed) = self.feed.get_untracked() else {
            return;
        };
        let Some(next) = feed.next_url.clone() else {
            return;
        };
        if self
            .paging
            .with_untracked(|p| matches!(p, PageLoad::Loading))
        {
            return;
        }
        let Some(config) = self.config.get_untracked() else {
            return;
        };
        if !config.allows_feed(&self.base_url.get_value(), &next) {
            self.paging.set(PageLoad::Failed(FeedError::NotFeed));
            return;
        }
        self.paging.set(PageLoad::Loading);
        spawn_local(async move {
            let limits = Limits {
                timeout_seconds: config.fetch_timeout_seconds,
                max_bytes: config.max_feed_bytes,
            };
            let page = match net::fetch_bytes(&next, limits).await {
                Ok(bytes) => feed::parse(&bytes, &next),
                Err(e) => Err(e),
            };
            match page {
                Ok(page) => {
                    // The feed on screen may have been refreshed meanwhile: merge into that.
                    let current = self.feed.get_untracked().unwrap_or(feed);
                    self.feed.set(Some(Arc::new(current.merged_with(page))));
                    self.paging.set(PageLoad::Idle);
                }
                Err(e) => self.paging.set(PageLoad::Failed(e)),
            }
        });
    }

    /// Whether the app is cut off: the browser says so, or the last fetch could not reach the
    /// server (browsers often still report "online" on a dead connection).
    pub fn is_offline(&self) -> bool {
        !self.online.get()
            || self
                .error
                .with(|e| matches!(e, Some(FeedError::Offline | FeedError::Network)))
    }

    /// Settings are remembered for a reader's next visit, but never on a kiosk, where the
    /// next person must start from the defaults.
    fn remembers_settings(&self) -> bool {
        self.kiosk.with_untracked(Option::is_none)
    }

    pub fn set_text_size(&self, size: TextSize) {
        self.text_size.set(size);
        if self.remembers_settings() {
            storage::save(settings::TEXT_SIZE_KEY, &size.to_stored());
        }
    }

    pub fn set_theme(&self, theme: Theme) {
        self.theme.set(theme);
        if self.remembers_settings() {
            storage::save(settings::THEME_KEY, theme.to_stored());
        }
    }

    pub fn choose_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.lang_chosen.set(true);
        if self.remembers_settings() {
            storage::save(settings::LANG_KEY, lang.code());
        }
    }

    /// Back to the defaults for the next person at a kiosk: text size, theme and language as
    /// configured, nothing remembered (not even what was typed in the search box), the list
    /// from its first page, no dialog open.
    pub fn forget_reader(&self) {
        self.search_text.set(String::new());
        self.text_size.set(TextSize::default());
        self.theme.set(Theme::default());
        let lang = self
            .config
            .with_untracked(|c| c.as_ref().map(|c| c.language))
            .unwrap_or_default();
        self.lang.set(lang);
        self.lang_chosen.set(false);
        for key in [
            settings::TEXT_SIZE_KEY,
            settings::THEME_KEY,
            settings::LANG_KEY,
        ] {
            storage::remove(key);
        }
        self.list_shown.set(crate::views::entries::PAGE_SIZE);
        self.qr_target.set(None);
    }

    /// Loads (or reloads) the configuration when it is missing, then the feed. A feed already
    /// on screen stays there until a new one has arrived and parsed.
    pub fn load(self) {
        if self.loading.get_untracked() {
            return;
        }
        self.loading.set(true);
        if self.feed.get_untracked().is_none() {
            // Nothing on screen yet: show "loading" rather than the last error while retrying.
            self.error.set(None);
        }
        spawn_local(async move {
            if !self.restored.get_value() {
                self.restored.set_value(true);
                self.restore_saved().await;
            }
            match self.refresh().await {
                Ok(()) => {
                    if self.error.with_untracked(Option::is_some) {
                        self.error.set(None);
                    }
                }
                Err(e) => {
                    if e.is_transient() && !self.retry_scheduled.get_value() {
                        // Try again later by itself: the bus may come out of the tunnel.
                        self.retry_scheduled.set_value(true);
                        set_timeout(
                            move || {
                                self.retry_scheduled.set_value(false);
                                self.load();
                            },
                            RETRY_AFTER,
                        );
                    }
                    self.error.set(Some(e));
                }
            }
            self.loading.set(false);
        });
    }

    /// Shows the last good copy saved on this device, if it is of the feed this session would
    /// choose. It is replaced as soon as a fresh copy arrives.
    async fn restore_saved(self) {
        let base = self.base_url.get_value();
        let (saved_config, saved_feed) = persist::load_both(&base).await;
        let Some(saved_config) = saved_config else {
            return;
        };
        let Ok(config) = Config::parse(&saved_config.bytes) else {
            return;
        };
        let choice = config.choose_feed(&base, requested_feed().as_deref());
        // The saved configuration stands in until the network answers (or if it cannot).
        self.apply_config(config);
        let Some(saved) = saved_feed else {
            return;
        };
        if saved.address != choice.address || self.feed.get_untracked().is_some() {
            return;
        }
        let saved_digest = digest(&saved.bytes);
        if let Ok(feed) = parse_in_steps(saved.bytes, &saved.address).await {
            self.choice.set(Some(choice));
            self.saved_digest.set_value(Some(saved_digest));
            self.updated_at_ms.set(Some(saved.saved_at_ms));
            self.feed.set(Some(Arc::new(feed)));
        }
    }

    fn apply_config(&self, config: Config) {
        let kiosk = config
            .kiosk
            .or_else(|| kiosk_trial().then(KioskConfig::default));
        if self.kiosk.get_untracked() != kiosk {
            self.kiosk.set(kiosk);
        }
        if !self.lang_chosen.get_untracked() && self.lang.get_untracked() != config.language {
            self.lang.set(config.language);
        }
        self.config.set(Some(config));
    }

    /// Fetches the configuration (falling back to the saved one when the network fails) and
    /// the feed; a fresh feed replaces the one on screen and is saved for next time.
    async fn refresh(self) -> Result<(), FeedError> {
        let base = self.base_url.get_value();
        let config_address = urls::resolve(&base, "config.json").unwrap_or_default();
        let limits = Limits {
            timeout_seconds: CONFIG_TIMEOUT_SECONDS,
            max_bytes: MAX_CONFIG_BYTES,
        };
        let config = match net::fetch_bytes(&config_address, limits).await {
            Ok(bytes) => {
                let config = Config::parse(&bytes)?;
                persist::save(&base, Slot::Config, &config_address, now_ms(), &bytes).await;
                config
            }
            Err(e) => match self.config.get_untracked() {
                Some(saved) if e.is_transient() => saved,
                _ => {
                    return Err(match e {
                        FeedError::Http { .. } | FeedError::TooLarge { .. } => FeedError::Config,
                        other => other,
                    })
                }
            },
        };
        let choice = config.choose_feed(&base, requested_feed().as_deref());
        remember_override(&choice);
        let limits = Limits {
            timeout_seconds: config.fetch_timeout_seconds,
            max_bytes: config.max_feed_bytes,
        };
        self.apply_config(config);
        self.choice.set(Some(choice.clone()));

        let bytes = net::fetch_bytes(&choice.address, limits).await?;
        let fetched_at = now_ms();
        next_tick().await;
        let fresh = digest(&bytes);
        next_tick().await;
        let same_as_shown = self.saved_digest.get_value() == Some(fresh)
            && self
                .feed
                .with_untracked(|f| f.as_ref().is_some_and(|f| f.address == choice.address));
        if !same_as_shown {
            let mut feed = parse_in_steps(&bytes, &choice.address).await?;
            // Keep the further pages the reader already loaded with "Xem thêm".
            if let Some(shown) = self.feed.get_untracked() {
                if shown.address == choice.address && shown.items.len() > feed.items.len() {
                    let next = shown.next_url.clone();
                    let mut earlier = (*shown).clone();
                    earlier.next_url = None;
                    feed = feed.merged_with(earlier);
                    feed.next_url = next;
                }
            }
            self.feed.set(Some(Arc::new(feed)));
            self.saved_digest.set_value(Some(fresh));
        }
        self.updated_at_ms.set(Some(fetched_at));
        persist::save(&base, Slot::Feed, &choice.address, fetched_at, &bytes).await;
        Ok(())
    }
}

/// Articles parsed (or indexed) between two chances for the browser to paint and answer input.
const PARSE_BATCH: usize = 400;
/// Bytes of a feed decoded from UTF-8 between two such chances.
const DECODE_BATCH: usize = 1 << 20;
const INDEX_BATCH: usize = 250;

/// How long a task may run before the browser gets a turn (to paint and answer input).
const TASK_BUDGET_MS: f64 = 16.0;

/// Decodes a feed a megabyte at a time, then parses it a batch of items at a time, giving the
/// browser a turn whenever a task has run for `TASK_BUDGET_MS`, so that even 10,000 items
/// never freeze the page, while a small feed is parsed and drawn in one go (each turn costs a
/// task, and a frame, at start-up).
///
/// Owned `bytes` are freed once decoded, so the document is not held twice while it is parsed.
async fn parse_in_steps(bytes: impl AsRef<[u8]>, address: &str) -> Result<Feed, FeedError> {
    let started = now();
    let mut turns = Turns::new();
    let text = {
        let all = bytes.as_ref();
        let all = all.strip_prefix(feed::BYTE_ORDER_MARK).unwrap_or(all);
        let mut text = String::with_capacity(all.len());
        let mut at = 0;
        while at < all.len() {
            at = text::decode_utf8_step(all, at, DECODE_BATCH, &mut text);
            turns.take_if_due().await;
        }
        text
    };
    drop(bytes);
    let mut parser = feed::Parser::from_text(text, address)?;
    measure("ban-tin:parse-split", started);
    turns.take_if_due().await;
    while !parser.step(PARSE_BATCH) {
        turns.take_if_due().await;
    }
    let feed = parser.finish();
    measure("ban-tin:parse", started);
    // Drawing the new feed starts a task of its own unless this one has been short.
    turns.take_if_due().await;
    Ok(feed)
}

/// Gives the browser a turn once the current task has used its budget.
struct Turns {
    since: f64,
}

impl Turns {
    fn new() -> Self {
        Turns { since: now() }
    }

    async fn take_if_due(&mut self) {
        if now() - self.since >= TASK_BUDGET_MS {
            next_tick().await;
            self.since = now();
        }
    }
}

/// Resolves on the next turn of the event loop (a zero-delay timer): the browser paints and
/// handles input in between.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Records a User Timing measure from `start` to now, so that benchmarks and DevTools can read
/// it (`performance.getEntriesByName(name)`).
pub fn measure(name: &str, start: f64) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let mark = format!("{name}:end");
        let _ = performance.mark(&mark);
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
        let _ = js_sys::Reflect::set(&options, &"end".into(), &performance.now().into());
        let measure: Result<js_sys::Function, _> =
            js_sys::Reflect::get(&performance, &"measure".into()).and_then(|f| f.dyn_into());
        if let Ok(measure) = measure {
            let _ = measure.call2(&performance, &name.into(), &options);
        }
        performance.clear_marks_with_mark_name(&mark);
    }
}

/// A cheap fingerprint of a document (FxHash over 8-byte words), to skip re-parsing and
/// re-rendering an unchanged feed.
fn digest(bytes: &[u8]) -> u64 {
    let mut hash = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(word);
        hash =
            (hash.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    for &byte in words.remainder() {
        hash = (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    hash
}

fn now_ms() -> f64 {
    js_sys::Date::now()
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

/// Kiosk mode for this browser session: `?kiosk=1` turns it on, `?kiosk=0` off.
fn kiosk_trial() -> bool {
    const KEY: &str = "ban-tin.kiosk";
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "kiosk")
        .map(|(_, value)| value == "1");
    match (asked, session_storage()) {
        (Some(on), Some(storage)) => {
            let _ = if on {
                storage.set_item(KEY, "1")
            } else {
                storage.remove_item(KEY)
            };
            on
        }
        (Some(on), None) => on,
        (None, storage) => storage
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .is_some_and(|v| v == "1"),
    }
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
