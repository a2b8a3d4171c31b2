//! "Tùy chọn" / "Settings": one button in the bar that opens a small panel with the theme and
//! the language. The panel floats over the page (opening it moves nothing) and closes with
//! Escape, a click elsewhere, or the focus leaving it.

use crate::state::use_settings;
use ban_tin_core::settings::Theme;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SettingsMenu() -> impl IntoView {
    let settings = use_settings();
    let s = move || settings.strings();
    let open = RwSignal::new(false);
    let container = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let inside = move |target: Option<web_sys::EventTarget>| {
        let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        container
            .get_untracked()
            .is_some_and(|c| c.contains(node.as_ref()))
    };
    // In an effect: effects run in the browser only, not when the page is pre-rendered.
    Effect::new(move || {
        let outside_click = window_event_listener(leptos::ev::pointerdown, move |ev| {
            if open.get_untracked() && !inside(ev.target()) {
                open.set(false);
            }
        });
        on_cleanup(move || outside_click.remove());
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        // Only when the focus goes somewhere else on the page (not to the select's own list).
        if ev.related_target().is_some() && !inside(ev.related_target()) {
            open.set(false);
        }
    };
    view! {
        <div class="settings" node_ref=container on:keydown=on_keydown on:focusout=on_focusout>
            <button
                type="button"
                class="tool-button icon"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="settings-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    <path
                        fill="currentColor"
                        d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3zM7 4h2v6H7zm8 5h2v6h-2zm-6 5h2v6H9z"
                    />
                </svg>
                <span class="icon-label">{move || s().settings}</span>
            </button>
            <div
                id="settings-panel"
                class="settings-panel"
                role="group"
                aria-label=move || s().settings
                hidden=move || !open.get()
            >
                <ThemePicker />
                <div class="language-choice">
                    <span class="tool-label">{move || s().language}</span>
                    <LanguageSwitch />
                </div>
            </div>
        </div>
    }
}

#[component]
fn ThemePicker() -> impl IntoView {
    let settings = use_settings();
    let s = move || settings.strings();
    let label = move |theme: Theme| {
        let s = settings.strings();
        match theme {
            Theme::Auto => s.theme_auto,
            Theme::Light => s.theme_light,
            Theme::Dark => s.theme_dark,
            Theme::HighContrast => s.theme_contrast,
        }
    };
    view! {
        <label class="theme-picker">
            <span class="tool-label">{move || s().theme}</span>
            <select on:change=move |ev| {
                if let Some(theme) = Theme::from_stored(&event_target_value(&ev)) {
                    settings.set_theme(theme);
                }
            }>
                {Theme::ALL
                    .into_iter()
                    .map(|theme| {
                        view! {
                            <option
                                value=theme.to_stored()
                                selected=move || settings.theme() == theme
                            >
                                {move || label(theme)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Switches the interface to the other language; the button is labelled in that language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let settings = use_settings();
    view! {
        <button
            type="button"
            class="tool-button language"
            lang=move || settings.lang().other().code()
            on:click=move |_| settings.choose_lang(settings.lang_untracked().other())
        >
            {move || settings.strings().other_language}
        </button>
    }
}
