use super::*;

const ADDRESS: &str = "https://tin.example.org/feeds/main.json";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

fn parsed(name: &str) -> Feed {
    parse(&fixture(name), ADDRESS).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn ids(feed: &Feed) -> Vec<&str> {
    feed.items.iter().map(|i| i.id.as_str()).collect()
}

#[test]
fn json_feed_1_1() {
    let feed = parsed("feed-1.1.json");
    assert_eq!(feed.title, "Bản tin thử nghiệm 1.1");
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://tin.example.org/")
    );
    // Newest first, undated last.
    assert_eq!(ids(&feed), ["d", "b", "a", "c"]);
    assert_eq!((feed.skipped, feed.duplicates), (0, 0));

    let b = feed.item("b").map(|b| b.as_ref().clone());
    let b = b.unwrap_or_else(|| panic!("item b"));
    assert_eq!(b.section(), Some("Lao động - Việc làm"));
    assert_eq!(b.tags, ["Lao động - Việc làm", "Đà Nẵng"]);
    assert_eq!(b.summary, "Tóm tắt thứ hai");
    assert_eq!(
        b.body,
        Body::Html("<p>Nội dung <strong>thứ hai</strong>.</p>".into())
    );
    assert_eq!(b.authors.len(), 2);
    assert_eq!(
        b.authors[0].url.as_deref(),
        Some("https://tin.example.org/phong")
    );
    assert!(b.updated_on_another_day().is_some());

    let a = feed.item("a").map(|a| a.as_ref().clone());
    let a = a.unwrap_or_else(|| panic!("item a"));
    assert_eq!(
        a.body,
        Body::Text(vec!["Đoạn một.".into(), "Đoạn hai vẫn là đoạn hai.".into()])
    );
    assert_eq!(a.summary, "Đoạn một. Đoạn hai vẫn là đoạn hai.");
    assert_eq!(a.updated_on_another_day(), None);
    // The feed's authors stand in for items that have none.
    assert_eq!(
        a.authors.first().map(|x| x.name.as_str()),
        Some("Văn phòng Sở")
    );

    let d = feed.item("d").map(|d| d.image.clone());
    assert_eq!(
        d.flatten().as_deref(),
        Some("https://tin.example.org/anh/d-banner.jpg")
    );
}

#[test]
fn json_feed_1_0_author() {
    let feed = parsed("feed-1.0.json");
    assert_eq!(ids(&feed), ["one", "two"]);
    let names: Vec<Vec<&str>> = feed
        .items
        .iter()
        .map(|i| i.authors.iter().map(|a| a.name.as_str()).collect())
        .collect();
    assert_eq!(names, [vec!["Tác giả 1.0"], vec!["Feed-level author"]]);
}

#[test]
fn messy_feed_is_tolerated() {
    let feed = parsed("messy.json");
    assert_eq!(feed.title, "Nguồn tin – lộn xộn & thật");
    assert_eq!(
        feed.next_url.as_deref(),
        Some("https://tin.example.org/feeds/page-2.json")
    );
    // Skipped: a string, a number, null, an array, an item with neither id nor url, and an
    // item with nothing to show. Duplicates: two more items with id "dup".
    assert_eq!(feed.skipped, 6);
    assert_eq!(feed.duplicates, 2);

    let by_id = |id: &str| {
        feed.item(id)
            .map(|i| i.as_ref().clone())
            .unwrap_or_else(|| panic!("item {id} missing; have {:?}", ids(&feed)))
    };

    // Missing id falls back to the resolved url; RFC 2822 date.
    let no_id = by_id("https://tin.example.org/tin/khong-co-id");
    assert_eq!(no_id.title, "Không có id – dùng url");
    assert_eq!(no_id.published, dates::parse("2023-02-10T08:30:00+07:00"));

    // Number id, zone-less date read as Vietnam time.
    assert_eq!(
        by_id("12345").published,
        dates::parse("2023-02-09T08:30:00+07:00")
    );

    // Relative and protocol-relative URLs; entities in titles are text, not markup;
    // a javascript: URL is dropped.
    let rel = by_id("rel");
    assert_eq!(
        rel.url.as_deref(),
        Some("https://tin.example.org/feeds/tin/tuong-doi.html")
    );
    assert_eq!(
        rel.image.as_deref(),
        Some("https://cdn.example.org/anh.jpg")
    );
    assert_eq!(rel.title, "URL <tương đối> & ảnh giao thức tương đối");
    assert_eq!(rel.external_url, None);
    assert_eq!(rel.published, dates::parse("2023-02-10T00:00:00+07:00"));

    // Nulls everywhere: title and summary come from the body.
    let nulls = by_id("nulls");
    assert!(
        nulls.title.starts_with("Chỉ có nội dung, không có tiêu đề"),
        "{}",
        nulls.title
    );
    assert!(nulls.tags.is_empty() && nulls.image.is_none() && nulls.published.is_none());

    // The first of duplicate ids wins.
    assert_eq!(by_id("dup").title, "Bản đầu tiên của id trùng");

    // Wrong types become absent; a lone tag string is a list of one; bare author names count.
    let types = by_id("types");
    assert_eq!(types.tags, ["Một thẻ duy nhất"]);
    assert!(types.title.starts_with("Sai kiểu"));
    let names: Vec<&str> = types.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Tên viết trơn", "Tác giả & cộng sự"]);
    assert_eq!(types.published, None);

    // NFD text is normalised to NFC; tags deduplicated, blanks dropped, numbers kept as text.
    let nfd = by_id("nfd");
    assert_eq!(nfd.title, "Đà Nẵng viết dạng NFD");
    assert_eq!(nfd.tags, ["Tin hoạt động", "7"]);
}

#[test]
fn errors_are_typed() {
    assert_eq!(
        parse(&fixture("invalid.json"), ADDRESS),
        Err(FeedError::NotJson)
    );
    // An HTML page (a CMS's error page at the feed's address) is read as XML: not a feed.
    assert_eq!(
        parse(&fixture("html-page.json"), ADDRESS),
        Err(FeedError::NotFeed)
    );
    assert_eq!(parse(b"Not found", ADDRESS), Err(FeedError::NotJson));
    assert_eq!(
        parse(&fixture("not-a-feed.json"), ADDRESS),
        Err(FeedError::NotFeed)
    );
    assert_eq!(parse(b"[1,2]", ADDRESS), Err(FeedError::NotFeed));
    assert_eq!(parse(b"\"text\"", ADDRESS), Err(FeedError::NotFeed));
    assert_eq!(parse(b"", ADDRESS), Err(FeedError::NotJson));
    // A version with no items is an empty feed, not an error.
    let empty = parse(
        br#"{"version":"https://jsonfeed.org/version/1.1","title":"x"}"#,
        ADDRESS,
    );
    assert_eq!(empty.map(|f| f.items.len()), Ok(0));
}

#[test]
fn bytes_that_are_not_utf8_do_not_fail_the_feed() {
    let mut doc =
        br#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"x","title":"a"#.to_vec();
    doc.extend_from_slice(b"\xFF\xFE");
    doc.extend_from_slice(br#"b"}]}"#);
    let feed = parse(&doc, ADDRESS);
    assert_eq!(
        feed.map(|f| f.items.first().map(|i| i.title.clone())),
        Ok(Some("a\u{FFFD}\u{FFFD}b".into()))
    );
    // A byte-order mark is allowed.
    let bom = parse(b"\xEF\xBB\xBF{\"items\":[]}", ADDRESS);
    assert!(bom.is_ok());
}

#[test]
fn hostile_sizes_are_bounded() {
    let long_title = "chữ ".repeat(300_000);
    let doc = serde_json::json!({"items": [{"id": "x", "title": long_title, "content_text": "y"}]});
    let feed = parse(doc.to_string().as_bytes(), ADDRESS);
    let title_chars = feed.map(|f| f.items.first().map(|i| i.title.chars().count()));
    assert!(matches!(title_chars, Ok(Some(n)) if n <= MAX_LINE_CHARS + 1));

    // Nesting beyond serde_json's limit is refused with an error, not a crash.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(parse(deep.as_bytes(), ADDRESS), Err(FeedError::NotFeed));
    let deep_item = format!(
        r#"{{"items":[{{"id":"x","title":"t","x":{}{}}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    // Deep junk in an unknown field is skipped without recursion; the item survives.
    assert_eq!(
        parse(deep_item.as_bytes(), ADDRESS).map(|f| f.items.len()),
        Ok(1)
    );
    // In a known field it makes the field absent.
    let deep_title = format!(
        r#"{{"items":[{{"id":"x","title":{}{},"content_text":"c"}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(
        parse(deep_title.as_bytes(), ADDRESS).map(|f| f.items.first().map(|i| i.title.clone())),
        Ok(Some("c".into()))
    );
}

#[test]
fn sample_feed_is_clean() {
    let path = format!("{}/../public/sample-feed.json", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap_or_default();
    let feed = parse(&bytes, "http://127.0.0.1:8080/sample-feed.json");
    let feed = feed.unwrap_or_else(|e| panic!("sample feed: {e:?}"));
    assert!(feed.items.len() >= 12);
    assert_eq!((feed.skipped, feed.duplicates), (0, 0));
    let mut sections: Vec<&str> = feed.items.iter().filter_map(|i| i.section()).collect();
    sections.sort_unstable();
    sections.dedup();
    assert!(sections.len() >= 4, "{sections:?}");
    for item in &feed.items {
        assert!(
            item.published.is_some() && !item.authors.is_empty(),
            "{}",
            item.id
        );
        assert!(item
            .image
            .as_deref()
            .is_some_and(|i| i.starts_with("http://127.0.0.1:8080/images/")));
        assert!(!item.title.contains("&#"), "{}", item.title);
    }
    let seed = feed
        .items
        .iter()
        .find(|i| i.title.starts_with("Hội nghị triển khai nhiệm vụ năm 2023"));
    assert_eq!(
        seed.and_then(|s| s.published)
            .and_then(dates::LocalTime::from_timestamp)
            .map(|t| t.day_month_year())
            .as_deref(),
        Some("10/02/2023")
    );
}

#[test]
fn regression_inputs_parse_or_fail_cleanly() {
    for (_, bytes) in crate::test_support::regression_inputs("feed") {
        if let Ok(feed) = parse(&bytes, ADDRESS) {
            check_invariants(&feed);
        }
    }
}

/// What every parsed feed promises, whatever it was made from.
fn check_invariants(feed: &Feed) {
    let mut ids = HashSet::new();
    for item in &feed.items {
        assert!(!item.id.trim().is_empty());
        assert!(ids.insert(item.id.clone()), "duplicate id {}", item.id);
        assert!(!item.title.is_empty());
        assert!(item.title.chars().count() <= MAX_LINE_CHARS + 1);
        for url in [&item.url, &item.external_url, &item.image]
            .into_iter()
            .flatten()
        {
            assert!(urls::is_http(url), "{url}");
        }
        assert!(item.tags.iter().all(|t| !t.is_empty()));
    }
    let dates: Vec<Option<i64>> = feed.items.iter().map(|i| i.date()).collect();
    let first_undated = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(
        dates[first_undated..].iter().all(Option::is_none),
        "undated items last"
    );
    let dated: Vec<i64> = dates[..first_undated].iter().flatten().copied().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[cfg(not(target_arch = "wasm32"))]
mod generated {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// Any JSON value, of limited size.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            "\\PC{0,20}".prop_map(Value::from),
            prop::sample::select(vec![
                "2023-02-10T08:30:00+07:00",
                "Fri, 10 Feb 2023 08:30:00 +0700",
                "10/02/2023",
                "//cdn.x/a.jpg",
                "javascript:alert(1)",
                "../a",
                "&#8211;&amp;&lt;b&gt;",
                "Đa\u{300} Na\u{306}\u{303}ng",
            ])
            .prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::hash_map("[a-z_]{1,12}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// An item whose known fields hold any JSON value.
    fn item() -> impl Strategy<Value = Value> {
        let field = prop::sample::select(vec![
            "id",
            "url",
            "external_url",
            "title",
            "content_html",
            "content_text",
            "summary",
            "image",
            "banner_image",
            "date_published",
            "date_modified",
            "authors",
            "author",
            "tags",
            "language",
            "_extensions",
        ]);
        prop::collection::vec((field, any_json()), 0..10).prop_map(|fields| {
            Value::Object(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect(),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

        #[test]
        fn feeds_with_any_values_never_panic(items in prop::collection::vec(prop_oneof![item(), any_json()], 0..12), title in any_json(), next in any_json()) {
            let doc = json!({"version": "https://jsonfeed.org/version/1.1", "title": title, "next_url": next, "items": items});
            let feed = parse(doc.to_string().as_bytes(), ADDRESS);
            prop_assert!(feed.is_ok());
            if let Ok(feed) = feed {
                check_invariants(&feed);
                prop_assert_eq!(feed.items.len() + feed.skipped + feed.duplicates, items.len());
            }
        }

        #[test]
        fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            if let Ok(feed) = parse(&bytes, ADDRESS) {
                check_invariants(&feed);
            }
        }

        #[test]
        fn broken_json_never_panics(doc in any_json(), cut in 0usize..200) {
            let text = doc.to_string();
            let cut = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
            if let Ok(feed) = parse(&text.as_bytes()[..cut], ADDRESS) {
                check_invariants(&feed);
            }
        }
    }
}

#[test]
fn sections_related_and_neighbours() {
    let feed = parsed("feed-1.1.json");
    let sections = feed.sections();
    let names: Vec<(&str, &str, usize)> = sections
        .iter()
        .map(|s| (s.name.as_str(), s.slug.as_str(), s.count))
        .collect();
    assert_eq!(
        names,
        [
            ("Lao động - Việc làm", "lao-dong-viec-lam", 1),
            ("Tin hoạt động", "tin-hoat-dong", 1)
        ]
    );
    assert_eq!(
        feed.section("tin-hoat-dong").map(|s| s.name),
        Some("Tin hoạt động".into())
    );
    assert_eq!(feed.section("khong-co"), None);

    let sample = parse(
        &std::fs::read(format!(
            "{}/../public/sample-feed.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap_or_default(),
        ADDRESS,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let seed = sample
        .items
        .iter()
        .find(|i| i.id == "2023-02-10-hoi-nghi-trien-khai-nhiem-vu-2023")
        .cloned()
        .unwrap_or_else(|| panic!("seed"));
    let related = sample.related(&seed, 5);
    assert!(!related.is_empty() && related.len() <= 5);
    assert!(related
        .iter()
        .all(|r| r.id != seed.id && r.section() == seed.section()));
    assert!(related.windows(2).all(|w| w[0].date() >= w[1].date()));
    assert_eq!(sample.in_section("tin-hoat-dong").len(), related.len() + 1);

    let (newer, older) = sample.neighbours(&seed);
    let position = sample
        .items
        .iter()
        .position(|i| i.id == seed.id)
        .unwrap_or(0);
    assert_eq!(
        newer.map(|i| i.id.clone()),
        sample.items.get(position - 1).map(|i| i.id.clone())
    );
    assert_eq!(
        older.map(|i| i.id.clone()),
        sample.items.get(position + 1).map(|i| i.id.clone())
    );
    let first = sample
        .items
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("first"));
    assert!(sample.neighbours(&first).0.is_none());
}

#[test]
fn pages_merge_without_duplicates() {
    let page_one = br#"{"next_url":"page-2.json","items":[
        {"id":"a","title":"A","content_text":"x","date_published":"2023-03-03T00:00:00Z"},
        {"id":"b","title":"B","content_text":"x","date_published":"2023-03-02T00:00:00Z"}]}"#;
    let page_two = br#"{"next_url":"page-3.json","items":[
        {"id":"b","title":"B again","content_text":"x","date_published":"2023-03-02T00:00:00Z"},
        {"id":"c","title":"C","content_text":"x","date_published":"2023-03-01T00:00:00Z"},
        {"id":"d","title":"D","content_text":"x","date_published":"2023-03-04T00:00:00Z"}]}"#;
    let one = parse(page_one, ADDRESS).unwrap_or_else(|e| panic!("{e:?}"));
    let two = parse(page_two, "https://tin.example.org/feeds/page-2.json")
        .unwrap_or_else(|e| panic!("{e:?}"));
    let merged = one.merged_with(two);
    assert_eq!(ids(&merged), ["d", "a", "b", "c"]);
    assert_eq!(
        merged.item("b").map(|b| b.title.as_str()),
        Some("B"),
        "the first copy stays"
    );
    assert_eq!(merged.duplicates, 1);
    assert_eq!(
        merged.next_url.as_deref(),
        Some("https://tin.example.org/feeds/page-3.json")
    );
    // A page that points back at itself ends the paging.
    let again = merged.merged_with(
        parse(
            br#"{"next_url":"page-3.json","items":[]}"#,
            "https://tin.example.org/feeds/page-3.json",
        )
        .unwrap_or_else(|e| panic!("{e:?}")),
    );
    assert_eq!(again.next_url, None);
}

#[test]
fn fingerprints_tell_documents_apart() {
    let a = br#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#;
    let mut b = a.to_vec();
    b[10] ^= 1;
    assert_eq!(fingerprint(a), fingerprint(a));
    assert_ne!(fingerprint(a), fingerprint(&b));
    assert_ne!(fingerprint(b"abc"), fingerprint(b"abcd"));
    assert_ne!(fingerprint(b""), fingerprint(b"\0"));
}

#[test]
fn cms_quirks_photo_posts_string_tags_and_one_slash_urls() {
    let feed = parsed("cms-quirks.json");
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://so.example.gov.vn/")
    );
    // The empty post is skipped; the others are kept.
    assert_eq!(ids(&feed), ["anh-1", "chu-1", "anh-2"]);
    assert_eq!(feed.skipped, 1);

    let photo = feed.item("anh-1").map(|i| i.as_ref().clone());
    let photo = photo.unwrap_or_else(|| panic!("the photo post is kept"));
    assert_eq!(photo.title, "Ảnh");
    assert_eq!(photo.summary, "");
    assert_eq!(
        photo.url.as_deref(),
        Some("https://so.example.gov.vn/anh/1")
    );
    assert_eq!(
        photo.image.as_deref(),
        Some("https://tin.example.org/images/sample/hoi-nghi.svg")
    );
    assert_eq!(photo.tags, ["Hình ảnh"]);

    let text = feed.item("chu-1").map(|i| i.tags.clone());
    assert_eq!(text.as_deref(), Some(&["Thông báo".to_string()][..]));

    // A picture with a caption: the caption's first words are the title.
    let captioned = feed.item("anh-2").map(|i| i.title.clone());
    assert_eq!(
        captioned.as_deref(),
        Some("Phiên giao dịch việc làm tháng 3 tại Trung tâm")
    );
    assert_eq!(
        feed.item("anh-2").and_then(|i| i.image.clone()).as_deref(),
        Some("https://tin.example.org/images/sample/san-viec-lam.svg")
    );

    // In an English feed, a photo post is a "Photo".
    let english = parse(
        br#"{"version":"https://jsonfeed.org/version/1.1","language":"en","items":[{"id":"p","content_html":"<img src=a.jpg>"}]}"#,
        ADDRESS,
    );
    assert_eq!(
        english
            .ok()
            .and_then(|f| f.items.first().map(|i| i.title.clone()))
            .as_deref(),
        Some("Photo")
    );
}
