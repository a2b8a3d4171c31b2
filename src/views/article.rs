//! The article view.

use crate::platform::{location, prerendered};
use crate::state::read_aloud::Offer;
use crate::state::{use_feed, use_kiosk, use_read_aloud, use_settings};
use crate::views::not_found::NotFound;
use crate::views::status::WithFeed;
use crate::views::{image_failed, When};
use ban_tin_core::feed::{Body, Feed, Item};
use ban_tin_core::i18n::{around, fill, Lang};
use ban_tin_core::routes;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    view! {
        <WithFeed content=move |feed| {
            let id = params.read().get(routes::ARTICLE_PARAM).unwrap_or_default();
            match feed.item(&id).cloned() {
                Some(item) => view! { <Article item feed /> }.into_any(),
                None if prerendered::has_kept_article(&location::href(&routes::article(&id))) => {
                    view! { <KeptArticle id /> }.into_any()
                }
                None => {
                    let s = use_settings().strings();
                    // Offline, an article missing from the saved copy may well exist.
                    if use_feed().is_offline() {
                        view! {
                            <NotFound title=s.article_offline_title text=s.article_offline_text />
                        }
                            .into_any()
                    } else {
                        view! {
                            <NotFound title=s.article_not_found_title text=s.article_not_found_text />
                        }
                            .into_any()
                    }
                }
            }
        } />
    }
}

#[component]
fn Article(item: Arc<Item>, feed: Arc<Feed>) -> impl IntoView {
    let settings = use_settings();
    let s = settings.strings();
    let lang = settings.lang_untracked();
    let authors = item
        .authors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let page_title = format!("{} – {}", item.title, s.app_name);
    let related = feed.related(&item, 5);
    let section = item
        .section()
        .map(|name| (name.to_string(), location::href(&routes::section(name))));
    let (newer, older) = feed.neighbours(&item);
    let (published_before, published_after) = around(s.published_on, "date");
    let (updated_before, updated_after) = around(s.updated_on, "date");
    // Offered to "Nghe bài viết", in the article's own language (the interface's if the feed
    // names none); an article in a language the app does not know is not offered, rather
    // than read in the wrong voice.
    let read_aloud = use_read_aloud();
    let named = item
        .language
        .as_deref()
        .or(feed.language.as_deref())
        .filter(|tag| !tag.trim().is_empty());
    let content_lang = match named {
        Some(tag) => Lang::from_code(tag),
        None => Some(lang),
    };
    if let Some(lang) = content_lang {
        let offered = read_aloud.offer(Offer {
            title: item.title.clone(),
            published: item.published,
            lang,
        });
        on_cleanup(move || read_aloud.withdraw(offered));
    }
    view! {
        <Title text=page_title />
        <article class="article">
            <header class="article-header">
                {section
                    .map(|(name, href)| {
                        view! {
                            <p class="section-name">
                                <a href=href>{name}</a>
                            </p>
                        }
                    })}
                <h1>{item.title.clone()}</h1>
                <p class="article-meta">
                    {item
                        .published
                        .map(|t| {
                            view! {
                                <span class="published">
                                    {published_before}
                                    <When seconds=t lang />
                                    {published_after}
                                </span>
                            }
                        })}
                    {item
                        .updated_on_another_day()
                        .map(|t| {
                            view! {
                                <span class="updated">
                                    {updated_before}
                                    <When seconds=t lang />
                                    {updated_after}
                                </span>
                            }
                        })}
                </p>
                {(!authors.is_empty())
                    .then(|| view! { <p class="byline">{fill(s.authors, &[("names", &authors)])}</p> })}
            </header>
            {item
                .image
                .clone()
                .map(|src| {
                    view! {
                        <figure class="lead-image">
                            // `src` last, as in `Thumbnail`.
                            <img
                                alt=""
                                width="1280"
                                height="720"
                                decoding="async"
                                referrerpolicy="no-referrer"
                                src=src
                                on:error=|ev| image_failed(&ev, true)
                            />
                        </figure>
                    }
                })}
            <ArticleBody body=item.body.clone() base=item.base(&feed.address).to_string() />
            {(!item.tags.is_empty())
                .then(|| {
                    view! {
                        <section class="tags" aria-label=s.tags>
                            <h2 class="tags-title">{s.tags}</h2>
                            <ul>
                                {item
                                    .tags
                                    .iter()
                                    .map(|tag| view! { <li>{tag.clone()}</li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            <footer class="article-footer">
                {item
                    .original_url()
                    .map(|url| {
                        view! {
                            <a
                                class="button"
                                href=url.to_string()
                                target="_blank"
                                rel="noopener noreferrer"
                            >
                                {s.read_original}
                            </a>
                        }
                    })}
                <ShareButton item=Arc::clone(&item) />
                <a href=location::href(routes::HOME) class="button">{s.back_to_list}</a>
            </footer>
            <PreviousNext newer older />
            {(!related.is_empty())
                .then(|| {
                    view! {
                        <section class="related" aria-labelledby="related-title">
                            <h2 id="related-title">{s.related}</h2>
                            <ul>
                                {related
                                    .into_iter()
                                    .map(|other| {
                                        let href = location::href(&routes::article(&other.id));
                                        let title = other.title.clone();
                                        view! {
                                            <li>
                                                <a href=href>{title}</a>
                                                {other
                                                    .date()
                                                    .map(|t| {
                                                        view! {
                                                            " "
                                                            <span class="related-date">
                                                                <When seconds=t lang />
                                                            </span>
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
        </article>
    }
}

/// Shares the article: the system share sheet where the browser has one, else the link is
/// copied; on a kiosk, a QR code to carry it away on a phone.
#[component]
fn ShareButton(item: Arc<Item>) -> impl IntoView {
    let kiosk = use_kiosk();
    let s = use_settings().strings();
    let copied = RwSignal::new(false);
    let address = item
        .original_url()
        .map(str::to_string)
        .unwrap_or_else(|| location::absolute(&routes::article(&item.id)));
    let title = item.title.clone();
    let share = move |_| {
        if kiosk.is_on_untracked() {
            kiosk.show_qr(address.clone());
            return;
        }
        let navigator = window().navigator();
        let call =
            |object: &wasm_bindgen::JsValue, method: &str, argument: &wasm_bindgen::JsValue| {
                js_sys::Reflect::get(object, &method.into())
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .map(|f| f.call1(object, argument).is_ok())
                    .unwrap_or(false)
            };
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.as_str().into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &address.as_str().into());
        if call(&navigator, "share", &data) {
            return;
        }
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
        if !clipboard.is_undefined() && call(&clipboard, "writeText", &address.as_str().into()) {
            copied.set(true);
        }
    };
    view! {
        <button type="button" class="button" on:click=share>
            {s.share}
        </button>
        <span class="share-status" role="status">
            {move || copied.get().then_some(s.link_copied)}
        </span>
    }
}

/// Links to the articles just before (newer) and after (older) this one in the list.
#[component]
fn PreviousNext(newer: Option<Arc<Item>>, older: Option<Arc<Item>>) -> impl IntoView {
    let s = use_settings().strings();
    if newer.is_none() && older.is_none() {
        return ().into_any();
    }
    let link = move |item: Arc<Item>, label: &'static str, class: &'static str| {
        let href = location::href(&routes::article(&item.id));
        view! {
            <a href=href class=class>
                <span class="direction">{label}</span>
                <span class="neighbour-title">{item.title.clone()}</span>
            </a>
        }
    };
    view! {
        <nav class="previous-next" aria-label=s.previous_next>
            {newer.map(|item| link(item, s.previous_article, "previous"))}
            {older.map(|item| link(item, s.next_article, "next"))}
        </nav>
    }
    .into_any()
}

/// The pre-rendered copy of an article that has left the feed since its page was rendered:
/// what the static page showed, kept as it was.
#[component]
fn KeptArticle(id: String) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    container.on_load(move |element| {
        if let Some(article) = prerendered::kept_article(&location::href(&routes::article(&id))) {
            element.replace_children_with_node_1(&article);
        }
    });
    view! { <div class="kept-article" node_ref=container></div> }
}

/// The body: sanitised HTML, or plain-text paragraphs.
#[component]
fn ArticleBody(body: Body, base: String) -> impl IntoView {
    // The name of the box a wide table scrolls in, in the interface language.
    let table_label = use_settings().strings().table_region.to_string();
    match body {
        Body::Html(html) => html_body(html, base, table_label),
        Body::Text(paragraphs) => view! {
            <div class="article-body">
                {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        Body::Empty => ().into_any(),
    }
}

/// In the browser: built as DOM nodes from the browser's inert parser, never through
/// `innerHTML`.
#[cfg(not(feature = "ssr"))]
fn html_body(html: String, base: String, table_label: String) -> AnyView {
    let container = NodeRef::<Div>::new();
    container.on_load(move |element| {
        // The view may be rebuilt in place (same element, new content): replace, never add
        // to, what is there.
        let place = ban_tin_core::sanitize::Place {
            base: &base,
            table_label: &table_label,
        };
        if let Some(fragment) = crate::platform::dom_clean::clean_html(&html, place) {
            element.replace_children_with_node_1(&fragment);
            crate::views::watch_images(&element);
        }
    });
    view! { <div class="article-body" node_ref=container></div> }.into_any()
}

/// On the host, for a pre-rendered page: the same allowlist over html5ever's parse, written as
/// escaped HTML text.
#[cfg(feature = "ssr")]
fn html_body(html: String, base: String, table_label: String) -> AnyView {
    let place = ban_tin_core::sanitize::Place {
        base: &base,
        table_label: &table_label,
    };
    let cleaned = ban_tin_core::sanitize::host::to_html(&html, place);
    view! { <div class="article-body" inner_html=cleaned></div> }.into_any()
}
