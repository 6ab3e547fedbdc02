//! Offline use: registers the service worker (`sw.js`, written at build time by
//! `scripts/precache.py` from `static/sw.template.js`), which precaches every file of the build so
//! the app keeps working with no network after the first visit.
//!
//! Registration is best effort. Where service workers are missing or refused (an old browser, an
//! insecure origin, `file://`, a sandboxed iframe, a blocked script), the app simply stays an
//! online app: nothing is shown and nothing is logged, because neither the visitor nor our
//! no-console-errors tests can act on it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::ServiceWorkerContainer;

/// Relative on purpose: the worker lives next to index.html, so the app works under any base path
/// and the worker's scope is exactly the app's folder.
const WORKER_URL: &str = "sw.js";

/// Registers the service worker and reloads the page when a new build's worker takes over.
/// Called once, from `App`.
pub fn register_service_worker() {
    let Some(container) = container() else {
        return;
    };
    reload_on_update(&container);
    let registration = container.register(WORKER_URL);
    // Awaiting the promise here is what handles its rejection; an unhandled rejection would
    // surface as a console error.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}

/// `navigator.serviceWorker`, if this document may use it. Read through `Reflect` because the
/// getter itself throws in an opaque-origin (sandboxed) document, and is absent on insecure origins.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .dyn_into::<ServiceWorkerContainer>()
        .ok()
}

/// The worker of a new build activates as soon as it has precached everything (`skipWaiting`) and
/// takes control of open pages (`clients.claim`). A page that was already running the previous
/// build would then get its next files from the new build's cache: mixing two builds. So when the
/// controller changes under a page that already had one, the page reloads and comes up entirely
/// on the new build. The answers live in the URL, so nothing is lost; and since browsers look for
/// a new worker when a page is loaded, this happens in the first seconds after a load.
///
/// The very first visit is different: the page was loaded from the network, has no controller,
/// and the first worker claiming it is not an update, so that change only marks it controlled.
fn reload_on_update(container: &ServiceWorkerContainer) {
    let mut controlled = container.controller().is_some();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if controlled {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
        controlled = true;
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    // The listener lives as long as the page does.
    on_change.forget();
}
