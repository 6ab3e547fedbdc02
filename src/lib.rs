//! Support Navigator: tells a Dynamics 365 / Power Platform customer where to file a support
//! request, what their plan covers, which severity to pick and when they will be contacted,
//! with every statement traced to its source document.
//!
//! The crate is split along one hard boundary (see ARCHITECTURE.md):
//!
//! * the **policy core** (`policy`, `engine`, `hours`, `result`, `state`) is plain Rust with no web
//!   dependency; `cargo test --no-default-features` builds and tests it alone;
//! * the **web shell** (`ui`, the `i18n` catalogue) is behind the default `web` feature and only
//!   renders what the core decides.

pub mod engine;
// The decoders' invariants, shared by the fuzz targets (fuzz/) and tests/fuzz_corpus.rs.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzz_checks;
pub mod hours;
pub mod policy;
pub mod result;
pub mod state;

// The message catalogues in `locales/*.json`, checked at compile time: a key missing from any
// language, or a typo in a key, is a build error. `load_locales!` is marked deprecated in favour
// of `leptos_i18n_build`, but that build-script route compiles the ICU data generator (and its
// CLDR sources) into every build for formatting features we do not use, so we keep the macro.
#[cfg(feature = "web")]
#[allow(deprecated)]
mod i18n_catalogue {
    leptos_i18n::load_locales!();
}
#[cfg(feature = "web")]
pub use i18n_catalogue::i18n;

#[cfg(feature = "web")]
pub mod ui;
