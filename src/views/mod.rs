//! One module per view, plus the pieces they share.

pub mod article;
pub mod header;
pub mod list;
pub mod not_found;
pub mod status;

use crate::dates;
use crate::i18n::Lang;
use crate::urls;
use leptos::prelude::*;

/// The app path of an article (see `Store::href` for the full address).
pub fn article_path(id: &str) -> String {
    format!("/tin/{}", urls::encode_component(id))
}

/// A date as people read it, with the exact moment for machines.
#[component]
pub fn When(seconds: i64, lang: Lang) -> impl IntoView {
    view! {
        <time datetime=dates::machine_readable(seconds)>
            {dates::day(seconds, lang)}
        </time>
    }
}

/// A list thumbnail: fixed size so nothing moves when it loads; removed if it fails to load.
#[component]
pub fn Thumbnail(src: String, eager: bool) -> impl IntoView {
    view! {
        <img
            class="thumb"
            src=src
            alt=""
            width="160"
            height="90"
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
            referrerpolicy="no-referrer"
            on:error=hide_broken_image
        />
    }
}

/// Hides an image that failed to load rather than showing a broken-image box.
pub fn hide_broken_image(ev: leptos::ev::ErrorEvent) {
    use wasm_bindgen::JsCast;
    if let Some(img) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = img.style().set_property("display", "none");
    }
}
