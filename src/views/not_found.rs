//! The view for an address that is not part of the app.

use crate::platform::location;
use crate::state::use_settings;
use ban_tin_core::routes;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let settings = use_settings();
    move || {
        let s = settings.strings();
        view! { <NotFound title=s.not_found_title text=s.not_found_text /> }
    }
}

/// "Not found" with a way back, for unknown addresses and for articles not in the feed.
#[component]
pub fn NotFound(title: &'static str, text: &'static str) -> impl IntoView {
    let s = use_settings().strings();
    view! {
        <Title text=title />
        <section class="status-view not-found-view">
            <h1>{title}</h1>
            <p class="status-message">{text}</p>
            <div class="actions">
                <a href=location::href(routes::HOME) class="button primary">{s.back_to_list}</a>
            </div>
        </section>
    }
}
