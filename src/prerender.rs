//! The app's own shell ([`crate::app::Shell`]) rendered to HTML on the host, for the pages
//! that `ban-tin-cli render` writes at deploy time. The views, state and links are the live
//! app's; only the feed comes from the snapshot instead of the network.

use crate::app::Shell;
use crate::platform::location;
use crate::state::AppState;
use ban_tin_core::config::Config;
use ban_tin_core::feed::Feed;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

/// What every page of one run is drawn from.
pub struct Snapshot {
    pub config: Config,
    pub feed: Arc<Feed>,
    /// When the feed was read, shown as the copy's update time (as the live app shows its own).
    pub fetched_at_ms: f64,
}

/// One rendered page: the shell's markup (what goes inside `<div id="app">`) and the
/// `<title>` the view set.
pub struct Page {
    pub body: String,
    pub title: Option<String>,
}

/// Renders the page at `path` (an app path from `ban_tin_core::routes`, such as `/tin/abc`)
/// for a deployment whose app root is `base_url` (its `<base href>`, resolved).
pub fn render(snapshot: &Snapshot, base_url: &str, path: &str) -> Page {
    location::render_under(base_url);
    let owner = Owner::new();
    owner.with(|| {
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        leptos_meta::provide_meta_context();
        let state = AppState::provide();
        state.feed.show_snapshot(
            snapshot.config.clone(),
            Arc::clone(&snapshot.feed),
            snapshot.fetched_at_ms,
        );
        provide_context(RequestUrl::new(&location::href(path)));
        let body = view! {
            <Router base=location::base_path()>
                <Shell />
            </Router>
        }
        .to_html();
        let title = meta_title(meta_output);
        Page { body, title }
    })
}

/// The `<title>` the views set through `leptos_meta::Title`: leptos_meta hands it out only by
/// writing it into a document's `<head>`, so it is given a bare one to write into.
fn meta_title(output: leptos_meta::ServerMetaContextOutput) -> Option<String> {
    use futures::StreamExt;
    let head = futures::executor::block_on(async move {
        let stream = output
            .inject_meta_context(futures::stream::iter(["<head></head>".to_string()]))
            .await;
        stream.collect::<String>().await
    });
    let start = head.find("<title>")? + "<title>".len();
    let end = head[start..].find("</title>")? + start;
    Some(head[start..end].to_string())
}
