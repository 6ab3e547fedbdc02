//! Where to go when the place depends on an answer the visitor could not give. "I am not sure how
//! we bought our licences" (or which plan we have, or whether the feature is released) leads to
//! a route that says so (`depends_on_channel`, `depends_on_plan`, `depends_on_preview`); the page
//! then lists the place each possible answer leads to. The places are not written down a second time:
//! each one is the rules' own answer, evaluated with that option in place of "not sure", so the
//! list can never disagree with what the visitor would be told after answering.

use crate::engine::{evaluate_with, Answer, Answers, Context};
use crate::policy::data::{q, s, v, QUESTIONS};
use crate::result::headline::Row;

/// The routes that stand for "it depends on this question", with their question.
const DEPENDS: [(u8, u8); 3] = [
    (v::route::DEPENDS_ON_CHANNEL, q::PURCHASE_CHANNEL),
    (v::route::DEPENDS_ON_PLAN, q::PLAN),
    (v::route::DEPENDS_ON_PREVIEW, q::PREVIEW),
];

/// Answers a visitor who is "not sure" cannot have, by question, so no place is listed for them.
/// - A partner plan belongs to a Microsoft partner, who holds it under a partner agreement: a
///   visitor who cannot name the plan is a customer.
/// - A private or limited preview is joined by invitation and has its own contact: a visitor who
///   cannot tell whether a feature is in preview is not in one (PREVIEW-5/not_sure says where
///   such previews go).
const LEFT_OUT: [(u8, &[u8]); 2] = [
    (
        q::PLAN,
        &[
            v::plan::PSFP,
            v::plan::PARTNER_BENEFIT,
            v::plan::PARTNER_PACK,
        ],
    ),
    (q::PREVIEW, &[v::preview::PRIVATE, v::preview::LIMITED]),
];

/// The answers to `question` a visitor who is "not sure" may have, as a bit mask of option
/// indices: every option but "not sure" and those `LEFT_OUT`.
pub fn possible_answers(question: u8) -> u32 {
    let Some(def) = QUESTIONS.get(usize::from(question)) else {
        return 0;
    };
    let mut mask = 0u32;
    for (o, name) in def.options.iter().enumerate().take(32) {
        if *name != "not_sure" {
            mask |= 1 << o;
        }
    }
    for (q, options) in LEFT_OUT {
        if q == question {
            for o in options {
                mask &= !(1u32 << o);
            }
        }
    }
    mask
}

/// The option indices in a bit mask of options, in the question's order.
pub fn options_in(mask: u32) -> impl Iterator<Item = u8> {
    (0..32u8).filter(move |o| mask & (1 << o) != 0)
}

/// One place, and the answers that lead to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alternative {
    /// The question the place depends on.
    pub question: u8,
    /// The options that lead here, as a bit mask of option indices.
    pub options: u32,
    /// When the visitor is not sure of a second answer either and, for `options`, the place
    /// depends on it too: that question and its options that lead here ("if your answer is
    /// Premier, and the feature is generally available: …").
    pub and: Option<(u8, u32)>,
    /// The last place, for the most options: the page says "for any other answer".
    pub otherwise: bool,
    /// Where these options lead (`v::route`).
    pub route: u8,
}

impl Alternative {
    /// The option indices, in the question's order.
    pub fn option_list(&self) -> impl Iterator<Item = u8> {
        options_in(self.options)
    }
}

/// The question a `route` depends on, if it is a "depends" route.
pub fn depends_on(route: u8) -> Option<u8> {
    DEPENDS.iter().find(|(r, _)| *r == route).map(|(_, q)| *q)
}

/// Whether the answer to `question` is "not sure".
fn is_not_sure(answers: &Answers, question: u8) -> bool {
    let option = answers.choice(question).and_then(|o| {
        QUESTIONS
            .get(usize::from(question))?
            .options
            .get(usize::from(o))
            .copied()
    });
    option == Some("not_sure")
}

/// The route `answers` lead to with option `o` in place of the answer to `question`.
fn route_with(answers: &Answers, ctx: &Context, question: u8, o: u8) -> Option<u8> {
    let mut a = *answers;
    a.set_index(question, Answer::Choice(o));
    evaluate_with(&a, ctx).slot_value(s::ROUTE)
}

/// The places `answers` would lead to with each possible answer to `question`
/// (`possible_answers`), grouped by place, in the order of their first answer. When every other
/// option of the question is possible, the place most answers lead to comes last, as "any other
/// answer". Where some answers lead to a place that depends on a second answer the visitor is
/// not sure of either, those answers are listed once per place of the second answer
/// (`Alternative::and`), so every step names a place.
pub fn route_alternatives(answers: &Answers, ctx: &Context, question: u8) -> Vec<Alternative> {
    let possible = possible_answers(question);
    let mut out: Vec<Alternative> = Vec::new();
    for o in options_in(possible) {
        let Some(route) = route_with(answers, ctx, question, o) else {
            continue;
        };
        match out.iter_mut().find(|alt| alt.route == route) {
            Some(alt) => alt.options |= 1 << o,
            None => out.push(Alternative {
                question,
                options: 1 << o,
                and: None,
                otherwise: false,
                route,
            }),
        }
    }
    // "Any other answer" would take in the answers left out, so it is said only when none is:
    // the possible answers are every option but "not sure".
    let options = QUESTIONS
        .get(usize::from(question))
        .map_or(0, |d| d.options.len());
    if possible.count_ones() as usize + 1 == options {
        // The place with the most answers goes last (the earliest of equals).
        let (mut most, mut best) = (0, 0);
        for (i, alt) in out.iter().enumerate() {
            if alt.options.count_ones() > best {
                (most, best) = (i, alt.options.count_ones());
            }
        }
        if out.len() > 1 {
            let mut last = out.remove(most);
            last.otherwise = true;
            out.push(last);
        }
    }
    out.into_iter()
        .flat_map(|alt| with_second_answer(alt, answers, ctx))
        .collect()
}

/// `alt` as it is, or, when its place depends on a second question the visitor is not sure of
/// either, one alternative per place of that question's possible answers. Options of `alt` that
/// lead to the same places for the same second answers are listed together.
fn with_second_answer(alt: Alternative, answers: &Answers, ctx: &Context) -> Vec<Alternative> {
    let second = match depends_on(alt.route) {
        Some(q) if q != alt.question && is_not_sure(answers, q) => q,
        _ => return vec![alt],
    };
    let mut out: Vec<Alternative> = Vec::new();
    for o in alt.option_list() {
        let mut a = *answers;
        a.set_index(alt.question, Answer::Choice(o));
        // The places of the second question's answers, with this option in place of the first
        // "not sure" (which ends the recursion: the first question is answered now).
        let places = route_alternatives(&a, ctx, second);
        // Options with the same places as an earlier option join its alternatives.
        let same = |earlier: &[Alternative]| {
            earlier.len() == places.len()
                && earlier
                    .iter()
                    .zip(&places)
                    .all(|(e, p)| e.route == p.route && e.and == Some((second, p.options)))
        };
        match out
            .chunk_by_mut(|x, y| x.options == y.options)
            .find(|g| same(g))
        {
            Some(group) => group.iter_mut().for_each(|e| e.options |= 1 << o),
            None => out.extend(places.iter().map(|p| Alternative {
                question: alt.question,
                options: 1 << o,
                and: Some((second, p.options)),
                // Each is listed with its answers: "for any other answer" would not say which
                // second answer it means.
                otherwise: false,
                route: p.route,
            })),
        }
    }
    out
}

/// The places an answer's route stands for, if its route is a "depends" route (`rows` are the
/// answer's headline rows); empty otherwise.
pub fn of(rows: &[Row], answers: &Answers, ctx: &Context) -> Vec<Alternative> {
    rows.iter()
        .find_map(|r| match r {
            Row::Route(route) => depends_on(*route),
            _ => None,
        })
        .map(|question| route_alternatives(answers, ctx, question))
        .unwrap_or_default()
}
