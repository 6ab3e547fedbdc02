//! The web side of the presentation parameters (`state::embed_config`): warn about bad ones,
//! apply theme and accent to the document, and, when the app runs in an iframe with `embed=1`,
//! tell the embedding page (static/embed.js) how tall the content is and which journey and
//! result are shown.
//!
//! The protocol (README.md, "Embedding") is three messages posted to `window.parent`:
//!
//! * `{type: "support-navigator:height", height: <CSS px, integer>}` whenever the content height
//!   changes;
//! * `{type: "support-navigator:journey", journey: "<slug>"}` when a journey is opened;
//! * `{type: "support-navigator:result", journey: "<slug>"}` when its result is shown.
//!
//! Nothing else is ever sent: no answers, no URL, no query. The target origin is the `origin`
//! parameter when the embedding page gave one (static/embed.js always does), otherwise `"*"`,
//! which is acceptable only because the payloads say nothing about the visitor.

use crate::policy::Journey;
use crate::state::{EmbedConfig, Page};
use crate::ui::navigation::Navigation;
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const HEIGHT_MESSAGE: &str = "support-navigator:height";
const JOURNEY_MESSAGE: &str = "support-navigator:journey";
const RESULT_MESSAGE: &str = "support-navigator:result";

/// Reads the presentation parameters of this visit from the page URL and warns in the console
/// (a warning, not an error: the page works with the defaults) about each one ignored.
pub fn read_config() -> EmbedConfig {
    let search = window().location().search().unwrap_or_default();
    let (config, problems) = EmbedConfig::parse(&search);
    for problem in problems {
        web_sys::console::warn_1(&JsValue::from_str(&problem.to_string()));
    }
    config
}

/// The public holidays the embedding page gave, for the business-hours calendar; none when the
/// component runs outside `App` (which provides the config as context).
pub fn use_holidays() -> Vec<NaiveDate> {
    use_context::<EmbedConfig>()
        .map(|c| c.holidays)
        .unwrap_or_default()
}

/// Marks `<html>` so style/main.css ("Embed mode") can drop the outer layout and apply theme and
/// accent. The accent is set through the CSSOM (`style.setProperty`), which a strict CSP without
/// `'unsafe-inline'` for styles still allows, unlike a `style` attribute.
pub fn apply_to_document(config: &EmbedConfig) {
    let Some(root) = document().document_element() else {
        return;
    };
    if config.embedded {
        let _ = root.set_attribute("data-embed", "");
    }
    if let Some(theme) = config.theme {
        let _ = root.set_attribute("data-theme", theme.name());
    }
    if let Some(accent) = config.accent {
        if let Ok(html) = root.dyn_into::<web_sys::HtmlElement>() {
            let _ = html
                .style()
                .set_property("--embed-accent", &format!("#{}", accent.to_hex()));
            let _ = html.set_attribute("data-accent", "");
        }
    }
}

/// In embed mode inside a frame, reports height changes and journey/result events to the
/// parent window. Outside a frame (or without `embed=1`) it does nothing.
pub fn talk_to_host(nav: Navigation, config: &EmbedConfig) {
    if !config.embedded {
        return;
    }
    let Some(host) = Host::find(config.origin.clone()) else {
        return;
    };
    report_height(host.clone());
    report_journey_and_result(nav, host);
}

/// Whether this document is in a frame (an embedded widget, when in embed mode).
pub fn in_frame() -> bool {
    Host::find(None).is_some()
}

/// Whether this visit is the embedded widget: the URL asks for it and a host page frames us.
pub fn is_widget() -> bool {
    let search = window().location().search().unwrap_or_default();
    EmbedConfig::parse(&search).0.embedded && in_frame()
}

/// The parent window and the origin messages are addressed to.
#[derive(Clone)]
struct Host {
    parent: web_sys::Window,
    target_origin: String,
}

impl Host {
    /// The parent window, when this document is in a frame (`window.parent` is the window
    /// itself at the top level).
    fn find(origin: Option<String>) -> Option<Host> {
        let own = window();
        let parent = own.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, &own) {
            return None;
        }
        Some(Host {
            parent,
            target_origin: origin.unwrap_or_else(|| "*".into()),
        })
    }

    /// Posts `{type, <key>: value}`. A refused post (the parent has another origin than the
    /// one given) is dropped by the browser; nothing here can fail the page.
    fn post(&self, kind: &str, key: &str, value: &JsValue) {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
        let _ = js_sys::Reflect::set(&message, &key.into(), value);
        let _ = self.parent.post_message(&message, &self.target_origin);
    }
}

/// Posts the content height once laid out and whenever it changes. The body is measured, not the
/// document element: the latter is at least as tall as the iframe, so it could never shrink.
/// (style/main.css makes the body a block formatting context in embed mode, so no child margin
/// sticks out of it.)
fn report_height(host: Host) {
    let Some(body) = document().body() else {
        return;
    };
    let last = std::cell::Cell::new(-1.0_f64);
    let measure = {
        let body = body.clone();
        move || {
            let height = body.get_bounding_client_rect().height().ceil();
            if height.is_finite() && height != last.get() {
                last.set(height);
                host.post(HEIGHT_MESSAGE, "height", &JsValue::from_f64(height));
            }
        }
    };
    // No measurement now: the app is not mounted yet. A ResizeObserver reports every observed
    // element once when observation starts, after layout, and then on every change.
    let callback = Closure::<dyn FnMut()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer watches the body for the lifetime of the page, which is the lifetime of the
    // app: the callback must outlive this function, so it is deliberately never freed.
    callback.forget();
}

/// Posts a journey event when a journey is opened and a result event each time its result
/// page is shown (the page the wizard actually shows, after `resolve`).
fn report_journey_and_result(nav: Navigation, host: Host) {
    Effect::new(move |previous: Option<(Option<Journey>, bool)>| {
        let current = nav.shown.with(|shown| match shown {
            Some(s) => (Some(s.journey), s.page == Page::Result),
            None => (None, false),
        });
        let (journey, on_result) = current;
        if let Some(j) = journey {
            let slug = JsValue::from_str(j.slug());
            if previous.map(|p| p.0) != Some(journey) {
                host.post(JOURNEY_MESSAGE, "journey", &slug);
            }
            if on_result && previous != Some(current) {
                host.post(RESULT_MESSAGE, "journey", &slug);
            }
        }
        current
    });
}
