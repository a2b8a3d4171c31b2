//! A- / A / A+, in the bar of every view.

use crate::state::use_settings;
use ban_tin_core::i18n::fill;
use ban_tin_core::settings::TextSize;
use leptos::prelude::*;

/// A- / A / A+. Each button's name starts with its visible label and says what it does; a
/// button that can do nothing more is marked disabled (with `aria-disabled`, so that keyboard
/// focus stays on it); the new size is announced through a polite live region.
#[component]
pub fn TextSizeBar() -> impl IntoView {
    let settings = use_settings();
    let size = move || settings.text_size();
    let s = move || settings.strings();
    let announcement = RwSignal::new(String::new());
    let change = move |next: TextSize| {
        if next != settings.text_size_untracked() {
            settings.set_text_size(next);
            announcement.set(fill(
                settings.strings().text_size_now,
                &[("percent", &next.percent())],
            ));
        }
    };
    view! {
        <div class="text-size" role="group" aria-label=move || s().text_size>
            <button
                type="button"
                class="tool-button"
                aria-disabled=move || size().is_smallest().to_string()
                title=move || s().text_smaller
                on:click=move |_| change(settings.text_size_untracked().smaller())
            >
                "A-"
                <span class="visually-hidden">" " {move || s().text_smaller}</span>
            </button>
            <button
                type="button"
                class="tool-button"
                aria-disabled=move || size().is_default().to_string()
                title=move || s().text_default
                on:click=move |_| change(TextSize::default())
            >
                "A"
                <span class="visually-hidden">" " {move || s().text_default}</span>
            </button>
            <button
                type="button"
                class="tool-button large"
                aria-disabled=move || size().is_largest().to_string()
                title=move || s().text_larger
                on:click=move |_| change(settings.text_size_untracked().larger())
            >
                "A+"
                <span class="visually-hidden">" " {move || s().text_larger}</span>
            </button>
            <span class="visually-hidden" role="status" aria-live="polite">
                {move || announcement.get()}
            </span>
        </div>
    }
}
