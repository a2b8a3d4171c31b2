//! Host benchmarks (divan): parsing a 10,000-item feed, building its search index, and
//! answering queries. `cargo bench --bench feed`; `scripts/bench.mjs` runs and prints it.

// divan runs on the host only; the wasm32 target (checked by clippy) gets an empty main.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use ban_tin::{feed, search};
    use std::sync::Arc;

    const SECTIONS: [&str; 4] = [
        "Tin hoạt động",
        "Lao động - Việc làm",
        "Người có công",
        "Bảo trợ xã hội",
    ];
    const WORDS: [&str; 12] = [
        "Sở Lao động",
        "Thương binh và Xã hội",
        "Đà Nẵng",
        "người có công",
        "việc làm",
        "trợ cấp",
        "hội nghị",
        "giảm nghèo",
        "trẻ em",
        "đào tạo nghề",
        "an toàn",
        "chuyển đổi số",
    ];

    /// A deterministic feed of `count` items, about 1 KB each.
    fn feed_json(count: usize) -> String {
        let mut seed: u64 = 20230210;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut items = Vec::with_capacity(count);
        for i in 0..count {
            let mut sentence = || {
                (0..8)
                    .map(|_| WORDS[next() % WORDS.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = sentence();
            let summary = sentence();
            let body: String = (0..4)
                .map(|_| format!("<p>{} {} {}.</p>", sentence(), sentence(), sentence()))
                .collect();
            items.push(serde_json::json!({
                "id": format!("tin-{i}"),
                "url": format!("https://www.example.org/tin/{i}"),
                "title": title,
                "summary": summary,
                "content_html": body,
                "date_published": format!("2023-{:02}-{:02}T08:00:00+07:00", 1 + i % 12, 1 + i % 28),
                "tags": [SECTIONS[i % SECTIONS.len()]],
            }));
        }
        serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": items})
            .to_string()
    }

    #[divan::bench(sample_count = 10)]
    fn parse_10k(bencher: divan::Bencher) {
        let json = feed_json(10_000);
        bencher
            .counter(divan::counter::BytesCount::new(json.len()))
            .bench(|| {
                feed::parse(
                    divan::black_box(json.as_bytes()),
                    "https://www.example.org/feed.json",
                )
            });
    }

    #[divan::bench(sample_count = 10)]
    fn index_10k(bencher: divan::Bencher) {
        let feed = feed::parse(
            feed_json(10_000).as_bytes(),
            "https://www.example.org/feed.json",
        );
        let items: Vec<Arc<feed::Item>> = feed.map(|f| f.items).unwrap_or_default();
        bencher.bench(|| search::Index::build(divan::black_box(&items)));
    }

    #[divan::bench(args = ["l", "lao dong", "da nang tro cap", "xyzzy"])]
    fn search_10k(bencher: divan::Bencher, query: &str) {
        let feed = feed::parse(
            feed_json(10_000).as_bytes(),
            "https://www.example.org/feed.json",
        );
        let items: Vec<Arc<feed::Item>> = feed.map(|f| f.items).unwrap_or_default();
        let index = search::Index::build(&items);
        bencher.bench(|| index.search(divan::black_box(query)));
    }
}
