//! RSS and Atom on the host: the fixtures in tests/fixtures/xml and the XML samples.

use super::*;

const ADDRESS: &str = "https://so.example.gov.vn/rss/tin.xml";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/xml/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

fn parsed(name: &str) -> Feed {
    parse(&fixture(name), ADDRESS).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn item<'a>(feed: &'a Feed, id: &str) -> &'a Item {
    feed.item(id)
        .unwrap_or_else(|| panic!("no item {id} in {:?}", feed.items))
}

#[test]
fn rss_2_0_with_modules_entities_and_relative_links() {
    let feed = parsed("rss-2.0.xml");
    assert_eq!(feed.title, "Các tin & Sự kiện");
    assert_eq!(feed.description, "Tin mới của Sở");
    assert_eq!(feed.language.as_deref(), Some("vi-VN"));
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://so.example.gov.vn/")
    );
    assert_eq!(
        feed.next_url.as_deref(),
        Some("https://so.example.gov.vn/rss/page-2.xml")
    );
    // Three usable items, newest first, undated last; the one with neither guid nor link has no
    // id and is skipped (the feed check says so).
    assert_eq!(feed.items.len(), 3);
    assert_eq!(feed.skipped, 1);

    let first = item(&feed, "tin-1");
    assert_eq!(first.title, "Tuyển dụng viên chức năm 2026 – đợt 1");
    assert_eq!(
        first.url.as_deref(),
        Some("https://so.example.gov.vn/tin/tuyen-dung?id=1&p=2")
    );
    assert_eq!(first.summary, "Tóm tắt: Sở thông báo tuyển dụng.");
    assert_eq!(
        first.body,
        Body::Html(
            "<p style=\"color:red\">Nội dung &nbsp;<a href=\"ho-so.pdf\">hồ sơ</a>.</p>".into()
        )
    );
    assert_eq!(first.tags, ["Thông báo", "Tuyển dụng"]);
    assert_eq!(first.section(), Some("Thông báo"));
    assert_eq!(first.authors[0].name, "Phòng Tổ chức");
    assert_eq!(
        first.image.as_deref(),
        Some("https://so.example.gov.vn/anh/tuyen-dung.jpg")
    );
    assert_eq!(first.published, dates::parse("2026-12-01T08:00:00+07:00"));

    // A permalink guid is the id and the address; the description is the body.
    let second = item(&feed, "https://so.example.gov.vn/tin/2");
    assert_eq!(
        second.url.as_deref(),
        Some("https://so.example.gov.vn/tin/2")
    );
    assert_eq!(second.published, None);
    assert_eq!(
        second.body,
        Body::Html("Mô tả có <b>HTML</b> và AT&T café".into())
    );
    assert_eq!(
        second.image.as_deref(),
        Some("https://so.example.gov.vn/anh/2.png")
    );

    // xml:base on the item; dc:date; a picture inside media:group.
    let third = item(&feed, "https://khac.example.org/muc/bai-3.html");
    assert_eq!(third.published, dates::parse("2026-11-30T10:00:00+07:00"));
    assert_eq!(
        third.image.as_deref(),
        Some("https://khac.example.org/muc/anh-3.jpg")
    );
}

#[test]
fn rss_0_91_with_its_doctype_and_html_entities() {
    let feed = parsed("rss-0.91.xml");
    assert_eq!(feed.title, "Old Style News");
    assert_eq!(feed.description, "News © 2001");
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["First — story", "Second story"]);
    assert_eq!(feed.items[0].id, "http://old.example.org/1.html");
    assert_eq!(feed.items[1].body, Body::Empty);
}

#[test]
fn atom_with_xhtml_content_another_prefix_and_xml_base() {
    let feed = parsed("atom-xhtml.xml");
    assert_eq!(feed.title, "Tin Sở");
    assert_eq!(feed.description, "Tin mới nhất");
    assert_eq!(feed.language.as_deref(), Some("vi"));
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://so.example.gov.vn/")
    );
    assert_eq!(
        feed.next_url.as_deref(),
        Some("https://so.example.gov.vn/atom/feed.xml?page=2")
    );
    assert_eq!(feed.items.len(), 3);

    let first = item(&feed, "tag:so.example.gov.vn,2026:1");
    assert_eq!(
        first.url.as_deref(),
        Some("https://so.example.gov.vn/atom/bai/1")
    );
    assert_eq!(
        first.image.as_deref(),
        Some("https://so.example.gov.vn/anh/1.jpg")
    );
    assert_eq!(first.tags, ["Lao động", "viec-lam"]);
    assert_eq!(first.summary, "Tóm & tắt");
    let Body::Html(html) = &first.body else {
        panic!("xhtml content is HTML: {:?}", first.body)
    };
    assert!(html.contains("<strong>một</strong>"), "{html}");
    assert!(html.contains("href=\"lien-ket\""), "{html}");
    // Relative links in it resolve against the feed's xml:base, not the feed's address.
    assert_eq!(first.base(ADDRESS), "https://so.example.gov.vn/atom/");
    assert!(
        !html.contains("<div"),
        "the wrapper div is not content: {html}"
    );
    assert_eq!(first.published, dates::parse("2026-12-01T08:00:00+07:00"));
    assert_eq!(first.modified, dates::parse("2026-12-02T08:00:00+07:00"));
    // The feed's author stands for entries without one.
    assert_eq!(first.authors[0].name, "Văn phòng Sở");

    let second = item(&feed, "tag:so.example.gov.vn,2026:2");
    assert_eq!(second.title, "Bài văn bản & <ký hiệu>");
    assert_eq!(
        second.body,
        Body::Text(vec!["Dòng một.".into(), "Dòng hai.".into()])
    );
    // Only `updated`: that is its date.
    assert_eq!(second.date(), dates::parse("2026-11-20T08:00:00Z"));
    assert_eq!(
        second.authors[0].url.as_deref(),
        Some("https://so.example.gov.vn/tac-gia/a")
    );

    let third = item(&feed, "tag:so.example.gov.vn,2026:3");
    assert_eq!(third.body, Body::Text(vec!["Tóm tắt là nội dung.".into()]));
    assert_eq!(third.url, None);
}

#[test]
fn broken_or_other_documents_are_not_a_feed() {
    for name in ["cut-off.xml", "html-error-page.xml", "not-a-feed.xml"] {
        assert_eq!(
            parse(&fixture(name), ADDRESS),
            Err(FeedError::NotFeed),
            "{name}"
        );
    }
    for text in [
        "<",
        "<rss",
        "<rss version=\"2.0\"></rss>",
        "<?xml version=\"1.0\"?>",
        "  <feed/>",
    ] {
        assert_eq!(
            parse(text.as_bytes(), ADDRESS),
            Err(FeedError::NotFeed),
            "{text}"
        );
    }
}

#[test]
fn prepare_keeps_xml_and_opaque_sections_and_repairs_html_references() {
    assert_eq!(
        xml::prepare("a &amp; &lt; &#233; &#xE9;"),
        "a &amp; &lt; &#233; &#xE9;"
    );
    assert_eq!(xml::prepare("&nbsp;&eacute;"), "&#160;&#233;");
    assert_eq!(
        xml::prepare("AT&T & ?a=1&b=2"),
        "AT&amp;T &amp; ?a=1&amp;b=2"
    );
    assert_eq!(xml::prepare("&unknownname;"), "&amp;unknownname;");
    assert_eq!(
        xml::prepare("<![CDATA[&nbsp; & ]]> &nbsp; <!-- & --> <?pi & ?>"),
        "<![CDATA[&nbsp; & ]]> &#160; <!-- & --> <?pi & ?>"
    );
    // Cut off inside a section: copied as it is (the parser then reports the error).
    assert_eq!(xml::prepare("<![CDATA[& "), "<![CDATA[& ");
    assert_eq!(xml::prepare("&"), "&amp;");
}

/// The sample's three versions give the same feed (scripts/make-sample-feeds.mjs writes the
/// XML ones from the JSON one).
#[test]
fn the_rss_and_atom_samples_have_the_json_samples_items() {
    let read = |name: &str| {
        let path = format!("{}/../public/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        parse(&bytes, &format!("https://www.example.org/{name}"))
            .unwrap_or_else(|e| panic!("{name}: {e:?}"))
    };
    let json = read("sample-feed.json");
    for name in ["sample-feed.rss.xml", "sample-feed.atom.xml"] {
        let other = read(name);
        assert_eq!(other.title, json.title, "{name}");
        assert_eq!(other.description, json.description, "{name}");
        assert_eq!(other.language, json.language, "{name}");
        assert_eq!(other.home_page_url, json.home_page_url, "{name}");
        assert_eq!(other.items.len(), json.items.len(), "{name}");
        for (a, b) in json.items.iter().zip(&other.items) {
            assert_eq!(a.as_ref(), b.as_ref(), "{name}: {}", a.id);
        }
    }
}

/// An XML feed cut off anywhere (an upload that did not finish) gives a feed or an error,
/// never a panic; cut before its end it is "not a feed", as strict XML is.
#[test]
fn xml_cut_off_anywhere_never_panics() {
    for name in ["rss-2.0.xml", "rss-0.91.xml", "atom-xhtml.xml"] {
        let bytes = fixture(name);
        let whole = parse(&bytes, ADDRESS);
        assert!(whole.is_ok(), "{name}");
        for end in (0..bytes.len()).step_by(3) {
            let cut = parse(&bytes[..end], ADDRESS);
            assert!(
                cut.is_ok() || matches!(cut, Err(FeedError::NotFeed | FeedError::NotJson)),
                "{name} cut at {end}: {cut:?}"
            );
        }
    }
}
