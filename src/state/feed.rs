//! The feed and its loading: the deployment's configuration, the feed chosen for this session,
//! the feed on screen, and the sequence that fills them (saved copy first, then the network,
//! retrying by itself when the network may come back). Also the list's paging: how many entries
//! are shown and the fetch of the feed's next page ("Xem thêm").

use crate::platform::fetch::{self, Limits};
use crate::platform::location;
use crate::platform::saved::{self, Slot};
use crate::platform::schedule::{measure, next_tick, now, now_ms, Turns};
use crate::platform::xml;
use crate::state::kiosk::Kiosk;
use crate::state::settings::Settings;
use crate::state::status::Status;
use ban_tin_core::config::{Config, FeedChoice};
use ban_tin_core::error::FeedError;
use ban_tin_core::feed::{self, Feed};
use ban_tin_core::i18n::Lang;
use ban_tin_core::{text, urls};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Entries of a list drawn at first and added by each "Xem thêm".
pub const PAGE_SIZE: usize = 30;

/// Largest configuration file read.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;
const CONFIG_TIMEOUT_SECONDS: u32 = 15;
/// When a refresh failed for a reason that may pass (no network, timeout, server error), the
/// next attempt.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(30);

/// Articles parsed between two looks at the clock (see `Turns`): about 10 ms of a slow phone's
/// time.
const PARSE_BATCH: usize = 100;
/// Bytes of the structural pass between two looks at the clock.
const SPLIT_BATCH: usize = 512 * 1024;
/// Bytes of a feed decoded from UTF-8 between two such chances.
const DECODE_BATCH: usize = 1 << 20;

/// The state of loading a further page of the feed.
#[derive(Debug, Clone, PartialEq)]
pub enum PageLoad {
    Idle,
    Loading,
    Failed(FeedError),
}

#[derive(Clone, Copy)]
pub struct FeedState {
    config: RwSignal<Option<Config>>,
    choice: RwSignal<Option<FeedChoice>>,
    feed: RwSignal<Option<Arc<Feed>>>,
    loading: RwSignal<bool>,
    /// The last loading failure; with a feed on screen it means that copy could not be
    /// refreshed.
    error: RwSignal<Option<FeedError>>,
    /// When the copy on screen was fetched (ms since the epoch).
    updated_at_ms: RwSignal<Option<f64>>,
    /// Loading the feed's next page ("Xem thêm").
    paging: RwSignal<PageLoad>,
    /// How many entries the home and section lists show; kept here so that coming back from
    /// an article shows as many as before, and so that a list grows when "Xem thêm" has
    /// fetched the next page.
    list_shown: RwSignal<usize>,
    /// Whether the saved copy has been looked at (once per visit).
    restored: StoredValue<bool>,
    /// Fingerprint of the feed document on screen.
    saved_digest: StoredValue<Option<u64>>,
    /// A retry after a failed refresh is pending.
    retry_scheduled: StoredValue<bool>,
    /// What the configuration sets besides the feed.
    settings: Settings,
    kiosk: Kiosk,
    status: Status,
}

impl FeedState {
    pub fn new(settings: Settings, kiosk: Kiosk, status: Status) -> Self {
        FeedState {
            config: RwSignal::new(None),
            choice: RwSignal::new(None),
            feed: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            updated_at_ms: RwSignal::new(None),
            paging: RwSignal::new(PageLoad::Idle),
            list_shown: RwSignal::new(PAGE_SIZE),
            restored: StoredValue::new(false),
            saved_digest: StoredValue::new(None),
            retry_scheduled: StoredValue::new(false),
            settings,
            kiosk,
            status,
        }
    }

    /// The feed on screen (tracked).
    pub fn feed(&self) -> Option<Arc<Feed>> {
        self.feed.get()
    }

    pub fn feed_untracked(&self) -> Option<Arc<Feed>> {
        self.feed.get_untracked()
    }

    /// Whether a feed is on screen (tracked).
    pub fn has_feed(&self) -> bool {
        self.feed.with(Option::is_some)
    }

    /// Reads the feed on screen without cloning it (tracked).
    pub fn with_feed<T>(&self, read: impl FnOnce(Option<&Arc<Feed>>) -> T) -> T {
        self.feed.with(|f| read(f.as_ref()))
    }

    /// Whether the feed on screen has a further page (untracked).
    pub fn has_next_page_untracked(&self) -> bool {
        self.feed
            .with_untracked(|f| f.as_ref().is_some_and(|f| f.next_url.is_some()))
    }

    /// The last loading failure (tracked).
    pub fn error(&self) -> Option<FeedError> {
        self.error.get()
    }

    /// Whether a load is under way (tracked).
    pub fn loading(&self) -> bool {
        self.loading.get()
    }

    /// When the copy on screen was fetched, in ms since the epoch (tracked).
    pub fn updated_at_ms(&self) -> Option<f64> {
        self.updated_at_ms.get()
    }

    /// Loading the next page (tracked).
    pub fn paging(&self) -> PageLoad {
        self.paging.get()
    }

    pub fn is_paging(&self) -> bool {
        self.paging.with(|p| matches!(p, PageLoad::Loading))
    }

    /// Whether this session's `?feed=` was refused (tracked).
    pub fn override_refused(&self) -> bool {
        self.choice.with(|c| c.as_ref().is_some_and(|c| c.refused))
    }

    /// The department's name for the app bar, once the configuration is read (tracked).
    pub fn site_name(&self) -> Option<String> {
        self.config
            .with(|c| c.as_ref().and_then(|c| c.site_name.clone()))
    }

    /// The department's logo address, if configured (tracked).
    pub fn site_logo(&self) -> Option<String> {
        self.config
            .with(|c| c.as_ref().and_then(|c| c.site_logo.clone()))
    }

    /// The deployment's interface language (the default until the configuration is read).
    pub fn configured_language_untracked(&self) -> Lang {
        self.config
            .with_untracked(|c| c.as_ref().map(|c| c.language))
            .unwrap_or_default()
    }

    /// How many entries the home and section lists show.
    pub fn list_shown(&self) -> RwSignal<usize> {
        self.list_shown
    }

    /// The lists from their first page again.
    pub fn reset_list(&self) {
        self.list_shown.set(PAGE_SIZE);
    }

    /// Whether the app is cut off: the browser says so, or the last fetch could not reach the
    /// server (browsers often still report "online" on a dead connection). Tracked.
    pub fn is_offline(&self) -> bool {
        !self.status.online()
            || self
                .error
                .with(|e| matches!(e, Some(FeedError::Offline | FeedError::Network)))
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
        if let Err(refused) = config.check_next_page(&location::base_url(), &next) {
            self.paging.set(PageLoad::Failed(refused));
            return;
        }
        self.paging.set(PageLoad::Loading);
        spawn_local(async move {
            let limits = Limits {
                timeout_seconds: config.fetch_timeout_seconds,
                max_bytes: config.max_feed_bytes,
            };
            let page = match fetch::fetch_bytes(&next, limits).await {
                Ok(bytes) => parse_in_steps(bytes, &next).await,
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
                // The first load starts in a task of its own, not in the one that draws the
                // app (which, the WebAssembly being compiled as it first runs, is long).
                next_tick().await;
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
        let base = location::base_url();
        let (saved_config, saved_feed) = saved::load_both(&base).await;
        let Some(saved_config) = saved_config else {
            return;
        };
        let Ok(config) = Config::parse(&saved_config.bytes) else {
            return;
        };
        let choice = config.choose_feed(&base, location::requested_feed().as_deref());
        // The saved configuration stands in until the network answers (or if it cannot).
        self.apply_config(config);
        let Some(saved) = saved_feed else {
            return;
        };
        if saved.address != choice.address || self.feed.get_untracked().is_some() {
            return;
        }
        let saved_digest = feed::fingerprint(&saved.bytes);
        if let Ok(feed) = parse_in_steps(saved.bytes, &saved.address).await {
            self.choice.set(Some(choice));
            self.saved_digest.set_value(Some(saved_digest));
            self.updated_at_ms.set(Some(saved.saved_at_ms));
            self.feed.set(Some(Arc::new(feed)));
        }
    }

    /// Shows `feed`, fetched at `fetched_at_ms`, under `config`, with no loading at all: what a
    /// page pre-rendered at deploy time draws (`crate::prerender`).
    pub fn show_snapshot(&self, config: Config, feed: Arc<Feed>, fetched_at_ms: f64) {
        self.apply_config(config);
        self.updated_at_ms.set(Some(fetched_at_ms));
        self.feed.set(Some(feed));
    }

    /// Applies what the configuration sets besides the feed: kiosk mode and the default
    /// language.
    fn apply_config(&self, config: Config) {
        self.kiosk.configure(config.kiosk);
        self.settings.set_remembered(!self.kiosk.is_on_untracked());
        self.settings.follow_configured(config.language);
        self.config.set(Some(config));
    }

    /// Fetches the configuration (falling back to the saved one when the network fails) and
    /// the feed; a fresh feed replaces the one on screen and is saved for next time.
    async fn refresh(self) -> Result<(), FeedError> {
        let base = location::base_url();
        let config_address = urls::resolve(&base, "config.json").unwrap_or_default();
        let limits = Limits {
            timeout_seconds: CONFIG_TIMEOUT_SECONDS,
            max_bytes: MAX_CONFIG_BYTES,
        };
        let config = match fetch::fetch_bytes(&config_address, limits).await {
            Ok(bytes) => {
                let config = Config::parse(&bytes)?;
                saved::save(&base, Slot::Config, &config_address, now_ms(), &bytes).await;
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
        let choice = config.choose_feed(&base, location::requested_feed().as_deref());
        location::remember_override(&choice);
        let limits = Limits {
            timeout_seconds: config.fetch_timeout_seconds,
            max_bytes: config.max_feed_bytes,
        };
        self.apply_config(config);
        self.choice.set(Some(choice.clone()));

        let bytes = fetch::fetch_bytes(&choice.address, limits).await?;
        let fetched_at = now_ms();
        next_tick().await;
        let fresh = feed::fingerprint(&bytes);
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
        saved::save(&base, Slot::Feed, &choice.address, fetched_at, &bytes).await;
        Ok(())
    }
}

/// Decodes a feed a megabyte at a time, finds its items half a megabyte at a time, then parses
/// them a batch at a time, giving the browser a turn whenever a task has run for a frame's
/// budget, so that even 10,000 items never freeze the page, while a small feed is parsed and
/// drawn in one go.
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
    let mut parser = if feed::xml::looks_like_xml(&text) {
        // RSS or Atom: the browser parses the XML in one go.
        xml::parser(&text, address)?
    } else {
        let mut splitting = feed::Splitting::new(text, address);
        while !splitting.step(SPLIT_BATCH)? {
            turns.take_if_due().await;
        }
        splitting.into_parser()?
    };
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
