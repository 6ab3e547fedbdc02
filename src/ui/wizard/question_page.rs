//! One question per page (GOV.UK question-page pattern): the question is the page heading (inside
//! the legend for radios), a hint, the answer control, an error summary when Continue is pressed
//! without an answer, a Back link that keeps answers, and the name of the journey's part it belongs to.

use crate::engine::answers::parse_answer;
use crate::engine::{implausible, offered_options, prune, refusal, Answers, Refusal};
use crate::hours::SUPPORTED_ZONES;
use crate::i18n::td_string;
use crate::policy::data::QUESTIONS;
use crate::policy::model::QuestionKind;
use crate::policy::Journey;
use crate::state::proposals::propose;
use crate::state::wizard::{back, stage, Stage};
use crate::state::{Page, Route};
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::{use_navigation, RouteLink};
use crate::ui::policy_text::use_policy_texts;
use crate::ui::wizard::route_to;
use leptos::ev;
use leptos::prelude::*;

#[component]
pub fn QuestionPage(journey: Journey, q: u8, answers: Answers) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let texts = use_policy_texts();
    let nav = use_navigation();
    let Some(def) = QUESTIONS.get(usize::from(q)) else {
        return ().into_any();
    };
    let id = def.id;
    let current = answers
        .pairs()
        .into_iter()
        .find(|(k, _)| *k == id)
        .map(|(_, v)| v);
    let value = RwSignal::new(current.unwrap_or_else(|| default_value(def.kind)));
    let error = RwSignal::new(false);
    // What the error says: the answer is missing or malformed, or it cannot be right (a date in
    // the future).
    let refused = RwSignal::new(None::<Refusal>);
    // The part of the journey this question belongs to (its name never changes as answers do).
    let part = stage(q);
    let stage_name = move || match part {
        Stage::Problem => td_string!(loc(), wizard.stage_problem),
        Stage::Plan => td_string!(loc(), wizard.stage_plan),
        Stage::Urgency => td_string!(loc(), wizard.stage_urgency),
        Stage::Place => td_string!(loc(), wizard.stage_place),
        Stage::Earlier => td_string!(loc(), wizard.stage_earlier),
    };
    let back_route = match back(journey, &answers, Page::Question(q)) {
        Some(page) => route_to(journey, page, answers),
        None => Route {
            language: nav.route.get_untracked().language,
            ..Route::default()
        },
    };
    let error_ref = NodeRef::<leptos::html::Div>::new();

    // The answers with `raw` as this question's answer, if it is one.
    let answered = move |raw: &str| {
        parse_answer(q, raw.trim()).ok().map(|a| {
            let mut next = answers;
            next.set_index(q, a);
            // Answers that stopped mattering leave the URL too, so they cannot come back; the
            // region and language the zone and the page settle are filled in, not asked.
            let ui = language.get_untracked();
            propose(journey, &answers, prune(&next, journey), ui)
        })
    };
    // A choice (an option, a time zone), or a typed value as soon as it is a valid answer, goes
    // into this page's history entry once it is painted; "Continue" then only adds the next
    // page's entry. A typed answer is thus kept when the page reloads before it is submitted
    // (the switch to a new build reloads the page: `ui::offline`).
    let chosen = move |raw: String| {
        let next = answered(&raw);
        value.set(raw);
        if let Some(next) = next {
            nav.replace_url_after_paint(route_to(journey, Page::Question(q), next));
        }
    };

    let on_submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let next = value.with_untracked(|v| answered(v));
        let problem = match next {
            None => Some(value.with_untracked(|v| refusal(q, v))),
            Some(next) => next
                .get(q)
                .and_then(|a| implausible(a, device_today(&next)))
                .map(Refusal::from),
        };
        if refused.get_untracked() != problem {
            refused.set(problem);
        }
        match next.filter(|_| problem.is_none()) {
            Some(next) => {
                if error.get_untracked() {
                    error.set(false);
                }
                // This page's history entry keeps the answer, so the browser's Back button
                // returns to it answered, as the Back link does (written already if the answer
                // was chosen, not typed).
                nav.replace_url(&route_to(journey, Page::Question(q), next));
                nav.go(route_to(journey, Page::Next, next));
            }
            None => {
                error.set(true);
                // Focus the error summary so screen readers announce it (GOV.UK pattern).
                request_animation_frame(move || {
                    // The page may be gone by then (a quick Back): nothing to focus.
                    if let Some(el) = error_ref.try_get_untracked().flatten() {
                        let _ = el.focus();
                    }
                });
            }
        }
    };

    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = move || {
        if error.get() {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    };
    let error_message = move || match refused.get() {
        Some(Refusal::DateInFuture) => td_string!(loc(), wizard.error_date_in_future),
        Some(Refusal::EnterANumber) => td_string!(loc(), wizard.error_enter_number),
        Some(Refusal::NotAWholeNumber) => td_string!(loc(), wizard.error_whole_number),
        Some(Refusal::EnterADate) => td_string!(loc(), wizard.error_enter_date),
        Some(Refusal::NotADate) => td_string!(loc(), wizard.error_real_date),
        Some(Refusal::ChooseAZone) => td_string!(loc(), wizard.error_zone),
        Some(Refusal::ChooseAnOption) | None => td_string!(loc(), wizard.error_required),
    };
    // "Error:" before the message, for screen readers only (GOV.UK error message pattern).
    let error_prefix = move || td_string!(loc(), a11y.error_prefix);
    // Text fields, dates and the zone list say they are invalid while the error shows. Radios do
    // not: their fieldset's description carries the message (aria-invalid is not defined for
    // radio buttons in ARIA 1.3).
    let invalid = move || error.get().then_some("true");

    let offered = offered_options(q, &answers);
    let control = match def.kind {
        QuestionKind::Choice => {
            // The options the engine offers here (the kind of help narrows the situations).
            let options = offered
                .iter()
                .filter_map(|&o| def.options.get(usize::from(o)).map(|opt| (o, opt)))
                .map(|(o, opt)| {
                    let input_id = format!("{id}-{opt}");
                    let opt_s = opt.to_string();
                    let checked = {
                        let opt_s = opt_s.clone();
                        move || value.get() == opt_s
                    };
                    // `checked` comes before `name`: the next question's page reuses these
                    // inputs (Leptos patches a page into the one before), and attributes are
                    // set in this order. A button still checked from the last question would
                    // otherwise join this question's group checked and uncheck its answer.
                    view! {
                        <div class="radios__item">
                            <input
                                class="radios__input"
                                type="radio"
                                id=input_id.clone()
                                prop:checked=checked
                                name=id
                                value=opt_s.clone()
                                on:change=move |_| chosen(opt_s.clone())
                            />
                            <label class="radios__label" for=input_id>
                                {move || texts.option(q, o)}
                            </label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="fieldset" aria-describedby=described>
                    <legend class="fieldset__legend">
                        <h1 class="fieldset__heading" tabindex="-1">{move || texts.question_title(q)}</h1>
                    </legend>
                    <p class="hint" id=hint_id.clone()>{move || texts.question_hint(q)}</p>
                    {move || error.get().then(|| view! { <p class="error-message" id=error_id.clone()><span class="visually-hidden">{error_prefix} " "</span>{error_message}</p> })}
                    <div class="radios">{options}</div>
                </fieldset>
            }
            .into_any()
        }
        kind => {
            let input_id = format!("{id}-input");
            let input = match kind {
                QuestionKind::Date => view! {
                    <input class="input input--date" type="date" id=input_id.clone() name=id
                        aria-describedby=described aria-invalid=invalid prop:value=move || value.get()
                        on:input=move |e| chosen(event_target_value(&e)) />
                }
                .into_any(),
                QuestionKind::Count => view! {
                    <input class="input input--count" type="text" inputmode="numeric" pattern="[0-9]*"
                        id=input_id.clone() name=id autocomplete="off"
                        aria-describedby=described aria-invalid=invalid prop:value=move || value.get()
                        on:input=move |e| chosen(event_target_value(&e)) />
                }
                .into_any(),
                _ => {
                    // Sixty options: one reactive closure for the list (it follows the language),
                    // not two per option. The labels were made in idle time (`ui::warm_up`).
                    // `selected` only sets the starting choice; after that the select itself
                    // holds the visitor's choice and `value` follows it.
                    // A search box narrows the list: typing "prague" or "tokyo" finds the zone
                    // by its city or by its name in the interface language.
                    let filter = RwSignal::new(String::new());
                    // Case folding by the browser (`String.prototype.toLowerCase`): Rust's
                    // `to_lowercase` would add its Unicode tables, about 10 KB, to the wasm.
                    let fold = |text: &str| -> String {
                        String::from(js_sys::JsString::from(text.trim()).to_lower_case()).replace('_', " ")
                    };
                    let matching = move |l, needle: &str| -> Vec<&'static str> {
                        let needle = fold(needle);
                        SUPPORTED_ZONES
                            .iter()
                            .copied()
                            .filter(|z| fold(&crate::ui::format::zone_label(l, z)).contains(&needle))
                            .collect()
                    };
                    let zones = move || {
                        let l = loc();
                        let shown = filter.with(|f| matching(l, f));
                        shown
                            .into_iter()
                            .map(|z| {
                                let selected = value.with_untracked(|v| v == z);
                                let label = crate::ui::format::zone_label(l, z);
                                view! { <option value=z selected=selected>{label}</option> }
                            })
                            .collect_view()
                    };
                    let on_filter = move |e: ev::Event| {
                        let typed = event_target_value(&e);
                        let shown = matching(loc(), &typed);
                        // The select shows the first match when the current zone is filtered
                        // out, so what it shows is what Continue submits.
                        let kept = value.with_untracked(|v| shown.iter().any(|z| z == v));
                        if let (false, Some(first)) = (kept, shown.first()) {
                            chosen((*first).to_string());
                        }
                        filter.set(typed);
                    };
                    let no_match = move || {
                        let l = loc();
                        filter
                            .with(|f| !f.trim().is_empty() && matching(l, f).is_empty())
                            .then(|| td_string!(l, wizard.zone_search_none))
                    };
                    let search_id = format!("{id}-search");
                    view! {
                        <div class="zone-search">
                            <label class="zone-search__label" for=search_id.clone()>{move || td_string!(loc(), wizard.zone_search)}</label>
                            <input class="input zone-search__input" type="search" id=search_id autocomplete="off"
                                aria-controls=input_id.clone() on:input=on_filter />
                            <p class="zone-search__status" role="status">{no_match}</p>
                        </div>
                        <select class="select" id=input_id.clone() name=id aria-describedby=described aria-invalid=invalid
                            on:change=move |e| chosen(event_target_value(&e))>
                            {zones}
                        </select>
                    }
                    .into_any()
                }
            };
            view! {
                <h1 tabindex="-1"><label for=input_id>{move || texts.question_title(q)}</label></h1>
                <p class="hint" id=hint_id.clone()>{move || texts.question_hint(q)}</p>
                {move || error.get().then(|| view! { <p class="error-message" id=error_id.clone()><span class="visually-hidden">{error_prefix} " "</span>{error_message}</p> })}
                {input}
            }
            .into_any()
        }
    };

    let first = offered
        .first()
        .and_then(|&o| def.options.get(usize::from(o)));
    let field_href = format!("#{id}-{}", first.copied().unwrap_or("input"));
    view! {
        <div class="back-link"><RouteLink route=back_route>{move || td_string!(loc(), wizard.back)}</RouteLink></div>
        {move || error.get().then(|| view! {
            <div class="error-summary" role="alert" tabindex="-1" node_ref=error_ref aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="error-summary__title">{move || td_string!(loc(), wizard.error_summary_title)}</h2>
                <ul class="error-summary__list"><li><a href=field_href.clone()>{error_message}</a></li></ul>
            </div>
        })}
        <p class="progress">{stage_name}</p>
        <form novalidate on:submit=on_submit class=move || if error.get() { "form-group form-group--error" } else { "form-group" }>
            {control}
            <button type="submit" class="button">{move || td_string!(loc(), wizard.continue_button)}</button>
        </form>
    }
    .into_any()
}

/// The pre-filled value of a new answer: nothing for choices, dates and counts; the browser's
/// own time zone when it is one we support (the visitor can change it).
/// Today as the engine counts it (in the customer's time zone when known) by the device clock
/// (`device_now` reads a clock beyond chrono's range as a wrong one rather than panicking).
fn device_today(answers: &Answers) -> chrono::NaiveDate {
    crate::engine::derived::today(answers, crate::ui::format::device_now())
}

fn default_value(kind: QuestionKind) -> String {
    match kind {
        QuestionKind::Zone => crate::ui::format::browser_zone()
            .unwrap_or("UTC")
            .to_string(),
        _ => String::new(),
    }
}
