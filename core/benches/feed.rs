//! Host benchmarks (divan): parsing a 10,000-item feed, building its search index, and
//! answering queries. `cargo bench -p ban-tin-core --bench feed`; `scripts/bench.mjs` runs and
//! prints it.
//!
//! The feed is the one the browser benchmark loads: `scripts/generate-feed.mjs` writes it (one
//! generator, so host and browser figures measure the same document).

// divan runs on the host only; the wasm32 target (checked by clippy) gets an empty main.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use ban_tin_core::{feed, search};
    use std::process::Command;
    use std::sync::{Arc, OnceLock};

    const ADDRESS: &str = "https://www.example.org/feed.json";

    /// The 10,000-item feed of `scripts/generate-feed.mjs`, generated once per run.
    fn feed_json() -> &'static [u8] {
        static JSON: OnceLock<Vec<u8>> = OnceLock::new();
        JSON.get_or_init(|| {
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/generate-feed.mjs");
            match Command::new("node").args([script, "10000"]).output() {
                Ok(out) if out.status.success() && !out.stdout.is_empty() => out.stdout,
                Ok(out) => panic!("{script} failed: {}", String::from_utf8_lossy(&out.stderr)),
                Err(e) => panic!("node is needed to generate the benchmark feed: {e}"),
            }
        })
    }

    fn items() -> Vec<Arc<feed::Item>> {
        feed::parse(feed_json(), ADDRESS)
            .map(|f| f.items)
            .unwrap_or_default()
    }

    #[divan::bench(sample_count = 10)]
    fn parse_10k(bencher: divan::Bencher) {
        let json = feed_json();
        bencher
            .counter(divan::counter::BytesCount::new(json.len()))
            .bench(|| feed::parse(divan::black_box(json), ADDRESS));
    }

    #[divan::bench(sample_count = 10)]
    fn index_10k(bencher: divan::Bencher) {
        let items = items();
        assert_eq!(items.len(), 10_000);
        bencher.bench(|| search::Index::build(divan::black_box(&items)));
    }

    #[divan::bench(args = ["l", "lao dong", "da nang tro cap", "xyzzy"])]
    fn search_10k(bencher: divan::Bencher, query: &str) {
        let index = search::Index::build(&items());
        bencher.bench(|| index.search(divan::black_box(query)));
    }
}
