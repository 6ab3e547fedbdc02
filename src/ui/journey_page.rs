//! A journey's page. Until a journey's questions land (the wizard issue), it says so plainly and
//! leads back to the start page; it never shows a made-up result.

use crate::i18n::td_string;
use crate::policy::Journey;
use crate::state::Route;
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::{use_navigation, RouteLink};
use crate::ui::text::{journey_summary, journey_title};
use leptos::prelude::*;

#[component]
pub fn JourneyPage(journey: Journey) -> impl IntoView {
    let language = use_language();
    let nav = use_navigation();
    let loc = move || locale(language.get());
    let back = Route {
        journey: None,
        language: nav.route.get_untracked().language,
    };
    view! {
        <div class="back-link"><RouteLink route=back>{move || td_string!(loc(), journey_page.back_to_start)}</RouteLink></div>
        <h1 tabindex="-1">{move || journey_title(loc(), journey)}</h1>
        <p class="lead">{move || journey_summary(loc(), journey)}</p>
        <div class="notice notice--info">
            <p><strong>{move || td_string!(loc(), journey_page.coming_soon)}</strong></p>
            <p>{move || td_string!(loc(), journey_page.coming_soon_detail)}</p>
        </div>
    }
}
