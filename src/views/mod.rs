//! One module per view, plus the pieces they share.

pub mod article;
pub mod entries;
pub mod header;
pub mod kiosk;
pub mod list;
pub mod not_found;
pub mod notices;
pub mod search;
pub mod section;
pub mod status;

use ban_tin_core::dates;
use ban_tin_core::i18n::Lang;
use leptos::prelude::*;

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
///
/// `src` comes last: Chromium starts work on a picture as soon as it has a `src`, and did
/// more when `referrerpolicy` followed; with `src` last, drawing a search result's entry
/// costs noticeably less.
#[component]
pub fn Thumbnail(src: String, eager: bool) -> impl IntoView {
    view! {
        <img
            class="thumb"
            alt=""
            width="160"
            height="90"
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
            referrerpolicy="no-referrer"
            src=src
            on:error=|ev| image_failed(&ev, false)
        />
    }
}

/// Handles a picture that failed to load: it disappears; with `explain` it leaves a short note
/// saying it is not saved on this device, which the stylesheet shows only while the app is
/// offline (`data-offline` on the root).
pub fn image_failed(ev: &web_sys::Event, explain: bool) {
    use wasm_bindgen::JsCast;
    if let Some(img) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        replace_failed_image(&img, explain);
    }
}

pub fn replace_failed_image(img: &web_sys::Element, explain: bool) {
    let document = document();
    if explain {
        let lang = document
            .document_element()
            .and_then(|root| Lang::from_code(&root.get_attribute("lang")?))
            .unwrap_or_default();
        if let Ok(note) = document.create_element("p") {
            note.set_class_name("image-offline");
            note.set_text_content(Some(lang.strings().image_offline));
            let _ = img.replace_with_with_node_1(&note);
            return;
        }
    }
    let _ = img.set_attribute("hidden", "");
}

thread_local! {
    /// One `error` listener shared by every picture in article bodies, so that rendering an
    /// article allocates no closure of its own.
    static BODY_IMAGE_ERROR: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)> =
        wasm_bindgen::closure::Closure::new(|ev: web_sys::Event| image_failed(&ev, true));
}

/// Watches the pictures under `container` for load failures.
pub fn watch_images(container: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(images) = container.query_selector_all("img") else {
        return;
    };
    BODY_IMAGE_ERROR.with(|handler| {
        for i in 0..images.length() {
            if let Some(img) = images.item(i) {
                let _ =
                    img.add_event_listener_with_callback("error", handler.as_ref().unchecked_ref());
            }
        }
    });
}
