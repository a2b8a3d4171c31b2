//! Search, at `/tim-kiem?q=…`: instant, Vietnamese with or without marks, results ranked and
//! highlighted, the count announced politely. The view stays in place while the query changes
//! (only the results and the announcement update), so the live region keeps working.

use crate::state::{use_search, use_settings};
use crate::views::entries::EntryList;
use crate::views::status::WithFeed;
use ban_tin_core::feed::Feed;
use ban_tin_core::i18n::{count, fill};
use ban_tin_core::routes;
use ban_tin_core::search::Hits;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// Results rendered at once on each keystroke (a phone screen shows about four); "Xem thêm"
/// shows more. Fewer entries to build keeps every keystroke quick.
const RESULTS_SHOWN: usize = 10;

/// The search view. The search as typed (`Search::text`) drives the results; it starts as
/// the address says and follows the address when the address changes to something else (back
/// and forward). This lives outside `WithFeed`, which draws the view again whenever the feed
/// is refreshed: then the address, a moment behind the typing, must not overwrite what is in
/// the box. A shared or reloaded `?q=` also shows in the box while the feed is still loading.
#[component]
pub fn SearchPage() -> impl IntoView {
    let search = use_search();
    let params = use_query_map();
    let address_query =
        Memo::new(move |_| params.read().get(routes::SEARCH_PARAM).unwrap_or_default());
    search.set_text(address_query.get_untracked());
    // The search box writes the address a moment after typing pauses, which changes nothing
    // here (`set_text` ignores the words already typed).
    Effect::new(move |_| search.set_text(address_query.get()));
    view! { <WithFeed content=move |feed| view! { <SearchView feed address_query /> } /> }
}

#[component]
fn SearchView(feed: Arc<Feed>, address_query: Memo<String>) -> impl IntoView {
    let search = use_search();
    let s = use_settings().strings();
    let query = Memo::new(move |_| search.query());
    // `None` while the index is still being built (only noticeable with very large feeds).
    // Each keystroke usually adds to the query, so the search looks only among the previous
    // hits (see `Index::search_from`).
    let results = Memo::new(move |previous: Option<&Option<Hits>>| {
        let q = query.get();
        if q.is_empty() {
            Some(Hits::default())
        } else {
            search
                .index_for(&feed)
                .map(|index| index.search_from(&q, previous.and_then(Option::as_ref)))
        }
    });
    let status = move || {
        let q = query.get();
        let Some(found) = results.with(|r| r.as_ref().map(|r| r.items.len())) else {
            return s.search_preparing.to_string();
        };
        if q.is_empty() {
            s.search_hint.to_string()
        } else if found == 0 {
            fill(s.search_none, &[("query", &q)])
        } else {
            count(&s.search_count, found as u64, &[("query", &q)])
        }
    };
    let page_title = move || {
        let q = address_query.read().trim().to_string();
        if q.is_empty() {
            format!("{} – {}", s.search_title, s.app_name)
        } else {
            format!("{} “{q}” – {}", s.search_title, s.app_name)
        }
    };
    view! {
        <Title text=page_title />
        <section class="list-view search-view">
            <h1>{s.search_title}</h1>
            <p class="status-message" role="status" aria-live="polite">{status}</p>
            // One list for the whole search: as the query changes, results that stay keep
            // their entries and only their highlighted words are redrawn.
            <EntryList
                items=Signal::derive(move || {
                    results.with(|r| r.as_ref().map(|r| Arc::clone(&r.items)).unwrap_or_default())
                })
                shown=RwSignal::new(RESULTS_SHOWN)
                highlight=Signal::derive(move || query.get())
            />
        </section>
    }
}
