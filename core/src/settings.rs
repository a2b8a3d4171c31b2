//! The reader's own settings: text size, theme, language and the speed of reading aloud, and
//! how each is written to and read back from storage. Unknown or damaged stored values fall back to the defaults.

use crate::i18n::Lang;

/// Text sizes offered by A- / A / A+, in percent of the reader's own browser default, applied
/// to the root element so that every rem and em follows.
pub const TEXT_SIZES: [u16; 7] = [90, 100, 115, 130, 150, 175, 200];
const DEFAULT_TEXT_SIZE: usize = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextSize(usize);

impl Default for TextSize {
    fn default() -> Self {
        TextSize(DEFAULT_TEXT_SIZE)
    }
}

impl TextSize {
    pub fn percent(self) -> u16 {
        TEXT_SIZES.get(self.0).copied().unwrap_or(100)
    }

    pub fn larger(self) -> Self {
        TextSize((self.0 + 1).min(TEXT_SIZES.len() - 1))
    }

    pub fn smaller(self) -> Self {
        TextSize(self.0.saturating_sub(1))
    }

    pub fn is_largest(self) -> bool {
        self.0 + 1 >= TEXT_SIZES.len()
    }

    pub fn is_smallest(self) -> bool {
        self.0 == 0
    }

    pub fn is_default(self) -> bool {
        self.0 == DEFAULT_TEXT_SIZE
    }

    pub fn largest() -> Self {
        TextSize(TEXT_SIZES.len() - 1)
    }

    /// The stored form: the percentage.
    pub fn to_stored(self) -> String {
        self.percent().to_string()
    }

    pub fn from_stored(stored: &str) -> Option<Self> {
        let percent: u16 = stored.trim().trim_end_matches('%').parse().ok()?;
        TEXT_SIZES.iter().position(|p| *p == percent).map(TextSize)
    }
}

/// The colour theme. `Auto` follows the system's light or dark preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::HighContrast];

    /// The stored form, also the value of `data-theme` on the root (none for `Auto`).
    pub fn to_stored(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::HighContrast => "contrast",
        }
    }

    pub fn from_stored(stored: &str) -> Option<Self> {
        Theme::ALL
            .into_iter()
            .find(|t| t.to_stored() == stored.trim())
    }
}

/// How fast an article is read aloud ("Nghe bài viết"): 0.75×, 1× or 1.25× the voice's own
/// speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpeechRate {
    Slower,
    #[default]
    Normal,
    Faster,
}

impl SpeechRate {
    pub const ALL: [SpeechRate; 3] = [SpeechRate::Slower, SpeechRate::Normal, SpeechRate::Faster];

    /// The factor handed to the speech engine.
    pub fn factor(self) -> f32 {
        match self {
            SpeechRate::Slower => 0.75,
            SpeechRate::Normal => 1.0,
            SpeechRate::Faster => 1.25,
        }
    }

    /// As people read it: "0,75×" in Vietnamese (a decimal comma), "0.75×" in English.
    pub fn label(self, lang: Lang) -> String {
        let label = match self {
            SpeechRate::Slower => "0.75×",
            SpeechRate::Normal => "1×",
            SpeechRate::Faster => "1.25×",
        };
        match lang {
            Lang::Vi => label.replace('.', ","),
            Lang::En => label.to_string(),
        }
    }

    /// The stored form: the factor.
    pub fn to_stored(self) -> &'static str {
        match self {
            SpeechRate::Slower => "0.75",
            SpeechRate::Normal => "1",
            SpeechRate::Faster => "1.25",
        }
    }

    pub fn from_stored(stored: &str) -> Option<Self> {
        SpeechRate::ALL
            .into_iter()
            .find(|r| r.to_stored() == stored.trim())
    }
}

/// Storage keys, one per setting.
pub const TEXT_SIZE_KEY: &str = "ban-tin.text-size";
pub const THEME_KEY: &str = "ban-tin.theme";
pub const LANG_KEY: &str = "ban-tin.lang";
pub const SPEECH_RATE_KEY: &str = "ban-tin.speech-rate";

pub fn lang_from_stored(stored: &str) -> Option<Lang> {
    Lang::from_code(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_five_steps_from_about_90_to_200_percent() {
        assert!(TEXT_SIZES.len() >= 5);
        assert_eq!(TEXT_SIZES.first(), Some(&90));
        assert_eq!(TEXT_SIZES.last(), Some(&200));
        assert!(TEXT_SIZES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(TextSize::default().percent(), 100);
    }

    #[test]
    fn steps_stop_at_the_ends() {
        let mut size = TextSize::default();
        assert!(!size.is_smallest() && !size.is_largest() && size.is_default());
        size = size.smaller();
        assert_eq!(size.percent(), 90);
        assert!(size.is_smallest());
        assert_eq!(size.smaller(), size);
        for _ in 0..20 {
            size = size.larger();
        }
        assert_eq!(size.percent(), 200);
        assert!(size.is_largest());
        assert_eq!(size, TextSize::largest());
    }

    #[test]
    fn stored_values_round_trip_and_junk_is_refused() {
        for step in 0..TEXT_SIZES.len() {
            let size = TextSize(step);
            assert_eq!(TextSize::from_stored(&size.to_stored()), Some(size));
        }
        assert_eq!(TextSize::from_stored("150%"), Some(TextSize(4)));
        for junk in ["", "abc", "120", "-1", "99999999999"] {
            assert_eq!(TextSize::from_stored(junk), None, "{junk}");
        }
        for theme in Theme::ALL {
            assert_eq!(Theme::from_stored(theme.to_stored()), Some(theme));
        }
        assert_eq!(Theme::from_stored("neon"), None);
        assert_eq!(lang_from_stored("en"), Some(Lang::En));
        assert_eq!(lang_from_stored("xx"), None);
        for rate in SpeechRate::ALL {
            assert_eq!(SpeechRate::from_stored(rate.to_stored()), Some(rate));
        }
        for junk in ["", "2", "fast", "1.0"] {
            assert_eq!(SpeechRate::from_stored(junk), None, "{junk}");
        }
    }

    #[test]
    fn reading_speeds_are_three_steps_around_the_voice_own() {
        let factors = SpeechRate::ALL.map(SpeechRate::factor);
        assert_eq!(factors, [0.75, 1.0, 1.25]);
        assert_eq!(SpeechRate::default(), SpeechRate::Normal);
        assert_eq!(SpeechRate::Slower.label(Lang::Vi), "0,75×");
        assert_eq!(SpeechRate::Faster.label(Lang::En), "1.25×");
        assert_eq!(SpeechRate::Normal.label(Lang::Vi), "1×");
    }
}
