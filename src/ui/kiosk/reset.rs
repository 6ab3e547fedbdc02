//! Ending a kiosk visit: nothing of the visitor may be left for the next one to find.
//!
//! * **storage**: every `support-navigator.*` key (the journey kept for "Continue where you left
//!   off", the saved language) is removed;
//! * **history**: each page the app pushes records its depth (`navigation::history_depth`), so
//!   the visit's first entry is `depth` steps back. The reset goes there (`history.go(-depth)`),
//!   rewrites that entry to the clean start URL and pushes a second clean entry, which drops every
//!   entry the visitor could have reached with Forward. Back then shows the start page, never an
//!   answer;
//! * **the page**: the route becomes the start page with only the presentation parameters (kiosk,
//!   theme, ...) in the URL, in the language the kiosk was started with.
//!
//! `history.go` is asynchronous: the rest happens on the `popstate` that follows. Chromium stays
//! within the page even when the entries were pushed before a reload (e2e/tests/kiosk.spec.mjs
//! checks a reload mid-visit); a browser that loads the page anew for such an entry instead
//! finds a flag in sessionStorage, and the reloaded kiosk finishes the job
//! (`finish_if_interrupted`).

use crate::state::{Route, UiLanguage};
use crate::ui::language::browser_language;
use crate::ui::navigation::{history_depth, href, Navigation};
use leptos::ev;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// Set in sessionStorage while a reset waits for `history.go`.
const PENDING_KEY: &str = "support-navigator.kiosk.reset-pending";
/// If no `popstate` arrives by then (the browser refused to go back), finish where we are.
const GO_BACK_TIMEOUT: Duration = Duration::from_secs(2);

/// Erases the visit and shows `start`.
pub fn end_visit(nav: Navigation, language: RwSignal<UiLanguage>, start: Route) {
    crate::ui::storage::forget_ours();
    let history = window().history().ok();
    // Never further back than the history goes (the depth comes from our own state, but a
    // history entry is no place to trust blindly).
    let available = history
        .as_ref()
        .and_then(|h| h.length().ok())
        .unwrap_or(1)
        .saturating_sub(1);
    let steps = history_depth().min(available);
    let Some(history) = history.filter(|_| steps > 0) else {
        finish(nav, language, &start);
        return;
    };
    set_pending(true);

    // Finish exactly once: on the popstate of the traversal, or on the timeout if none comes.
    let done = Rc::new(Cell::new(false));
    let listener: Rc<RefCell<Option<WindowListenerHandle>>> = Rc::new(RefCell::new(None));
    let finish_once = {
        let listener = Rc::clone(&listener);
        move || {
            if done.replace(true) {
                return;
            }
            if let Some(handle) = listener.borrow_mut().take() {
                handle.remove();
            }
            finish(nav, language, &start);
        }
    };
    let on_popstate = finish_once.clone();
    // Registered after `Navigation`'s own popstate listener, so this one runs last and its
    // route is the one shown.
    *listener.borrow_mut() = Some(window_event_listener(ev::popstate, move |_| on_popstate()));
    let delta = i32::try_from(steps).unwrap_or(i32::MAX);
    if history.go_with_delta(-delta).is_err() {
        finish_once();
        return;
    }
    let _ = set_timeout_with_handle(finish_once, GO_BACK_TIMEOUT);
}

/// At start-up in kiosk mode: completes a reset that a reload interrupted.
pub fn finish_if_interrupted(nav: Navigation, language: RwSignal<UiLanguage>, start: &Route) {
    if session_storage().is_some_and(|s| s.get_item(PENDING_KEY).ok().flatten().is_some()) {
        crate::ui::storage::forget_ours();
        finish(nav, language, start);
    }
}

/// The current entry becomes the clean start page, followed by one more clean entry.
fn finish(nav: Navigation, language: RwSignal<UiLanguage>, start: &Route) {
    let url = href(start);
    if let Ok(history) = window().history() {
        let first = JsValue::from(0);
        let _ = history.replace_state_with_url(&first, "", Some(&url));
        // Depth 0 too: this entry is where the next visit starts.
        let _ = history.push_state_with_url(&first, "", Some(&url));
    }
    set_pending(false);
    // Again: Navigation's popstate listener may have shown (and saved) the first entry's route.
    crate::ui::storage::forget_ours();
    language.set(start.language.or_else(browser_language).unwrap_or_default());
    nav.notices.set(Vec::new());
    // Set even when equal: the page is rendered anew, so nothing read from storage before the
    // reset (such as "Continue where you left off") stays on screen.
    nav.route.set(start.clone());
    // And the next visitor starts in a new page, with fresh memory: the app's wasm memory grows
    // with every result page shown and is never given back (README, "Running on a kiosk"), and a
    // kiosk never closes its tab. With the service worker this is a load from the cache.
    let _ = window().location().reload();
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn set_pending(pending: bool) {
    if let Some(storage) = session_storage() {
        let _ = if pending {
            storage.set_item(PENDING_KEY, "1")
        } else {
            storage.remove_item(PENDING_KEY)
        };
    }
}
