//! The home view: the newest articles first, a page at a time.

use crate::state::{use_feed, use_settings};
use crate::views::entries::EntryList;
use crate::views::notices::UpdatedLine;
use crate::views::status::WithFeed;
use ban_tin_core::feed::Feed;
use ban_tin_core::i18n::count;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn ListPage() -> impl IntoView {
    view! { <WithFeed content=move |feed| view! { <FeedList feed /> } /> }
}

#[component]
fn FeedList(feed: Arc<Feed>) -> impl IntoView {
    let state = use_feed();
    let s = use_settings().strings();
    let title = if feed.title.is_empty() {
        s.app_name.to_string()
    } else {
        feed.title.clone()
    };
    let empty = feed.items.is_empty();
    let skipped = feed.skipped;
    view! {
        <Title text=title.clone() />
        <section class="list-view">
            <h1>{title}</h1>
            <UpdatedLine />
            {empty.then(|| view! { <p class="status-message">{s.empty_feed}</p> })}
            <EntryList items=Signal::stored(Arc::from(feed.items.as_slice())) shown=state.list_shown() fetch_more=true />
            {(skipped > 0).then(|| view! { <p class="note">{count(&s.skipped_items, skipped as u64, &[])}</p> })}
        </section>
    }
}
