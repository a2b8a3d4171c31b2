//! What the app says about the copy on screen. The notices (a new version waiting, offline, a
//! refresh that failed) sit at the end of the page and stick to the bottom of the screen: they
//! can arrive at any moment, and arriving there moves nothing the reader is looking at. The
//! update time is part of each list, drawn in the same frame as the list.

use crate::platform::service_worker;
use crate::state::{use_feed, use_settings, use_status};
use ban_tin_core::dates;
use ban_tin_core::i18n::fill;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_feed();
    let settings = use_settings();
    let status = use_status();
    let s = move || settings.strings();
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
        <div class="notices">
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
        </div>
    }
}

/// "Cập nhật lúc 08:30 10/02": when the copy on screen was fetched.
#[component]
pub fn UpdatedLine() -> impl IntoView {
    let state = use_feed();
    let settings = use_settings();
    let updated = move || {
        let ms = state.updated_at_ms()?;
        let text = dates::time_and_day((ms / 1000.0) as i64, settings.lang())?;
        Some(fill(settings.strings().updated_at, &[("time", &text)]))
    };
    view! { <p class="status-line updated">{updated}</p> }
}
