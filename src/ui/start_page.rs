//! The start page: what the service does and the seven journeys.

use crate::i18n::td_string;
use crate::policy::Journey;
use crate::state::Route;
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::{use_navigation, RouteLink};
use crate::ui::text::{journey_summary, journey_title};
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let language = use_language();
    let nav = use_navigation();
    let loc = move || locale(language.get());
    // While the visitor reads, prepare the code of the journey pages (`ui::warm_up`).
    crate::ui::warm_up::build_once_when_idle(crate::ui::wizard::build_unseen_question_page);

    // A journey left unfinished on this device, if storage allows. `state::stored` has already
    // refused anything corrupt, foreign or written by a newer version.
    let resume = crate::ui::storage::kept().resume.map(|route| Route {
        language: nav.route.get_untracked().language,
        ..route
    });
    let resume = resume.map(|route| {
        view! {
            <p class="resume">
                <RouteLink route>{move || td_string!(loc(), start.resume)}</RouteLink>
            </p>
        }
    });

    let journeys = Journey::ALL
        .into_iter()
        .map(|journey| {
            let route = Route {
                journey: Some(journey),
                language: nav.route.get_untracked().language,
                ..Route::default()
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
        <h1 tabindex="-1">{move || td_string!(loc(), start.title)}</h1>
        <p class="lead">{move || td_string!(loc(), start.lead)}</p>
        {resume}
        <h2>{move || td_string!(loc(), start.choose)}</h2>
        <ul class="journey-list">{journeys}</ul>
    }
}
