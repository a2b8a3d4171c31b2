//! The app's addresses, defined once: the route table, every link the app writes (and, with
//! pre-rendered pages, the files written for them) use these.
//!
//! Paths here are app paths, starting with `/` and relative to the app's base (a host's root or
//! a sub-path such as `/tin-tuc`); the app adds the base when it writes a link.

use crate::{text, urls};

/// The home list.
pub const HOME: &str = "/";
/// The first segment of an article's path: `/tin/<id>`, the id encoded as one segment.
pub const ARTICLE_SEGMENT: &str = "tin";
/// The first segment of a section's path: `/chuyen-muc/<slug>`.
pub const SECTION_SEGMENT: &str = "chuyen-muc";
/// The search view's path segment: `/tim-kiem?q=<words>`.
pub const SEARCH_SEGMENT: &str = "tim-kiem";
/// The names of the routes' parameters.
pub const ARTICLE_PARAM: &str = "id";
pub const SECTION_PARAM: &str = "slug";
pub const SEARCH_PARAM: &str = "q";

/// The app path of an article.
pub fn article(id: &str) -> String {
    format!("/{ARTICLE_SEGMENT}/{}", urls::encode_component(id))
}

/// The app path of a section, from its name ("Lao động - Việc làm" →
/// `/chuyen-muc/lao-dong-viec-lam`).
pub fn section(name: &str) -> String {
    format!("/{SECTION_SEGMENT}/{}", text::slug(name))
}

/// The app path of the search view.
pub fn search_page() -> String {
    format!("/{SEARCH_SEGMENT}")
}

/// The app path of a search for `query`.
pub fn search(query: &str) -> String {
    format!(
        "/{SEARCH_SEGMENT}?{SEARCH_PARAM}={}",
        urls::encode_component(query)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(article("a b/c"), "/tin/a%20b%2Fc");
        assert_eq!(
            section("Lao động - Việc làm"),
            "/chuyen-muc/lao-dong-viec-lam"
        );
        assert_eq!(search_page(), "/tim-kiem");
        assert_eq!(search("lao động"), "/tim-kiem?q=lao%20%C4%91%E1%BB%99ng");
        assert_eq!(
            urls::query_value(search("a&b=c").split_once('?').map_or("", |p| p.1), "q").as_deref(),
            Some("a&b=c")
        );
    }
}
