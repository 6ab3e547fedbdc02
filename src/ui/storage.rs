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
