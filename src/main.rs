//! Mounts the web app. Nothing else belongs here.

fn main() {
    // A panic shows a translated error page with a restart link instead of a dead page.
    support_navigator::ui::crash::install();
    leptos::mount::mount_to_body(support_navigator::ui::App);
}

/// Lets the browser test of the crash page trigger a panic
/// (`window.wasmBindings.trigger_test_panic()`). Only in builds with the `test-hooks` feature,
/// which scripts/test.sh makes for that test alone: the release build has no such export.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn trigger_test_panic() {
    panic!("test panic requested by the page");
}
