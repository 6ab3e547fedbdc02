//! The knowledge base as data: the vocabulary the wizard speaks (journeys, questions, options),
//! the rules with their citations, and the fact tables. Nothing here knows about the browser.

pub mod journey;

pub use journey::Journey;
