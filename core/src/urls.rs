//! URL references in feed data: resolving them against the feed's address (RFC 3986 §5),
//! cleaning them the way browsers do, and comparing origins.
//!
//! Written here rather than taken from the `url` crate on purpose: that crate carries IDNA and
//! Unicode tables that would add far more to the WebAssembly bundle than these few functions,
//! and the browser build never needs host-name normalisation beyond lower-casing.

/// The five components of a URI reference (RFC 3986 appendix B).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(reference: &str) -> Parts<'_> {
    let (rest, fragment) = match reference.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (reference, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, Some(query)),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.find(':') {
        Some(colon) if is_scheme(&rest[..colon]) => (Some(&rest[..colon]), &rest[colon + 1..]),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Removes what browsers remove before parsing a URL: leading and trailing C0 controls and
/// spaces, and every tab and newline inside it.
pub fn clean_reference(reference: &str) -> String {
    reference
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of an absolute URL, lower-cased; `None` for a relative reference.
pub fn scheme(reference: &str) -> Option<String> {
    split(&clean_reference(reference))
        .scheme
        .map(str::to_ascii_lowercase)
}

/// Resolves `reference` against the absolute URL `base` (RFC 3986 §5.2). Browser-style cleaning
/// is applied first, and backslashes count as slashes in http(s) URLs as they do in browsers.
/// Returns `None` when the base is not absolute or the reference is empty.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let reference = clean_reference(reference);
    if reference.is_empty() {
        return None;
    }
    let base = clean_reference(base);
    let base_parts = split(&base);
    let base_scheme = base_parts.scheme?;
    let special =
        |scheme: &str| scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let backslash_is_slash = special(split(&reference).scheme.unwrap_or(base_scheme));
    let reference = if backslash_is_slash {
        reference.replace('\\', "/")
    } else {
        reference
    };
    // "https:/host/path" (one slash, which real feeds contain) means "https://host/path".
    let reference = match one_slash_host(&reference) {
        Some(repaired) => repaired,
        None => reference,
    };
    let r = split(&reference);

    let (scheme, authority, path, query);
    if let Some(s) = r.scheme {
        scheme = s;
        authority = r.authority;
        path = remove_dot_segments(r.path);
        query = r.query;
    } else {
        scheme = base_scheme;
        if r.authority.is_some() {
            authority = r.authority;
            path = remove_dot_segments(r.path);
            query = r.query;
        } else {
            authority = base_parts.authority;
            if r.path.is_empty() {
                path = base_parts.path.to_string();
                query = r.query.or(base_parts.query);
            } else {
                path = if r.path.starts_with('/') {
                    remove_dot_segments(r.path)
                } else {
                    remove_dot_segments(&merge(&base_parts, r.path))
                };
                query = r.query;
            }
        }
    }

    let mut out = String::with_capacity(reference.len() + base.len());
    out.push_str(&scheme.to_ascii_lowercase());
    out.push(':');
    if let Some(authority) = authority {
        out.push_str("//");
        out.push_str(&authority.to_ascii_lowercase());
        if path.is_empty() && special(scheme) {
            out.push('/');
        }
    }
    out.push_str(&path);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = r.fragment {
        out.push('#');
        out.push_str(fragment);
    }
    Some(encode_controls(out))
}

/// "http:/host/path" or "https:/host/path" written as "scheme://host/path", when what follows
/// the one slash starts with a host name (it has a dot before the next slash).
fn one_slash_host(reference: &str) -> Option<String> {
    let (scheme, rest) = reference.split_once(':')?;
    let special = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let after = rest.strip_prefix('/').filter(|r| !r.starts_with('/'))?;
    let host = after.split(['/', '?', '#']).next().unwrap_or("");
    let looks_like_host = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    (special && looks_like_host).then(|| format!("{scheme}://{after}"))
}

/// Percent-encodes what a browser's URL parser would: control characters (C0, DEL, C1) and
/// white space left inside a reference (leading and trailing ones, tabs and newlines are
/// already gone).
pub fn encode_controls(url: String) -> String {
    let needs = |c: char| c.is_control() || c.is_whitespace();
    if !url.chars().any(needs) {
        return url;
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        if needs(c) {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push('%');
                out.push(hex_digit(byte >> 4));
                out.push(hex_digit(byte & 0x0f));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn merge(base: &Parts<'_>, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        format!("/{path}")
    } else {
        match base.path.rfind('/') {
            Some(slash) => format!("{}{}", &base.path[..=slash], path),
            None => path.to_string(),
        }
    }
}

fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        if i == 0 && absolute {
            continue;
        }
        match *segment {
            "." => {
                if i == last {
                    output.push("");
                }
            }
            ".." => {
                output.pop();
                if i == last {
                    output.push("");
                }
            }
            s => output.push(s),
        }
    }
    let joined = output.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// `scheme://host[:port]` of an http(s) URL, lower-cased, with the default port dropped.
/// `None` for anything else: other schemes never count as the same origin.
pub fn origin(url: &str) -> Option<String> {
    let cleaned = clean_reference(url);
    let parts = split(&cleaned);
    let scheme = parts.scheme?.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let authority = parts.authority?;
    // Drop any user information: it never belongs to the origin.
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host_port = host_port.to_ascii_lowercase();
    let host_port = host_port.strip_suffix(default_port).unwrap_or(&host_port);
    if host_port.is_empty() {
        return None;
    }
    Some(format!("{scheme}://{host_port}"))
}

/// The path of a base URL without its trailing slash: "" at a host's root, "/tin-tuc" under a
/// sub-path. The router's base, and the prefix of every link the app writes.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.rfind('/')
        .map_or("", |slash| &path[..slash])
        .to_string()
}

/// The value of `key` in a query string (`?a=1&b=2`, with or without the `?`), decoded as a
/// form value; the first one when the key repeats.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, value)| decode_component(value, true))
}

/// Encodes a string for use as one path segment, as JavaScript's `encodeURIComponent` does, so
/// that the router's decoding gives the same string back.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            )
        {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0x0f));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`); invalid escapes are kept as
/// they are and invalid UTF-8 becomes U+FFFD, so no input can fail.
pub fn decode_component(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|c| char::from(*c).to_digit(16));
                let lo = bytes.get(i + 2).and_then(|c| char::from(*c).to_digit(16));
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    // Two hex digits always fit in a byte.
                    out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                    i += 3;
                    continue;
                }
                out.push(b);
            }
            b'+' if plus_is_space => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_digit(n: u8) -> char {
    char::from_digit(u32::from(n), 16)
        .unwrap_or('0')
        .to_ascii_uppercase()
}

/// Whether `url` is an absolute http or https URL.
pub fn is_http(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_from_base_url() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path("https://x.org/tin-tuc/"), "/tin-tuc");
        assert_eq!(base_path("https://x.org/a/b/index.html?x#y"), "/a/b");
        assert_eq!(base_path(""), "");
    }

    #[test]
    fn query_values() {
        assert_eq!(
            query_value("?kiosk=1&feed=a%2Fb", "feed").as_deref(),
            Some("a/b")
        );
        assert_eq!(query_value("q=lao+dong", "q").as_deref(), Some("lao dong"));
        assert_eq!(query_value("?kiosk", "kiosk"), None);
        assert_eq!(query_value("", "q"), None);
        assert_eq!(query_value("?a=1&a=2", "a").as_deref(), Some("1"));
    }

    #[test]
    fn one_slash_after_the_scheme_is_read_as_two() {
        let base = "https://tin.example.org/feeds/main.json";
        for (reference, expected) in [
            (
                "https:/so.example.gov.vn/tin/1",
                "https://so.example.gov.vn/tin/1",
            ),
            ("http:/so.example.gov.vn", "http://so.example.gov.vn/"),
            (
                "HTTPS:/so.example.gov.vn:8443/a?b#c",
                "https://so.example.gov.vn:8443/a?b#c",
            ),
            // Not a host after the slash: a path, as browsers read it.
            ("https:/tin/1", "https:/tin/1"),
            ("https://so.example.gov.vn/x", "https://so.example.gov.vn/x"),
            ("mailto:/a.b", "mailto:/a.b"),
        ] {
            assert_eq!(
                resolve(base, reference).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
    }

    const BASE: &str = "http://a/b/c/d;p?q";

    #[test]
    fn rfc3986_normal_examples() {
        let cases = [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ];
        for (reference, expected) in cases {
            assert_eq!(
                resolve(BASE, reference).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
    }

    #[test]
    fn rfc3986_abnormal_examples() {
        let cases = [
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ];
        for (reference, expected) in cases {
            assert_eq!(
                resolve(BASE, reference).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
    }

    #[test]
    fn feed_style_references() {
        let feed = "https://news.example.org/feeds/main.json";
        assert_eq!(
            resolve(feed, "//cdn.example.org/x.jpg").as_deref(),
            Some("https://cdn.example.org/x.jpg")
        );
        assert_eq!(
            resolve(feed, "images/a.svg").as_deref(),
            Some("https://news.example.org/feeds/images/a.svg")
        );
        assert_eq!(
            resolve(feed, "/tin/1").as_deref(),
            Some("https://news.example.org/tin/1")
        );
        assert_eq!(
            resolve(feed, "  HTTPS://Other.Example.org/A?b#c ").as_deref(),
            Some("https://other.example.org/A?b#c")
        );
        assert_eq!(
            resolve(feed, "https://x.org").as_deref(),
            Some("https://x.org/")
        );
        assert_eq!(resolve(feed, "   "), None);
        assert_eq!(resolve("relative/base", "x"), None);
    }

    #[test]
    fn browser_cleaning_rules() {
        assert_eq!(
            clean_reference(" \u{1}java\tscr\nipt:alert(1) "),
            "javascript:alert(1)"
        );
        assert_eq!(
            scheme("  JaVa\tScRipt:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("/relative").as_deref(), None);
        assert_eq!(scheme("a/b:c").as_deref(), None);
        assert_eq!(
            resolve("https://a.org/x/", "\\\\evil.org\\p").as_deref(),
            Some("https://evil.org/p")
        );
    }

    #[test]
    fn controls_inside_are_percent_encoded() {
        assert_eq!(
            resolve("https://a.org/x/", "a b\u{0}c\u{7}d\u{7f}e\u{9e}f\u{a0}").as_deref(),
            Some("https://a.org/x/a%20b%00c%07d%7Fe%C2%9Ef%C2%A0")
        );
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin("https://Example.org:443/a/b?c").as_deref(),
            Some("https://example.org")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080/x").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            origin("https://user:pw@example.org/").as_deref(),
            Some("https://example.org")
        );
        assert_eq!(origin("javascript:alert(1)"), None);
        assert_eq!(origin("/relative"), None);
        assert_eq!(origin("https:///nohost"), None);
        assert_ne!(
            origin("https://example.org.evil.com"),
            origin("https://example.org")
        );
    }

    #[test]
    fn component_round_trip() {
        for s in ["abc", "https://x.org/a b?c=d#e", "Đà Nẵng/100%", "a+b", ""] {
            assert_eq!(decode_component(&encode_component(s), false), s);
        }
        assert_eq!(encode_component("a b/c"), "a%20b%2Fc");
        assert_eq!(decode_component("a+b%zz%", true), "a b%zz%");
        assert_eq!(decode_component("%FF", false), "\u{FFFD}");
    }
}
