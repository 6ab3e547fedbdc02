//! Mounts the web app. Nothing else belongs here.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    // A panic shows a translated error page with a restart link instead of a dead page.
    support_navigator::ui::crash::install();
    leptos::mount::mount_to_body(support_navigator::ui::App);
}

/// Lets a browser test trigger the error page (`window.wasmBindings.trigger_test_panic()`); it
/// can only crash the tab that calls it.
#[wasm_bindgen]
pub fn trigger_test_panic() {
    panic!("test panic requested by the page");
}
