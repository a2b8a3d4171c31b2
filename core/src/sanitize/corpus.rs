//! The allowlist against hostile input, parsed by html5ever the way a browser's `DOMParser`
//! parses it: the project's corpus (`tests/fixtures/hostile/vectors.json`, also rendered in
//! Chromium by `tests/hostile.test.mjs`), regression inputs, and generated documents.

use super::parsed::{check, sanitize};
use proptest::prelude::*;

/// HTML with whitespace removed: parsing again may drop whitespace the parser ignores (before
/// the first element, between table parts) without changing anything else.
fn squash(html: &str) -> String {
    html.chars().filter(|c| !c.is_whitespace()).collect()
}

#[derive(serde::Deserialize)]
struct Vector {
    id: String,
    category: String,
    html: String,
}

fn corpus() -> Vec<Vector> {
    let path = format!(
        "{}/../tests/fixtures/hostile/vectors.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_corpus_is_large_and_covers_every_kind_of_attack() {
    let corpus = corpus();
    assert!(corpus.len() >= 60, "{} vectors", corpus.len());
    for category in [
        "script",
        "handler",
        "url",
        "form",
        "frame",
        "document",
        "svg",
        "differential",
        "css",
    ] {
        assert!(
            corpus.iter().any(|v| v.category == category),
            "no {category} vectors"
        );
    }
}

#[test]
fn every_hostile_vector_comes_out_harmless() {
    for vector in corpus() {
        let (html, tree) = sanitize(&vector.html);
        check(&vector.html, &tree).unwrap_or_else(|e| panic!("{}: {e}", vector.id));
        // Nothing that was code survives even as markup: the serialised result, parsed again,
        // is still harmless and cleans to itself.
        let (again, again_tree) = sanitize(&html);
        check(&html, &again_tree).unwrap_or_else(|e| panic!("{} (parsed again): {e}", vector.id));
        assert_eq!(
            squash(&again),
            squash(&html),
            "{}: not stable when parsed again",
            vector.id
        );
    }
}

#[test]
fn specific_outcomes() {
    let cases = [
        ("<p>Xin chào <b>bạn</b></p>", "<p>Xin chào <b>bạn</b></p>"),
        ("<script>alert(1)</script><p>x</p>", "<p>x</p>"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "x"),
        ("<a href=\"java\tscript:alert(1)\">x</a>", "x"),
        ("<img src=x onerror=alert(1)>", "<img loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\" src=\"https://tin.example.org/feeds/x\">"),
        ("<h1>Tiêu đề</h1>", "<h2>Tiêu đề</h2>"),
        ("<svg><a href=\"https://x.org\">svg</a></svg>ok", "ok"),
        (
            "<table><a href=\"javascript:alert(1)\">foster</a></table>",
            "foster<div class=\"table-scroll\" role=\"region\" aria-label=\"Bảng\" tabindex=\"0\"><table></table></div>",
        ),
        // Inline styles and style elements are gone before parsing; what they held is not.
        ("<p style=\"color:red\">a</p><style>p{}</style>b", "<p>a</p>b"),
        ("<svg></p><style><a id=\"</style><img src=x onerror=alert(1)>\">", "<p></p><img loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\" src=\"https://tin.example.org/feeds/x\">\"&gt;"),
        // html5ever reads <noscript> as a browser with scripting on does (the title's text
        // closes it and the <img> becomes real); DOMParser, with scripting off, keeps it all
        // inside <noscript>, which is dropped. Either way nothing runs.
        (
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<img loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\" src=\"https://tin.example.org/feeds/x\">\"&gt;",
        ),
        ("<div style=\"position:fixed\">cover</div>", "cover"),
    ];
    for (input, expected) in cases {
        assert_eq!(sanitize(input).0, expected, "{input}");
    }
}

#[test]
fn deep_nesting_from_the_parser() {
    let html = format!(
        "{}đáy{}",
        "<div><b>".repeat(10_000),
        "</b></div>".repeat(10_000)
    );
    let (out, tree) = sanitize(&html);
    assert!(out.contains("đáy"));
    assert!(check(&html, &tree).is_ok());
}

#[test]
fn regression_inputs_stay_harmless() {
    for (path, bytes) in crate::test_support::regression_inputs("html") {
        let html = String::from_utf8_lossy(&bytes);
        let (_, tree) = sanitize(&html);
        check(&html, &tree).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// Pieces that hostile documents are made of.
fn fragment() -> impl Strategy<Value = String> {
    let tags = prop::sample::select(vec![
        "p",
        "a",
        "img",
        "script",
        "style",
        "svg",
        "math",
        "table",
        "tr",
        "td",
        "template",
        "noscript",
        "iframe",
        "form",
        "button",
        "select",
        "textarea",
        "xmp",
        "title",
        "div",
        "b",
        "h1",
        "foreignObject",
        "mglyph",
        "object",
        "base",
        "meta",
        "SCRIPT",
        "ImG",
    ]);
    let attrs = prop::sample::select(vec![
        "href",
        "src",
        "onerror",
        "onclick",
        "ONLOAD",
        "style",
        "srcdoc",
        "formaction",
        "xlink:href",
        "cite",
        "title",
        "alt",
        "width",
        "class",
        "id",
        "action",
    ]);
    let values = prop::sample::select(vec![
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "java\tscript:x",
        " \u{1}javascript:x",
        "vbscript:x",
        "data:text/html,<script>alert(1)</script>",
        "https://ok.example/a",
        "/relative",
        "//cdn.example/x",
        "mailto:a@b.c",
        "x",
        "alert(1)",
        "\"><script>alert(1)</script>",
        "expression(alert(1))",
        "url(javascript:x)",
    ]);
    let text = "[a-zà-ỹ <>&;\"'=/!-]{0,12}";
    prop_oneof![
        (tags.clone(), prop::collection::vec((attrs, values), 0..3)).prop_map(|(tag, attrs)| {
            let attrs: String = attrs.iter().map(|(n, v)| format!(" {n}=\"{v}\"")).collect();
            format!("<{tag}{attrs}>")
        }),
        tags.prop_map(|tag| format!("</{tag}>")),
        text.prop_map(String::from),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<![CDATA[".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_come_out_harmless(pieces in prop::collection::vec(fragment(), 0..40)) {
        let html = pieces.concat();
        let (out, tree) = sanitize(&html);
        prop_assert!(check(&html, &tree).is_ok(), "{:?}", check(&html, &tree));
        // Parsed again, the output is still harmless (the parser may restructure it, e.g. close
        // a heading nested in a heading, which the app never does: it builds DOM nodes).
        let (_, again_tree) = sanitize(&out);
        prop_assert!(check(&out, &again_tree).is_ok(), "{:?}", check(&out, &again_tree));
    }

    #[test]
    fn arbitrary_text_never_panics(html in "\\PC{0,300}") {
        let (_, tree) = sanitize(&html);
        prop_assert!(check(&html, &tree).is_ok());
    }
}
