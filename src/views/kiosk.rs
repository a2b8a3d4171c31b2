//! Kiosk mode for public service centres: a countdown when nobody has touched the screen for a
//! while, then a fresh start for the next person; links that leave the app shown as QR codes;
//! the feed refreshed on a timer; headlines cycling while the kiosk waits.

use crate::platform::{links, location, service_worker};
use crate::state::{use_app, use_feed, use_kiosk, use_settings};
use ban_tin_core::config::KioskConfig;
use ban_tin_core::i18n::{count, fill};
use ban_tin_core::{dates, qr, routes};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use leptos_use_idle::{use_idle, UseIdleReturn};
use leptos_use_interval_fn::use_interval_fn;

/// Everything kiosk mode adds, while it is on.
#[component]
pub fn KioskMode() -> impl IntoView {
    let kiosk = use_kiosk();
    view! {
        {move || kiosk.config().map(|config| view! { <KioskActive config /> })}
        <QrDialog />
    }
}

#[component]
fn KioskActive(config: KioskConfig) -> impl IntoView {
    let state = use_app();
    let (kiosk, settings) = (state.kiosk, state.settings);
    let navigate = use_navigate();
    let here = use_location();
    let home = location::href(routes::HOME);

    let UseIdleReturn { idle, reset, .. } = use_idle(u64::from(config.idle_seconds) * 1000);
    let countdown = RwSignal::new(None::<u32>);

    // A fresh start for the next person: home list at the top, default settings, nothing open,
    // and no history to go back to.
    let start_over = {
        let navigate = navigate.clone();
        let home = home.clone();
        move || {
            countdown.set(None);
            state.forget_reader();
            if state.status.update_ready_untracked() {
                // A new build is waiting: take it now, while nobody is reading.
                service_worker::apply_update();
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
            kiosk.set_attract(config.attract);
        }
    };

    // Idle: at the untouched home list (search box closed too) the attract screen starts;
    // anywhere else the countdown, unless an article is being read aloud.
    {
        let home = home.clone();
        let reset = reset.clone();
        Effect::new(move |_| {
            if !idle.get() || countdown.get_untracked().is_some() {
                return;
            }
            // Listening to an article is using the kiosk.
            if state.read_aloud.is_reading_untracked() {
                reset();
                return;
            }
            let at_home = here.pathname.get_untracked() == home
                && here.search.get_untracked().is_empty()
                && settings.text_size_untracked().is_default()
                && !state.search.box_open_untracked()
                && window().scroll_y().unwrap_or(0.0) < 1.0;
            if at_home {
                kiosk.set_attract(config.attract);
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
        move || state.feed.load(),
        u64::from(config.refresh_minutes) * 60 * 1000,
    );

    // Links inside the app navigate without adding to the history (so the back button can
    // never show the previous person's page); links that leave the app open the QR dialog
    // instead of navigating, whatever their target. Released when kiosk mode ends.
    links::capture(&home, move |click| match click.inside {
        Some(path) => navigate(
            &path,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        ),
        None => kiosk.show_qr(click.href),
    });
    on_cleanup(links::release);

    let keep_going = {
        let reset = reset.clone();
        move || {
            countdown.set(None);
            reset();
        }
    };
    view! {
        <CountdownDialog countdown on_continue=keep_going />
        <Show when=move || kiosk.attract()>
            <Attract />
        </Show>
    }
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
    let settings = use_settings();
    let s = move || settings.strings();
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
                {move || count(&s().kiosk_countdown, u64::from(countdown.get().unwrap_or(0)), &[])}
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
    let kiosk = use_kiosk();
    let settings = use_settings();
    let s = move || settings.strings();
    let dialog = NodeRef::<Dialog>::new();
    modal(dialog, move || kiosk.has_qr());
    let close = move || kiosk.close_qr();
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
                kiosk
                    .qr_target()
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
                                            aria-label=fill(s().qr_label, &[("address", &address)])
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
    let feed = use_feed();
    let kiosk = use_kiosk();
    let settings = use_settings();
    let s = move || settings.strings();
    let navigate = use_navigate();
    let index = RwSignal::new(0usize);
    let headlines = move || {
        feed.with_feed(|f| {
            f.map(|f| f.items.iter().take(10).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let _cycle = use_interval_fn(move || index.update(|i| *i += 1), 8000);
    let current = move || {
        let items = headlines();
        let count = items.len().max(1);
        items.get(index.get() % count).cloned()
    };
    let open = move |_| {
        kiosk.set_attract(false);
        if let Some(item) = current() {
            navigate(
                &location::href(&routes::article(&item.id)),
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
                            let lang = settings.lang();
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
