//! Fetching with a time limit and a size limit. Every failure becomes a [`FeedError`]; a body
//! is read as a stream and abandoned as soon as it passes the limit, so a huge or endless
//! answer never freezes the page.

use super::schedule::next_tick;
use ban_tin_core::error::FeedError;
use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader, RequestCache};

/// Bytes copied into WebAssembly memory between two turns of the event loop.
const COPY_STEP: u32 = 2 * 1024 * 1024;

/// Copies a JavaScript byte array into a `Vec`, a few megabytes per turn of the event loop, so
/// that a 10 MB feed does not block the page while it is copied.
async fn copy_in_steps(array: &Uint8Array) -> Vec<u8> {
    let total = array.length();
    let mut bytes = vec![0u8; total as usize];
    let mut start = 0u32;
    while start < total {
        let end = total.min(start.saturating_add(COPY_STEP));
        if let Some(target) = bytes.get_mut(start as usize..end as usize) {
            array.subarray(start, end).copy_to(target);
        }
        start = end;
        if start < total {
            next_tick().await;
        }
    }
    bytes
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub timeout_seconds: u32,
    pub max_bytes: u64,
}

/// GETs `url` and returns its body, revalidating with the server (`cache: no-cache`) so a new
/// feed or configuration shows at once while unchanged ones cost a `304`.
pub async fn fetch_bytes(url: &str, limits: Limits) -> Result<Vec<u8>, FeedError> {
    let controller = AbortController::new().map_err(|_| FeedError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            Duration::from_secs(u64::from(limits.timeout_seconds)),
        )
        .ok()
    };
    let result = fetch_within(url, &controller.signal(), limits.max_bytes).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(FeedError::Timeout {
            seconds: limits.timeout_seconds,
        }),
        other => other,
    }
}

fn network_error() -> FeedError {
    let online = super::browser_window().map(|w| w.navigator().on_line());
    if online == Some(false) {
        FeedError::Offline
    } else {
        FeedError::Network
    }
}

async fn fetch_within(
    url: &str,
    signal: &AbortSignal,
    max_bytes: u64,
) -> Result<Vec<u8>, FeedError> {
    let response = Request::get(url)
        .header("Accept", ban_tin_core::feed::ACCEPT)
        .cache(RequestCache::NoCache)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|_| network_error())?;
    if !response.ok() {
        return Err(FeedError::Http {
            status: response.status(),
        });
    }
    let too_large = FeedError::TooLarge {
        limit_bytes: max_bytes,
    };
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes) {
        return Err(too_large);
    }
    if declared.is_some() {
        // The size is known and within the limit: let the browser collect the body in one go
        // (streaming chunk by chunk into WebAssembly memory costs far more time).
        let raw: web_sys::Response = response.into();
        let promise = raw.array_buffer().map_err(|_| network_error())?;
        let buffer = JsFuture::from(promise).await.map_err(|_| network_error())?;
        let array = Uint8Array::new(&buffer);
        if u64::from(array.length()) > max_bytes {
            return Err(too_large);
        }
        return Ok(copy_in_steps(&array).await);
    }
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    // No declared size (answers with a length were read in one go above).
    let mut bytes: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut since_yield = 0usize;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| network_error())?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value =
            Reflect::get(&chunk, &JsValue::from_str("value")).map_err(|_| FeedError::Network)?;
        let Some(array) = value.dyn_ref::<Uint8Array>() else {
            return Err(FeedError::Network);
        };
        let total = bytes.len() as u64 + u64::from(array.length());
        if total > max_bytes {
            let _ = reader.cancel();
            return Err(too_large);
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        if let Some(target) = bytes.get_mut(start..) {
            array.copy_to(target);
        }
        // Chunks that have already arrived resolve at once: give the page a turn now and then.
        since_yield += array.length() as usize;
        if since_yield >= COPY_STEP as usize {
            since_yield = 0;
            next_tick().await;
        }
    }
    Ok(bytes)
}
