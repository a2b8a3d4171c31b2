//! A list of article entries, shown a page at a time, shared by the home, section and search
//! views. "Xem thêm" first shows more of what is loaded, then fetches the feed's next page.

use crate::feed::Item;
use crate::i18n::fill;
use crate::search;
use crate::store::{PageLoad, Store};
use crate::views::{article_path, Thumbnail, When};
use leptos::either::Either;
use leptos::html::{mark, HtmlElement, Mark};
use leptos::prelude::*;
use std::sync::Arc;

/// Entries rendered at first and added by each "Xem thêm".
pub const PAGE_SIZE: usize = 30;

/// `items` a page at a time. `highlight` marks the words of a search query in titles and
/// summaries; `fetch_more` lets "Xem thêm" load the feed's next page when all are shown.
/// `items` and `highlight` may change (search): entries are keyed by article, so an article
/// that stays in the results keeps its DOM and only its highlighted text is redrawn.
#[component]
pub fn EntryList(
    #[prop(into)] items: Signal<Arc<[Arc<Item>]>>,
    shown: RwSignal<usize>,
    #[prop(optional, into)] highlight: Option<Signal<String>>,
    #[prop(optional)] fetch_more: bool,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let s = store.strings();
    let total = move || items.with(|items| items.len());
    let has_next_page = fetch_more
        && store
            .feed
            .with_untracked(|f| f.as_ref().is_some_and(|f| f.next_url.is_some()));
    let entries = move || {
        items.with(|items| {
            items
                .iter()
                .take(shown.get())
                .cloned()
                .enumerate()
                .collect::<Vec<_>>()
        })
    };
    let more = move |_| {
        let total = items.with_untracked(|items| items.len());
        let all_shown = shown.get_untracked() >= total;
        shown.update(|n| *n = (*n).min(total) + PAGE_SIZE);
        if all_shown {
            store.load_next_page();
        }
    };
    view! {
        <div class="entries">
            <For each=entries key=|(_, item)| item.id.clone() let((index, item))>
                <Entry item eager=index < 4 highlight />
            </For>
        </div>
        <Show when=move || { shown.get() < total() || has_next_page }>
            <div class="more">
                <p class="count" aria-live="polite">
                    {move || fill(s.showing_count, shown.get().min(total()))}
                </p>
                <button
                    type="button"
                    class="button"
                    on:click=more
                    disabled=move || store.paging.with(|p| matches!(p, PageLoad::Loading))
                >
                    {move || {
                        if store.paging.with(|p| matches!(p, PageLoad::Loading)) {
                            s.loading_more
                        } else {
                            s.show_more
                        }
                    }}
                </button>
                {move || {
                    store
                        .paging
                        .with(|p| match p {
                            PageLoad::Failed(e) => Some(fill(s.more_failed, e.message(s))),
                            _ => None,
                        })
                        .map(|text| view! { <p class="note" role="alert">{text}</p> })
                }}
            </div>
        </Show>
    }
}

#[component]
fn Entry(item: Arc<Item>, eager: bool, highlight: Option<Signal<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let lang = store.lang.get_untracked();
    let section = item
        .section()
        .map(|name| (name.to_string(), store.href(&section_path(name))));
    let href = store.href(&article_path(&item.id));
    let (title_text, summary_text) = (item.title.clone(), item.summary.clone());
    let query = move || highlight.map(|q| q.get()).unwrap_or_default();
    let title = move || marked(&title_text, &query());
    let summary = (!item.summary.is_empty()).then_some(move || marked(&summary_text, &query()));
    view! {
        <article class="entry">
            {item.image.clone().map(|src| view! { <Thumbnail src eager /> })}
            <div class="entry-text">
                <h2 class="entry-title">
                    <a href=href>{title}</a>
                </h2>
                <p class="entry-meta">
                    {item.date().map(|t| view! { <When seconds=t lang /> })}
                    {section
                        .map(|(name, href)| {
                            view! {
                                <a href=href class="section-name">
                                    {name}
                                </a>
                            }
                        })}
                </p>
                {summary.map(|summary| view! { <p class="entry-summary">{summary}</p> })}
            </div>
        </article>
    }
}

/// A piece of highlighted text: a matched word part in `<mark>`, or plain text.
pub type Piece = Either<HtmlElement<Mark, (), (String,)>, String>;

/// `text` with the words of `query` in `<mark>`, always as text nodes. One concrete type for
/// every piece (no boxed views), so that as a reader types, the pieces of a result that stays
/// are updated in place.
pub fn marked(text: &str, query: &str) -> Vec<Piece> {
    if query.trim().is_empty() {
        return vec![Either::Right(text.to_string())];
    }
    search::highlight(text, query)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                Either::Left(mark().child(piece))
            } else {
                Either::Right(piece)
            }
        })
        .collect()
}

/// The app path of a section.
pub fn section_path(name: &str) -> String {
    format!("/chuyen-muc/{}", search::slug(name))
}
