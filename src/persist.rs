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
/// browser's storage delays the first headline.
pub async fn load_both(base_url: &str) -> (Option<Saved>, Option<Saved>) {
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
