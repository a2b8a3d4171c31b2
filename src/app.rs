//! The application shell: header, main landmark, routes, footer; and what happens on every
//! route change (focus, scroll) and settings change (root font size, theme, language).

use crate::platform::schedule::after_next_paint;
use crate::platform::{location, prerendered, service_worker};
use crate::state::{use_app, AppState};
use crate::views::header::SiteHeader;
use crate::views::kiosk::KioskMode;
use crate::views::notices::Notices;
use crate::views::{
    article::ArticlePage, list::ListPage, not_found::NotFoundPage, search::SearchPage,
    section::SectionPage,
};
use ban_tin_core::routes;
use ban_tin_core::settings::Theme;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{ParamSegment, StaticSegment};
use std::collections::HashMap;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let state = AppState::provide();
    let (feed, settings, status, startup) =
        (state.feed, state.settings, state.status, state.startup);
    feed.load();
    service_worker::follow_network(move |online| {
        status.set_online(online);
        if online {
            feed.load();
        }
    });
    // Registered once the first view is on screen, in a task of its own.
    after_next_paint(move || service_worker::register(move || status.mark_update_ready()));
    apply_settings_to_root(state);
    startup.draw_in_stages();
    if prerendered::is_waiting() {
        startup.draw_lists_whole();
        // The live view has its content once there is a feed: it replaces the pre-rendered
        // one in the next frame (if the feed cannot be had, the static page stays readable).
        Effect::new(move || {
            if feed.has_feed() && startup.rest_drawn() {
                request_animation_frame(prerendered::take_over);
            }
        });
    }
    let scroll_memory = ScrollMemory::start();

    view! {
        <Html attr:lang=move || settings.lang().code() />
        // The router comes after the first paint, then the shell's stages (`state::startup`).
        {move || startup.router_drawn().then(|| view! {
            <Router base=location::base_path()>
                <Shell />
                {move || startup.rest_drawn().then(|| view! {
                    <RouteChanges memory=scroll_memory />
                    <KioskMode />
                })}
            </Router>
        })}
    }
}

/// What every page shows, drawn from the state in context: the skip link, the header, the
/// current route's view and the footer. The live app draws it in the browser; the pre-rendered
/// pages are this same component rendered to HTML on the host (`crate::prerender`).
#[component]
pub fn Shell() -> impl IntoView {
    let state = use_app();
    let (feed, settings, startup) = (state.feed, state.settings, state.startup);
    view! {
        // Drawn in stages at start-up, each after the browser has painted the one before
        // (`state::startup`): the bar, its tools, the sections, then the view and the footer.
        {move || startup.bar_drawn().then(|| view! {
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {move || settings.strings().skip_to_content}
            </a>
            <SiteHeader />
        })}
        <main id="main" tabindex="-1">
            {move || startup.rest_drawn().then(|| view! {
                <Show when=move || feed.override_refused()>
                    <p class="notice" role="status">{move || settings.strings().feed_refused}</p>
                </Show>
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=ListPage />
                    <Route
                        path=(
                            StaticSegment(routes::ARTICLE_SEGMENT),
                            ParamSegment(routes::ARTICLE_PARAM),
                        )
                        view=ArticlePage
                    />
                    <Route
                        path=(
                            StaticSegment(routes::SECTION_SEGMENT),
                            ParamSegment(routes::SECTION_PARAM),
                        )
                        view=SectionPage
                    />
                    <Route path=StaticSegment(routes::SEARCH_SEGMENT) view=SearchPage />
                </Routes>
            })}
        </main>
        {move || startup.rest_drawn().then(|| view! {
            <footer class="site-footer">
                <p>
                    {move || settings.strings().footer_source} ": "
                    {move || feed.with_feed(|f| f.map(|f| f.title.clone()).unwrap_or_default())}
                </p>
                // The feed's own description belongs with its source, after the news.
                {move || {
                    feed.with_feed(|f| f.map(|f| f.description.clone()))
                        .filter(|d| !d.is_empty())
                        .map(|d| view! { <p class="feed-description">{d}</p> })
                }}
            </footer>
            <Notices />
        })}
    }
}

/// Text size as a percentage on the root element (through the CSSOM, which a strict
/// Content-Security-Policy allows), and the theme as `data-theme` on it.
fn apply_settings_to_root(state: AppState) {
    let AppState {
        feed,
        settings,
        kiosk,
        ..
    } = state;
    let root = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(root) = root else {
        return;
    };
    let for_kiosk = root.clone();
    Effect::new(move || {
        let _ = if kiosk.is_on() {
            for_kiosk.set_attribute("data-kiosk", "")
        } else {
            for_kiosk.remove_attribute("data-kiosk")
        };
    });
    let for_offline = root.clone();
    Effect::new(move || {
        let _ = if feed.is_offline() {
            for_offline.set_attribute("data-offline", "")
        } else {
            for_offline.remove_attribute("data-offline")
        };
    });
    let for_size = root.clone();
    // In kiosk mode the type scale multiplies the reader's choice (read at arm's length).
    Effect::new(move || {
        let scale = kiosk.config().map_or(100, |k| k.type_scale_percent);
        let percent = f64::from(settings.text_size().percent()) * f64::from(scale) / 100.0;
        let _ = for_size
            .style()
            .set_property("font-size", &format!("{percent}%"));
    });
    Effect::new(move || {
        let _ = match settings.theme() {
            Theme::Auto => root.remove_attribute("data-theme"),
            theme => root.set_attribute("data-theme", theme.to_stored()),
        };
    });
}

/// Where each page was scrolled to, and whether the current move came from the back or forward
/// button. Its listeners are registered before the router's, so a `popstate` is noted before
/// the router reacts to it.
#[derive(Clone, Copy)]
struct ScrollMemory {
    positions: StoredValue<HashMap<String, f64>>,
    popped: StoredValue<bool>,
}

impl ScrollMemory {
    fn start() -> Self {
        let memory = ScrollMemory {
            positions: StoredValue::new(HashMap::new()),
            popped: StoredValue::new(false),
        };
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        let scroll = window_event_listener(leptos::ev::scroll, move |_| {
            let y = window().scroll_y().unwrap_or(0.0);
            memory.positions.update_value(|p| {
                p.insert(location::page_key(), y);
            });
        });
        let popstate =
            window_event_listener(leptos::ev::popstate, move |_| memory.popped.set_value(true));
        on_cleanup(move || {
            scroll.remove();
            popstate.remove();
        });
        memory
    }
}

/// On every route change after the first: reading aloud stops if the reader leaves the view;
/// focus moves to the new view's `h1` (screen readers announce it); a back or forward move
/// restores that page's scroll position, a new one starts at the top (the router scrolls
/// there). A new query for the same view (a search's `?q=`
/// catching up with the typing, perhaps just after the reader tabbed on) leaves the focus
/// where the reader put it.
#[component]
fn RouteChanges(memory: ScrollMemory) -> impl IntoView {
    let location = use_location();
    let read_aloud = use_app().read_aloud;
    Effect::new(move |previous: Option<(String, String)>| {
        let current = (location.pathname.get(), location.search.get());
        if let Some(previous) = previous.filter(|p| *p != current) {
            let new_view = previous.0 != current.0;
            if new_view {
                read_aloud.stop();
            }
            let restore = memory.popped.get_value();
            memory.popped.set_value(false);
            let y = memory
                .positions
                .with_value(|p| p.get(&location::page_key()).copied());
            request_animation_frame(move || {
                if new_view {
                    focus_heading();
                }
                if restore {
                    window().scroll_to_with_x_and_y(0.0, y.unwrap_or(0.0));
                }
            });
        }
        current
    });
}

fn focus_heading() {
    // Someone typing a search keeps the focus: results follow as they type.
    let typing = document()
        .active_element()
        .is_some_and(|e| e.local_name() == "input");
    if typing {
        return;
    }
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
}

/// The skip link moves focus itself: with `<base href>` set, a bare `#main` would resolve
/// against the base and leave the current view.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}
