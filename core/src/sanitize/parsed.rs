//! The allowlist applied to documents parsed by html5ever, and the checks its output must
//! pass: shared by the host tests (`corpus`) and the fuzz targets (`fuzz/`, through the
//! `test-support` feature). Never part of the browser build.

use super::host::{body_of, Html, Parsed};
use super::{clean, ALLOWED};
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::RcDom;

pub const BASE: &str = "https://tin.example.org/feeds/main.json";

/// Where the tests' fragments go.
pub const PLACE: super::Place<'static> = super::Place {
    base: BASE,
    table_label: "Bảng",
};

/// Cleans `html` and returns the result as HTML text and as the tree that was built.
pub fn sanitize(html: &str) -> (String, Html) {
    let mut out = Html::default();
    // Parsed as a whole document, as `DOMParser` does.
    let prepared = super::without_styles(html);
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(&*prepared);
    if let Some(body) = body_of(&dom) {
        clean(&Parsed, &body, &mut out, &None, PLACE);
    }
    (out.render(), out)
}

/// Everything the allowlist promises about its output, checked on the built tree.
pub fn check(input: &str, out: &Html) -> Result<(), String> {
    let kept: Vec<&str> = ALLOWED.iter().map(|(_, k)| *k).collect();
    for (_, tag, attributes, _) in &out.nodes {
        if tag == "#text" {
            continue;
        }
        let is_table_box = tag == "div"
            && attributes
                .iter()
                .any(|(n, v)| *n == "class" && v == super::TABLE_BOX_CLASS);
        if !kept.contains(&tag.as_str()) && !is_table_box {
            return Err(format!("element <{tag}> kept from {input:?}"));
        }
        for (name, value) in attributes {
            // The walk's own box around a table.
            if is_table_box && ["class", "role", "aria-label", "tabindex"].contains(name) {
                continue;
            }
            if name.starts_with("on")
                || [
                    "style",
                    "srcdoc",
                    "formaction",
                    "class",
                    "id",
                    "srcset",
                    "ping",
                ]
                .contains(name)
            {
                return Err(format!("attribute {name} kept on <{tag}> from {input:?}"));
            }
            if ["href", "src", "cite"].contains(name) {
                let scheme = crate::urls::scheme(value);
                let ok = matches!(
                    (*name, scheme.as_deref()),
                    (_, Some("http" | "https")) | ("href" | "cite", Some("mailto" | "tel"))
                );
                if !ok || value.chars().any(|c| c.is_control() || c.is_whitespace()) {
                    return Err(format!("{name}={value:?} kept on <{tag}> from {input:?}"));
                }
            }
        }
        if tag == "a" {
            let rel = attributes
                .iter()
                .find(|(n, _)| *n == "rel")
                .map(|(_, v)| v.as_str());
            if rel != Some("noopener noreferrer nofollow") {
                return Err(format!("link without rel from {input:?}"));
            }
        }
        if tag == "img" {
            let has = |n: &str, v: &str| attributes.iter().any(|(k, w)| *k == n && w == v);
            if !(has("loading", "lazy") && has("referrerpolicy", "no-referrer")) {
                return Err(format!("image without lazy/no-referrer from {input:?}"));
            }
        }
    }
    Ok(())
}
