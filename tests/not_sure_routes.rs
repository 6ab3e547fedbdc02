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
    depends_on, options_in, possible_answers, route_alternatives,
};

/// Whether `q` is answered "I am not sure".
fn not_sure(answers: &Answers, q: u8) -> bool {
    let options = QUESTIONS[usize::from(q)].options;
    answers
        .choice(q)
        .is_some_and(|o| options.get(usize::from(o)) == Some(&"not_sure"))
}

#[derive(Default)]
struct Check {
    paths: u64,
    not_sure: u64,
    /// "Depends" routes whose places were compared with the possible answers', per question.
    depends_checked: std::collections::BTreeMap<&'static str, u64>,
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
                .map(|o| {
                    let mut a = *answers;
                    a.set_index(q, Answer::Choice(o));
                    evaluate_with(&a, &ctx).slot_value(s::ROUTE)
                })
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
                        let listed = route_alternatives(answers, &ctx, q);
                        listed.len() == routes.len()
                            && listed.iter().all(|alt| routes.contains(&Some(alt.route)))
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
    assert!(check.failures.is_empty(), "{}", check.failures.join("\n"));
}
