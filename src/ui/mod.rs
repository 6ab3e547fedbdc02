//! The Leptos shell. Components here render what the policy core decides and collect answers;
//! they never decide eligibility, portals, severities or times themselves.

mod a11y;
mod app;
pub mod crash;
mod embed;
mod fetch;
mod format;
pub mod idle;
mod kiosk;
mod language;
mod navigation;
mod notices;
mod offline;
mod policy_text;
mod start_page;
mod storage;
mod text;
mod warm_up;
mod wizard;

pub use app::App;
