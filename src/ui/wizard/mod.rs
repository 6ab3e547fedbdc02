//! A journey in progress: resolves which page to show (state::wizard) and renders it. Components
//! render engine output and collect answers; no policy decision is made here.

mod answer_text;
mod check_answers;
mod original_text;
mod plan_finder;
mod question_page;
mod result_page;

use crate::policy::Journey;
use crate::state::wizard::resolve;
use crate::state::{Page, Route};
use crate::ui::navigation::use_navigation;
use leptos::prelude::*;

pub use answer_text::answer_text;

#[component]
pub fn Wizard(journey: Journey) -> impl IntoView {
    let nav = use_navigation();
    let resolved = Memo::new(move |_| {
        let route = nav.route.get();
        resolve(journey, &route.answers, route.page)
    });
    // Every page of a journey shows policy texts (questions, options, explanations): wait for the
    // language's content pack, and say so if it cannot be loaded.
    let page = move || {
        let (answers, page) = resolved.get();
        match page {
            Page::Question(q) => {
                view! { <question_page::QuestionPage journey q answers /> }.into_any()
            }
            Page::Check => view! { <check_answers::CheckAnswers journey answers /> }.into_any(),
            Page::Result | Page::Next => {
                view! { <result_page::ResultPage journey answers /> }.into_any()
            }
        }
    };
    view! { <crate::ui::policy_text::WithPolicyTexts>{page}</crate::ui::policy_text::WithPolicyTexts> }
}

/// The route to another page of the same journey with these answers, keeping the language.
pub fn route_to(journey: Journey, page: Page, answers: crate::engine::Answers) -> Route {
    let nav = use_navigation();
    Route {
        journey: Some(journey),
        page,
        answers,
        language: nav.route.get_untracked().language,
    }
}
