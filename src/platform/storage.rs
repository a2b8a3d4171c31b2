//! The browser's `localStorage`, used for the reader's settings. Storage that is missing,
//! full or throws (private modes, disabled cookies, quota) is treated as empty and writes are
//! dropped: the settings then live in memory for the visit and start from the defaults.

fn local_storage() -> Option<web_sys::Storage> {
    super::browser_window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Saves `value`; returns whether it was stored.
pub fn save(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}
