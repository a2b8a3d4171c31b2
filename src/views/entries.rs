//! A list of article entries, shown a page at a time, shared by the home, section and search
//! views. "Xem thêm" first shows more of what is loaded, then fetches the feed's next page.

use crate::platform::location;
use crate::platform::schedule::in_next_task;
use crate::state::feed::{PageLoad, PAGE_SIZE};
use crate::state::{use_feed, use_settings, use_startup};
use crate::views::{Thumbnail, When};
use ban_tin_core::feed::Item;
use ban_tin_core::i18n::{count, fill};
use ban_tin_core::{routes, search};
use leptos::either::Either;
use leptos::html::{mark, HtmlElement, Mark};
use leptos::prelude::*;
use std::sync::Arc;

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
    let state = use_feed();
    let s = use_settings().strings();
    let total = move || items.with(|items| items.len());
    let has_next_page = fetch_more && state.has_next_page_untracked();
    // The app's first list draws a screenful, then the rest a few at a time, each part in a
    // task of its own.
    let drawn = RwSignal::new(usize::MAX);
    if let Some(limit) = use_startup().first_draw_limit() {
        drawn.set(limit);
        draw_more_soon(drawn, move || shown.get_untracked());
    }
    let entries = move || {
        items.with(|items| {
            items
                .iter()
                .take(shown.get().min(drawn.get()))
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
            state.load_next_page();
        }
    };
    view! {
        <div class="entries">
            <For each=entries key=|(_, item)| item.id.clone() let((index, item))>
                <Entry item eager=index < 4 highlight />
            </For>
        </div>
        // Under the list once it is all drawn, so that it does not move down as entries come.
        <Show when=move || { drawn.get() == usize::MAX && (shown.get() < total() || has_next_page) }>
            <div class="more">
                <p class="count" aria-live="polite">
                    {move || count(&s.showing_count, shown.get().min(total()) as u64, &[])}
                </p>
                <button
                    type="button"
                    class="button"
                    on:click=more
                    disabled=move || state.is_paging()
                >
                    {move || {
                        if state.is_paging() {
                            s.loading_more
                        } else {
                            s.show_more
                        }
                    }}
                </button>
                {move || match state.paging() {
                    PageLoad::Failed(e) => {
                        let text = fill(s.more_failed, &[("reason", &e.message(s))]);
                        Some(view! { <p class="note" role="alert">{text}</p> })
                    }
                    _ => None,
                }}
            </div>
        </Show>
    }
}

/// Entries the app's first list adds in each task after its first screenful.
const DRAW_STEP: usize = 6;

/// Draws `DRAW_STEP` more entries in the next task, and again until `wanted()` are drawn.
fn draw_more_soon(drawn: RwSignal<usize>, wanted: impl Fn() -> usize + Copy + 'static) {
    in_next_task(move || {
        let Some(now) = drawn.try_get_untracked() else {
            return;
        };
        if now >= wanted() {
            drawn.set(usize::MAX);
            return;
        }
        drawn.set(now + DRAW_STEP);
        draw_more_soon(drawn, wanted);
    });
}

#[component]
fn Entry(item: Arc<Item>, eager: bool, highlight: Option<Signal<String>>) -> impl IntoView {
    let lang = use_settings().lang_untracked();
    let section = item
        .section()
        .map(|name| (name.to_string(), location::href(&routes::section(name))));
    let href = location::href(&routes::article(&item.id));
    // Plain text in lists; in search results, text that follows the query's highlights.
    let (title_text, summary_text) = (item.title.clone(), item.summary.clone());
    let follow = move |text: String| match highlight {
        Some(query) => Either::Left(move || marked(&text, &query.get())),
        None => Either::Right(text),
    };
    let title = follow(title_text);
    let summary = (!summary_text.is_empty()).then(|| follow(summary_text));
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
