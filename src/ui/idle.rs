//! Work kept off the visitor's interactions.
//!
//! The browser paints only when our script yields, so everything a click starts delays what the
//! visitor sees (Interaction to Next Paint). Work the new page does not need in order to be shown
//! (the page title, the record kept in storage, parts of the result below the answer) can follow
//! the first paint; work for later pages (`ui::warm_up`) waits for the browser to be idle.

use js_sys::{Array, Function, Reflect};
use leptos::prelude::{document, request_idle_callback, set_timeout};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// How long `after_next_paint` waits for a frame before running the work anyway: a hidden page
/// (a background tab, a hidden iframe) is not rendered.
const NO_FRAME_FALLBACK: Duration = Duration::from_millis(250);

/// Runs `work` once, in a task after the next paint. Works scheduled this way run in the order
/// they were scheduled.
///
/// How: a new `ResizeObserver` reports an observed element once, in the next rendering update
/// (after layout, before paint), and a message posted from there is handled in a task after that
/// rendering update, i.e. after the paint. Frames and messages, not timers: a test clock that
/// stands still (Playwright's `clock.pauseAt`) holds timers and animation frames, not rendering.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    // One copy of the machinery below, not one per caller.
    schedule_after_next_paint(Box::new(work));
}

fn schedule_after_next_paint(work: Box<dyn FnOnce()>) {
    let work = Rc::new(Cell::new(Some(work)));
    let run = move || {
        if let Some(work) = work.take() {
            work();
        }
    };
    // If the browser cannot do that (no `MessageChannel`), or renders nothing, a timeout.
    let _ = after_next_rendering(run.clone());
    set_timeout(run, NO_FRAME_FALLBACK);
}

/// The frame-and-message path of `after_next_paint`; `None` if the browser lacks a part.
fn after_next_rendering(run: impl FnOnce() + 'static) -> Option<()> {
    let body = document().body()?;
    let constructor: Function = Reflect::get(&js_sys::global(), &"MessageChannel".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let channel = Reflect::construct(&constructor, &Array::new()).ok()?;
    let receiver = Reflect::get(&channel, &"port1".into()).ok()?;
    let sender = Reflect::get(&channel, &"port2".into()).ok()?;
    let post: Function = Reflect::get(&sender, &"postMessage".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Reflect::set(
        &receiver,
        &"onmessage".into(),
        &Closure::once_into_js(move |_: JsValue| run()),
    )
    .ok()?;
    let rendered = Closure::once_into_js(move |_: JsValue, observer: web_sys::ResizeObserver| {
        observer.disconnect();
        // A refusal leaves the work to the fallback timeout.
        let _ = post.call1(&sender, &JsValue::NULL);
    });
    let observer = web_sys::ResizeObserver::new(rendered.unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(())
}

/// Runs `work` once, when the browser is next idle (`requestIdleCallback`). Where there is no
/// such thing (older Safari) it does not run: only work that nothing waits for belongs here.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let work = Cell::new(Some(work));
    request_idle_callback(move || {
        if let Some(work) = work.take() {
            work();
        }
    });
}
