//! Work kept off the visitor's interactions.
//!
//! The browser paints only when our script yields, so everything a click starts delays what the
//! visitor sees (Interaction to Next Paint). Work the new page does not need in order to be shown
//! (the page title, the record kept in storage, parts of the result below the answer) can follow
//! the first paint; work for later pages (`ui::warm_up`) waits for the browser to be idle.

use js_sys::{Array, Function, Reflect};
use leptos::prelude::{document, request_idle_callback, set_timeout};
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// How long `after_next_paint` waits for a frame before running the work anyway: a hidden page
/// (a background tab, a hidden iframe) is not rendered.
const NO_FRAME_FALLBACK: Duration = Duration::from_millis(250);

/// Runs `work` once, in a task after the next paint. Works scheduled this way run in the order
/// they were scheduled; a work scheduled by one of them runs after the paint after that.
///
/// How: a `ResizeObserver` reports an element it starts observing once, in the next rendering
/// update (after layout, before paint), and a message posted from there is handled in a task
/// after that rendering update, i.e. after the paint. Frames and messages, not timers: a test
/// clock that stands still (Playwright's `clock.pauseAt`) holds timers and animation frames, not
/// rendering.
///
/// A click schedules several of these (the page title, the stored route, the warm-up), so they
/// share one batch per frame, and the observer and the message channel are made once per visit:
/// making them for each work cost about 1 ms of every step at full speed (4 ms at 4× CPU
/// slowdown), all of it before the step could be painted.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let batch = BATCH.with(|b| {
        let mut b = b.borrow_mut();
        b.works.push(Box::new(work));
        if b.armed.is_some() {
            return None;
        }
        b.next_id = b.next_id.wrapping_add(1);
        b.armed = Some(b.next_id);
        Some(b.next_id)
    });
    // The first work of a batch arms it: at the next rendering update, or after the fallback
    // time if nothing is rendered (or the browser lacks a part of the machinery).
    if let Some(id) = batch {
        // Without the frame-and-message path (None), the timeout alone runs the batch.
        FRAME_WATCH.with(|watch| {
            if let Some(watch) = watch {
                watch.watch();
            }
        });
        set_timeout(move || run_batch(id), NO_FRAME_FALLBACK);
    }
}

/// The works waiting for the next paint.
struct Batch {
    works: Vec<Box<dyn FnOnce()>>,
    /// The id of the batch being waited for (None: nothing scheduled).
    armed: Option<u32>,
    next_id: u32,
}

thread_local! {
    static BATCH: RefCell<Batch> = const {
        RefCell::new(Batch { works: Vec::new(), armed: None, next_id: 0 })
    };
    /// Made on first use, kept for the visit; None if the browser lacks a part.
    static FRAME_WATCH: Option<FrameWatch> = FrameWatch::new();
}

/// Runs batch `id` if it is still the one waited for (the first of its two triggers wins).
fn run_batch(id: u32) {
    let works = BATCH.with(|b| {
        let mut b = b.borrow_mut();
        if b.armed != Some(id) {
            return Vec::new();
        }
        b.armed = None;
        std::mem::take(&mut b.works)
    });
    // Not borrowed while they run: a work may schedule the next batch.
    for work in works {
        work();
    }
}

/// The frame-and-message path of `after_next_paint`: one observer and one message channel.
struct FrameWatch {
    observer: web_sys::ResizeObserver,
    body: web_sys::HtmlElement,
}

impl FrameWatch {
    fn new() -> Option<FrameWatch> {
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
        // Both handlers live as long as the page (they are made once: `into_js_value`).
        let on_message = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
            let id = Reflect::get(&event, &"data".into())
                .ok()
                .and_then(|d| d.as_f64());
            if let Some(id) = id {
                run_batch(id as u32);
            }
        });
        Reflect::set(&receiver, &"onmessage".into(), &on_message.into_js_value()).ok()?;
        let reported = Closure::<dyn FnMut(JsValue, web_sys::ResizeObserver)>::new(
            move |_: JsValue, observer: web_sys::ResizeObserver| {
                observer.disconnect();
                // The batch waiting now, if its timeout has not run it already. The message
                // names it, so that it cannot run a batch armed after it was posted. A refusal
                // leaves the batch to the fallback timeout.
                if let Some(id) = BATCH.with(|b| b.borrow().armed) {
                    let _ = post.call1(&sender, &JsValue::from(id));
                }
            },
        );
        let observer =
            web_sys::ResizeObserver::new(reported.into_js_value().unchecked_ref()).ok()?;
        Some(FrameWatch { observer, body })
    }

    /// Reports the armed batch after the next rendering update: observing an element again makes
    /// the observer report it once more.
    fn watch(&self) {
        self.observer.observe(&self.body);
    }
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
