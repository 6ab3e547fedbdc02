//! The exhaustive verifier. For every journey it walks the tree of reachable answers (every
//! option of every question the flow asks; dates, counts and zones at the boundaries that
//! matter), evaluates every leaf at sampled instants, and checks:
//!
//! * every path ends in a complete outcome (the slots its journey must fill are filled);
//! * no two rules of equal priority conclude different values for one slot on any path;
//! * every rule fires on at least one path, and every question is asked on at least one;
//! * every citation points to existing lines of an existing seed document.
//!
//! Runs in `cargo test` (tests/verifier.rs) and from the CLI (`support-navigator-cli verify`).

use crate::engine::answers::{Answer, Answers};
use crate::engine::evaluate::{evaluate_with, Context};
use crate::engine::flow::next_question;
use crate::engine::outcome::Outcome;
use crate::hours::CustomerZone;
use crate::policy::data::{
    rule_label, slot_index, QUESTIONS, REGION_HOURS, RESPONSE_TARGETS, RULES, SEEDS, SLOTS,
};
use crate::policy::model::{Citation, QuestionKind};
use crate::policy::Journey;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// The slots each journey's result must fill.
pub fn required_slots(journey: Journey) -> &'static [&'static str] {
    match journey {
        Journey::OpenRequest => &["route", "coverage"],
        Journey::Coverage => &["coverage"],
        Journey::ComparePlans => &["coverage"],
        Journey::LanguageHours => &["language_now"],
        Journey::OnPremises => &["route", "coverage"],
        Journey::Reopen => &["reopen"],
        Journey::Billing => &["route"],
    }
}

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
        // active / expired under every validity period).
        QuestionKind::Date => [date(2025, 1, 20), date(2024, 11, 5), date(2023, 6, 1)]
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

/// Every answer the walk tries for question `q`: all options of a choice, boundary samples
/// otherwise.
pub(crate) fn candidates(q: u8) -> Vec<Answer> {
    match QUESTIONS
        .get(usize::from(q))
        .map(|d| (d.kind, d.options.len()))
    {
        Some((QuestionKind::Choice, n)) => (0..n)
            .filter_map(|o| u8::try_from(o).ok().map(Answer::Choice))
            .collect(),
        Some((kind, _)) => samples(kind),
        None => Vec::new(),
    }
}

/// What the verifier found.
#[derive(Debug, Default)]
pub struct Report {
    /// Leaves of the answer trees (complete answer sets).
    pub paths: u64,
    /// Evaluations run (leaves × instants, plus flow steps).
    pub evaluations: u64,
    pub elapsed: Duration,
    /// Labels of rules that never fired.
    pub unfired_rules: Vec<String>,
    /// Ids of questions never asked.
    pub unasked_questions: Vec<&'static str>,
    /// Everything else that is wrong, with an example path.
    pub problems: Vec<String>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.unfired_rules.is_empty()
            && self.unasked_questions.is_empty()
            && self.problems.is_empty()
    }
}

struct Walk<'a> {
    journey: Journey,
    required: Vec<u8>,
    instants: &'a [DateTime<Utc>],
    fired: Vec<bool>,
    asked: Vec<bool>,
    paths: u64,
    evaluations: u64,
    problems: Vec<String>,
}

const MAX_PROBLEMS: usize = 40;

impl Walk<'_> {
    fn walk(&mut self, answers: &mut Answers) {
        self.evaluations += 1;
        match next_question(answers, self.journey) {
            None => self.leaf(answers),
            Some(q) => {
                if let Some(a) = self.asked.get_mut(usize::from(q)) {
                    *a = true;
                }
                for a in candidates(q) {
                    answers.set_index(q, a);
                    self.walk(answers);
                }
                answers.clear(q);
            }
        }
    }

    fn leaf(&mut self, answers: &Answers) {
        self.paths += 1;
        // Rules see the clock only through the derived `region_open_now` slot (dates are
        // compared with the day, and the sampled dates are far from every boundary within the
        // sample week). So one evaluation per distinct open/closed state covers every rule path;
        // the other instants would only move deadlines, which rules do not read.
        let hours = crate::engine::derived::region_weekly_hours(answers);
        let mut seen = [false; 2];
        for &now in self.instants {
            let state = hours.map_or(0, |h| usize::from(h.is_open(now, &[])));
            if seen[state] {
                continue;
            }
            seen[state] = true;
            let out = evaluate_with(
                answers,
                &Context {
                    now: Some(now),
                    holidays: &[],
                },
            );
            self.evaluations += 1;
            self.check(answers, &out);
        }
    }

    fn check(&mut self, answers: &Answers, out: &Outcome) {
        for &r in &out.fired {
            if let Some(f) = self.fired.get_mut(usize::from(r)) {
                *f = true;
            }
        }
        if self.problems.len() >= MAX_PROBLEMS {
            return;
        }
        let path = || format!("{} {:?}", self.journey.slug(), answers.pairs());
        for c in &out.contradictions {
            let label = |i: u16| {
                RULES
                    .get(usize::from(i))
                    .map(rule_label)
                    .unwrap_or_default()
            };
            let slot = SLOTS.get(usize::from(c.slot)).map_or("?", |s| s.id);
            let p = format!(
                "contradiction on `{slot}`: {} vs {} at {}",
                label(c.first),
                label(c.second),
                path()
            );
            self.problems.push(p);
        }
        for &s in &self.required {
            if out.slots.get(usize::from(s)).copied().flatten().is_none() {
                let slot = SLOTS.get(usize::from(s)).map_or("?", |s| s.id);
                let p = format!("incomplete: `{slot}` not concluded at {}", path());
                self.problems.push(p);
            }
        }
        if out.response.is_some() && out.value("severity").is_none() {
            let p = format!("a response target without a severity at {}", path());
            self.problems.push(p);
        }
    }
}

/// Checks every citation of rules and facts against the seed documents' line counts.
pub fn check_citations() -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |what: String, cites: &[Citation]| {
        if cites.is_empty() {
            problems.push(format!("{what}: no citation"));
        }
        for c in cites {
            let ok = SEEDS
                .get(usize::from(c.seed))
                .is_some_and(|s| c.first >= 1 && c.first <= c.last && c.last <= s.line_count);
            if !ok {
                problems.push(format!("{what}: citation {c:?} does not resolve"));
            }
        }
    };
    for r in RULES {
        check(format!("rule {}", rule_label(r)), r.cite);
    }
    for t in RESPONSE_TARGETS {
        check(format!("response target {}", t.id), t.cite);
    }
    for h in REGION_HOURS {
        check(format!("business hours {}", h.region), h.cite);
    }
    problems
}

/// A unit of work: a journey, optionally with its first question fixed to one answer.
fn walk_part(
    journey: Journey,
    first: Option<(u8, Answer)>,
    instants: &[DateTime<Utc>],
) -> Walk<'_> {
    let mut walk = Walk {
        journey,
        required: required_slots(journey)
            .iter()
            .filter_map(|s| slot_index(s))
            .collect(),
        instants,
        fired: vec![false; RULES.len()],
        asked: vec![false; QUESTIONS.len()],
        paths: 0,
        evaluations: 0,
        problems: Vec::new(),
    };
    let mut answers = Answers::new();
    if let Some((q, a)) = first {
        if let Some(x) = walk.asked.get_mut(usize::from(q)) {
            *x = true;
        }
        answers.set_index(q, a);
    }
    walk.walk(&mut answers);
    walk
}

/// Splits every journey by the answers to its first question, so the work spreads evenly over
/// the cores even though one journey (opening a request) is much larger than the others.
fn parts() -> Vec<(Journey, Option<(u8, Answer)>)> {
    let mut parts = Vec::new();
    for journey in Journey::ALL {
        match next_question(&Answers::new(), journey) {
            Some(q) => {
                parts.extend(candidates(q).into_iter().map(|a| (journey, Some((q, a)))));
            }
            None => parts.push((journey, None)),
        }
    }
    parts
}

/// Runs the whole verification on all available cores.
pub fn verify() -> Report {
    let started = Instant::now();
    let instants = sample_instants();
    let work = parts();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let walks: Vec<Walk> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (instants, work, next) = (&instants, &work, &next);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&(journey, first)) = work.get(i) else {
                            break;
                        };
                        done.push(walk_part(journey, first, instants));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.join().ok())
            .flatten()
            .collect()
    });

    let mut report = Report::default();
    let mut fired = vec![false; RULES.len()];
    let mut asked = vec![false; QUESTIONS.len()];
    for w in &walks {
        report.paths += w.paths;
        report.evaluations += w.evaluations;
        report.problems.extend(w.problems.iter().cloned());
        for (f, &x) in fired.iter_mut().zip(&w.fired) {
            *f |= x;
        }
        for (a, &x) in asked.iter_mut().zip(&w.asked) {
            *a |= x;
        }
    }
    if walks.len() != work.len() {
        report.problems.push("a verifier thread panicked".into());
    }
    report.unfired_rules = RULES
        .iter()
        .zip(&fired)
        .filter(|(_, &f)| !f)
        .map(|(r, _)| rule_label(r))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    report.unasked_questions = QUESTIONS
        .iter()
        .zip(&asked)
        .filter(|(_, &a)| !a)
        .map(|(q, _)| q.id)
        .collect();
    report.problems.extend(check_citations());
    report.elapsed = started.elapsed();
    report
}
