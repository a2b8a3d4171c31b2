//! A section ("chuyên mục"): the list filtered to one section, at `/chuyen-muc/<slug>`.

use crate::feed::Feed;
use crate::i18n::fill;
use crate::store::Store;
use crate::views::entries::EntryList;
use crate::views::not_found::NotFound;
use crate::views::status::WithFeed;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    view! {
        <WithFeed content=move |feed| {
            let slug = params.read().get("slug").unwrap_or_default();
            view! { <SectionList feed slug /> }
        } />
    }
}

#[component]
fn SectionList(feed: Arc<Feed>, slug: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let s = store.strings();
    let Some(section) = feed.section(&slug) else {
        return view! { <NotFound title=s.section_not_found_title text=s.section_not_found_text /> }
            .into_any();
    };
    let items = feed.in_section(&slug);
    let page_title = format!("{} – {}", section.name, s.app_name);
    view! {
        <Title text=page_title />
        <section class="list-view section-view">
            <p class="eyebrow">{s.section}</p>
            <h1>{section.name.clone()}</h1>
            <p class="lead">{fill(s.section_count, items.len())}</p>
            <EntryList items=Signal::stored(Arc::from(items)) shown=store.list_shown fetch_more=true />
        </section>
    }
    .into_any()
}
