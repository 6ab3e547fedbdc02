//! The storage guard. Every access to `localStorage` goes through here: the getter itself can
//! throw (SecurityError in a cross-site iframe or with storage disabled), `setItem` can throw
//! (QuotaExceededError), and stored values may be corrupt or from another version. In all those
//! cases the app keeps working from the URL and memory, and says once that answers will not be
//! kept.

use leptos::prelude::*;

/// The key holding the last journey in progress, as a route query (decoded by `Route`, which is
/// total and versioned).
pub const LAST_ROUTE_KEY: &str = "support-navigator.v1.route";
/// Values larger than this are ignored when read (nothing we write comes close).
const MAX_VALUE_LEN: usize = 8 * 1024;

/// Whether storage failed during this visit, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct StorageHealth(pub RwSignal<bool>);

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Reads a value; `None` when storage is unavailable, the key is absent or the value is too big.
pub fn load(key: &str) -> Option<String> {
    let value = local_storage()?.get_item(key).ok().flatten()?;
    (value.len() <= MAX_VALUE_LEN).then_some(value)
}

/// Writes a value. Returns false when storage is unavailable or refuses the write.
pub fn save(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// The prefix of every key this app writes (`LAST_ROUTE_KEY`, the saved language, ...).
pub const KEY_PREFIX: &str = "support-navigator.";

/// Whether storage holds any key of ours (false when storage is unavailable).
pub fn holds_ours() -> bool {
    !our_keys().is_empty()
}

/// Removes every key of ours and nothing else (a kiosk ends a visit this way). Returns false
/// when a removal was refused or storage is unavailable while keys may be left.
pub fn forget_ours() -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    // Every key is tried, even after a refusal.
    let mut all_removed = true;
    for key in our_keys() {
        if storage.remove_item(&key).is_err() {
            all_removed = false;
        }
    }
    all_removed
}

/// The keys of ours now in storage. Collected before any is removed: removing shifts the
/// indexes `key(i)` reads.
fn our_keys() -> Vec<String> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(KEY_PREFIX))
        .collect()
}
