//! Which question to ask next. A question is asked when its journey includes it, it is
//! unanswered, and its `ask_when` conditions hold against the answers so far and what the rules
//! conclude from them. The UI asks only what the engine says matters.

use crate::engine::answers::Answers;
use crate::engine::evaluate::{evaluate_in, evaluate_with, holds, Context};
use crate::engine::outcome::Outcome;
use crate::policy::data::RULES;
use crate::policy::data::{q, JOURNEY_QUESTIONS, NARROWINGS, QUESTIONS};
use crate::policy::model::{Atom, Narrowing, Rule};
use crate::policy::Journey;

/// Questions of a journey, in asking order (vocabulary order).
pub fn journey_questions(journey: Journey) -> impl Iterator<Item = u8> {
    // In the vocabulary's order, or the journey's own (`[[journey]]` in the vocabulary).
    JOURNEY_QUESTIONS
        .iter()
        .find(|(j, _)| *j == journey)
        .map_or(&[][..], |(_, order)| order)
        .iter()
        .copied()
}

fn applies(question: u8, answers: &Answers, partial: &Outcome) -> bool {
    // A narrowing question is asked where the question it narrows is, and only until that one is
    // answered: a link that already names the situation needs no first choice.
    if let Some(n) = narrowing_by(question) {
        return (answers.get(question).is_some() || answers.get(n.question).is_none())
            && applies(n.question, answers, partial);
    }
    QUESTIONS.get(usize::from(question)).is_some_and(|def| {
        let all = |atoms: &[Atom]| atoms.iter().all(|a| holds(a, answers, partial));
        all(def.ask_when)
            && (def.ask_when_any.is_empty() || def.ask_when_any.iter().any(|c| all(c)))
    })
}

/// The narrowing that question `by` makes, if it is a narrowing question.
pub fn narrowing_by(by: u8) -> Option<&'static Narrowing> {
    NARROWINGS.iter().find(|n| n.by == by)
}

/// The options of choice question `question` to offer after `answers`, in the order shown:
/// those its narrowing question's answer lists, or all of them.
pub fn offered_options(question: u8, answers: &Answers) -> Vec<u8> {
    let listed = NARROWINGS
        .iter()
        .filter(|n| n.question == question)
        .find_map(|n| {
            let chosen = answers.choice(n.by)?;
            n.offers.iter().find(|(a, _)| *a == chosen).map(|(_, o)| *o)
        });
    match listed {
        Some(options) => options.to_vec(),
        None => {
            let count = QUESTIONS
                .get(usize::from(question))
                .map_or(0, |d| d.options.len());
            (0..count).filter_map(|o| u8::try_from(o).ok()).collect()
        }
    }
}

/// The next question to ask, or `None` when the journey has everything it needs.
pub fn next_question(answers: &Answers, journey: Journey) -> Option<u8> {
    next_question_in(RULES, answers, journey)
}

/// [`next_question`] under a given copy of the rules (see `evaluate_in`).
pub fn next_question_in(rules: &[Rule], answers: &Answers, journey: Journey) -> Option<u8> {
    let partial = evaluate_in(rules, answers, &Context::default());
    journey_questions(journey)
        .find(|&question| answers.get(question).is_none() && applies(question, answers, &partial))
}

/// The questions that matter for these answers, in order, answered or not (for the
/// check-your-answers page and the progress indicator).
pub fn relevant_questions(answers: &Answers, journey: Journey) -> Vec<u8> {
    let partial = evaluate_with(answers, &Context::default());
    journey_questions(journey)
        .filter(|&question| applies(question, answers, &partial))
        .collect()
}

/// Drops answers to questions that no longer matter (after an earlier answer changed), so that
/// only what depends on the change is asked again and stale answers cannot leak into a result.
pub fn prune(answers: &Answers, journey: Journey) -> Answers {
    let mut current = *answers;
    // Each pass can only remove answers, so this ends after at most one pass per question.
    for _ in 0..QUESTIONS.len() {
        let keep = relevant_questions(&current, journey);
        let mut next = current;
        for question in journey_questions(journey) {
            // Gone: a question that stopped mattering, or an option no longer offered (the kind
            // of help changed, so the situation is asked again among the new kind's options).
            let withdrawn = next
                .choice(question)
                .is_some_and(|o| !offered_options(question, &next).contains(&o));
            if !keep.contains(&question) || withdrawn {
                next.clear(question);
            }
        }
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// The outcome under every plan, for the plan comparison ("what if I had ProDirect?").
pub fn outcomes_by_plan(answers: &Answers, ctx: &Context) -> Vec<(u8, Outcome)> {
    let plans = QUESTIONS
        .get(usize::from(q::PLAN))
        .map_or(0, |def| def.options.len());
    (0..plans)
        .filter_map(|p| u8::try_from(p).ok())
        .map(|plan| {
            let mut what_if = *answers;
            what_if.set_index(q::PLAN, crate::engine::answers::Answer::Choice(plan));
            (plan, evaluate_with(&what_if, ctx))
        })
        .collect()
}
