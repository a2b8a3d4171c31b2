//! The application shell: header, main landmark, routes, footer.

use crate::store::Store;
use crate::views::{article::ArticlePage, list::ListPage, not_found::NotFoundPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let store = Store::new();
    provide_context(store);
    store.load();

    view! {
        <Html attr:lang=move || store.lang.get().code() />
        <Router base=store.base_path.get_value()>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {move || store.strings().skip_to_content}
            </a>
            <header class="site-header">
                <div class="bar">
                    <A href=store.href("/") attr:class="brand">
                        {move || store.strings().app_name}
                    </A>
                </div>
            </header>
            <main id="main" tabindex="-1">
                <Show when=move || store.choice.get().is_some_and(|c| c.refused)>
                    <p class="notice" role="status">{move || store.strings().feed_refused}</p>
                </Show>
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
