//! Which question to ask next. A question is asked when its journey includes it, it is
//! unanswered, and its `ask_when` conditions hold against the answers so far and what the rules
//! conclude from them. The UI asks only what the engine says matters.

use crate::engine::answers::Answers;
use crate::engine::evaluate::{evaluate_in, evaluate_with, holds, Context};
use crate::engine::outcome::Outcome;
use crate::policy::data::RULES;
use crate::policy::data::{q, JOURNEY_QUESTIONS, QUESTIONS};
use crate::policy::model::{Atom, Rule};
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
    QUESTIONS.get(usize::from(question)).is_some_and(|def| {
        let all = |atoms: &[Atom]| atoms.iter().all(|a| holds(a, answers, partial));
        all(def.ask_when)
            && (def.ask_when_any.is_empty() || def.ask_when_any.iter().any(|c| all(c)))
    })
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
            if !keep.contains(&question) {
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
