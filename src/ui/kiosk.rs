//! Kiosk mode (`?kiosk=1`, parameters in `state::kiosk_config`): the app on a shared public
//! screen. Three things change:
//!
//! * **touch**: `<html data-kiosk>` makes style/main.css ("Kiosk mode") raise the base font and
//!   give every control at least 48×48 CSS px;
//! * **no way out**: nothing may lead away from the app on a public screen, so a result travels
//!   on as a QR code of its shareable link (`ContinueOnPhone`, on the result page);
//! * **privacy between visitors**: after `idle` seconds without input an "Are you still there?"
//!   dialog counts down, then the visit is erased: storage, URL and history (`IdleGuard`).
//!
//! Outside kiosk mode (and in embed mode, which wins) every piece here renders nothing.

mod idle;
pub(crate) mod qr;
mod reset;

use crate::state::KioskConfig;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use idle::IdleGuard;
pub use qr::ContinueOnPhone;

/// Reads the kiosk parameters of this visit from the page URL and warns in the console about
/// each one ignored (the kiosk still runs, with the default).
pub fn read_config() -> KioskConfig {
    let search = window().location().search().unwrap_or_default();
    let (config, problems) = KioskConfig::parse(&search);
    for problem in problems {
        web_sys::console::warn_1(&JsValue::from_str(&problem.to_string()));
    }
    config
}

/// Marks `<html data-kiosk>` in kiosk mode, for style/main.css.
pub fn apply_to_document(config: &KioskConfig) {
    if !config.enabled {
        return;
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-kiosk", "");
    }
}

/// The kiosk parameters when kiosk mode is on; `None` otherwise, and outside `App` (which
/// provides the config as context).
fn use_kiosk() -> Option<KioskConfig> {
    use_context::<KioskConfig>().filter(|c| c.enabled)
}
