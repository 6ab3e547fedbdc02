//! The knowledge base as data: the vocabulary the wizard speaks (journeys, questions, options),
//! the rules with their citations, the fact tables and the recorded readings of source
//! conflicts, and the numbered policy texts in every language. Authored in `policy/**/*.toml`, compiled and validated by `build.rs`. Nothing here
//! knows about the browser.

pub mod data;
pub mod journey;
pub mod model;
pub mod seed_text;
pub mod text;

pub use journey::Journey;
