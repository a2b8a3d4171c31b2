//! "Nghe bài viết" / "Listen": reading the article aloud. The button sits in the bar beside
//! A- / A / A+, on an article, when the browser has a voice for the article's language; while
//! reading, a player at the foot of the screen offers pause and resume, stop and the speed.
//! Every change is announced through a polite live region; nothing is ever spoken unasked.
//!
//! On an article the bar keeps the button's place from the start wherever the browser has a
//! speech engine, out of sight (and out of reach) until a voice and the article are there:
//! voices come some time after the page, and the bar would otherwise grow a row under the
//! reader's eyes on a phone.

use crate::platform::location;
use crate::state::read_aloud::{Announcement, Playback};
use crate::state::{use_read_aloud, use_settings};
use ban_tin_core::i18n::{fill, Strings};
use ban_tin_core::routes;
use ban_tin_core::settings::SpeechRate;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

const LISTEN_BUTTON: &str = "listen-button";

/// The bar's button: starts reading the article, or stops it. Its live region is always there,
/// so that what it says is heard even as the button comes and goes.
#[component]
pub fn ListenButton() -> impl IntoView {
    let read_aloud = use_read_aloud();
    let settings = use_settings();
    let s = move || settings.strings();
    let active = move || matches!(read_aloud.playback(), Playback::Reading | Playback::Paused);
    let toggle = move |_| {
        if active() {
            read_aloud.stop();
        } else {
            read_aloud.start();
        }
    };
    let here = use_location();
    let articles = location::href(&format!("/{}/", routes::ARTICLE_SEGMENT));
    let on_article = move || here.pathname.with(|p| p.starts_with(&articles));
    let label = move || {
        if active() {
            s().listen_stop
        } else {
            s().listen
        }
    };
    view! {
        <Show when=move || read_aloud.has_engine() && on_article()>
            <button
                type="button"
                id=LISTEN_BUTTON
                class="tool-button icon listen"
                class:waiting=move || !read_aloud.available()
                class:active=active
                title=label
                on:click=toggle
            >
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    <path
                        fill="currentColor"
                        d=move || if active() { STOP_ICON } else { SPEAKER_ICON }
                    />
                </svg>
                <span class="icon-label">{label}</span>
            </button>
        </Show>
        <span class="visually-hidden" role="status" aria-live="polite">
            {move || read_aloud.announcement().map(|a| announce(a, s(), settings.lang()))}
        </span>
    }
}

/// A loudspeaker with two sound waves; a square, to stop.
const SPEAKER_ICON: &str = "M3 9h4l5-4v14l-5-4H3zM15 8.3a4.5 4.5 0 0 1 0 7.4l-1.1-1.6a2.6 2.6 0 0 0 0-4.2zM17.3 5a8.5 8.5 0 0 1 0 14l-1.1-1.6a6.6 6.6 0 0 0 0-10.8z";
const STOP_ICON: &str = "M6 6h12v12H6z";

fn announce(
    announcement: Announcement,
    s: &'static Strings,
    lang: ban_tin_core::i18n::Lang,
) -> String {
    match announcement {
        Announcement::Started => s.listen_started.to_string(),
        Announcement::Paused => s.listen_paused.to_string(),
        Announcement::Resumed => s.listen_resumed.to_string(),
        Announcement::Stopped => s.listen_stopped.to_string(),
        Announcement::Finished => s.listen_finished.to_string(),
        Announcement::Failed => s.listen_failed.to_string(),
        Announcement::Rate(rate) => fill(s.listen_rate_now, &[("rate", &rate.label(lang))]),
    }
}

/// While reading: where it is, pause / resume, stop, and the speed; after a failure, what
/// happened.
#[component]
pub fn ListenPlayer() -> impl IntoView {
    let read_aloud = use_read_aloud();
    let settings = use_settings();
    let s = move || settings.strings();
    let playback = move || read_aloud.playback();
    // The player goes with the button that stopped it: focus returns to the bar's button.
    let stop = move |_| {
        read_aloud.stop();
        focus_quietly(&format!("#{LISTEN_BUTTON}"));
    };
    // When the player goes (the end, the page hidden) or offers only "Đóng" (a failure) with the
    // focus inside it, the focus moves to what is left, not to the page's start.
    let had_focus = StoredValue::new(false);
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        let now = playback();
        if !had_focus.get_value() {
            return;
        }
        let selector = match now {
            Playback::Stopped => format!("#{LISTEN_BUTTON}"),
            Playback::Failed => ".listen-player .listen-actions button:not([hidden])".to_string(),
            Playback::Reading | Playback::Paused => return,
        };
        request_animation_frame(move || focus_quietly(&selector));
        had_focus.set_value(now == Playback::Failed);
    });
    let progress = move || {
        let (part, total) = read_aloud.progress();
        let template = if playback() == Playback::Paused {
            s().listen_paused_at
        } else {
            s().listen_progress
        };
        fill(
            template,
            &[("part", &part.to_string()), ("total", &total.to_string())],
        )
    };
    // After a failure the player says so (the live region has announced it) and offers only
    // to close.
    let failed = move || playback() == Playback::Failed;
    let paused = move || playback() == Playback::Paused;
    view! {
        <Show when=move || playback() != Playback::Stopped>
            <section
                node_ref=section
                class="listen-player"
                aria-label=move || s().listen_player
                on:focusin=move |_| had_focus.set_value(true)
                on:focusout=move |ev: web_sys::FocusEvent| {
                    // Gone to another element of the page: forgotten. (Gone nowhere, as when
                    // the player itself goes, it is kept: the focus must then be given back.)
                    // (The section itself, not the event's current target: leptos delegates
                    // focus events to the document.)
                    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    if let (Some(player), Some(to)) = (section.get_untracked(), to) {
                        had_focus.set_value(player.contains(Some(&to)));
                    }
                }
            >
                <p class="listen-progress" class:listen-failed=failed>
                    {move || if failed() { s().listen_failed.to_string() } else { progress() }}
                </p>
                <div class="listen-actions">
                    <button
                        type="button"
                        class="button primary"
                        hidden=failed
                        on:click=move |_| {
                            if paused() {
                                read_aloud.resume();
                            } else {
                                read_aloud.pause();
                            }
                        }
                    >
                        {move || if paused() { s().listen_resume } else { s().listen_pause }}
                    </button>
                    <button type="button" class="button" on:click=stop>
                        {move || if failed() { s().close } else { s().listen_stop }}
                    </button>
                </div>
                <RateChoice hidden=Signal::derive(failed) />
            </section>
        </Show>
    }
}

/// Focuses the element `selector` finds, leaving the page where the reader is reading (not
/// scrolled up to the bar).
fn focus_quietly(selector: &str) {
    let target = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

/// 0.75× / 1× / 1.25×, the one in use pressed.
#[component]
fn RateChoice(hidden: Signal<bool>) -> impl IntoView {
    let read_aloud = use_read_aloud();
    let settings = use_settings();
    view! {
        <div class="listen-rate" role="group" aria-labelledby="listen-rate-label" hidden=hidden>
            // Named in words where there is room (as the bar's icon buttons are); on a phone the
            // speeds speak for themselves, and the group keeps its name for screen readers.
            <span id="listen-rate-label" class="icon-label">
                {move || settings.strings().listen_rate}
            </span>
            {SpeechRate::ALL
                .into_iter()
                .map(|rate| {
                    view! {
                        <button
                            type="button"
                            class="button rate"
                            aria-pressed=move || (settings.speech_rate() == rate).to_string()
                            on:click=move |_| read_aloud.set_rate(rate)
                        >
                            {move || rate.label(settings.lang())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
