//! What the browser says about the app's surroundings: whether the network is there, and
//! whether a new build of the app is waiting to take over.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Status {
    online: RwSignal<bool>,
    update_ready: RwSignal<bool>,
}

impl Status {
    pub fn new() -> Self {
        Status {
            online: RwSignal::new(true),
            update_ready: RwSignal::new(false),
        }
    }

    /// What the browser says about the network (it may say "online" on a dead connection;
    /// see `FeedState::is_offline`).
    pub fn online(&self) -> bool {
        self.online.get()
    }

    pub fn set_online(&self, online: bool) {
        if self.online.get_untracked() != online {
            self.online.set(online);
        }
    }

    /// A new build's service worker is waiting for the reader's go-ahead.
    pub fn update_ready(&self) -> bool {
        self.update_ready.get()
    }

    pub fn update_ready_untracked(&self) -> bool {
        self.update_ready.get_untracked()
    }

    pub fn mark_update_ready(&self) {
        self.update_ready.set(true);
    }
}

impl Default for Status {
    fn default() -> Self {
        Self::new()
    }
}
