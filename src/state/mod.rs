//! The app's state, in slices that views take from context with [`use_feed`],
//! [`use_settings`], [`use_search`], [`use_kiosk`], [`use_status`] and [`use_read_aloud`].
//! Each slice owns its signals and offers methods; none hands out a signal to write, except the
//! list length that lists share (`FeedState::list_shown`).
//!
//! The slices travel in context as one [`AppState`]: one context lookup is compiled, not one per
//! slice (each `expect_context::<T>` is its own code in the WebAssembly).
//!
//! - [`feed`]: configuration, the feed on screen, loading and paging.
//! - [`settings`]: language, text size, theme.
//! - [`search`]: the typed search and the search index.
//! - [`kiosk`]: kiosk mode, the QR hand-off, the attract screen.
//! - [`status`]: the network and a waiting update.
//! - [`read_aloud`]: reading an article aloud ("Nghe bài viết").
//! - [`startup`]: the first drawing, spread over tasks.

pub mod feed;
pub mod kiosk;
pub mod read_aloud;
pub mod search;
pub mod settings;
pub mod startup;
pub mod status;

use crate::platform::location;
use feed::FeedState;
use kiosk::Kiosk;
use leptos::prelude::*;
use read_aloud::ReadAloud;
use search::Search;
use settings::Settings;
use startup::Startup;
use status::Status;

/// Every slice, for the shell that wires them up and for what spans them.
#[derive(Clone, Copy)]
pub struct AppState {
    pub feed: FeedState,
    pub settings: Settings,
    pub search: Search,
    pub kiosk: Kiosk,
    pub status: Status,
    pub startup: Startup,
    pub read_aloud: ReadAloud,
}

impl AppState {
    /// Creates the slices and puts them in context.
    pub fn provide() -> Self {
        let kiosk = Kiosk::new(location::kiosk_trial());
        let settings = Settings::load(!kiosk.is_on_untracked());
        let status = Status::new();
        let state = AppState {
            feed: FeedState::new(settings, kiosk, status),
            settings,
            search: Search::new(),
            kiosk,
            status,
            startup: Startup::new(),
            read_aloud: ReadAloud::new(settings),
        };
        provide_context(state);
        state
    }

    /// Back to the defaults for the next person at a kiosk: text size, theme and language as
    /// configured, nothing remembered (not even what was typed in the search box), the list
    /// from its first page, no dialog open, nothing being read aloud.
    pub fn forget_reader(&self) {
        self.read_aloud.stop();
        self.search.clear();
        self.settings
            .reset(self.feed.configured_language_untracked());
        self.feed.reset_list();
        self.kiosk.close_qr();
    }
}

/// The app's state, from context (the shell provides it before any view is drawn).
#[inline(never)]
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

pub fn use_feed() -> FeedState {
    use_app().feed
}

pub fn use_settings() -> Settings {
    use_app().settings
}

pub fn use_search() -> Search {
    use_app().search
}

pub fn use_kiosk() -> Kiosk {
    use_app().kiosk
}

pub fn use_status() -> Status {
    use_app().status
}

pub fn use_startup() -> Startup {
    use_app().startup
}

pub fn use_read_aloud() -> ReadAloud {
    use_app().read_aloud
}
