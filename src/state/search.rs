//! The search: the words as typed, the words the results are for (a frame behind), and the
//! search index of the feed on screen, built once per feed in the background.

use crate::platform::schedule::{after_next_paint, measure, next_tick, now};
use ban_tin_core::feed::Feed;
use ban_tin_core::search::{Index, IndexBuilder};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Articles indexed between two chances for the browser to paint and answer input.
const INDEX_BATCH: usize = 250;

#[derive(Clone, Copy)]
pub struct Search {
    /// The search as typed (the box shows it). The results follow it a frame later
    /// (`results_text`); the address (`?q=`) catches up when typing pauses (see
    /// `views::header::SearchBox`).
    text: RwSignal<String>,
    /// The search the results show: the text as typed, once the browser has painted the
    /// keystroke (so the letter appears at once, and the results a frame later), and only the
    /// last of several keystrokes typed within one frame.
    results_text: RwSignal<String>,
    /// The results are to catch up with the text after the next paint.
    catching_up: StoredValue<bool>,
    /// Whether the reader opened the search box with its button (narrow screens; the search
    /// view always shows it).
    box_open: RwSignal<bool>,
    /// The index of a feed, once built.
    index: RwSignal<Option<(Arc<Feed>, Arc<Index>)>>,
    /// The feed whose index is being built, if any.
    indexing: StoredValue<Option<Arc<Feed>>>,
}

impl Search {
    pub fn new() -> Self {
        Search {
            text: RwSignal::new(String::new()),
            results_text: RwSignal::new(String::new()),
            catching_up: StoredValue::new(false),
            box_open: RwSignal::new(false),
            index: RwSignal::new(None),
            indexing: StoredValue::new(None),
        }
    }

    /// The search as typed (tracked).
    pub fn text(&self) -> String {
        self.text.get()
    }

    pub fn text_untracked(&self) -> String {
        self.text.get_untracked()
    }

    /// The words the results are for, without the spaces around them (tracked). They follow
    /// the text as typed after the next paint; on the host (pre-rendered pages), at once.
    pub fn query(&self) -> String {
        self.results_text.with(|t| t.trim().to_string())
    }

    pub fn set_text(&self, text: String) {
        if self.text.with_untracked(|t| *t == text) {
            return;
        }
        self.text.set(text);
        if cfg!(target_arch = "wasm32") {
            self.catch_up_after_paint();
        } else {
            self.catch_up();
        }
    }

    fn catch_up_after_paint(&self) {
        if self.catching_up.get_value() {
            return;
        }
        self.catching_up.set_value(true);
        let search = *self;
        after_next_paint(move || {
            search.catching_up.set_value(false);
            search.catch_up();
        });
    }

    fn catch_up(&self) {
        let Some(text) = self.text.try_get_untracked() else {
            return;
        };
        if self.results_text.try_with_untracked(|t| *t != text) == Some(true) {
            self.results_text.set(text);
        }
    }

    /// Empties the search and closes the box (a kiosk starting over).
    pub fn clear(&self) {
        self.set_text(String::new());
        self.set_box_open(false);
    }

    /// Whether the reader opened the search box with its button (tracked).
    pub fn box_open(&self) -> bool {
        self.box_open.get()
    }

    pub fn box_open_untracked(&self) -> bool {
        self.box_open.get_untracked()
    }

    pub fn set_box_open(&self, open: bool) {
        if self.box_open.get_untracked() != open {
            self.box_open.set(open);
        }
    }

    /// The index of `feed` once it is built (tracked: views update when it is ready); asking
    /// for it starts the build. It is built once per feed, not per keystroke, a batch of
    /// articles at a time so that the page stays responsive.
    pub fn index_for(&self, feed: &Arc<Feed>) -> Option<Arc<Index>> {
        let ready = self.index.with(|cached| {
            cached
                .as_ref()
                .filter(|(indexed, _)| Arc::ptr_eq(indexed, feed))
                .map(|(_, index)| Arc::clone(index))
        });
        if ready.is_none() {
            self.start_indexing(Arc::clone(feed));
        }
        ready
    }

    /// Builds the index of `feed` in the background (for the search box to call when it gets
    /// the focus, so the index is usually ready by the first keystroke).
    pub fn prepare(&self, feed: Arc<Feed>) {
        let ready = self
            .index
            .with_untracked(|c| c.as_ref().is_some_and(|(f, _)| Arc::ptr_eq(f, &feed)));
        if !ready {
            self.start_indexing(feed);
        }
    }

    fn start_indexing(&self, feed: Arc<Feed>) {
        let busy = self
            .indexing
            .with_value(|f| f.as_ref().is_some_and(|f| Arc::ptr_eq(f, &feed)));
        if busy {
            return;
        }
        self.indexing.set_value(Some(Arc::clone(&feed)));
        let search = *self;
        spawn_local(async move {
            let started = now();
            let mut builder = IndexBuilder::default();
            for batch in feed.items.chunks(INDEX_BATCH) {
                builder.add(batch);
                next_tick().await;
                let still_wanted = search
                    .indexing
                    .with_value(|f| f.as_ref().is_some_and(|f| Arc::ptr_eq(f, &feed)));
                if !still_wanted {
                    return;
                }
            }
            let index = Arc::new(builder.finish());
            measure("ban-tin:search-index", started);
            search.indexing.set_value(None);
            search.index.set(Some((feed, index)));
        });
    }
}

impl Default for Search {
    fn default() -> Self {
        Self::new()
    }
}
