//! The idle guard of a kiosk: watches for input, opens "Are you still there?" after the idle
//! time, and ends the visit (`reset`) when its countdown runs out. When, exactly, is decided by
//! `state::IdleClock`; this file feeds it input events and a one-second tick.
//!
//! The dialog is a native `<dialog>` opened with `showModal()`, so the page behind it is inert
//! for pointer, keyboard and assistive technology alike, with `role="alertdialog"` because it
//! interrupts with something urgent. Focus moves to "Continue"; Tab and Shift+Tab stay inside;
//! Escape and "Continue" keep the visit and give focus back to where it was.

use super::reset;
use crate::i18n::td_string;
use crate::state::kiosk_config::WARNING_SECS;
use crate::state::{IdleClock, IdlePhase, Route};
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::{history_depth, use_navigation};
use crate::ui::text::fill;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How often the clock is looked at: the countdown shows whole seconds.
const TICK: Duration = Duration::from_secs(1);

/// In kiosk mode, the idle watch and its warning dialog; nothing otherwise.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let Some(config) = super::use_kiosk() else {
        return ().into_any();
    };
    let nav = use_navigation();
    let language = use_language();
    // Where a reset returns to: the start page, in the language the kiosk was started with.
    let start = StoredValue::new(Route {
        language: nav.route.get_untracked().language,
        ..Route::default()
    });
    start.with_value(|s| reset::finish_if_interrupted(nav, language, s));

    let clock = StoredValue::new(IdleClock::new(config.idle_secs, now_ms()));
    let phase = RwSignal::new(IdlePhase::Active);

    // Any pointer, key, touch or wheel input restarts the idle time (ignored by the clock while
    // the warning is open: there only "Continue" counts).
    let listeners = [
        window_event_listener(ev::pointerdown, move |_| on_input(clock)),
        window_event_listener(ev::pointermove, move |_| on_input(clock)),
        window_event_listener(ev::keydown, move |_| on_input(clock)),
        window_event_listener(ev::touchstart, move |_| on_input(clock)),
        window_event_listener(ev::wheel, move |_| on_input(clock)),
    ];
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
    });

    let end_visit = move || {
        clock.update_value(|c| c.keep(now_ms()));
        phase.set(IdlePhase::Active);
        reset::end_visit(nav, language, start.get_value());
    };
    if let Ok(handle) = set_interval_with_handle(
        move || {
            // Nothing to clear (the clean start page, nothing stored, no page to go Back to):
            // no warning for a kiosk nobody is using.
            let visitor = history_depth() > 0
                || nav.route.with_untracked(|r| start.with_value(|s| r != s))
                || crate::ui::storage::holds_ours();
            let now = now_ms();
            let next = clock
                .try_update_value(|c| c.tick(now, visitor))
                .unwrap_or(IdlePhase::Active);
            if next == IdlePhase::Expired {
                end_visit();
            } else if phase.get_untracked() != next {
                phase.set(next);
            }
        },
        TICK,
    ) {
        on_cleanup(move || handle.clear());
    }

    // Separate memos, so the countdown ticking does not re-create the dialog (and move focus).
    let open = Memo::new(move |_| matches!(phase.get(), IdlePhase::Warning { .. }));
    let seconds_left = Memo::new(move |_| match phase.get() {
        IdlePhase::Warning { seconds_left } => seconds_left,
        _ => WARNING_SECS,
    });
    let keep = Callback::new(move |()| {
        clock.update_value(|c| c.keep(now_ms()));
        phase.set(IdlePhase::Active);
    });
    let start_over = Callback::new(move |()| end_visit());
    (move || {
        open.get()
            .then(|| view! { <IdleDialog seconds_left keep start_over /> })
    })
    .into_any()
}

fn on_input(clock: StoredValue<IdleClock>) {
    let now = now_ms();
    clock.update_value(|c| c.input(now));
}

/// Milliseconds on the page's monotonic clock (`performance.now()`, which Playwright's clock
/// also controls in tests). Not the wall clock: a forward jump of it (NTP, a fixed battery)
/// would open "Are you still there?" at once, and a second jump erase the visit without the
/// countdown. Without `performance` (no browser we support), the wall clock.
fn now_ms() -> f64 {
    window()
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// "Are you still there?", open while it is mounted.
#[component]
fn IdleDialog(
    /// Whole seconds until the visit is cleared.
    seconds_left: Memo<u32>,
    /// Keeps the visit ("Continue", Escape).
    keep: Callback<()>,
    /// Ends the visit now.
    start_over: Callback<()>,
) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let continue_ref = NodeRef::<html::Button>::new();
    let start_over_ref = NodeRef::<html::Button>::new();
    // Where focus was, to give it back when the visitor continues.
    let before = StoredValue::new_local(document().active_element());

    Effect::new(move |_| {
        if let Some(dialog) = dialog_ref.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
            if let Some(button) = continue_ref.get_untracked() {
                let _ = button.focus();
            }
        }
    });

    let on_continue = move || {
        // Closed first: while the modal dialog is open, the page behind it cannot take focus.
        if let Some(dialog) = dialog_ref.get_untracked() {
            dialog.close();
        }
        if let Some(element) = before
            .get_value()
            .filter(|e| e.is_connected())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
        keep.run(());
    };
    let on_keydown = move |e: ev::KeyboardEvent| match e.key().as_str() {
        // Without preventDefault the browser would close the dialog itself.
        "Escape" => {
            e.prevent_default();
            on_continue();
        }
        "Tab" => {
            let (Some(first), Some(last)) =
                (continue_ref.get_untracked(), start_over_ref.get_untracked())
            else {
                return;
            };
            let active = document().active_element();
            let is = |b: &web_sys::HtmlButtonElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == b.unchecked_ref::<web_sys::Element>())
            };
            if e.shift_key() && is(&first) {
                e.prevent_default();
                let _ = last.focus();
            } else if !e.shift_key() && is(&last) {
                e.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };

    view! {
        <dialog
            class="kiosk-dialog"
            node_ref=dialog_ref
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="kiosk-idle-title"
            aria-describedby="kiosk-idle-text kiosk-idle-countdown"
            on:keydown=on_keydown
        >
            <h2 id="kiosk-idle-title" class="kiosk-dialog__title">{move || td_string!(loc(), kiosk.idle_title)}</h2>
            <p id="kiosk-idle-text">{move || td_string!(loc(), kiosk.idle_text)}</p>
            // A timer is not announced on every change (role="timer" is polite-off): the
            // description above already gave the count when the dialog opened.
            <p id="kiosk-idle-countdown" class="kiosk-dialog__countdown" role="timer">
                {move || fill(td_string!(loc(), kiosk.idle_countdown), &[("n", &seconds_left.get().to_string())])}
            </p>
            <div class="button-group">
                <button type="button" class="button" node_ref=continue_ref on:click=move |_| on_continue()>
                    {move || td_string!(loc(), kiosk.idle_continue)}
                </button>
                <button type="button" class="button button--secondary" node_ref=start_over_ref on:click=move |_| start_over.run(())>
                    {move || td_string!(loc(), kiosk.idle_start_over)}
                </button>
            </div>
        </dialog>
    }
}
