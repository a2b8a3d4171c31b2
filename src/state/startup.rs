//! The app's first drawing, spread over tasks: the WebAssembly is compiled as its code first
//! runs, so drawing everything at once held a slow phone for a third of a second. The app
//! starts with its state; then, each in a task of its own (the browser paints and answers input
//! in between), it sets up its router, draws the bar with the name and search, the bar's tools
//! (text size, settings), the sections row, and the view with the footer. Its first list comes a screenful first (see
//! `views::entries`). Pre-rendered pages (on the host) are drawn whole.

use crate::platform::schedule::in_next_task;
use leptos::prelude::*;

/// Entries of the app's first list drawn in its first task: what the first screen of a phone,
/// a desktop or a kiosk shows at the default size (four or five on a phone).
pub const FIRST_LIST_DRAW: usize = 6;

/// The stages, drawn in this order (indexes into `Startup::drawn`).
const ROUTER: usize = 0;
const BAR: usize = 1;
const TOOLS: usize = 2;
const SECTIONS: usize = 3;
const ALL: usize = 4;
const STAGES: usize = 5;

#[derive(Clone, Copy)]
pub struct Startup {
    /// Whether each stage is drawn: one signal per stage, so that what a stage draws is drawn
    /// once, when its own stage comes (tracked).
    drawn: [RwSignal<bool>; STAGES],
    /// Whether the next list drawn is the app's first: a screenful first, then the rest.
    first_list: StoredValue<bool>,
}

impl Startup {
    pub fn new() -> Self {
        let in_browser = cfg!(target_arch = "wasm32");
        Startup {
            drawn: std::array::from_fn(|_| RwSignal::new(!in_browser)),
            first_list: StoredValue::new(in_browser),
        }
    }

    /// Draws the shell in its stages, each in a task of its own (the app calls it once its
    /// state is set up).
    pub fn draw_in_stages(&self) {
        self.draw_from(ROUTER);
    }

    fn draw_from(&self, stage: usize) {
        let this = *self;
        in_next_task(move || {
            let Some(drawn) = this.drawn.get(stage) else {
                return;
            };
            drawn.try_set(true);
            if stage < ALL {
                this.draw_from(stage + 1);
            }
        });
    }

    fn is_drawn(&self, stage: usize) -> bool {
        self.drawn.get(stage).is_some_and(|drawn| drawn.get())
    }

    /// Whether the router is set up (tracked).
    pub fn router_drawn(&self) -> bool {
        self.is_drawn(ROUTER)
    }

    /// Whether the bar is drawn (tracked).
    pub fn bar_drawn(&self) -> bool {
        self.is_drawn(BAR)
    }

    /// Whether the text size buttons and the settings menu are drawn (tracked).
    pub fn tools_drawn(&self) -> bool {
        self.is_drawn(TOOLS)
    }

    /// Whether the sections row is drawn (tracked).
    pub fn sections_drawn(&self) -> bool {
        self.is_drawn(SECTIONS)
    }

    /// Whether the view, the footer and the notices are drawn (tracked).
    pub fn rest_drawn(&self) -> bool {
        self.is_drawn(ALL)
    }

    /// Lists are drawn whole from the start: for a live app out of sight that will take a
    /// pre-rendered page's place, whose reader may have scrolled down the static list.
    pub fn draw_lists_whole(&self) {
        self.first_list.set_value(false);
    }

    /// How many entries a list may draw in its first task: a screenful for the app's first
    /// list (asked once; the list draws the rest a few per task), no limit otherwise.
    pub fn first_draw_limit(&self) -> Option<usize> {
        let first = self.first_list.get_value();
        self.first_list.set_value(false);
        first.then_some(FIRST_LIST_DRAW)
    }
}

impl Default for Startup {
    fn default() -> Self {
        Self::new()
    }
}
