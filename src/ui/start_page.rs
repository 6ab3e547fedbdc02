//! The start page: what the service does and the seven journeys.

use crate::i18n::td_string;
use crate::policy::Journey;
use crate::state::{Route, RouteNotice};
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::{use_navigation, RouteLink};
use crate::ui::text::{journey_summary, journey_title};
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let language = use_language();
    let nav = use_navigation();
    let loc = move || locale(language.get());

    let notices = move || {
        nav.notices
            .get()
            .into_iter()
            .map(|n| {
                let text = move || match n {
                    RouteNotice::UnknownJourney => td_string!(loc(), start.route_notice_journey),
                    RouteNotice::UnknownLanguage => {
                        td_string!(loc(), start.route_notice_language)
                    }
                };
                view! { <p class="notice" role="status">{text}</p> }
            })
            .collect_view()
    };

    let journeys = Journey::ALL
        .into_iter()
        .map(|journey| {
            let route = Route {
                journey: Some(journey),
                language: nav.route.get_untracked().language,
            };
            view! {
                <li class="journey-list__item">
                    <h3 class="journey-list__title">
                        <RouteLink route>{move || journey_title(loc(), journey)}</RouteLink>
                    </h3>
                    <p class="journey-list__summary">{move || journey_summary(loc(), journey)}</p>
                </li>
            }
        })
        .collect_view();

    view! {
        {notices}
        <h1 tabindex="-1">{move || td_string!(loc(), start.title)}</h1>
        <p class="lead">{move || td_string!(loc(), start.lead)}</p>
        <h2>{move || td_string!(loc(), start.choose)}</h2>
        <ul class="journey-list">{journeys}</ul>
    }
}
