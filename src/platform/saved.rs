//! The last good configuration and feed, kept by the app itself so that the news shows at once
//! on the next start (before the network answers, offline, and also where no service worker
//! runs). A copy of up to `QUICK_MAX_BYTES` goes to `localStorage`, which is read at once when
//! the app starts; a larger one (a big feed would not fit its quota) to the Cache API, which
//! takes several round trips to the browser (50–75 ms at start-up at a 4x CPU slowdown). Cache
//! entries live under synthetic addresses that no page or worker ever requests. Storage that is
//! missing (insecure origin, private mode), full or throws is treated as empty: the app then
//! simply waits for the network.

use super::storage;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Cache, Response, ResponseInit};

const CACHE_NAME: &str = "ban-tin-data-v1";
const ADDRESS_HEADER: &str = "x-ban-tin-address";
const SAVED_AT_HEADER: &str = "x-ban-tin-saved-at";

/// The largest copy kept in `localStorage` (its quota is a few megabytes per site, counted in
/// UTF-16 code units).
const QUICK_MAX_BYTES: usize = 512 * 1024;

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

    /// The `localStorage` key of a small copy.
    fn quick_key(self, base_url: &str) -> String {
        format!("ban-tin-saved:{}", self.key(base_url))
    }
}

/// A small copy as one `localStorage` value: its address, a line break, when it was saved, a
/// line break, then the document. `None` when the document is not UTF-8 text or the address
/// has a line break (then the copy goes to the Cache API).
fn quick_encode(address: &str, saved_at_ms: f64, bytes: &[u8]) -> Option<String> {
    let body = std::str::from_utf8(bytes).ok()?;
    if address.contains('\n') {
        return None;
    }
    Some(format!(
        "{address}\n{}\n{body}",
        saved_at_ms.max(0.0) as u64
    ))
}

fn quick_decode(text: &str) -> Option<Saved> {
    let (address, rest) = text.split_once('\n')?;
    let (saved_at, body) = rest.split_once('\n')?;
    Some(Saved {
        address: address.to_string(),
        // Written as whole milliseconds (see `quick_encode`): read as an integer, which needs no
        // float parser in the bundle.
        saved_at_ms: saved_at.parse::<u64>().ok()? as f64,
        bytes: body.as_bytes().to_vec(),
    })
}

async fn open() -> Option<Cache> {
    let caches = super::browser_window()?.caches().ok()?;
    let cache = JsFuture::from(caches.open(CACHE_NAME)).await.ok()?;
    cache.dyn_into::<Cache>().ok()
}

/// The saved configuration and feed: from `localStorage` when they are small (at once), else
/// from the Cache API.
pub async fn load_both(base_url: &str) -> (Option<Saved>, Option<Saved>) {
    (
        load(base_url, Slot::Config).await,
        load(base_url, Slot::Feed).await,
    )
}

async fn load(base_url: &str, slot: Slot) -> Option<Saved> {
    if let Some(saved) = storage::load(&slot.quick_key(base_url)).and_then(|t| quick_decode(&t)) {
        return Some(saved);
    }
    let cache = open().await?;
    let found = JsFuture::from(cache.match_with_str(&slot.key(base_url)))
        .await
        .ok()?;
    let response = found.dyn_into::<Response>().ok()?;
    let headers = response.headers();
    let address = headers.get(ADDRESS_HEADER).ok().flatten()?;
    let saved_at_ms = headers
        .get(SAVED_AT_HEADER)
        .ok()
        .flatten()
        .and_then(|v| v.parse::<u64>().ok())? as f64;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Saved {
        address,
        saved_at_ms,
        bytes: Uint8Array::new(&buffer).to_vec(),
    })
}

/// Stores `bytes`, small ones in `localStorage` and others in the Cache API; returns whether it
/// worked (a full or missing store is not an error).
pub async fn save(
    base_url: &str,
    slot: Slot,
    address: &str,
    saved_at_ms: f64,
    bytes: &[u8],
) -> bool {
    let quick_key = slot.quick_key(base_url);
    let quick = (bytes.len() <= QUICK_MAX_BYTES)
        .then(|| quick_encode(address, saved_at_ms, bytes))
        .flatten();
    if quick.is_some_and(|text| storage::save(&quick_key, &text)) {
        // One copy only: a larger one saved before must not come back.
        if let Some(cache) = open().await {
            let _ = JsFuture::from(cache.delete_with_str(&slot.key(base_url))).await;
        }
        return true;
    }
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
    let Some(body) = blob_in_steps(bytes).await else {
        return false;
    };
    let Ok(response) = Response::new_with_opt_blob_and_init(Some(&body), &init) else {
        return false;
    };
    let saved = JsFuture::from(cache.put_with_str(&slot.key(base_url), &response))
        .await
        .is_ok();
    // Only once the larger copy is in place: an older small one would be read first.
    if saved {
        storage::remove(&quick_key);
    }
    saved
}

/// Bytes copied out of WebAssembly memory between two turns of the event loop.
const COPY_STEP: usize = 512 * 1024;

/// `bytes` as a blob, copied out a part at a time with the browser's turns in between: a
/// feed of megabytes copied (and then stored) in one go held the page for a quarter of a
/// second on a slow phone. A blob body is handed to the cache by reference.
async fn blob_in_steps(bytes: &[u8]) -> Option<Blob> {
    let parts = js_sys::Array::new();
    for part in bytes.chunks(COPY_STEP) {
        parts.push(&Uint8Array::from(part));
        super::schedule::next_tick().await;
    }
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_copy_reads_back_as_saved() {
        let body = "{\"version\":\"https://jsonfeed.org/version/1.1\",\n\"title\":\"Bản tin\"}";
        let text = quick_encode(
            "https://tin.example/feed.json",
            1_764_000_000_123.0,
            body.as_bytes(),
        )
        .unwrap_or_default();
        let saved = quick_decode(&text);
        assert_eq!(
            saved
                .as_ref()
                .map(|s| (s.address.as_str(), s.saved_at_ms, s.bytes.as_slice())),
            Some((
                "https://tin.example/feed.json",
                1_764_000_000_123.0,
                body.as_bytes()
            ))
        );
        // Not text, or an address that would break the format: left to the Cache API.
        assert!(quick_encode("https://x/", 1.0, &[0xFF, 0xFE]).is_none());
        assert!(quick_encode("https://x/\nevil", 1.0, b"{}").is_none());
        assert!(quick_decode("no line breaks").is_none());
        assert!(quick_decode("https://x/\nnot a number\n{}").is_none());
        assert_ne!(
            Slot::Config.quick_key("https://x/"),
            Slot::Feed.quick_key("https://x/")
        );
        assert_ne!(
            Slot::Feed.quick_key("https://x/tin-tuc/"),
            Slot::Feed.quick_key("https://x/tin-khac/")
        );
    }
}
