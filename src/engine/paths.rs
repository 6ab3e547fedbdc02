//! Every answer path of a journey, walked depth first: one walk shared by the verifier (which
//! checks every path) and the page cover (which picks the pages the accessibility test opens).
//!
//! The walk tries every option of every question the flow asks, and boundary samples of dates,
//! counts and zones ([`candidates`]). A complete path (a leaf) is evaluated once per open/closed
//! state of the region's business hours at the [`sample_instants`]: rules see the clock only
//! through that state (dates are compared by day, and the sampled dates are far from every
//! boundary within the sample week), so the other instants would only move deadlines.

use crate::engine::answers::{Answer, Answers};
use crate::engine::derived::region_weekly_hours;
use crate::engine::evaluate::{evaluate_in, Context};
use crate::engine::flow::{narrowing_by, next_question_in, offered_options};
use crate::engine::outcome::Outcome;
use crate::hours::{CustomerZone, WeeklyHours};
use crate::policy::data::QUESTIONS;
use crate::policy::model::{QuestionKind, Rule};
use crate::policy::Journey;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// What a walk reports to its user.
pub trait PathVisitor {
    /// The flow asks `question` next, after `answers`; `asked` are the questions before it, in
    /// asking order.
    fn question(&mut self, _question: u8, _answers: &Answers, _asked: &[u8]) {}
    /// A complete path evaluated at `now` (once per open/closed state of the region's hours).
    fn leaf(&mut self, answers: &Answers, asked: &[u8], now: DateTime<Utc>, out: &Outcome);
    /// Every instant of the complete path `answers` has been reported to [`Self::leaf`].
    fn leaf_done(&mut self, _answers: &Answers, _asked: &[u8]) {}
    /// The subtree of one option of the question last reported has been walked.
    fn option_done(&mut self) {}
    /// Every option of the question last reported has been walked; `answers` are as they were
    /// before it was asked.
    fn question_done(&mut self, _answers: &Answers) {}
}

/// One walk over the answer tree of a journey under a rule set.
pub struct PathWalk<'a> {
    rules: &'a [Rule],
    journey: Journey,
    instants: &'a [DateTime<Utc>],
    /// The questions on the way to the current node, in asking order.
    asked: Vec<u8>,
    /// Complete paths seen.
    pub paths: u64,
    /// Flow steps and evaluations done (the verifier's measure of work).
    pub evaluations: u64,
    /// The instants picked for the last business hours seen (`pick_instants`).
    picked: Option<(Option<WeeklyHours>, Picked)>,
}

impl<'a> PathWalk<'a> {
    pub fn new(rules: &'a [Rule], journey: Journey, instants: &'a [DateTime<Utc>]) -> Self {
        PathWalk {
            rules,
            journey,
            instants,
            asked: Vec::new(),
            paths: 0,
            evaluations: 0,
            picked: None,
        }
    }

    /// Walks every path that extends `answers` (left as it was found).
    pub fn run(&mut self, answers: &mut Answers, visitor: &mut impl PathVisitor) {
        self.evaluations += 1;
        match next_question_in(self.rules, answers, self.journey) {
            None => self.leaf(answers, visitor),
            Some(q) => {
                visitor.question(q, answers, &self.asked);
                self.asked.push(q);
                for a in candidates(q, answers) {
                    answers.set_index(q, a);
                    self.run(answers, visitor);
                    visitor.option_done();
                }
                self.asked.pop();
                answers.clear(q);
                visitor.question_done(answers);
            }
        }
    }

    fn leaf(&mut self, answers: &Answers, visitor: &mut impl PathVisitor) {
        self.paths += 1;
        let hours = region_weekly_hours(answers);
        // Neighbouring leaves mostly share their region and zone: reuse the instants picked for
        // the last business hours seen rather than converting every instant again.
        let picked = match self.picked {
            Some((h, picked)) if h == hours => picked,
            _ => {
                let picked = pick_instants(hours, self.instants);
                self.picked = Some((hours, picked));
                picked
            }
        };
        for now in picked.into_iter().flatten() {
            let ctx = Context {
                now: Some(now),
                holidays: &[],
            };
            let out = evaluate_in(self.rules, answers, &ctx);
            self.evaluations += 1;
            visitor.leaf(answers, &self.asked, now, &out);
        }
        visitor.leaf_done(answers, &self.asked);
    }
}

/// The first of `instants` at which `hours` are open and the first at which they are closed (the
/// first instant only, without hours), in the order of `instants`.
fn pick_instants(hours: Option<WeeklyHours>, instants: &[DateTime<Utc>]) -> Picked {
    let mut seen = [false; 2];
    let mut picked = [None; 2];
    let chosen = instants.iter().copied().filter(|&now| {
        let state = hours.map_or(0, |h| usize::from(h.is_open(now, &[])));
        !std::mem::replace(&mut seen[state], true)
    });
    for (slot, now) in picked.iter_mut().zip(chosen) {
        *slot = Some(now);
    }
    picked
}

/// At most two instants: one per open/closed state.
type Picked = [Option<DateTime<Utc>>; 2];

/// Instants each leaf is evaluated at: a working week in February 2025 seen from every support
/// region (early, middle and late UTC hours, so each region is both open and closed), plus a
/// weekend instant.
pub fn sample_instants() -> Vec<DateTime<Utc>> {
    [(3, 2, 0), (4, 9, 0), (5, 16, 30), (6, 23, 0), (8, 12, 0)]
        .iter()
        .filter_map(|&(d, h, m)| Utc.with_ymd_and_hms(2025, 2, d, h, m, 0).single())
        .collect()
}

/// The answers the walk tries for a question that is not a choice.
fn samples(kind: QuestionKind) -> Vec<Answer> {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map(Answer::Date);
    match kind {
        QuestionKind::Choice => Vec::new(),
        // Recent and old relative to the sample week (reopen: < / >= 3 months; agreements:
        // active / expired under every validity period), and one after it, which cannot be a
        // closing or activation date.
        QuestionKind::Date => [
            date(2025, 1, 20),
            date(2024, 11, 5),
            date(2023, 6, 1),
            date(2025, 3, 20),
        ]
        .into_iter()
        .flatten()
        .collect(),
        QuestionKind::Count => vec![Answer::Count(0), Answer::Count(3)],
        // One zone with an unusual offset exercises the "local time" rows; named-zone regions
        // do not depend on it.
        QuestionKind::Zone => CustomerZone::parse("Asia/Kathmandu")
            .map(Answer::Zone)
            .into_iter()
            .collect(),
    }
}

/// Every answer the walk tries for question `q` after `answers`: the options a choice offers,
/// boundary samples otherwise.
///
/// A narrowing question (the kind of help) is tried with the answers that list options only. An
/// answer that offers every option ("not sure") leads to the same situations as those answers
/// together, and nothing reads the narrowing answer (the verifier checks), so its subtree holds
/// the same outcomes again: walking it would double the largest journeys for nothing.
pub fn candidates(q: u8, answers: &Answers) -> Vec<Answer> {
    if let Some(n) = narrowing_by(q) {
        return n.offers.iter().map(|(a, _)| Answer::Choice(*a)).collect();
    }
    match QUESTIONS.get(usize::from(q)).map(|d| d.kind) {
        Some(QuestionKind::Choice) => offered_options(q, answers)
            .into_iter()
            .map(Answer::Choice)
            .collect(),
        Some(kind) => samples(kind),
        None => Vec::new(),
    }
}
