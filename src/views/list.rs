//! The home view: the newest articles first, rendered a page at a time.

use crate::feed::{Feed, Item};
use crate::i18n::fill;
use crate::store::Store;
use crate::views::status::WithFeed;
use crate::views::{article_path, Thumbnail, When};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use std::sync::Arc;

/// Entries rendered at first and added by each "show more".
pub const PAGE_SIZE: usize = 30;

#[component]
pub fn ListPage() -> impl IntoView {
    let shown = expect_context::<Store>().list_shown;
    view! { <WithFeed content=move |feed| view! { <FeedList feed shown /> } /> }
}

#[component]
fn FeedList(feed: Arc<Feed>, shown: RwSignal<usize>) -> impl IntoView {
    let store = expect_context::<Store>();
    let s = store.strings();
    let title = if feed.title.is_empty() {
        s.app_name.to_string()
    } else {
        feed.title.clone()
    };
    let total = feed.items.len();
    let skipped = feed.skipped;
    let items = Arc::clone(&feed);
    let entries = move || {
        items
            .items
            .iter()
            .take(shown.get())
            .cloned()
            .enumerate()
            .collect::<Vec<_>>()
    };
    view! {
        <Title text=title.clone() />
        <section class="list-view">
            <h1>{title}</h1>
            {(!feed.description.is_empty())
                .then(|| view! { <p class="lead">{feed.description.clone()}</p> })}
            {(total == 0).then(|| view! { <p class="status-message">{s.empty_feed}</p> })}
            <div class="entries">
                <For each=entries key=|(_, item)| item.id.clone() let((index, item))>
                    <Entry item eager=index < 4 />
                </For>
            </div>
            <Show when=move || { shown.get() < total }>
                <div class="more">
                    <p class="count" aria-live="polite">
                        {move || fill(s.showing_count, shown.get().min(total))} " / " {total}
                    </p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| shown.update(|n| *n += PAGE_SIZE)
                    >
                        {s.show_more}
                    </button>
                </div>
            </Show>
            {(skipped > 0).then(|| view! { <p class="note">{fill(s.skipped_items, skipped)}</p> })}
        </section>
    }
}

#[component]
fn Entry(item: Arc<Item>, eager: bool) -> impl IntoView {
    let store = expect_context::<Store>();
    let lang = store.lang.get_untracked();
    let section = item.section().map(str::to_string);
    let href = store.href(&article_path(&item.id));
    let title = item.title.clone();
    view! {
        <article class="entry">
            {item.image.clone().map(|src| view! { <Thumbnail src eager /> })}
            <div class="entry-text">
                <h2 class="entry-title">
                    <A href=href>{title}</A>
                </h2>
                <p class="entry-meta">
                    {item.date().map(|t| view! { <When seconds=t lang /> })}
                    {section.map(|name| view! { <span class="section-name">{name}</span> })}
                </p>
                {(!item.summary.is_empty())
                    .then(|| view! { <p class="entry-summary">{item.summary.clone()}</p> })}
            </div>
        </article>
    }
}
