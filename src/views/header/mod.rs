//! The app bar of every view: the department's name, search behind one button, A- / A / A+
//! always in reach (and on an article, "Nghe bài viết" beside them), one settings control
//! (theme, language), and the sections in one row that scrolls sideways. In kiosk mode the bar
//! also shows the time. While an article is read aloud, its player sits at the foot of the
//! screen.
//!
//! Nothing in it changes height when the feed arrives: the sections row is one row whatever it
//! holds, and the name's box does not depend on the name's length, so the first paint and the
//! page with its news have the same header.

mod listen;
mod search_box;
mod settings_menu;
mod text_size;

use crate::platform::location;
use crate::platform::schedule::now_ms;
use crate::state::{use_feed, use_kiosk, use_settings, use_startup};
use ban_tin_core::dates;
use ban_tin_core::routes;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use leptos_use_interval_fn::use_interval_fn;
use listen::{ListenButton, ListenPlayer};
use search_box::{SearchBox, SearchToggle};
use settings_menu::SettingsMenu;
use text_size::TextSizeBar;
use wasm_bindgen::JsCast;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let startup = use_startup();
    let settings = use_settings();
    let kiosk = use_kiosk();
    let s = move || settings.strings();
    view! {
        <header class="site-header">
            // Out of sight until its tools are drawn (a stage later at start-up), so that
            // nothing in it moves when they come.
            <div class="bar" class:drawing=move || !startup.tools_drawn()>
                <Brand />
                <Show when=move || kiosk.is_on()>
                    <KioskClock />
                </Show>
                <div class="tools">
                    <SearchToggle />
                    <div class="reading-tools" role="group" aria-label=move || s().display_settings>
                        {move || startup.tools_drawn().then(|| view! {
                            <ListenButton />
                            <TextSizeBar />
                            <SettingsMenu />
                        })}
                    </div>
                </div>
                <SearchBox />
            </div>
            <ListenPlayer />
            // The tools and the sections are stages of their own at start-up
            // (`state::startup`).
            {move || startup.sections_drawn().then(|| view! {
                <SectionsNav />
            })}
        </header>
    }
}

/// The department's name (`site.name` in the configuration, else the app's), with its logo
/// when one is configured; a link to the home list.
#[component]
fn Brand() -> impl IntoView {
    let feed = use_feed();
    let settings = use_settings();
    let name = move || {
        feed.site_name()
            .unwrap_or_else(|| settings.strings().app_name.to_string())
    };
    view! {
        <A href=location::href(routes::HOME) attr:class="brand">
            {move || {
                feed.site_logo()
                    .map(|src| {
                        view! {
                            <img
                                class="brand-logo"
                                src=src
                                alt=""
                                width="40"
                                height="40"
                                decoding="async"
                            />
                        }
                    })
            }}
            <span class="brand-name">{name}</span>
        </A>
    }
}

/// The time of day, for a kiosk: people at a service centre wait for their turn.
#[component]
fn KioskClock() -> impl IntoView {
    let settings = use_settings();
    let seconds = RwSignal::new((now_ms() / 1000.0) as i64);
    let _tick = use_interval_fn(move || seconds.set((now_ms() / 1000.0) as i64), 10_000);
    view! {
        <p class="clock">
            <span class="visually-hidden">{move || settings.strings().clock} " "</span>
            <time datetime=move || {
                dates::machine_readable(seconds.get())
            }>{move || dates::clock(seconds.get())}</time>
        </p>
    }
}

/// Home and the feed's sections, one row that scrolls sideways inside itself; the current one
/// is marked (`aria-current`, set by the router's links) and scrolled into the row's view.
#[component]
fn SectionsNav() -> impl IntoView {
    let feed = use_feed();
    let settings = use_settings();
    let row = NodeRef::<leptos::html::Ul>::new();
    let here = use_location();
    Effect::new(move || {
        here.pathname.track();
        feed.has_feed();
        if let Some(row) = row.get() {
            request_animation_frame(move || reveal_current(&row));
        }
    });
    view! {
        <nav class="main-nav" aria-label=move || settings.strings().main_nav>
            <ul node_ref=row>
                <li>
                    <A href=location::href(routes::HOME) exact=true>
                        {move || settings.strings().home}
                    </A>
                </li>
                {move || {
                    feed.with_feed(|f| f.map(|f| f.sections()).unwrap_or_default())
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
    }
}

/// Scrolls the sections row (not the page) so that the current section's link is in view.
fn reveal_current(row: &web_sys::HtmlUListElement) {
    let current = row
        .query_selector("[aria-current=page]")
        .ok()
        .flatten()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(current) = current else {
        return;
    };
    let (left, width) = (current.offset_left(), current.offset_width());
    let (scrolled, visible) = (row.scroll_left(), row.client_width());
    if left < scrolled {
        row.set_scroll_left(left);
    } else if left + width > scrolled + visible {
        row.set_scroll_left(left + width - visible);
    }
}
