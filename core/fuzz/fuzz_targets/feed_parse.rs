//! Any bytes into the feed parser: never a panic, and every feed it accepts keeps its promises.
#![no_main]

use ban_tin_core::{feed, urls};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(feed) = feed::parse(data, "https://tin.example.org/feeds/main.json") {
        for item in &feed.items {
            assert!(!item.id.trim().is_empty());
            assert!(!item.title.is_empty());
            for url in [&item.url, &item.external_url, &item.image].into_iter().flatten() {
                assert!(urls::is_http(url), "{url}");
            }
        }
    }
});
