//! Deploy-time configuration (`config.json` beside `index.html`), read at start so that a new
//! feed address never needs a rebuild, and the choice of feed for this session.

use crate::error::FeedError;
use crate::i18n::Lang;
use crate::urls;
use serde::Deserialize;

pub const DEFAULT_TIMEOUT_SECONDS: u32 = 20;
/// Enough for a 10,000-item feed (about 10 MB) with room to spare.
pub const DEFAULT_MAX_FEED_BYTES: u64 = 16_000_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The feed address, absolute or relative to the app's base address.
    pub feed_url: String,
    /// Origins (`https://host[:port]`) besides the page's own that `?feed=` may point to.
    pub allowed_feed_origins: Vec<String>,
    pub fetch_timeout_seconds: u32,
    pub max_feed_bytes: u64,
    /// The interface language for readers who have not chosen one.
    pub language: Lang,
    /// Kiosk mode for public service centres; `None` when off.
    pub kiosk: Option<KioskConfig>,
    /// The public address of the app's root (`https://host/sub-path/`), for the absolute
    /// addresses of pre-rendered pages (canonical, `og:url`, the sitemap); `None` when not set
    /// or not an http(s) address.
    pub site_url: Option<String>,
    /// The department as the app bar names it (`site.name`); the app's own name when unset.
    pub site_name: Option<String>,
    /// A logo shown before that name (`site.logo`: an address relative to the app's root, or
    /// an absolute http(s) one).
    pub site_logo: Option<String>,
}

/// Kiosk mode: idle reset, hand-off of outside links by QR code, automatic refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KioskConfig {
    /// Time without touch, key or pointer before the "still there?" countdown.
    pub idle_seconds: u32,
    /// Length of that countdown, after which the app starts over for the next person.
    pub countdown_seconds: u32,
    /// How often the feed is fetched again.
    pub refresh_minutes: u32,
    /// Whether headlines cycle on the home list while nobody is using the kiosk.
    pub attract: bool,
    /// The kiosk's type scale: every length, text included, as a percentage of the phone's
    /// (on top of the reader's A- / A / A+ choice), for reading at arm's length.
    pub type_scale_percent: u32,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            idle_seconds: 90,
            countdown_seconds: 20,
            refresh_minutes: 5,
            attract: true,
            type_scale_percent: DEFAULT_KIOSK_TYPE_SCALE,
        }
    }
}

/// The kiosk's default type scale: 150% of the phone's text, for a 1080-pixel-wide screen read
/// from arm's length.
pub const DEFAULT_KIOSK_TYPE_SCALE: u32 = 150;

#[derive(Deserialize, Default)]
#[serde(default)]
struct KioskFile {
    enabled: bool,
    idle_seconds: Option<u32>,
    countdown_seconds: Option<u32>,
    refresh_minutes: Option<u32>,
    attract: Option<bool>,
    type_scale_percent: Option<u32>,
}

/// A setting from the file, or its default when absent, kept within `min..=max`.
fn within<T: Ord>(value: Option<T>, default: T, min: T, max: T) -> T {
    value.unwrap_or(default).clamp(min, max)
}

impl KioskFile {
    fn into_config(self) -> Option<KioskConfig> {
        let defaults = KioskConfig::default();
        self.enabled.then(|| KioskConfig {
            idle_seconds: within(self.idle_seconds, defaults.idle_seconds, 10, 3600),
            countdown_seconds: within(self.countdown_seconds, defaults.countdown_seconds, 5, 300),
            refresh_minutes: within(self.refresh_minutes, defaults.refresh_minutes, 1, 24 * 60),
            attract: self.attract.unwrap_or(defaults.attract),
            type_scale_percent: within(
                self.type_scale_percent,
                defaults.type_scale_percent,
                100,
                250,
            ),
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            feed_url: "sample-feed.json".to_string(),
            allowed_feed_origins: Vec::new(),
            fetch_timeout_seconds: DEFAULT_TIMEOUT_SECONDS,
            max_feed_bytes: DEFAULT_MAX_FEED_BYTES,
            language: Lang::Vi,
            kiosk: None,
            site_url: None,
            site_name: None,
            site_logo: None,
        }
    }
}

/// The file as written; every key is optional.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfigFile {
    feed_url: Option<String>,
    allowed_feed_origins: Vec<String>,
    fetch_timeout_seconds: Option<u32>,
    max_feed_bytes: Option<u64>,
    language: Option<String>,
    kiosk: KioskFile,
    site_url: Option<String>,
    site: SiteFile,
}

/// `site`: how the app bar names the department.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SiteFile {
    name: Option<String>,
    logo: Option<String>,
}

/// Text the app bar shows as written, without the spaces around it; `None` when empty.
fn trimmed(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A logo address: relative to the app's root, or absolute http(s); nothing else (no
/// `javascript:`, `data:` or protocol-relative addresses to another host).
fn logo_address(written: Option<String>) -> Option<String> {
    let written = trimmed(written)?;
    match urls::scheme(&written) {
        Some(scheme) if matches!(scheme.as_str(), "http" | "https") => Some(written),
        Some(_) => None,
        None if written.starts_with("//") || written.starts_with('\\') => None,
        None => Some(written),
    }
}

/// `site_url` as a directory address (`https://host/path/`), if it is an absolute http(s) one.
fn site_address(written: &str) -> Option<String> {
    let written = written.trim();
    let scheme = urls::scheme(written)?;
    if !matches!(scheme.as_str(), "http" | "https") || urls::origin(written).is_none() {
        return None;
    }
    let without_query = written.split(['?', '#']).next().unwrap_or(written);
    Some(if without_query.ends_with('/') {
        without_query.to_string()
    } else {
        format!("{without_query}/")
    })
}

impl Config {
    /// Reads `config.json`. Unknown keys are ignored; a key of the wrong type or broken JSON
    /// is an error, so that a mistake in a deployment shows instead of passing silently.
    pub fn parse(bytes: &[u8]) -> Result<Config, FeedError> {
        let file: ConfigFile = serde_json::from_slice(bytes).map_err(|_| FeedError::Config)?;
        let defaults = Config::default();
        Ok(Config {
            feed_url: file
                .feed_url
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty())
                .unwrap_or(defaults.feed_url),
            allowed_feed_origins: file
                .allowed_feed_origins
                .iter()
                .filter_map(|o| urls::origin(o))
                .collect(),
            fetch_timeout_seconds: within(
                file.fetch_timeout_seconds,
                defaults.fetch_timeout_seconds,
                1,
                300,
            ),
            max_feed_bytes: within(
                file.max_feed_bytes,
                defaults.max_feed_bytes,
                1_000,
                100_000_000,
            ),
            language: file
                .language
                .as_deref()
                .and_then(Lang::from_code)
                .unwrap_or(defaults.language),
            kiosk: file.kiosk.into_config(),
            site_url: file.site_url.as_deref().and_then(site_address),
            site_name: trimmed(file.site.name),
            site_logo: logo_address(file.site.logo),
        })
    }

    /// Whether the feed at `address` may be shown: the app's own origin or an allowed one.
    pub fn allows_feed(&self, base_url: &str, address: &str) -> bool {
        let Some(origin) = urls::origin(address) else {
            return false;
        };
        urls::origin(base_url).as_deref() == Some(origin.as_str())
            || self.allowed_feed_origins.contains(&origin)
    }

    /// Whether the feed's next page (`next_url`) may be fetched: it must be at an address the
    /// feed itself may be at.
    pub fn check_next_page(&self, base_url: &str, next_url: &str) -> Result<(), FeedError> {
        if self.allows_feed(base_url, next_url) {
            Ok(())
        } else {
            Err(FeedError::PageNotAllowed)
        }
    }

    /// The feed for this session: the `?feed=` override when it is allowed, else the configured
    /// one. `refused` tells the reader that an override was ignored.
    pub fn choose_feed(&self, base_url: &str, requested: Option<&str>) -> FeedChoice {
        let configured = urls::resolve(base_url, &self.feed_url).unwrap_or_default();
        let requested = requested.map(str::trim).filter(|r| !r.is_empty());
        match requested.and_then(|r| urls::resolve(base_url, r)) {
            Some(address) if self.allows_feed(base_url, &address) => FeedChoice {
                address,
                overridden: true,
                refused: false,
            },
            _ => FeedChoice {
                address: configured,
                overridden: false,
                refused: requested.is_some(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedChoice {
    pub address: String,
    pub overridden: bool,
    pub refused: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_url_is_an_absolute_directory_address_or_nothing() {
        let site = |json: &str| Config::parse(json.as_bytes()).ok().and_then(|c| c.site_url);
        assert_eq!(
            site(r#"{"site_url": "https://tin.example.org/tin-tuc"}"#).as_deref(),
            Some("https://tin.example.org/tin-tuc/")
        );
        assert_eq!(
            site(r#"{"site_url": " https://tin.example.org/ "}"#).as_deref(),
            Some("https://tin.example.org/")
        );
        assert_eq!(site(r#"{"site_url": "/tin-tuc/"}"#), None);
        assert_eq!(site(r#"{"site_url": "javascript:alert(1)"}"#), None);
        assert_eq!(site(r#"{}"#), None);
    }

    #[test]
    fn the_site_name_and_logo_as_the_app_bar_shows_them() {
        let site = |json: &str| {
            Config::parse(json.as_bytes())
                .map(|c| (c.site_name, c.site_logo))
                .unwrap_or_default()
        };
        assert_eq!(
            site(r#"{"site": {"name": " Sở Lao động ", "logo": "images/logo.svg"}}"#),
            (
                Some("Sở Lao động".to_string()),
                Some("images/logo.svg".to_string())
            )
        );
        assert_eq!(site(r#"{"site": {"name": "  "}}"#), (None, None));
        for hostile in [
            "javascript:alert(1)",
            "data:image/svg+xml,<svg/>",
            "//evil.example/logo.png",
        ] {
            let json = format!(r#"{{"site": {{"logo": "{hostile}"}}}}"#);
            assert_eq!(site(&json).1, None, "{hostile}");
        }
        assert_eq!(
            site(r#"{"site": {"logo": "https://cdn.example.org/logo.png"}}"#).1,
            Some("https://cdn.example.org/logo.png".to_string())
        );
    }

    #[test]
    fn the_kiosk_type_scale_is_kept_readable() {
        let scale = |json: &str| {
            Config::parse(json.as_bytes())
                .ok()
                .and_then(|c| c.kiosk)
                .map(|k| k.type_scale_percent)
        };
        assert_eq!(scale(r#"{"kiosk":{"enabled":true}}"#), Some(150));
        assert_eq!(
            scale(r#"{"kiosk":{"enabled":true,"type_scale_percent":175}}"#),
            Some(175)
        );
        assert_eq!(
            scale(r#"{"kiosk":{"enabled":true,"type_scale_percent":10}}"#),
            Some(100)
        );
        assert_eq!(
            scale(r#"{"kiosk":{"enabled":true,"type_scale_percent":900}}"#),
            Some(250)
        );
    }

    #[test]
    fn a_next_page_elsewhere_is_refused_as_not_allowed() {
        let config = Config {
            allowed_feed_origins: vec!["https://tin.example.org".to_string()],
            ..Config::default()
        };
        let base = "https://www.example.org/tin-tuc/";
        assert_eq!(
            config.check_next_page(base, "https://www.example.org/feed-2.json"),
            Ok(())
        );
        assert_eq!(
            config.check_next_page(base, "https://tin.example.org/feed-2.json"),
            Ok(())
        );
        assert_eq!(
            config.check_next_page(base, "https://other.example/feed-2.json"),
            Err(FeedError::PageNotAllowed)
        );
        assert_eq!(
            config.check_next_page(base, "javascript:alert(1)"),
            Err(FeedError::PageNotAllowed)
        );
    }

    const BASE: &str = "https://tin.example.gov.vn/ban-tin/";

    #[test]
    fn defaults_and_tolerance() {
        let c = Config::parse(br#"{"feed_url":" https://x.org/f.json ","extra":1}"#);
        let c = c.unwrap_or_default();
        assert_eq!(c.feed_url, "https://x.org/f.json");
        assert_eq!(c.fetch_timeout_seconds, DEFAULT_TIMEOUT_SECONDS);
        assert_eq!(Config::parse(b"{}").ok(), Some(Config::default()));
        assert_eq!(Config::parse(b"not json"), Err(FeedError::Config));
        assert_eq!(Config::parse(br#"{"feed_url": 5}"#), Err(FeedError::Config));
        let c =
            Config::parse(br#"{"fetch_timeout_seconds":0,"max_feed_bytes":1,"language":"en-GB"}"#)
                .unwrap_or_default();
        assert_eq!(
            (c.fetch_timeout_seconds, c.max_feed_bytes, c.language),
            (1, 1_000, Lang::En)
        );
    }

    #[test]
    fn kiosk_settings() {
        assert_eq!(Config::parse(b"{}").map(|c| c.kiosk), Ok(None));
        assert_eq!(
            Config::parse(br#"{"kiosk":{"enabled":false,"idle_seconds":30}}"#).map(|c| c.kiosk),
            Ok(None)
        );
        assert_eq!(
            Config::parse(br#"{"kiosk":{"enabled":true}}"#).map(|c| c.kiosk),
            Ok(Some(KioskConfig::default()))
        );
        let c = Config::parse(
            br#"{"kiosk":{"enabled":true,"idle_seconds":1,"countdown_seconds":9999,"refresh_minutes":0,"attract":false}}"#,
        );
        assert_eq!(
            c.map(|c| c.kiosk),
            Ok(Some(KioskConfig {
                idle_seconds: 10,
                countdown_seconds: 300,
                refresh_minutes: 1,
                attract: false,
                type_scale_percent: DEFAULT_KIOSK_TYPE_SCALE,
            }))
        );
        assert_eq!(
            Config::parse(br#"{"kiosk":{"enabled":"yes"}}"#),
            Err(FeedError::Config)
        );
    }

    #[test]
    fn configured_feed_is_resolved_against_the_app_base() {
        let c = Config {
            feed_url: "../feed.json".into(),
            ..Config::default()
        };
        let choice = c.choose_feed(BASE, None);
        assert_eq!(choice.address, "https://tin.example.gov.vn/feed.json");
        assert!(!choice.overridden && !choice.refused);
    }

    #[test]
    fn override_only_same_origin_or_allowlisted() {
        let c = Config::parse(
            br#"{"allowed_feed_origins":["https://Partner.example.org:443/x","junk"]}"#,
        )
        .unwrap_or_default();
        assert_eq!(
            c.allowed_feed_origins,
            vec!["https://partner.example.org".to_string()]
        );

        let same = c.choose_feed(BASE, Some("/other.json"));
        assert_eq!(same.address, "https://tin.example.gov.vn/other.json");
        assert!(same.overridden);

        let partner = c.choose_feed(BASE, Some("https://partner.example.org/f.json"));
        assert!(partner.overridden);

        for hostile in [
            "https://evil.example.com/f.json",
            "//evil.example.com/f.json",
            "https://tin.example.gov.vn.evil.com/f.json",
            "http://tin.example.gov.vn/f.json",
            "javascript:alert(1)",
            "data:application/json,{}",
        ] {
            let choice = c.choose_feed(BASE, Some(hostile));
            assert!(choice.refused && !choice.overridden, "{hostile}");
            assert_eq!(
                choice.address,
                "https://tin.example.gov.vn/ban-tin/sample-feed.json"
            );
        }
    }
}
