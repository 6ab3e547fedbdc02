//! A journey in progress: resolves which page to show (state::wizard) and renders it. Components
//! render engine output and collect answers; no policy decision is made here.

mod answer_text;
mod check_answers;
mod original_text;
mod plan_finder;
mod question_page;
pub(crate) mod result_page;

use crate::policy::Journey;
use crate::state::wizard::resolve;
use crate::state::{Page, Route};
use crate::ui::navigation::use_navigation;
use leptos::prelude::*;

pub use answer_text::answer_text;

#[component]
pub fn Wizard(journey: Journey) -> impl IntoView {
    let nav = use_navigation();
    // While the visitor reads, make what later pages need: the browser's date formatting data
    // and the time-zone picker's labels (`ui::warm_up`).
    let language = crate::ui::language::use_language();
    Effect::new(move |_| {
        crate::ui::warm_up::start(journey, crate::ui::language::locale(language.get()))
    });
    let page = move || {
        // The app shows this component only for this journey's route; while it swaps to another
        // journey's, the route already names that one, and nothing is shown.
        let Some(shown) = nav.shown.get().filter(|s| s.journey == journey) else {
            return ().into_any();
        };
        let answers = shown.answers;
        match shown.page {
            Page::Question(q) => {
                view! { <question_page::QuestionPage journey q answers /> }.into_any()
            }
            Page::Check => view! { <check_answers::CheckAnswers journey answers /> }.into_any(),
            Page::Result | Page::Next => {
                view! { <result_page::ResultPage journey answers /> }.into_any()
            }
        }
    };
    // Every page of a journey shows policy texts (questions, options, explanations): wait for the
    // language's content pack, and say so if it cannot be loaded.
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

/// Builds, and throws away unseen, the first question page of the first journey: nothing is
/// mounted or shown. What it is for is its side effect in the browser: WebAssembly functions are
/// compiled when they are first called, and showing a journey's first question calls some 250
/// that the start page never did (measured: about half of that click at 4× CPU slowdown). Every
/// journey's first page is a question page, so this prepares them all (`ui::warm_up`).
pub fn build_unseen_question_page() {
    use leptos::tachys::view::Render;
    let journey = Journey::ALL[0];
    if let (answers, Page::Question(q)) =
        resolve(journey, &crate::engine::Answers::new(), Page::Next)
    {
        drop(view! { <question_page::QuestionPage journey q answers /> }.build());
    }
    // What a click on a journey reads first (the code, and the browser's history state).
    crate::ui::navigation::history_depth();
}
