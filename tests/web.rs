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
    // A journey starts with its first question: the product, as radios under a legend heading.
    let h1 = root
        .query_selector("legend h1")
        .unwrap()
        .expect("the question is the page heading");
    assert!(!h1.text_content().unwrap_or_default().is_empty());
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    let names: Vec<String> = (0..radios.length())
        .filter_map(|i| radios.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("name"))
        .collect();
    assert_eq!(names.len(), 12, "radios: {names:?}");
    assert!(names.iter().all(|n| n == "product"), "radios: {names:?}");
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
