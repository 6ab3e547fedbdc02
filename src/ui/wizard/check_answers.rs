//! Check your answers: every answer that matters, each with a Change link that says what it
//! changes; then on to the result.

use crate::engine::{relevant_questions, Answers};
use crate::i18n::td_string;
use crate::policy::Journey;
use crate::state::proposals::{proposal, Proposal};
use crate::state::wizard::back;
use crate::state::Page;
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::RouteLink;
use crate::ui::policy_text::use_policy_texts;
use crate::ui::wizard::{answer_text, route_to};
use leptos::prelude::*;

#[component]
pub fn CheckAnswers(journey: Journey, answers: Answers) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let texts = use_policy_texts();
    let rows = relevant_questions(&answers, journey)
        .into_iter()
        .filter(|&q| answers.get(q).is_some())
        .map(|q| {
            let change = route_to(journey, Page::Question(q), answers);
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{move || texts.question_summary(q)}</dt>
                    <dd class="summary-list__value">
                        {move || answer_text(loc(), &answers, q)}
                        // An answer the app filled in says where it came from.
                        {move || proposal(&answers, q, language.get()).map(|from| {
                            let text = match from {
                                Proposal::FromTimeZone => td_string!(loc(), wizard.from_time_zone),
                                Proposal::FromPageLanguage => td_string!(loc(), wizard.from_page_language),
                            };
                            view! { <span class="summary-list__from">{text}</span> }
                        })}
                    </dd>
                    <dd class="summary-list__actions">
                        <RouteLink route=change>
                            {move || td_string!(loc(), wizard.change)}
                            <span class="visually-hidden">" " {move || texts.question_summary(q)}</span>
                        </RouteLink>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let back_route = back(journey, &answers, Page::Check)
        .map(|p| route_to(journey, p, answers))
        .unwrap_or_else(|| route_to(journey, Page::Next, answers));
    let result = route_to(journey, Page::Result, answers);
    // While the visitor checks, prepare what the result page needs first (`ui::warm_up`).
    let (l, holidays) = (untrack(loc), crate::ui::embed::use_holidays());
    crate::ui::warm_up::when_idle_on_this_page(move || {
        crate::ui::wizard::result_page::prepare(l, journey, &answers, &holidays);
    });
    view! {
        <div class="back-link"><RouteLink route=back_route>{move || td_string!(loc(), wizard.back)}</RouteLink></div>
        <h1 tabindex="-1">{move || td_string!(loc(), wizard.check_title)}</h1>
        <dl class="summary-list">{rows}</dl>
        <p class="button-link"><RouteLink route=result>{move || td_string!(loc(), wizard.see_result)}</RouteLink></p>
    }
}
