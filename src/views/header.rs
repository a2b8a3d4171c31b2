//! The header of every view: the app's name, main navigation, and the reading tools (text
//! size, theme, language).

use crate::platform::{location, service_worker};
use crate::state::{use_feed, use_kiosk, use_search, use_settings, use_status};
use ban_tin_core::dates;
use ban_tin_core::i18n::fill;
use ban_tin_core::routes;
use ban_tin_core::settings::{TextSize, Theme};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_feed();
    let settings = use_settings();
    let s = move || settings.strings();
    view! {
        <header class="site-header">
            <div class="bar">
                <A href=location::href(routes::HOME) attr:class="brand">
                    {move || s().app_name}
                </A>
                <SearchBox />
                <nav class="main-nav" aria-label=move || s().main_nav>
                    <ul>
                        <li>
                            <A href=location::href(routes::HOME) exact=true>
                                {move || s().home}
                            </A>
                        </li>
                        {move || {
                            state
                                .with_feed(|f| f.map(|f| f.sections()).unwrap_or_default())
                                .into_iter()
                                .map(|section| {
                                    let href = location::href(&routes::section(&section.name));
                                    view! {
                                        <li>
                                            <A href=href>{section.name}</A>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </nav>
                <div class="tools" role="group" aria-label=move || s().display_settings>
                    <TextSizeBar />
                    <ThemePicker />
                    <LanguageSwitch />
                </div>
            </div>
            <StatusBar />
        </header>
    }
}

/// The state of the copy on screen: when it was fetched, whether the device is offline or the
/// last refresh failed, and whether a new build of the app is waiting.
#[component]
fn StatusBar() -> impl IntoView {
    let state = use_feed();
    let settings = use_settings();
    let status = use_status();
    let s = move || settings.strings();
    let updated = move || {
        let ms = state.updated_at_ms()?;
        let text = dates::time_and_day((ms / 1000.0) as i64, settings.lang())?;
        Some(fill(s().updated_at, &[("time", &text)]))
    };
    let offline = move || state.has_feed() && state.is_offline();
    let stale = move || {
        if !state.has_feed() || offline() {
            return None;
        }
        state
            .error()
            .map(|e| fill(s().stale_notice, &[("reason", &e.message(s()))]))
    };
    view! {
        <div class="status-bar">
            <Show when=move || status.update_ready()>
                <p class="status-line update" role="status">
                    {move || s().update_available} " "
                    <button
                        type="button"
                        class="button small"
                        on:click=|_| service_worker::apply_update()
                    >
                        {move || s().reload}
                    </button>
                </p>
            </Show>
            <Show when=offline>
                <p class="status-line offline" role="status">{move || s().offline_notice}</p>
            </Show>
            {move || {
                stale()
                    .map(|text| {
                        view! {
                            <p class="status-line stale" role="status">
                                {text} " "
                                <button
                                    type="button"
                                    class="button small"
                                    on:click=move |_| state.load()
                                    disabled=move || state.loading()
                                >
                                    {move || s().retry}
                                </button>
                            </p>
                        }
                    })
            }}
            {move || updated().map(|text| view! { <p class="status-line updated">{text}</p> })}
        </div>
    }
}

/// The search box: results follow every keystroke at `/tim-kiem?q=…`, so a search has its own
/// address (to share, or to reload). The first keystroke opens the search view; later ones
/// replace its history entry, so the back button leaves the search in one step.
///
/// Results follow `Search::text` at once. The address catches up when typing pauses for
/// `ADDRESS_DELAY_MS`, when the box loses focus (a reader choosing a result) and on Enter:
/// updating the router on every keystroke cost more than the search itself.
#[component]
fn SearchBox() -> impl IntoView {
    const ADDRESS_DELAY_MS: u64 = 300;
    let state = use_feed();
    let search = use_search();
    let kiosk = use_kiosk();
    let settings = use_settings();
    let s = move || settings.strings();
    let here = use_location();
    let navigate = use_navigate();
    let search_path = location::href(&routes::search_page());
    let on_search = {
        let search_path = search_path.clone();
        move || here.pathname.get() == search_path
    };
    let current = move || {
        if on_search() {
            search.text()
        } else {
            String::new()
        }
    };
    fn address(q: &str) -> String {
        location::href(&routes::search(q))
    }
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
    };
    // Writes the search as typed into the address, unless the reader has left the search view
    // (back, a result, a kiosk reset) or the address already says it.
    let write_address = {
        let search_path = search_path.clone();
        let navigate = navigate.clone();
        move || {
            cancel_pending();
            if here.pathname.get_untracked() != search_path {
                return;
            }
            let q = search.text_untracked();
            let written = here.query.with_untracked(|query| {
                query.get_str(routes::SEARCH_PARAM).unwrap_or_default() == q
            });
            if !written {
                navigate(
                    &address(&q),
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                );
            }
        }
    };
    // Opens the search view from elsewhere: a new history entry, except on a kiosk, where
    // nothing is added to the history.
    let open_search = move |q: &str| {
        navigate(
            &address(q),
            NavigateOptions {
                replace: kiosk.is_on_untracked(),
                scroll: false,
                ..Default::default()
            },
        );
    };
    let on_input = {
        let write_address = write_address.clone();
        let open_search = open_search.clone();
        let search_path = search_path.clone();
        move |ev: leptos::ev::Event| {
            let q = event_target_value(&ev);
            search.set_text(q.clone());
            if here.pathname.get_untracked() != search_path {
                open_search(&q);
                return;
            }
            cancel_pending();
            let handle = set_timeout_with_handle(
                write_address.clone(),
                std::time::Duration::from_millis(ADDRESS_DELAY_MS),
            )
            .ok();
            pending.set_value(handle);
        }
    };
    let on_blur = {
        let write_address = write_address.clone();
        move |_: leptos::ev::FocusEvent| write_address()
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = document()
            .get_element_by_id("search-input")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok());
        let q = input.map(|i| i.value()).unwrap_or_default();
        search.set_text(q.clone());
        if here.pathname.get_untracked() == search_path {
            write_address();
        } else {
            open_search(&q);
        }
    };
    view! {
        <form class="search-box" role="search" on:submit=on_submit>
                <label for="search-input" class="tool-label">
                    {move || s().search_label}
                </label>
                <input
                    id="search-input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=move || s().search_placeholder
                    prop:value=current
                    on:focus=move |_| {
                        if let Some(feed) = state.feed_untracked() {
                            search.prepare(feed);
                        }
                    }
                    on:input=on_input
                    on:blur=on_blur
                />
                <button type="submit" class="tool-button">
                    {move || s().search_button}
                </button>
        </form>
    }
}

/// A- / A / A+. Each button's name starts with its visible label and says what it does; a
/// button that can do nothing more is marked disabled (with `aria-disabled`, so that keyboard
/// focus stays on it); the new size is announced through a polite live region.
#[component]
fn TextSizeBar() -> impl IntoView {
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
