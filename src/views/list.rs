//! The home view: the newest articles first, a page at a time.

use crate::feed::Feed;
use crate::i18n::fill;
use crate::store::Store;
use crate::views::entries::EntryList;
use crate::views::status::WithFeed;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn ListPage() -> impl IntoView {
    view! { <WithFeed content=move |feed| view! { <FeedList feed /> } /> }
}

#[component]
fn FeedList(feed: Arc<Feed>) -> impl IntoView {
    let store = expect_context::<Store>();
    let s = store.strings();
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
            {(!feed.description.is_empty())
                .then(|| view! { <p class="lead">{feed.description.clone()}</p> })}
            {empty.then(|| view! { <p class="status-message">{s.empty_feed}</p> })}
            <EntryList items=Signal::stored(Arc::from(feed.items.as_slice())) shown=store.list_shown fetch_more=true />
            {(skipped > 0).then(|| view! { <p class="note">{fill(s.skipped_items, skipped)}</p> })}
        </section>
    }
}
