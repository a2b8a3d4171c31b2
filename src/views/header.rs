//! The header of every view: the app's name, main navigation, and the reading tools (text
//! size, theme, language).

use crate::dates;
use crate::i18n::fill;
use crate::pwa;
use crate::settings::Theme;
use crate::store::Store;
use crate::urls;
use crate::views::entries::section_path;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let store = expect_context::<Store>();
    let s = move || store.strings();
    view! {
        <header class="site-header">
            <div class="bar">
                <A href=store.href("/") attr:class="brand">
                    {move || s().app_name}
                </A>
                <SearchBox />
                <nav class="main-nav" aria-label=move || s().main_nav>
                    <ul>
                        <li>
                            <A href=store.href("/") exact=true>
                                {move || s().home}
                            </A>
                        </li>
                        {move || {
                            store
                                .feed
                                .with(|f| f.as_ref().map(|f| f.sections()).unwrap_or_default())
                                .into_iter()
                                .map(|section| {
                                    let href = store.href(&section_path(&section.name));
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
    let store = expect_context::<Store>();
    let s = move || store.strings();
    let updated = move || {
        let ms = store.updated_at_ms.get()?;
        let text = dates::time_and_day((ms / 1000.0) as i64, store.lang.get())?;
        Some(fill(store.strings().updated_at, text))
    };
    let has_feed = move || store.feed.with(Option::is_some);
    let offline = move || has_feed() && store.is_offline();
    let stale = move || {
        if !has_feed() || offline() {
            return None;
        }
        store
            .error
            .get()
            .map(|e| fill(store.strings().stale_notice, e.message(store.strings())))
    };
    view! {
        <div class="status-bar">
            <Show when=move || store.update_ready.get()>
                <p class="status-line update" role="status">
                    {move || s().update_available} " "
                    <button type="button" class="button small" on:click=|_| pwa::apply_update()>
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
                                    on:click=move |_| store.load()
                                    disabled=move || store.loading.get()
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
/// Results follow `Store::search_text` at once. The address catches up when typing pauses for
/// `ADDRESS_DELAY_MS`, when the box loses focus (a reader choosing a result) and on Enter:
/// updating the router on every keystroke cost more than the search itself.
#[component]
fn SearchBox() -> impl IntoView {
    const ADDRESS_DELAY_MS: u64 = 300;
    let store = expect_context::<Store>();
    let s = move || store.strings();
    let location = use_location();
    let navigate = use_navigate();
    let search_path = store.href("/tim-kiem");
    let on_search = {
        let search_path = search_path.clone();
        move || location.pathname.get() == search_path
    };
    let current = move || {
        if on_search() {
            store.search_text.get()
        } else {
            String::new()
        }
    };
    let address = {
        let search_path = search_path.clone();
        move |q: &str| format!("{search_path}?q={}", urls::encode_component(q))
    };
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
        let address = address.clone();
        let navigate = navigate.clone();
        move || {
            cancel_pending();
            if location.pathname.get_untracked() != search_path {
                return;
            }
            let q = store.search_text.get_untracked();
            let written = location
                .query
                .with_untracked(|query| query.get_str("q").unwrap_or_default() == q);
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
                replace: store.kiosk.with_untracked(Option::is_some),
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
            store.search_text.set(q.clone());
            if location.pathname.get_untracked() != search_path {
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
        store.search_text.set(q.clone());
        if location.pathname.get_untracked() == search_path {
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
                    on:focus=move |_| store.prepare_search()
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
    let store = expect_context::<Store>();
    let size = store.text_size;
    let s = move || store.strings();
    let announcement = RwSignal::new(String::new());
    let change = move |next: crate::settings::TextSize| {
        if next != size.get_untracked() {
            store.set_text_size(next);
            announcement.set(crate::i18n::fill(
                store.strings().text_size_now,
                next.percent(),
            ));
        }
    };
    view! {
        <div class="text-size" role="group" aria-label=move || s().text_size>
            <button
                type="button"
                class="tool-button"
                aria-disabled=move || size.get().is_smallest().to_string()
                title=move || s().text_smaller
                on:click=move |_| change(size.get_untracked().smaller())
            >
                "A-"
                <span class="visually-hidden">" " {move || s().text_smaller}</span>
            </button>
            <button
                type="button"
                class="tool-button"
                aria-disabled=move || size.get().is_default().to_string()
                title=move || s().text_default
                on:click=move |_| change(crate::settings::TextSize::default())
            >
                "A"
                <span class="visually-hidden">" " {move || s().text_default}</span>
            </button>
            <button
                type="button"
                class="tool-button large"
                aria-disabled=move || size.get().is_largest().to_string()
                title=move || s().text_larger
                on:click=move |_| change(size.get_untracked().larger())
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
    let store = expect_context::<Store>();
    let s = move || store.strings();
    let label = move |theme: Theme| {
        let s = store.strings();
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
                    store.set_theme(theme);
                }
            }>
                {Theme::ALL
                    .into_iter()
                    .map(|theme| {
                        view! {
                            <option
                                value=theme.to_stored()
                                selected=move || store.theme.get() == theme
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
    let store = expect_context::<Store>();
    view! {
        <button
            type="button"
            class="tool-button language"
            lang=move || store.lang.get().other().code()
            on:click=move |_| store.choose_lang(store.lang.get_untracked().other())
        >
            {move || store.strings().other_language}
        </button>
    }
}
