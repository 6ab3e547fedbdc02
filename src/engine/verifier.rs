//! The exhaustive verifier. For every journey it walks the tree of reachable answers (every
//! option of every question the flow asks; dates, counts and zones at the boundaries that
//! matter), evaluates every leaf at sampled instants, and checks:
//!
//! * every path ends in a complete outcome (the slots its journey must fill are filled);
//! * no two rules of equal priority conclude different values for one slot on any path;
//! * every rule fires on at least one path, and every question is asked on at least one;
//! * every citation points to existing lines of an existing seed document;
//! * every invariant (`policy/invariants.toml`: the sources' universal statements) holds on
//!   every path; a violation is reported with the shortest path that breaks it and a deep link;
//! * every override that happens on some path (a rule's conclusion losing to a higher-priority
//!   rule) is declared in `policy/overrides.toml` with its reason, and every declaration is used.
//!
//! Runs in `cargo test` (tests/verifier.rs) and from the CLI (`support-navigator-cli verify`).

use crate::engine::answers::{Answer, Answers};
use crate::engine::flow::next_question_in;
use crate::engine::invariant_check::{CheckValues, InvariantIndex};
use crate::engine::outcome::Outcome;
pub use crate::engine::paths::{candidates, sample_instants};
use crate::engine::paths::{PathVisitor, PathWalk};
use crate::engine::question_use::{QuestionUse, UnusedQuestion};
use crate::policy::data::{
    rule_label, s, slot_index, DECLARED_OVERRIDES, INVARIANTS, NARROWINGS, QUESTIONS, REGION_HOURS,
    RESPONSE_TARGETS, RULES, SEEDS, SLOTS, SLOT_COUNT,
};
use crate::policy::model::{Atom, CheckAtom, CheckVar, Citation, Invariant, Rule, Var};
use crate::policy::Journey;
use crate::state::route::{Page, Route};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};
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
    /// Invariants broken on some path, each with the shortest such path.
    pub violations: Vec<Violation>,
    /// Overrides that happen on some path and that no declaration covers.
    pub undeclared_overrides: Vec<String>,
    /// Declarations (`policy/overrides.toml`) that no path uses: stale, or too broad a pattern.
    pub unused_declarations: Vec<&'static str>,
    /// Distinct (winner, loser, slot) overrides seen on some path, all declared when `ok()`.
    pub override_pairs: usize,
    /// Questions asked on some path where no answer to them changes the result, each with the
    /// shortest such path.
    pub unused_questions: Vec<UnusedQuestion>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.unfired_rules.is_empty()
            && self.unasked_questions.is_empty()
            && self.problems.is_empty()
            && self.violations.is_empty()
            && self.undeclared_overrides.is_empty()
            && self.unused_declarations.is_empty()
            && self.unused_questions.is_empty()
    }
}

impl Report {
    /// Every finding as one line each, for the CLI and the test's failure message.
    pub fn findings(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.violations.iter().map(|v| v.to_string()).collect();
        lines.extend(self.undeclared_overrides.iter().cloned());
        lines.extend(
            self.unused_declarations.iter().map(|d| {
                format!("declared override `{d}` happens on no path: remove or narrow it")
            }),
        );
        lines.extend(self.unused_questions.iter().map(|u| u.to_string()));
        lines.extend(self.problems.iter().cloned());
        if !self.unfired_rules.is_empty() {
            lines.push(format!(
                "rules that never fire: {}",
                self.unfired_rules.join(", ")
            ));
        }
        if !self.unasked_questions.is_empty() {
            lines.push(format!(
                "questions never asked: {}",
                self.unasked_questions.join(", ")
            ));
        }
        lines
    }
}

/// An invariant that does not hold, with the shortest path (fewest answers) that breaks it.
#[derive(Clone, Debug)]
pub struct Violation {
    /// The invariant's id, e.g. `EA-4`.
    pub invariant: &'static str,
    pub journey: Journey,
    /// The answers, as `question=option` pairs.
    pub answers: Vec<(&'static str, String)>,
    pub now: DateTime<Utc>,
    /// What failed: the requirement, as the outcome had it.
    pub detail: String,
}

impl Violation {
    /// The deep link (URL query) that opens this path's result in the app.
    pub fn link(&self) -> String {
        let mut route = Route {
            journey: Some(self.journey),
            page: Page::Result,
            ..Route::default()
        };
        for (q, v) in &self.answers {
            // The pairs came from valid answers, so they parse back.
            let _ = route.answers.set(q, v);
        }
        route.to_query()
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(q, v)| format!("{q}={v}"))
            .collect();
        write!(
            f,
            "invariant {} broken: {} in {} with {} at {}; open /{}",
            self.invariant,
            self.detail,
            self.journey.slug(),
            answers.join(" "),
            self.now.to_rfc3339(),
            self.link()
        )
    }
}

/// What an outcome had for an atom's variable, for a violation message.
fn describe(atom: &CheckAtom, answers: &Answers, out: &Outcome) -> String {
    match atom.var {
        CheckVar::Answered(q) | CheckVar::Question(q) => {
            let id = QUESTIONS.get(usize::from(q)).map_or("?", |d| d.id);
            let value = answers
                .pairs()
                .into_iter()
                .find(|(k, _)| *k == id)
                .map_or_else(|| "unanswered".to_string(), |(_, v)| v);
            format!("{id} = {value}")
        }
        CheckVar::Slot(s) => {
            let id = SLOTS.get(usize::from(s)).map_or("?", |d| d.id);
            format!("{id} = {}", out.value(id).unwrap_or("(unset)"))
        }
        CheckVar::ResponseClock => match out.response {
            Some(r) if r.around_the_clock => "response_clock = around_the_clock".into(),
            Some(_) => "response_clock = business_hours".into(),
            None => "response_clock = (none)".into(),
        },
        CheckVar::ResponseMinutes => match out.response {
            Some(r) => format!("response_minutes = {}", r.minutes),
            None => "response_minutes = (none)".into(),
        },
    }
}

/// Why an invariant fails on this outcome, or `None` when it holds (or does not apply).
fn invariant_failure(
    inv: &Invariant,
    rules: &[Rule],
    values: &CheckValues,
    answers: &Answers,
    out: &Outcome,
) -> Option<String> {
    if !inv.when.iter().all(|a| values.holds(a)) {
        return None;
    }
    if let Some(a) = inv.require.iter().find(|a| !values.holds(a)) {
        return Some(format!(
            "it requires otherwise, but {}",
            describe(a, answers, out)
        ));
    }
    let shown = |r: &u16| out.fired.contains(r) && !out.is_overridden(*r);
    let label = |group: &[u16]| {
        group
            .first()
            .and_then(|&r| rules.get(usize::from(r)))
            .map_or_else(String::new, |r| r.id.to_string())
    };
    if let Some(group) = inv.shows.iter().find(|g| !g.iter().any(shown)) {
        return Some(format!("{} is not shown", label(group)));
    }
    if let Some(group) = inv.hides.iter().find(|g| g.iter().any(shown)) {
        return Some(format!("{} is shown", label(group)));
    }
    None
}

/// The verifier's side of a walk (`engine::paths`): what it has found so far.
struct Walk<'a> {
    rules: &'a [Rule],
    journey: Journey,
    required: Vec<u8>,
    /// The invariants that apply to the journey, each with its index in `INVARIANTS`.
    invariants: Vec<(usize, &'static Invariant)>,
    /// Which of `invariants` (by position) can apply to an outcome.
    invariant_index: InvariantIndex,
    fired: Vec<bool>,
    asked: Vec<bool>,
    paths: u64,
    evaluations: u64,
    problems: Vec<String>,
    /// Per invariant (index into `INVARIANTS`), the shortest violating path found so far.
    violations: Vec<Option<Violation>>,
    /// Per (winner, loser) rule pair, a bit per slot it was overridden on.
    overrides: Vec<u32>,
    /// The first path each (winner, loser, slot) was seen on.
    override_examples: Vec<((u16, u16, u8), String)>,
    /// Whether each question asked changes the result.
    question_use: QuestionUse,
}

const MAX_PROBLEMS: usize = 40;

impl PathVisitor for Walk<'_> {
    fn question(&mut self, question: u8, _answers: &Answers, _asked: &[u8]) {
        if let Some(a) = self.asked.get_mut(usize::from(question)) {
            *a = true;
        }
        self.question_use.question(question);
    }

    fn leaf_done(&mut self, answers: &Answers, asked: &[u8]) {
        self.question_use.leaf_done(answers, asked);
    }

    fn option_done(&mut self) {
        self.question_use.option_done();
    }

    fn question_done(&mut self, answers: &Answers) {
        self.question_use.question_done(answers);
    }

    fn leaf(&mut self, answers: &Answers, _asked: &[u8], now: DateTime<Utc>, out: &Outcome) {
        self.question_use.outcome(out);
        self.check(answers, out);
        self.check_invariants(answers, out, now);
        self.record_overrides(answers, out);
    }
}

impl Walk<'_> {
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
                self.rules
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
        if out.response.is_some() && out.slots[usize::from(s::SEVERITY)].is_none() {
            let p = format!("a response target without a severity at {}", path());
            self.problems.push(p);
        }
    }

    fn check_invariants(&mut self, answers: &Answers, out: &Outcome, now: DateTime<Utc>) {
        let values = CheckValues::new(answers, out);
        for i in self.invariant_index.applying(&values) {
            let Some(&(index, inv)) = self.invariants.get(i) else {
                continue;
            };
            let Some(detail) = invariant_failure(inv, self.rules, &values, answers, out) else {
                continue;
            };
            let length = (0..QUESTIONS.len())
                .filter_map(|q| u8::try_from(q).ok())
                .filter(|&q| answers.get(q).is_some())
                .count();
            let Some(best) = self.violations.get_mut(index) else {
                continue;
            };
            if best.as_ref().is_none_or(|v| length < v.answers.len()) {
                *best = Some(Violation {
                    invariant: inv.id,
                    journey: self.journey,
                    answers: answers.pairs(),
                    now,
                    detail,
                });
            }
        }
    }

    fn record_overrides(&mut self, answers: &Answers, out: &Outcome) {
        let n = self.rules.len();
        for o in &out.overrides {
            let at = usize::from(o.winner) * n + usize::from(o.loser);
            let bit = 1u32 << (o.slot % 32);
            let Some(seen) = self.overrides.get_mut(at) else {
                continue;
            };
            if *seen & bit == 0 {
                *seen |= bit;
                let path = format!("{} {:?}", self.journey.slug(), answers.pairs());
                self.override_examples
                    .push(((o.winner, o.loser, o.slot), path));
            }
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
    for i in INVARIANTS {
        check(format!("invariant {}", i.id), i.cite);
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
fn walk_part<'a>(
    rules: &'a [Rule],
    journey: Journey,
    first: Option<(u8, Answer)>,
    instants: &'a [DateTime<Utc>],
) -> Walk<'a> {
    let invariants: Vec<(usize, &'static Invariant)> = INVARIANTS
        .iter()
        .enumerate()
        .filter(|(_, i)| i.journeys.is_empty() || i.journeys.contains(&journey))
        .collect();
    let by_position: Vec<&Invariant> = invariants.iter().map(|&(_, i)| i).collect();
    let mut walk = Walk {
        rules,
        invariant_index: InvariantIndex::new(&by_position),
        invariants,
        violations: vec![None; INVARIANTS.len()],
        overrides: vec![0; rules.len() * rules.len()],
        override_examples: Vec::new(),
        question_use: QuestionUse::new(journey),
        journey,
        required: required_slots(journey)
            .iter()
            .filter_map(|s| slot_index(s))
            .collect(),
        fired: vec![false; rules.len()],
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
    let mut paths = PathWalk::new(rules, journey, instants);
    paths.run(&mut answers, &mut walk);
    walk.paths = paths.paths;
    walk.evaluations = paths.evaluations;
    walk
}

/// Splits every journey by the answers to its first question, so the work spreads evenly over
/// the cores even though one journey (opening a request) is much larger than the others.
fn parts(rules: &[Rule]) -> Vec<(Journey, Option<(u8, Answer)>)> {
    let mut parts = Vec::new();
    for journey in Journey::ALL {
        match next_question_in(rules, &Answers::new(), journey) {
            Some(q) => {
                parts.extend(
                    candidates(q, &Answers::new())
                        .into_iter()
                        .map(|a| (journey, Some((q, a)))),
                );
            }
            None => parts.push((journey, None)),
        }
    }
    parts
}

/// Runs the whole verification of the compiled rules on all available cores.
pub fn verify() -> Report {
    verify_rules(RULES)
}

/// Runs the whole verification of `rules`, `RULES` or a copy of it in the same order (a test
/// plants a wrong rule to prove the verifier names the broken invariant and a path).
pub fn verify_rules(rules: &[Rule]) -> Report {
    let started = Instant::now();
    let instants = sample_instants();
    let work = parts(rules);
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
                        done.push(walk_part(rules, journey, first, instants));
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
    let mut fired = vec![false; rules.len()];
    let mut asked = vec![false; QUESTIONS.len()];
    let mut violations: Vec<Option<Violation>> = vec![None; INVARIANTS.len()];
    let mut overrides: BTreeMap<(u16, u16, u8), String> = BTreeMap::new();
    let mut unused: Vec<Option<UnusedQuestion>> = vec![None; QUESTIONS.len()];
    for w in &walks {
        keep_shortest(&mut unused, &w.question_use.unused, |u| u.before.len());
        keep_shortest(&mut violations, &w.violations, |v| v.answers.len());
        if let Some(path) = &w.question_use.zone_missing {
            report.problems.push(format!(
                "a time is shown in the visitor's zone but the time zone was never asked, in {} with {path:?}",
                w.journey.slug()
            ));
        }
        for (key, path) in &w.override_examples {
            overrides.entry(*key).or_insert_with(|| path.clone());
        }
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
    report.violations = violations.into_iter().flatten().collect();
    report.unused_questions = unused.into_iter().flatten().collect();
    check_overrides(rules, &overrides, &mut report);
    report.unfired_rules = rules
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
    report.problems.extend(check_narrowings(rules));
    report.elapsed = started.elapsed();
    report
}

/// A narrowing question (the kind of help) only offers some of a later question's options. The
/// walk tries only its answers that list options (`paths::candidates`), which is sound only if
/// nothing else reads it: no rule, no question's conditions, no invariant (checked here), and no
/// Rust code of the engine (`engine::derived` reads answers by name: keep the kind out of it).
pub fn check_narrowings(rules: &[Rule]) -> Vec<String> {
    let mut problems = Vec::new();
    for n in NARROWINGS {
        let by = n.by;
        let id = QUESTIONS.get(usize::from(by)).map_or("?", |d| d.id);
        let reads = |atoms: &[Atom]| atoms.iter().any(|a| a.var == Var::Question(by));
        for rule in rules.iter().filter(|r| reads(r.when)) {
            problems.push(format!(
                "rule {} reads `{id}`, which only narrows the options of a later question",
                rule_label(rule)
            ));
        }
        for question in QUESTIONS {
            if reads(question.ask_when) || question.ask_when_any.iter().any(|c| reads(c)) {
                problems.push(format!(
                    "question `{}` is asked depending on `{id}`, which only narrows the options of a later question",
                    question.id
                ));
            }
        }
        for invariant in INVARIANTS {
            let names = |atoms: &[CheckAtom]| {
                atoms.iter().any(
                    |a| matches!(a.var, CheckVar::Question(q) | CheckVar::Answered(q) if q == by),
                )
            };
            if names(invariant.when) || names(invariant.require) {
                problems.push(format!(
                    "invariant {} reads `{id}`, which only narrows the options of a later question",
                    invariant.id
                ));
            }
        }
    }
    problems
}

/// Merges one walk's findings into the best so far, slot by slot: the one with the shorter path
/// (`len`) wins, so a report shows the simplest example of each problem.
fn keep_shortest<T: Clone>(best: &mut [Option<T>], found: &[Option<T>], len: fn(&T) -> usize) {
    for (best, found) in best.iter_mut().zip(found) {
        if let Some(f) = found {
            if best.as_ref().is_none_or(|b| len(f) < len(b)) {
                *best = Some(f.clone());
            }
        }
    }
}

/// Every override seen must be declared; every declaration must be seen.
fn check_overrides(rules: &[Rule], seen: &BTreeMap<(u16, u16, u8), String>, report: &mut Report) {
    let label = |i: u16| {
        rules
            .get(usize::from(i))
            .map(rule_label)
            .unwrap_or_default()
    };
    let mut used = vec![false; DECLARED_OVERRIDES.len()];
    report.override_pairs = seen.len();
    for (&(winner, loser, slot), path) in seen {
        let declared = DECLARED_OVERRIDES.iter().position(|d| {
            d.winners.contains(&winner)
                && d.losers.contains(&loser)
                && d.slot.is_none_or(|s| s == slot)
        });
        match declared {
            Some(d) => used[d] = true,
            None => {
                let slot = SLOTS.get(usize::from(slot)).map_or("?", |s| s.id);
                report.undeclared_overrides.push(format!(
                    "{} overrides {} on `{slot}` without a declaration in policy/overrides.toml, at {path}",
                    label(winner),
                    label(loser)
                ));
            }
        }
    }
    // Only the compiled rules can use every declaration; a planted copy may not.
    if std::ptr::eq(rules, RULES) {
        report.unused_declarations = DECLARED_OVERRIDES
            .iter()
            .zip(&used)
            .filter(|(_, &u)| !u)
            .map(|(d, _)| d.label)
            .collect();
    }
}

// `Walk::overrides` keeps one bit per slot.
const _: () = assert!(SLOT_COUNT <= 32);
