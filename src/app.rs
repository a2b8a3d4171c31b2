//! The application shell: header, main landmark, routes, footer.

use crate::store::Store;
use crate::views::{article::ArticlePage, list::ListPage, not_found::NotFoundPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The router's base: the path of the document's base URL without its trailing slash, so the
/// app works at the root of a host or under any sub-path set by `<base href>`.
fn router_base(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let dir = path.rfind('/').map_or("", |slash| &path[..slash]);
    dir.to_string()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let store = Store::new();
    provide_context(store);
    store.load();
    let base = router_base(&store.base_url.get_value());

    view! {
        <Html attr:lang=move || store.lang.get().code() />
        <Router base=base>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {move || store.strings().skip_to_content}
            </a>
            <header class="site-header">
                <div class="bar">
                    <A href="/" attr:class="brand">
                        {move || store.strings().app_name}
                    </A>
                </div>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ListPage />
                    <Route path=path!("/tin/:id") view=ArticlePage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    {move || store.strings().footer_source} ": "
                    {move || store.feed.get().map(|f| f.title.clone()).unwrap_or_default()}
                </p>
            </footer>
        </Router>
    }
}

/// The skip link moves focus itself: with `<base href>` set, a bare `#main` would resolve
/// against the base and leave the current view.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::router_base;

    #[test]
    fn base_path_from_base_url() {
        assert_eq!(router_base("http://127.0.0.1:8080/"), "");
        assert_eq!(router_base("https://x.org/tin-tuc/"), "/tin-tuc");
        assert_eq!(router_base("https://x.org/a/b/index.html?x#y"), "/a/b");
        assert_eq!(router_base(""), "");
    }
}
