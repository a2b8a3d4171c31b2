//! The last good configuration and feed, kept by the app itself in the Cache API, so that the
//! news shows at once on the next start (before the network answers, offline, and also where
//! no service worker runs). Entries live under synthetic addresses that no page or worker ever
//! requests. Storage that is missing (insecure origin, private mode), full or throws is
//! treated as empty: the app then simply waits for the network.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Response, ResponseInit};

const CACHE_NAME: &str = "ban-tin-data-v1";
const ADDRESS_HEADER: &str = "x-ban-tin-address";
const SAVED_AT_HEADER: &str = "x-ban-tin-saved-at";

/// A stored document: where it came from, when it was saved (ms since the epoch), its bytes.
pub struct Saved {
    pub address: String,
    pub saved_at_ms: f64,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Copy)]
pub enum Slot {
    Config,
    Feed,
}

impl Slot {
    fn key(self, base_url: &str) -> String {
        let name = match self {
            Slot::Config => "config",
            Slot::Feed => "feed",
        };
        format!("{base_url}__ban-tin-data/{name}")
    }
}

async fn open() -> Option<Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    let cache = JsFuture::from(caches.open(CACHE_NAME)).await.ok()?;
    cache.dyn_into::<Cache>().ok()
}

/// The saved configuration and feed, read side by side: at start-up every round trip to the
/// browser's storage delays the first headline. `early.js` usually started these reads while
/// the WebAssembly loaded; otherwise they start here.
pub async fn load_both(base_url: &str) -> (Option<Saved>, Option<Saved>) {
    if let Some(found) = early_reads().await {
        return found;
    }
    let Some(cache) = open().await else {
        return (None, None);
    };
    let config = JsFuture::from(cache.match_with_str(&Slot::Config.key(base_url)));
    let feed = JsFuture::from(cache.match_with_str(&Slot::Feed.key(base_url)));
    let config = Body::start(config.await.ok());
    let feed = Body::start(feed.await.ok());
    let config = match config {
        Some(body) => read(body).await,
        None => None,
    };
    let feed = match feed {
        Some(body) => read(body).await,
        None => None,
    };
    (config, feed)
}

/// The global through which `early.js` hands over its reads.
const EARLY_READS: &str = "__banTinSaved";

/// What `early.js` read: for the configuration and the feed, `[address, saved at, bytes]` or
/// `null`. `None` when it did not run or failed; taken once.
///
/// `early.js` is a module script placed before trunk's loader in `index.html`. It starts
/// reading the saved copies as soon as the page is parsed, while the WebAssembly downloads
/// and compiles, which on a repeat visit at 4x CPU slowdown took the app's start to its first
/// headline from a median of 114 to 79 ms. It must use this module's cache name, addresses
/// and headers (a host test checks).
async fn early_reads() -> Option<(Option<Saved>, Option<Saved>)> {
    let window = web_sys::window()?;
    let name = JsValue::from_str(EARLY_READS);
    let promise = Reflect::get(&window, &name).ok()?;
    let _ = Reflect::delete_property(&window, &name);
    let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
    let found = JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<js_sys::Array>()
        .ok()?;
    let saved = |entry: JsValue| -> Option<Saved> {
        let entry = entry.dyn_into::<js_sys::Array>().ok()?;
        let address = entry.get(0).as_string()?;
        let saved_at_ms = entry.get(1).as_string()?.parse::<f64>().ok()?;
        let body = entry.get(2).dyn_into::<js_sys::ArrayBuffer>().ok()?;
        Some(Saved {
            address,
            saved_at_ms,
            bytes: Uint8Array::new(&body).to_vec(),
        })
    };
    Some((saved(found.get(0)), saved(found.get(1))))
}

/// A saved response whose body is being read.
struct Body {
    address: String,
    saved_at_ms: f64,
    buffer: JsFuture,
}

impl Body {
    fn start(found: Option<JsValue>) -> Option<Body> {
        let response = found?.dyn_into::<Response>().ok()?;
        let headers = response.headers();
        let address = headers.get(ADDRESS_HEADER).ok().flatten()?;
        let saved_at_ms = headers
            .get(SAVED_AT_HEADER)
            .ok()
            .flatten()
            .and_then(|v| v.parse::<f64>().ok())?;
        let buffer = JsFuture::from(response.array_buffer().ok()?);
        Some(Body {
            address,
            saved_at_ms,
            buffer,
        })
    }
}

async fn read(body: Body) -> Option<Saved> {
    let buffer = body.buffer.await.ok()?;
    Some(Saved {
        address: body.address,
        saved_at_ms: body.saved_at_ms,
        bytes: Uint8Array::new(&buffer).to_vec(),
    })
}

pub async fn save(
    base_url: &str,
    slot: Slot,
    address: &str,
    saved_at_ms: f64,
    bytes: &[u8],
) -> bool {
    let Some(cache) = open().await else {
        return false;
    };
    let init = ResponseInit::new();
    let headers = js_sys::Object::new();
    let _ = Reflect::set(
        &headers,
        &ADDRESS_HEADER.into(),
        &JsValue::from_str(address),
    );
    let _ = Reflect::set(
        &headers,
        &SAVED_AT_HEADER.into(),
        // Whole milliseconds: integer formatting is all the bundle needs.
        &JsValue::from_str(&(saved_at_ms.max(0.0) as u64).to_string()),
    );
    let _ = Reflect::set(
        &headers,
        &"content-type".into(),
        &JsValue::from_str("application/json"),
    );
    init.set_headers(&headers);
    let body = Uint8Array::from(bytes);
    let Ok(response) = Response::new_with_opt_buffer_source_and_init(Some(&body), &init) else {
        return false;
    };
    JsFuture::from(cache.put_with_str(&slot.key(base_url), &response))
        .await
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `early.js` reads what this module saves: the same cache, addresses and headers.
    #[test]
    fn early_reads_use_the_same_names() {
        let early = include_str!("early.js");
        for name in [
            CACHE_NAME,
            ADDRESS_HEADER,
            SAVED_AT_HEADER,
            EARLY_READS,
            "__ban-tin-data/",
        ] {
            assert!(early.contains(name), "early.js does not use {name}");
        }
        assert!(Slot::Feed
            .key("https://x/")
            .ends_with("__ban-tin-data/feed"));
        assert!(Slot::Config
            .key("https://x/")
            .ends_with("__ban-tin-data/config"));
        assert!(early.contains("key('config')") && early.contains("key('feed')"));
    }
}
