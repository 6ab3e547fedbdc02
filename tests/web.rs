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
async fn clicking_a_journey_shows_its_page() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), support_navigator::ui::App);
    leptos::task::tick().await;
    let link = root
        .query_selector(".journey-list a")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    let title = link.text_content().unwrap_or_default();
    link.click();
    leptos::task::tick().await;
    let h1 = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap_or_default(), title);
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
