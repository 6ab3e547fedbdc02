//! Work the journey pages need, done ahead while the visitor reads.
//!
//! Three things made the first page of their kind slow to show (journey 1 at 4× CPU slowdown):
//! * the journey's first question page: the browser compiles WebAssembly functions when they are
//!   first called, and the click that opens a journey called some 250 new ones (about half of
//!   that click). The start page has an unseen question page built when it is idle
//!   (`build_once_when_idle`), so they are compiled by then.
//! * the visit's first `Intl.DateTimeFormat`, which loads the browser's locale and time-zone data
//!   (50 to 100 ms, in one piece), and
//! * the time-zone picker's sixty labels ("America/Los Angeles (Pacific Time)",
//!   `ui::format::zone_label`), one formatter each (about 130 ms when the picker opened).
//!
//! None of it depends on the answers. `start` loads the `Intl` data right after a journey's page
//! is painted (the visitor has only begun to read, so a click is least likely to arrive and
//! wait), then makes the labels in pieces of a few milliseconds with pauses between;
//! `ui::format::zone_label` keeps them for the visit, so the picker, the check page and the
//! summary only read them. A label not made yet (a deep link straight to the picker) is made on
//! demand, exactly as before.

use crate::hours::SUPPORTED_ZONES;
use crate::i18n::Locale;
use crate::policy::data::QUESTIONS;
use crate::policy::model::QuestionKind;
use crate::policy::Journey;
use crate::ui::idle::{after_next_paint, when_idle};
use leptos::prelude::{set_timeout, GetValue, Owner, StoredValue};
use std::cell::Cell;
use std::time::Duration;

/// How long one piece may run (it ends after the label that crosses this): an input arriving
/// meanwhile waits at most about this long.
const PIECE_MS: f64 = 4.0;

/// The pause between pieces, in which the page is free for the visitor.
const PAUSE: Duration = Duration::from_millis(25);

thread_local! {
    /// Bumped by every `start`, so a warm-up for a language left behind stops.
    static RUN: Cell<u32> = const { Cell::new(0) };
    /// Whether this visit has built its unseen page (`build_once_when_idle`).
    static PAGE_CODE_BUILT: Cell<bool> = const { Cell::new(false) };
}

/// Once per visit, in the first idle period after the current page has been painted (never
/// while it loads), runs `build` under its own owner, cleaned up at once, unless the page was
/// left meanwhile. The start page passes `wizard::build_unseen_question_page` (about 10 ms), so
/// that opening a journey does not wait for the browser to compile its code. The page says what
/// to build; this module only schedules it.
pub fn build_once_when_idle(build: fn()) {
    let Some(owner) = Owner::current() else {
        return;
    };
    // Disposed with the page: then the visitor has moved on and nothing is built.
    let page_shown = StoredValue::new(());
    after_next_paint(move || {
        when_idle(move || {
            if page_shown.try_get_value().is_none() || PAGE_CODE_BUILT.with(Cell::get) {
                return;
            }
            PAGE_CODE_BUILT.with(|b| b.set(true));
            // Under its own owner, cleaned up at once: nothing of the page outlives the build.
            let unseen = owner.child();
            unseen.with(build);
            unseen.cleanup();
        })
    });
}

/// Runs `work` once the current page is painted and the browser is idle, unless the page was
/// left meanwhile. The check page passes what "See your answer" would otherwise do first
/// (`wizard::result_page::prepare`).
pub fn when_idle_on_this_page(work: impl FnOnce() + 'static) {
    // Disposed with the page: then the visitor has moved on and nothing is done.
    let page_shown = StoredValue::new(());
    after_next_paint(move || {
        when_idle(move || {
            if page_shown.try_get_value().is_some() {
                work();
            }
        })
    });
}

/// Starts making, in small pieces, what `journey`'s later pages need in language `l`: the `Intl`
/// data (every journey's result formats dates) and, if the journey asks for a time zone, the
/// picker's labels. Stops a warm-up started earlier for another language.
pub fn start(journey: Journey, l: Locale) {
    let run = RUN.with(|r| {
        r.set(r.get().wrapping_add(1));
        r.get()
    });
    let asks_zone = QUESTIONS
        .iter()
        .any(|q| q.kind == QuestionKind::Zone && q.journeys.contains(&journey));
    let zones: Vec<&'static str> = if asks_zone {
        SUPPORTED_ZONES.to_vec()
    } else {
        Vec::new()
    };
    // Right after the journey page is painted: the visitor has only begun to read it, so this is
    // when a click is least likely to arrive and wait.
    after_next_paint(move || {
        // The visit's first `Intl` formatter loads the browser's locale data: one piece that
        // cannot be cut smaller (about 50 to 90 ms at 4× CPU slowdown).
        if RUN.with(Cell::get) == run {
            crate::ui::format::browser_zone();
            set_timeout(move || make_labels(l, run, zones.into_iter()), PAUSE);
        }
    });
}

/// Makes the labels of `zones`, one piece of about `PIECE_MS` at a time, with a pause between.
fn make_labels(l: Locale, run: u32, mut zones: std::vec::IntoIter<&'static str>) {
    if zones.len() == 0 || RUN.with(Cell::get) != run {
        return;
    }
    let started = js_sys::Date::now();
    // At least one label per piece, so the warm-up always ends.
    for zone in zones.by_ref() {
        drop(crate::ui::format::zone_label(l, zone));
        if js_sys::Date::now() - started >= PIECE_MS {
            break;
        }
    }
    set_timeout(move || make_labels(l, run, zones), PAUSE);
}
