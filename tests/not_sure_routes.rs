//! "I am not sure" never invents a place, and never hides one: on every path of every journey,
//! for every question answered "not sure", the route is what every concrete answer would give
//! when they all agree, and a "depends" route that lists each of their places when they do not.

use chrono::{DateTime, Utc};
use support_navigator::engine::outcome::Outcome;
use support_navigator::engine::paths::{sample_instants, PathVisitor, PathWalk};
use support_navigator::engine::{evaluate_with, Answer, Answers, Context};
use support_navigator::policy::data::{s, QUESTIONS, RULES};
use support_navigator::policy::Journey;
use support_navigator::result::alternatives::{
    depends_on, options_in, possible_answers, route_alternatives, Alternative,
};

/// Whether `q` is answered "I am not sure".
fn not_sure(answers: &Answers, q: u8) -> bool {
    let options = QUESTIONS[usize::from(q)].options;
    answers
        .choice(q)
        .is_some_and(|o| options.get(usize::from(o)) == Some(&"not_sure"))
}

/// The route with `set` in place of the answers to those questions.
fn route_with(answers: &Answers, ctx: &Context, set: &[(u8, u8)]) -> Option<u8> {
    let mut a = *answers;
    for &(q, o) in set {
        a.set_index(q, Answer::Choice(o));
    }
    evaluate_with(&a, ctx).slot_value(s::ROUTE)
}

/// Whether the places listed for "not sure" of `q` are exactly the places of its possible
/// answers: each listed place is where its answers lead (with a second "not sure" answer, where
/// each pair of answers leads), no listed place is itself "it depends", and every possible
/// answer (and pair) is listed exactly once.
fn lists_every_place(answers: &Answers, ctx: &Context, q: u8, nested: &mut u64) -> bool {
    let listed = route_alternatives(answers, ctx, q);
    let pairs = |alt: &Alternative| -> Vec<(u8, Option<u8>)> {
        let seconds: Vec<Option<u8>> = match alt.and {
            Some((_, mask)) => options_in(mask).map(Some).collect(),
            None => vec![None],
        };
        alt.option_list()
            .flat_map(|o| seconds.iter().map(move |&o2| (o, o2)))
            .collect()
    };
    let true_places = listed.iter().all(|alt| {
        depends_on(alt.route).is_none()
            && pairs(alt).into_iter().all(|(o, o2)| {
                let mut set = vec![(q, o)];
                if let (Some((second, _)), Some(o2)) = (alt.and, o2) {
                    set.push((second, o2));
                }
                route_with(answers, ctx, &set) == Some(alt.route)
            })
    });
    let mut listed_pairs: Vec<(u8, Option<u8>)> = listed.iter().flat_map(pairs).collect();
    let count = listed_pairs.len();
    listed_pairs.sort_unstable();
    listed_pairs.dedup();
    // The pairs there should be: each possible answer, or, where its place depends on a second
    // "not sure" answer, each possible answer with each possible second answer.
    let mut expected: Vec<(u8, Option<u8>)> = Vec::new();
    for o in options_in(possible_answers(q)) {
        match route_with(answers, ctx, &[(q, o)]).and_then(depends_on) {
            Some(second) if second != q && not_sure(answers, second) => {
                *nested += 1;
                expected.extend(options_in(possible_answers(second)).map(|o2| (o, Some(o2))));
            }
            _ => expected.push((o, None)),
        }
    }
    expected.sort_unstable();
    true_places && count == listed_pairs.len() && listed_pairs == expected
}

#[derive(Default)]
struct Check {
    paths: u64,
    not_sure: u64,
    /// "Depends" routes whose places were compared with the possible answers', per question.
    depends_checked: std::collections::BTreeMap<&'static str, u64>,
    /// Lists where a place depends on a second "not sure" answer too.
    nested_checked: u64,
    failures: Vec<String>,
}

impl PathVisitor for Check {
    fn leaf(&mut self, answers: &Answers, asked: &[u8], now: DateTime<Utc>, out: &Outcome) {
        self.paths += 1;
        let ctx = Context {
            now: Some(now),
            holidays: &[],
        };
        let route = out.slot_value(s::ROUTE);
        for &q in asked {
            let def = &QUESTIONS[usize::from(q)];
            if !not_sure(answers, q) {
                continue;
            }
            self.not_sure += 1;
            // The route each concrete answer gives (the rest of the answers as they are).
            // The answers a visitor who is not sure may have (`possible_answers` says which are
            // left out, and why).
            let mut routes = options_in(possible_answers(q))
                .map(|o| route_with(answers, &ctx, &[(q, o)]))
                .collect::<Vec<_>>();
            routes.sort_unstable();
            routes.dedup();
            let fine = match routes.as_slice() {
                // Every answer agrees: "not sure" changes nothing about where to go.
                [one] => route == *one,
                // They differ: the route says it depends on this question, and lists each place;
                // or, when another answer is "not sure" too, it may say it depends on that one.
                _ => match route.and_then(depends_on) {
                    Some(on) if on == q => {
                        *self.depends_checked.entry(def.id).or_default() += 1;
                        lists_every_place(answers, &ctx, q, &mut self.nested_checked)
                    }
                    Some(other) => not_sure(answers, other),
                    None => false,
                },
            };
            // One example of each kind of failure: the question, the route and the routes.
            let kind = format!(
                "{} = not_sure gives route {route:?}, the answers give {routes:?}",
                def.id
            );
            if !fine && !self.failures.iter().any(|f| f.starts_with(&kind)) {
                self.failures.push(format!("{kind}: {:?}", answers.pairs()));
            }
        }
    }
}

#[test]
fn not_sure_never_invents_or_hides_a_place() {
    // One instant: the route does not depend on the clock (the verifier's walk checks the rest
    // at every sample instant); this keeps the 8 extra evaluations per "not sure" cheap.
    let instants: Vec<DateTime<Utc>> = sample_instants().into_iter().take(1).collect();
    let mut check = Check::default();
    for journey in Journey::ALL {
        PathWalk::new(RULES, journey, &instants).run(&mut Answers::new(), &mut check);
    }
    assert!(
        check.not_sure > 1000,
        "only {} not-sure answers",
        check.not_sure
    );
    // The "depends" branch ran, for each question that has a "depends" route: the check is not
    // passed by never reaching it.
    let checked: Vec<&str> = check.depends_checked.keys().copied().collect();
    assert_eq!(
        checked,
        ["plan", "preview", "purchase_channel"],
        "{:?}",
        check.depends_checked
    );
    // And the case of two unknown answers (the plan, and whether the feature is released).
    assert!(check.nested_checked > 0, "no place depended on two answers");
    assert!(check.failures.is_empty(), "{}", check.failures.join("\n"));
}
