//! A section ("chuyên mục"): the list filtered to one section, at `/chuyen-muc/<slug>`.

use crate::state::{use_feed, use_settings};
use crate::views::entries::EntryList;
use crate::views::not_found::NotFound;
use crate::views::notices::UpdatedLine;
use crate::views::status::WithFeed;
use ban_tin_core::feed::Feed;
use ban_tin_core::i18n::count;
use ban_tin_core::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    view! {
        <WithFeed content=move |feed| {
            let slug = params.read().get(routes::SECTION_PARAM).unwrap_or_default();
            view! { <SectionList feed slug /> }
        } />
    }
}

#[component]
fn SectionList(feed: Arc<Feed>, slug: String) -> impl IntoView {
    let state = use_feed();
    let s = use_settings().strings();
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
            <UpdatedLine />
            <p class="lead">{count(&s.section_count, items.len() as u64, &[])}</p>
            <EntryList items=Signal::stored(Arc::from(items)) shown=state.list_shown() fetch_more=true />
        </section>
    }
    .into_any()
}
