//! Downloading text files that ship beside the app (content packs, the seed documents).

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The body of a same-site text file, or `None` on any failure: offline without a cached copy,
/// an HTTP error, or a body that is not text. Callers show their own message.
pub async fn fetch_text(url: &str) -> Option<String> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
