//! wasm-bindgen tests: mount the real app in headless Chromium and check what renders.
//! Run with `cargo test --target wasm32-unknown-unknown` (runner from .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn start_page_renders_the_seven_journeys() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), support_navigator::ui::App);
    leptos::task::tick().await;
    let h1 = root.query_selector("h1").unwrap().expect("an h1");
    assert!(!h1.text_content().unwrap_or_default().is_empty());
    let journeys = root.query_selector_all(".journey-list a").unwrap();
    assert_eq!(journeys.length(), 7);
}

#[wasm_bindgen_test]
async fn clicking_a_journey_asks_its_first_question() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), support_navigator::ui::App);
    leptos::task::tick().await;
    let link = root
        .query_selector(".journey-list a")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    link.click();
    leptos::task::tick().await;
    // A journey's pages need the policy texts of the language (a content pack fetched beside
    // the app). The test runner serves no packs, so this checks the way the wizard says so: a
    // status line while loading, then an alert with a "Try again" button, never an empty page.
    let mut alert = None;
    for _ in 0..100 {
        alert = root.query_selector("[role=alert]").ok().flatten();
        if alert.is_some() {
            break;
        }
        sleep_ms(50).await;
    }
    let alert = alert.expect("an alert says the questions could not be loaded");
    assert!(!alert.text_content().unwrap_or_default().trim().is_empty());
    assert!(
        alert.query_selector("button").ok().flatten().is_some(),
        "a Try again button"
    );
    assert!(window()
        .location()
        .search()
        .unwrap()
        .contains("j=open-request"));
    // Leave the URL as we found it for the other tests.
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?"))
        .unwrap();
}

/// Waits `ms` milliseconds (a browser timer).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `ui::idle::after_next_paint`: works scheduled together run once each, in order, after the
/// paint; a work scheduled by one of them waits for a later batch; neither the frame report nor
/// the fallback timeout runs a batch twice.
#[wasm_bindgen_test]
async fn works_after_the_next_paint_run_once_in_order_and_nested_ones_later() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use support_navigator::ui::idle::after_next_paint;
    let log = Rc::new(RefCell::new(Vec::new()));
    for i in 0..3 {
        let log = log.clone();
        after_next_paint(move || log.borrow_mut().push(i));
    }
    {
        let log = log.clone();
        after_next_paint(move || {
            log.borrow_mut().push(3);
            // Scheduled while the batch runs: not part of it, but after the next frame (99 in
            // the log if it ran before one).
            let framed = Rc::new(std::cell::Cell::new(false));
            let frame_seen = framed.clone();
            request_animation_frame(move || frame_seen.set(true));
            let log = log.clone();
            after_next_paint(move || log.borrow_mut().push(if framed.get() { 4 } else { 99 }));
        });
    }
    assert!(log.borrow().is_empty(), "nothing runs before the paint");
    for _ in 0..100 {
        if log.borrow().len() == 5 {
            break;
        }
        sleep_ms(20).await;
    }
    assert_eq!(*log.borrow(), vec![0, 1, 2, 3, 4]);
    // Past the fallback timeout (250 ms) of both batches: nothing runs again.
    sleep_ms(600).await;
    assert_eq!(*log.borrow(), vec![0, 1, 2, 3, 4]);
}
