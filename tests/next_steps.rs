//! Every result page of every journey leads with a decision and at least one step the customer
//! can act on with a link: checked on every path the verifier walks (every answer, at instants
//! where each region is open and closed), not only on the scenarios.

use chrono::{DateTime, Utc};
use support_navigator::engine::outcome::Outcome;
use support_navigator::engine::paths::{sample_instants, PathVisitor, PathWalk};
use support_navigator::engine::{Answers, Context};
use support_navigator::policy::data::{v, QUESTIONS, RULES};
use support_navigator::policy::model::Section;
use support_navigator::policy::text::TextId;
use support_navigator::policy::Journey;
use support_navigator::result::alternatives;
use support_navigator::result::decision::{sentences, Sentence};
use support_navigator::result::explanations::sections;
use support_navigator::result::headline::{rows, Row};
use support_navigator::result::next_steps::{steps, Step, MOST};
use support_navigator::result::why::Reason;

#[derive(Default)]
struct Check {
    journey: Option<Journey>,
    paths: u64,
    failures: Vec<String>,
}

impl PathVisitor for Check {
    fn leaf(&mut self, answers: &Answers, _asked: &[u8], now: DateTime<Utc>, out: &Outcome) {
        let journey = self.journey.expect("set before the walk");
        self.paths += 1;
        let rows = rows(out);
        let secs = sections(out, answers, &rows);
        let documented = secs.iter().find(|s| s.section == Section::Steps);
        let decision = sentences(&rows);
        let ctx = Context {
            now: Some(now),
            holidays: &[],
        };
        let alternatives = alternatives::of(&rows, answers, &ctx);
        let steps = steps(journey, &rows, documented, &alternatives);
        let mut fail = |why: &str| {
            if self.failures.len() < 20 {
                self.failures
                    .push(format!("{journey:?} {why} at {now}: {:?}", answers.pairs()));
            }
        };
        // "This follows from your answers" names only answers this visitor gave, and rows of
        // this same answer other than the section's own.
        let given = |r: &Reason, own: Option<Row>| match r {
            Reason::Answered { question, answer } => (0..QUESTIONS.len())
                .filter_map(|q| u8::try_from(q).ok())
                .any(|q| {
                    answers.choice(q).is_some_and(|o| {
                        *question == TextId::question_summary(q) && *answer == TextId::option(q, o)
                    })
                }),
            Reason::Follows(row) => rows.contains(row) && Some(*row) != own,
        };
        if secs
            .iter()
            .any(|s| s.because.iter().any(|r| !given(r, s.gist)))
        {
            fail("a reason that is neither an answer nor another row");
        }
        if decision.is_empty() {
            fail("no decision");
        }
        if !steps.iter().any(Step::has_link) {
            fail("no step with a link");
        }
        if steps.is_empty() || steps.len() > MOST {
            fail("not 1 to 4 steps");
        }
        // "It depends": every place is a step with its link, at least two places, and every
        // answer but "not sure" leads to one of them.
        let depends = rows
            .iter()
            .any(|r| matches!(r, Row::Route(x) if alternatives::depends_on(*x).is_some()));
        if depends {
            let shown = steps
                .iter()
                .filter(|s| matches!(s, Step::IfAnswer { alternative, .. } if alternatives.contains(alternative)))
                .count();
            let options: u32 = alternatives.iter().map(|a| a.options).fold(0, |x, y| x | y);
            let concrete = alternatives.first().map_or(0, |a| {
                alternatives::possible_answers(a.question).count_ones()
            });
            if alternatives.len() < 2
                || shown != alternatives.len()
                || options.count_ones() != concrete
            {
                fail("a route that depends, without a step for each place");
            }
        }
        let not_covered = rows.contains(&Row::Coverage(v::coverage::NOT_COVERED));
        // "Not covered" never sits next to "file it there" or a severity to choose.
        if not_covered
            && decision.iter().any(|s| {
                matches!(s, Sentence::Choose(_))
                    || matches!(s, Sentence::Go(r) if *r == v::route::PPAC)
            })
        {
            fail("not covered, yet told to file or to choose a severity");
        }
        // "Reopen" never comes with the steps of a new request.
        if rows.contains(&Row::Reopen(v::reopen::REOPEN))
            && steps.iter().any(|s| matches!(s, Step::Documented(_)))
        {
            fail("reopen, with the steps of a new request");
        }
    }
}

#[test]
fn every_result_has_a_decision_and_a_step_with_a_link() {
    let instants = sample_instants();
    let mut total = 0;
    for journey in Journey::ALL {
        let mut check = Check {
            journey: Some(journey),
            ..Check::default()
        };
        PathWalk::new(RULES, journey, &instants).run(&mut Answers::new(), &mut check);
        assert!(check.paths > 0, "{journey:?}: no path walked");
        assert!(check.failures.is_empty(), "{}", check.failures.join("\n"));
        total += check.paths;
    }
    assert!(total > 1000, "only {total} paths walked");
}
