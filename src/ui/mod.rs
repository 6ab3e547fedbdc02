//! The Leptos shell. Components here render what the policy core decides and collect answers;
//! they never decide eligibility, portals, severities or times themselves.

mod app;
mod journey_page;
mod language;
mod navigation;
mod start_page;
mod text;

pub use app::App;
