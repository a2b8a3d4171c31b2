//! The reader's settings: interface language, text size, theme and reading-aloud speed. They are read from storage
//! when the app starts and written back when the reader changes them, except on a kiosk, where
//! the next person must start from the defaults.

use crate::platform::storage;
use ban_tin_core::i18n::{Lang, Strings};
use ban_tin_core::settings::{self, SpeechRate, TextSize, Theme};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Settings {
    lang: RwSignal<Lang>,
    /// Whether the reader chose the language (else the configuration's default applies).
    lang_chosen: StoredValue<bool>,
    text_size: RwSignal<TextSize>,
    theme: RwSignal<Theme>,
    speech_rate: RwSignal<SpeechRate>,
    /// Whether changes are written to storage (not on a kiosk).
    remembered: StoredValue<bool>,
}

impl Settings {
    /// The settings saved on this device, or the defaults.
    pub fn load(remembered: bool) -> Self {
        let stored_lang = storage::load(settings::LANG_KEY)
            .as_deref()
            .and_then(settings::lang_from_stored);
        Settings {
            lang: RwSignal::new(stored_lang.unwrap_or_default()),
            lang_chosen: StoredValue::new(stored_lang.is_some()),
            text_size: RwSignal::new(
                storage::load(settings::TEXT_SIZE_KEY)
                    .as_deref()
                    .and_then(TextSize::from_stored)
                    .unwrap_or_default(),
            ),
            theme: RwSignal::new(
                storage::load(settings::THEME_KEY)
                    .as_deref()
                    .and_then(Theme::from_stored)
                    .unwrap_or_default(),
            ),
            speech_rate: RwSignal::new(
                storage::load(settings::SPEECH_RATE_KEY)
                    .as_deref()
                    .and_then(SpeechRate::from_stored)
                    .unwrap_or_default(),
            ),
            remembered: StoredValue::new(remembered),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// The interface strings in the current language (tracked: a view that reads them is drawn
    /// again when the language changes).
    pub fn strings(&self) -> &'static Strings {
        self.lang.get().strings()
    }

    pub fn text_size(&self) -> TextSize {
        self.text_size.get()
    }

    pub fn text_size_untracked(&self) -> TextSize {
        self.text_size.get_untracked()
    }

    pub fn theme(&self) -> Theme {
        self.theme.get()
    }

    /// How fast articles are read aloud (tracked).
    pub fn speech_rate(&self) -> SpeechRate {
        self.speech_rate.get()
    }

    pub fn speech_rate_untracked(&self) -> SpeechRate {
        self.speech_rate.get_untracked()
    }

    pub fn set_speech_rate(&self, rate: SpeechRate) {
        self.speech_rate.set(rate);
        if self.remembered.get_value() {
            storage::save(settings::SPEECH_RATE_KEY, rate.to_stored());
        }
    }

    pub fn set_text_size(&self, size: TextSize) {
        self.text_size.set(size);
        if self.remembered.get_value() {
            storage::save(settings::TEXT_SIZE_KEY, &size.to_stored());
        }
    }

    pub fn set_theme(&self, theme: Theme) {
        self.theme.set(theme);
        if self.remembered.get_value() {
            storage::save(settings::THEME_KEY, theme.to_stored());
        }
    }

    pub fn choose_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.lang_chosen.set_value(true);
        if self.remembered.get_value() {
            storage::save(settings::LANG_KEY, lang.code());
        }
    }

    /// The deployment's language, for readers who have not chosen one.
    pub fn follow_configured(&self, lang: Lang) {
        if !self.lang_chosen.get_value() && self.lang.get_untracked() != lang {
            self.lang.set(lang);
        }
    }

    /// Whether changes are remembered on this device (off on a kiosk).
    pub fn set_remembered(&self, remembered: bool) {
        self.remembered.set_value(remembered);
    }

    /// Back to the defaults, with `lang` as the interface language, and nothing left in
    /// storage: a fresh start for the next person at a kiosk.
    pub fn reset(&self, lang: Lang) {
        self.text_size.set(TextSize::default());
        self.theme.set(Theme::default());
        self.speech_rate.set(SpeechRate::default());
        self.lang.set(lang);
        self.lang_chosen.set_value(false);
        for key in [
            settings::TEXT_SIZE_KEY,
            settings::THEME_KEY,
            settings::LANG_KEY,
            settings::SPEECH_RATE_KEY,
        ] {
            storage::remove(key);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use ban_tin_core::settings::{self, Theme, TEXT_SIZES};

    /// The script in `index.html` that applies the saved settings before the first paint
    /// reads the same keys and accepts the same values as the app.
    #[test]
    fn the_first_paint_script_reads_what_the_app_saves() {
        let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
            .unwrap_or_default();
        let script = index
            .split("<script>")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .unwrap_or_default();
        for key in [
            settings::TEXT_SIZE_KEY,
            settings::THEME_KEY,
            settings::LANG_KEY,
        ] {
            assert!(script.contains(&format!("\"{key}\"")), "{key} in {script}");
        }
        let sizes = TEXT_SIZES.map(|p| p.to_string()).join(",");
        assert!(
            script.contains(&format!("[{sizes}]")),
            "{sizes} in {script}"
        );
        for theme in Theme::ALL.into_iter().filter(|t| *t != Theme::Auto) {
            assert!(
                script.contains(&format!("m===\"{}\"", theme.to_stored())),
                "{theme:?}"
            );
        }
        for lang in ["vi", "en"] {
            assert!(script.contains(&format!("l===\"{lang}\"")), "{lang}");
        }
    }
}
