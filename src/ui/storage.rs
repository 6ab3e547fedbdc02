//! The storage guard. Every access to `localStorage` goes through here: the getter itself can
//! throw (SecurityError in a cross-site iframe or with storage disabled), `setItem` can throw
//! (QuotaExceededError), and stored values may be corrupt or from another version. In all those
//! cases the app keeps working from the URL and memory, and says once that answers will not be
//! kept. What is stored, its schema and its migrations are `state::stored` (pure, tested natively).

use crate::state::stored::{self, StoredProblem, StoredState, LEGACY_KEYS, STATE_KEY};
use leptos::prelude::*;

/// Whether storage failed during this visit, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct StorageHealth(pub RwSignal<bool>);

/// What was found in storage at start-up and set aside (`None` once the visitor moves on), provided
/// as context by `App` and shown once by `ui::notices`.
#[derive(Clone, Copy)]
pub struct SetAside(pub RwSignal<Option<StoredProblem>>);

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// A key's value; `None` when storage is unavailable or the key is absent.
fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Writes a value. Returns false when storage is unavailable or refuses the write.
fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Reads storage once at start-up: migrates an older schema's keys into the current record
/// (removing them only once the record is written) and reports what was set aside.
pub fn open() -> Option<StoredProblem> {
    let loaded = stored::load(read);
    if loaded.migrated && loaded.may_save() && write(STATE_KEY, &stored::encode(&loaded.state)) {
        remove_legacy_keys();
    }
    loaded.problem
}

/// What is kept now (the default when storage is unavailable, unreadable or from a newer
/// version). Read afresh each time: another tab, or a kiosk ending a visit, may have changed it.
pub fn kept() -> StoredState {
    stored::load(read).state
}

/// Changes what is kept: read, change, write the whole record. Returns false when storage refused
/// the write. A newer version's record is deliberately left alone (the visitor was told once, at
/// start-up), which is not a failure.
pub fn keep(change: impl FnOnce(&mut StoredState)) -> bool {
    let loaded = stored::load(read);
    if !loaded.may_save() {
        return true;
    }
    let mut state = loaded.state;
    change(&mut state);
    let written = write(STATE_KEY, &stored::encode(&state));
    if written && loaded.migrated {
        remove_legacy_keys();
    }
    written
}

fn remove_legacy_keys() {
    if let Some(storage) = local_storage() {
        for key in LEGACY_KEYS {
            // A refusal leaves a value the record already supersedes: harmless.
            let _ = storage.remove_item(key);
        }
    }
}

/// The prefix of every key this app writes (the record, an older schema's keys, kiosk flags).
pub const KEY_PREFIX: &str = "support-navigator.";

/// Whether storage holds any key of ours (false when storage is unavailable).
pub fn holds_ours() -> bool {
    !our_keys().is_empty()
}

/// Removes every key of ours and nothing else (a kiosk ends a visit this way). Returns false
/// when a removal was refused or storage is unavailable while keys may be left.
///
/// It also starts a new era (`era`): a save scheduled before it (the route kept after a page's
/// paint) belongs to the erased visit and must not write it back.
pub fn forget_ours() -> bool {
    ERA.with(|era| era.set(era.get().wrapping_add(1)));
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

thread_local! {
    static ERA: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How many times storage was erased during this page's life. A delayed write compares the era
/// it was scheduled in with the current one and gives up if storage was erased in between.
pub fn era() -> u32 {
    ERA.with(|era| era.get())
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
