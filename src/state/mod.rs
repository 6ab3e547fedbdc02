//! What the app remembers between pages and visits: the route in the URL (every answer), the
//! presentation parameters of the visit, and the small record kept on the device (`stored`).
//! Decoders here are total: any input yields a usable value plus notices about what was
//! ignored, never a panic.

pub mod embed_config;
pub mod kiosk_config;
pub mod proposals;
pub mod route;
pub mod rules_age;
pub mod stored;
pub mod ui_language;
pub(crate) mod url;
pub mod wizard;

pub use embed_config::{ConfigProblem, EmbedConfig, Theme};
pub use kiosk_config::{IdleClock, IdlePhase, KioskConfig};
pub use route::{Page, Route, RouteNotice};
pub use stored::{StoredProblem, StoredState};
pub use ui_language::UiLanguage;
