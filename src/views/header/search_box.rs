//! The search box and the button that opens it on narrow screens.

use crate::platform::location;
use crate::state::{use_feed, use_kiosk, use_search, use_settings};
use ban_tin_core::routes;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// Whether the current view is the search view (tracked).
fn on_search_view() -> impl Fn() -> bool + Clone + Send + Sync + 'static {
    let here = use_location();
    let search_path = location::href(&routes::search_page());
    move || here.pathname.with(|p| *p == search_path)
}

/// The magnifier button of narrow screens: it opens the search box and puts the cursor in it;
/// pressed again (away from the search view), it closes the box. Wider screens hide it, the box
/// being always there.
#[component]
pub fn SearchToggle() -> impl IntoView {
    let settings = use_settings();
    let search = use_search();
    let on_search = on_search_view();
    let shown = {
        let on_search = on_search.clone();
        move || search.box_open() || on_search()
    };
    let toggle = move |_| {
        if search.box_open_untracked() && !on_search() {
            search.set_box_open(false);
        } else {
            search.set_box_open(true);
            request_animation_frame(|| focus_by_id(SEARCH_INPUT));
        }
    };
    view! {
        <button
            type="button"
            id="search-toggle"
            class="tool-button icon search-toggle"
            aria-expanded=move || shown().to_string()
            aria-controls="search-form"
            on:click=toggle
        >
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path
                    fill="currentColor"
                    d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"
                />
            </svg>
            <span class="icon-label">{move || settings.strings().search_title}</span>
        </button>
    }
}

const SEARCH_INPUT: &str = "search-input";

fn focus_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
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
pub fn SearchBox() -> impl IntoView {
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
        move || here.pathname.with(|p| *p == search_path)
    };
    let current = {
        let on_search = on_search.clone();
        move || {
            if on_search() {
                search.text()
            } else {
                String::new()
            }
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
    // Escape closes the box that the magnifier opened (not the search view's own) and gives
    // the focus back to the magnifier.
    let on_keydown = {
        let on_search = on_search.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" && search.box_open_untracked() && !on_search() {
                search.set_box_open(false);
                focus_by_id("search-toggle");
            }
        }
    };
    let shown = move || search.box_open() || on_search();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = document()
            .get_element_by_id(SEARCH_INPUT)
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
        <form
            id="search-form"
            class="search-box"
            class:open=shown
            role="search"
            on:submit=on_submit
            on:keydown=on_keydown
        >
                <label for=SEARCH_INPUT class="tool-label">
                    {move || s().search_label}
                </label>
                <input
                    id=SEARCH_INPUT
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
