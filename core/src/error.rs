//! What can go wrong while loading, as types, each with a message people understand in the
//! interface language.

use crate::i18n::{count, fill, Strings};

/// Failure to get a usable feed (or the app's configuration, which travels the same way).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// The device reports that it has no network.
    Offline,
    /// The request failed before any answer: no route, refused, DNS, CORS.
    Network,
    /// No complete answer within the time limit.
    Timeout { seconds: u32 },
    /// The server answered with an HTTP error status.
    Http { status: u16 },
    /// The answer is bigger than the limit and was not read to the end.
    TooLarge { limit_bytes: u64 },
    /// The answer cannot be read: broken JSON, or not a document at all.
    NotJson,
    /// A document, but not a feed: JSON of another kind, XML that is not RSS or Atom or is
    /// not well-formed (cut off), an HTML page.
    NotFeed,
    /// The feed's next page (`next_url`) is at an address the deployment does not allow.
    PageNotAllowed,
    /// The app's configuration file is missing or unreadable.
    Config,
}

impl FeedError {
    pub fn message(&self, s: &Strings) -> String {
        match self {
            FeedError::Offline => s.error_offline.to_string(),
            FeedError::Network => s.error_network.to_string(),
            FeedError::Timeout { seconds } => count(&s.error_timeout, u64::from(*seconds), &[]),
            FeedError::Http { status: 404 | 410 } => s.error_http_not_found.to_string(),
            FeedError::Http { status } if *status >= 500 => {
                fill(s.error_http_server, &[("status", status)])
            }
            FeedError::Http { status } => fill(s.error_http_other, &[("status", status)]),
            FeedError::TooLarge { limit_bytes } => {
                fill(s.error_too_large, &[("size", &human_size(*limit_bytes))])
            }
            FeedError::NotJson => s.error_not_json.to_string(),
            FeedError::NotFeed => s.error_not_feed.to_string(),
            FeedError::PageNotAllowed => s.error_page_not_allowed.to_string(),
            FeedError::Config => s.error_config.to_string(),
        }
    }

    /// Whether trying again later may help (as opposed to a fault in the feed itself).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            FeedError::Offline
                | FeedError::Network
                | FeedError::Timeout { .. }
                | FeedError::Http {
                    status: 408 | 429 | 500..=599
                }
        )
    }
}

/// A byte count as people read it: "16 MB", "64 KB", "900 B".
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!("{} MB", bytes.div_ceil(1_000_000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn messages_in_both_languages_carry_the_details() {
        let vi = Lang::Vi.strings();
        let en = Lang::En.strings();
        assert!(FeedError::Timeout { seconds: 20 }
            .message(vi)
            .contains("20"));
        assert!(FeedError::Http { status: 503 }.message(vi).contains("503"));
        assert!(FeedError::Http { status: 403 }.message(en).contains("403"));
        assert!(FeedError::TooLarge {
            limit_bytes: 16_000_000
        }
        .message(vi)
        .contains("16 MB"));
        let all = [
            FeedError::Offline,
            FeedError::Network,
            FeedError::Timeout { seconds: 1 },
            FeedError::Http { status: 404 },
            FeedError::Http { status: 500 },
            FeedError::Http { status: 401 },
            FeedError::TooLarge { limit_bytes: 1 },
            FeedError::NotJson,
            FeedError::NotFeed,
            FeedError::PageNotAllowed,
            FeedError::Config,
        ];
        for e in &all {
            let (v, n) = (e.message(vi), e.message(en));
            assert!(!v.is_empty() && !n.is_empty() && v != n, "{e:?}");
            assert!(!v.contains('{') && !n.contains('{'), "{e:?}: {v} / {n}");
        }
        assert!(FeedError::Http { status: 503 }.is_transient());
        assert_eq!(human_size(2_000), "2 KB");
        assert_eq!(human_size(512), "512 B");
        assert!(!FeedError::NotJson.is_transient());
        assert!(!FeedError::PageNotAllowed.is_transient());
        assert!(FeedError::Timeout { seconds: 1 }
            .message(en)
            .contains("over 1 second)"));
        assert!(FeedError::PageNotAllowed
            .message(en)
            .contains("not allowed"));
    }
}
