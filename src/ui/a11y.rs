//! Accessibility plumbing shared by every page: the app's one live region.

use leptos::prelude::*;

/// The app's live region, provided as context: `say` replaces what it announces.
///
/// One live region for announcements (the result), present from the start: screen readers only
/// announce changes to a live region that already existed, not a new one arriving full.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    /// Creates the region's state and provides it to every page below.
    pub fn provide() -> Announcer {
        let announcer = Announcer(RwSignal::new(String::new()));
        provide_context(announcer);
        announcer
    }

    /// Announces `text` politely, shortly after the current render, so that the page it
    /// describes is in place (and focus has moved to its heading) first.
    pub fn say(self, text: String) {
        self.0.set(String::new());
        set_timeout(
            move || self.0.set(text),
            std::time::Duration::from_millis(250),
        );
    }

    /// Forgets the announcement: it belongs to the page it was made on. (Set only when there is
    /// one: an unchanged signal would still redraw the live region.)
    pub fn clear(self) {
        if self.0.with_untracked(|a| !a.is_empty()) {
            self.0.set(String::new());
        }
    }

    /// The live region itself, placed once at the top of the app.
    pub fn region(self) -> impl IntoView {
        view! { <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{move || self.0.get()}</div> }
    }
}
