//! Kiosk mode for public service centres: a countdown when nobody has touched the screen for a
//! while, then a fresh start for the next person; links that leave the app shown as QR codes;
//! the feed refreshed on a timer; headlines cycling while the kiosk waits.

use crate::config::KioskConfig;
use crate::dates;
use crate::i18n::fill;
use crate::qr;
use crate::store::Store;
use crate::views::article_path;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use leptos_use_idle::{use_idle, UseIdleReturn};
use leptos_use_interval_fn::use_interval_fn;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Everything kiosk mode adds, while it is on.
#[component]
pub fn KioskMode() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        {move || store.kiosk.get().map(|config| view! { <KioskActive config /> })}
        <QrDialog />
    }
}

#[component]
fn KioskActive(config: KioskConfig) -> impl IntoView {
    let store = expect_context::<Store>();
    let navigate = use_navigate();
    let location = use_location();
    let home = store.href("/");

    let UseIdleReturn { idle, reset, .. } = use_idle(u64::from(config.idle_seconds) * 1000);
    let countdown = RwSignal::new(None::<u32>);

    // A fresh start for the next person: home list at the top, default settings, nothing open,
    // and no history to go back to.
    let start_over = {
        let navigate = navigate.clone();
        let home = home.clone();
        move || {
            countdown.set(None);
            store.forget_reader();
            if store.update_ready.get_untracked() {
                // A new build is waiting: take it now, while nobody is reading.
                crate::pwa::apply_update();
                return;
            }
            navigate(
                &home,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
            window().scroll_to_with_x_and_y(0.0, 0.0);
            store.attract.set(config.attract);
        }
    };

    // Idle: at the untouched home list the attract screen starts; anywhere else the countdown.
    {
        let home = home.clone();
        Effect::new(move |_| {
            if !idle.get() || countdown.get_untracked().is_some() {
                return;
            }
            let at_home = location.pathname.get_untracked() == home
                && location.search.get_untracked().is_empty()
                && store.text_size.get_untracked().is_default()
                && window().scroll_y().unwrap_or(0.0) < 1.0;
            if at_home {
                store.attract.set(config.attract);
            } else {
                countdown.set(Some(config.countdown_seconds));
            }
        });
    }
    let start_over_tick = start_over.clone();
    let _ticker = use_interval_fn(
        move || {
            if let Some(left) = countdown.get_untracked() {
                if left <= 1 {
                    start_over_tick();
                } else {
                    countdown.set(Some(left - 1));
                }
            }
        },
        1000,
    );
    let _refresh = use_interval_fn(
        move || store.load(),
        u64::from(config.refresh_minutes) * 60 * 1000,
    );

    intercept_links(store, navigate, home);

    let keep_going = {
        let reset = reset.clone();
        move || {
            countdown.set(None);
            reset();
        }
    };
    view! {
        <CountdownDialog countdown on_continue=keep_going />
        <Show when=move || store.attract.get()>
            <Attract />
        </Show>
    }
}

/// Clicks on links, caught before the router sees them: links inside the app navigate without
/// adding to the history (so the back button can never show the previous person's page);
/// links that leave the app open the QR dialog instead of navigating, whatever their target.
fn intercept_links(store: Store, navigate: impl Fn(&str, NavigateOptions) + 'static, home: String) {
    thread_local! {
        static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let navigate = Rc::new(navigate);
    let origin = window().location().origin().unwrap_or_default();
    let base = home.trim_end_matches('/').to_string();
    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        // A click on a link within the page (the skip link) keeps its own handling; a middle
        // click on it must not open a tab.
        let in_page = anchor
            .get_attribute("href")
            .is_some_and(|h| h.starts_with('#'));
        if in_page && ev.type_() == "click" {
            return;
        }
        ev.prevent_default();
        if in_page {
            return;
        }
        let href = anchor.href();
        let inside = anchor.origin() == origin
            && (anchor.pathname() == home || anchor.pathname().starts_with(&format!("{base}/")));
        if inside {
            let path = format!("{}{}", anchor.pathname(), anchor.search());
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        } else {
            store.qr_target.set(Some(href));
        }
    });
    let window = window();
    for event in ["click", "auxclick"] {
        let _ = window.add_event_listener_with_callback_and_bool(
            event,
            handler.as_ref().unchecked_ref(),
            true,
        );
    }
    // Nothing may open another window either.
    let no_windows = Closure::<dyn Fn() -> wasm_bindgen::JsValue>::new(wasm_bindgen::JsValue::null);
    let _ = js_sys::Reflect::set(&window, &"open".into(), no_windows.as_ref());
    // The listeners live as long as the page: kiosk mode is not turned off without a reload.
    handler.forget();
    no_windows.forget();
}

/// Opens a `<dialog>` as a modal (focus moves into it, the page behind is inert) while `open`
/// is true, and closes it otherwise.
fn modal(dialog: NodeRef<Dialog>, open: impl Fn() -> bool + 'static) {
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else {
            return;
        };
        if open() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
}

#[component]
fn CountdownDialog(
    countdown: RwSignal<Option<u32>>,
    on_continue: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let s = move || store.strings();
    let dialog = NodeRef::<Dialog>::new();
    modal(dialog, move || countdown.get().is_some());
    let on_cancel = {
        let on_continue = on_continue.clone();
        move |ev: leptos::ev::Event| {
            // Escape means "continue" too.
            ev.prevent_default();
            on_continue();
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="kiosk-dialog countdown"
            aria-labelledby="countdown-title"
            aria-describedby="countdown-text"
            on:cancel=on_cancel
        >
            <h2 id="countdown-title">{move || s().kiosk_still_there}</h2>
            <p id="countdown-text" role="timer">
                {move || fill(s().kiosk_countdown, countdown.get().unwrap_or(0))}
            </p>
            <button type="button" class="button primary large" on:click=move |_| on_continue()>
                {move || s().kiosk_continue}
            </button>
        </dialog>
    }
}

/// The QR code of an address that leaves the app, with the address as text.
#[component]
fn QrDialog() -> impl IntoView {
    let store = expect_context::<Store>();
    let s = move || store.strings();
    let dialog = NodeRef::<Dialog>::new();
    modal(dialog, move || store.qr_target.with(Option::is_some));
    let close = move || store.qr_target.set(None);
    view! {
        <dialog
            node_ref=dialog
            class="kiosk-dialog qr"
            aria-labelledby="qr-title"
            on:close=move |_| close()
        >
            <h2 id="qr-title">{move || s().qr_title}</h2>
            <p>{move || s().qr_text}</p>
            {move || {
                store
                    .qr_target
                    .get()
                    .map(|address| {
                        let code = qr::encode(&address);
                        view! {
                            {code
                                .map(|code| {
                                    let side = code.size + 2 * qr::QUIET_ZONE;
                                    view! {
                                        <svg
                                            class="qr-code"
                                            viewBox=format!("0 0 {side} {side}")
                                            role="img"
                                            aria-label=fill(s().qr_label, &address)
                                        >
                                            <rect width=side height=side fill="#ffffff" />
                                            <path d=code.path fill="#000000" />
                                        </svg>
                                    }
                                })}
                            <p class="qr-address">{address}</p>
                        }
                    })
            }}
            <button type="button" class="button primary large" on:click=move |_| close()>
                {move || s().close}
            </button>
        </dialog>
    }
}

/// Headlines cycling slowly while nobody uses the kiosk; a touch opens the one on screen.
#[component]
fn Attract() -> impl IntoView {
    let store = expect_context::<Store>();
    let s = move || store.strings();
    let navigate = use_navigate();
    let index = RwSignal::new(0usize);
    let headlines = move || {
        store
            .feed
            .with(|f| {
                f.as_ref()
                    .map(|f| f.items.iter().take(10).cloned().collect::<Vec<_>>())
            })
            .unwrap_or_default()
    };
    let _cycle = use_interval_fn(move || index.update(|i| *i += 1), 8000);
    let current = move || {
        let items = headlines();
        let count = items.len().max(1);
        items.get(index.get() % count).cloned()
    };
    let open = move |_| {
        store.attract.set(false);
        if let Some(item) = current() {
            navigate(
                &store.href(&article_path(&item.id)),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    };
    view! {
        <div class="attract" role="dialog" aria-modal="true" aria-label=move || s().attract_label>
            <button type="button" class="attract-card" on:click=open>
                {move || {
                    current()
                        .map(|item| {
                            let lang = store.lang.get();
                            view! {
                                <span class="attract-section">
                                    {item.section().map(str::to_string)}
                                </span>
                                <span class="attract-title">{item.title.clone()}</span>
                                <span class="attract-date">
                                    {item.date().and_then(|t| dates::day(t, lang))}
                                </span>
                            }
                        })
                }}
                <span class="attract-touch">{move || s().attract_touch}</span>
            </button>
        </div>
    }
}
