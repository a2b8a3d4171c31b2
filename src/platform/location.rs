//! Where the app is: its base address (a host's root or a sub-path), links under it, the query
//! parameters that change a session (`?feed=`, `?kiosk=`), and the session storage that keeps
//! them for the rest of the browser session.

use ban_tin_core::config::FeedChoice;
use ban_tin_core::urls;

/// Where a `?feed=` override is kept for the rest of the browser session.
const FEED_OVERRIDE_KEY: &str = "ban-tin.feed";
/// Where `?kiosk=1` is kept for the rest of the browser session.
const KIOSK_KEY: &str = "ban-tin.kiosk";

struct Base {
    url: String,
    path: String,
}

impl Base {
    fn at(url: String) -> Base {
        Base {
            path: urls::base_path(&url),
            url,
        }
    }

    fn read() -> Base {
        let url = super::browser_window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        Base::at(url)
    }
}

thread_local! {
    /// The document's base never changes while the page lives: read once, on first use.
    static BASE: std::cell::OnceCell<Base> = const { std::cell::OnceCell::new() };
}

fn with_base<T>(read: impl FnOnce(&Base) -> T) -> T {
    BASE.with(|b| read(b.get_or_init(Base::read)))
}

/// On the host, where pages are rendered ahead of time: the address the pages will have (the
/// deployment's `<base href>` resolved against its site address). Set before rendering.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_under(base_url: &str) {
    BASE.with(|b| {
        let _ = b.set(Base::at(base_url.to_string()));
    });
}

/// The document's base URL (`<base href>` resolved): the app's root, also under a sub-path.
pub fn base_url() -> String {
    with_base(|b| b.url.clone())
}

/// The path of that base without its trailing slash ("" at a host's root, "/tin-tuc" under a
/// sub-path): the router's base.
pub fn base_path() -> String {
    with_base(|b| b.path.clone())
}

/// The address to write in a link for an app path such as `/tin/abc` (see
/// `ban_tin_core::routes`): the router resolves paths that start with `/` as they are, so the
/// base is added here.
pub fn href(path: &str) -> String {
    with_base(|b| format!("{}{path}", b.path))
}

/// The full address of an app path, for sharing.
pub fn absolute(path: &str) -> String {
    urls::resolve(&base_url(), path.trim_start_matches('/')).unwrap_or_default()
}

/// The current page's path and query, to key what is remembered per page.
pub fn page_key() -> String {
    let Some(location) = super::browser_window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

fn query() -> String {
    super::browser_window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

fn session_storage() -> Option<web_sys::Storage> {
    super::browser_window()?.session_storage().ok().flatten()
}

/// `?feed=` from the address, or the one remembered earlier in this session.
pub fn requested_feed() -> Option<String> {
    urls::query_value(&query(), "feed").or_else(|| {
        session_storage()?
            .get_item(FEED_OVERRIDE_KEY)
            .ok()
            .flatten()
    })
}

/// Keeps an allowed `?feed=` override for the rest of the session, and forgets it once the
/// configured feed is chosen again.
pub fn remember_override(choice: &FeedChoice) {
    if let Some(storage) = session_storage() {
        let _ = if choice.overridden {
            storage.set_item(FEED_OVERRIDE_KEY, &choice.address)
        } else {
            storage.remove_item(FEED_OVERRIDE_KEY)
        };
    }
}

/// Kiosk mode for this browser session: `?kiosk=1` turns it on, `?kiosk=0` off.
pub fn kiosk_trial() -> bool {
    let asked = urls::query_value(&query(), "kiosk").map(|value| value == "1");
    match (asked, session_storage()) {
        (Some(on), Some(storage)) => {
            let _ = if on {
                storage.set_item(KIOSK_KEY, "1")
            } else {
                storage.remove_item(KIOSK_KEY)
            };
            on
        }
        (Some(on), None) => on,
        (None, storage) => storage
            .and_then(|s| s.get_item(KIOSK_KEY).ok().flatten())
            .is_some_and(|v| v == "1"),
    }
}
