//! What the app remembers between pages and visits: the route in the URL (and, later, the
//! answers). Decoders here are total: any input yields a usable value plus notices about what
//! was ignored, never a panic.

pub mod route;
pub mod ui_language;
pub mod wizard;

pub use route::{Page, Route, RouteNotice};
pub use ui_language::UiLanguage;
