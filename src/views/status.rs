//! The states every view shares: loading, failed, and the feed ready to show.

use crate::platform::location;
use crate::state::{use_feed, use_settings};
use ban_tin_core::error::FeedError;
use ban_tin_core::feed::Feed;
use ban_tin_core::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

/// Shows `content` with the feed once there is one; until then the loading view, or the error
/// view when loading failed. A feed already on screen stays when a later refresh fails.
#[component]
pub fn WithFeed<F, V>(content: F) -> impl IntoView
where
    F: Fn(Arc<Feed>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = use_feed();
    let settings = use_settings();
    move || {
        // Reading the language here re-renders the view in the new language when it changes.
        settings.lang();
        // The error is read only while there is no feed, so that a refresh (which clears or
        // sets it) never re-renders a view that is already showing the feed.
        match state.feed() {
            Some(feed) => content(feed).into_any(),
            None => match state.error() {
                Some(error) => view! { <ErrorView error /> }.into_any(),
                None => view! { <LoadingView /> }.into_any(),
            },
        }
    }
}

#[component]
pub fn LoadingView() -> impl IntoView {
    let s = use_settings().strings();
    view! {
        <Title text=s.app_name />
        <section class="status-view" aria-busy="true">
            <h1>{s.app_name}</h1>
            <p class="status-message" role="status">{s.loading}</p>
            <div class="skeleton" aria-hidden="true">
                <div class="skeleton-line"></div>
                <div class="skeleton-line short"></div>
                <div class="skeleton-line"></div>
            </div>
        </section>
    }
}

#[component]
pub fn ErrorView(error: FeedError) -> impl IntoView {
    let state = use_feed();
    let s = use_settings().strings();
    view! {
        <Title text=s.error_title />
        <section class="status-view error-view">
            <h1>{s.error_title}</h1>
            <p class="status-message" role="alert">{error.message(s)}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| state.load()
                    disabled=move || state.loading()
                >
                    {s.retry}
                </button>
                <a href=location::href(routes::HOME) class="button">{s.home}</a>
            </div>
        </section>
    }
}
