//! The 60 public wizard scenarios (shared/spec/scenarios.md), as data in tests/scenarios.toml.
//!
//! * `scenario_ids_are_complete_and_unique`: SC-001 … SC-060, each exactly once.
//! * `scenario_data_is_well_formed`: every id, option, date, zone, slot value, response target,
//!   conflict id and skipped field in the file exists, and every answer belongs to its journey
//!   and is not ruled out by the answers alone. When this passes, a failure of the next test is
//!   about the knowledge base, not about the scenario data.
//! * `scenarios_match_the_spec`: each scenario is replayed through the journey (every answered
//!   question must be, when it is answered, the engine's `next_question`), evaluated at its
//!   `now`, and compared field by field. The answer's fields (route, coverage, filer, severity,
//!   response, contact by, language now, reopen, offer state, agreement expiry, sources differ)
//!   are read from the result page's view (`result::result_view`), by row kind, as the page shows
//!   them; the trace fields (clock, rules fired) from the outcome. All failing scenarios are
//!   reported in one message.
//!
//! A scenario that spans two journeys (e.g. a new incident that is also a reopen question) has
//! its second half in `[[scenario.also]]`: another journey, its answers and expectations, checked
//! the same way.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use support_navigator::engine::evaluate::holds;
use support_navigator::engine::flow::journey_questions;
use support_navigator::engine::{evaluate_with, next_question, Answers, Context, Outcome};
use support_navigator::policy::data::{
    question_index, rule_label, slot_index, CONFLICTS, QUESTIONS, RESPONSE_TARGETS, RULES, SLOTS,
};
use support_navigator::policy::model::Var;
use support_navigator::policy::Journey;
use support_navigator::result::{result_view, ResultView, Row, RowKind};

const SCENARIOS_TOML: &str = include_str!("scenarios.toml");
const SCENARIO_COUNT: usize = 60;

/// Expectation fields that hold a slot value id, with the slot they are compared to.
const SLOT_FIELDS: &[(&str, &str)] = &[
    ("route", "route"),
    ("coverage", "coverage"),
    ("filer", "filer"),
    ("severity", "severity"),
    ("language_now", "language_now"),
    ("reopen", "reopen"),
    ("offer_state", "offer_state"),
];
/// Every field a `skip` list may name (besides `rule:ID`).
const FIELDS: &[&str] = &[
    "route",
    "coverage",
    "filer",
    "severity",
    "response",
    "clock",
    "contact_by",
    "language_now",
    "reopen",
    "offer_state",
    "agreement_expires",
    "sources_differ",
];
const UNSET: &str = "unset";

// ------------------------------------------------------------------------------------------
// The file
// ------------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    scenario: Vec<Scenario>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    id: String,
    title: String,
    journey: String,
    #[serde(default)]
    answers: BTreeMap<String, AnswerText>,
    now: String,
    #[serde(default)]
    #[allow(dead_code)] // documentation for readers of the TOML
    notes: Vec<String>,
    expect: Expect,
    exception: Option<Exception>,
    #[serde(default)]
    also: Vec<Also>,
}

/// The part of a scenario that another journey answers.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Also {
    journey: String,
    answers: BTreeMap<String, AnswerText>,
    #[serde(default)]
    #[allow(dead_code)] // documentation for readers of the TOML
    notes: Vec<String>,
    expect: Expect,
}

impl Scenario {
    /// The scenario and its parts in other journeys, each as a scenario of its own.
    fn parts(&self) -> Vec<Scenario> {
        let mut parts = vec![self.clone_part(&self.journey, &self.answers, &self.expect, true)];
        for a in &self.also {
            parts.push(self.clone_part(&a.journey, &a.answers, &a.expect, false));
        }
        parts
    }

    fn clone_part(
        &self,
        journey: &str,
        answers: &BTreeMap<String, AnswerText>,
        expect: &Expect,
        with_exception: bool,
    ) -> Scenario {
        Scenario {
            id: self.id.clone(),
            title: self.title.clone(),
            journey: journey.to_string(),
            answers: answers.clone(),
            now: self.now.clone(),
            notes: Vec::new(),
            expect: expect.clone(),
            exception: self.exception.as_ref().filter(|_| with_exception).cloned(),
            also: Vec::new(),
        }
    }
}

/// An answer as written: a string, or a bare number for counts.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum AnswerText {
    Text(String),
    Number(i64),
}

impl AnswerText {
    fn text(&self) -> String {
        match self {
            AnswerText::Text(s) => s.clone(),
            AnswerText::Number(n) => n.to_string(),
        }
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct Expect {
    route: Option<String>,
    coverage: Option<String>,
    filer: Option<String>,
    severity: Option<String>,
    response: Option<String>,
    clock: Option<String>,
    contact_by: Option<String>,
    language_now: Option<String>,
    reopen: Option<String>,
    offer_state: Option<String>,
    agreement_expires: Option<String>,
    sources_differ: Option<Vec<String>>,
    #[serde(default)]
    rules: Vec<String>,
}

impl Expect {
    fn slot_field(&self, field: &str) -> Option<&String> {
        match field {
            "route" => self.route.as_ref(),
            "coverage" => self.coverage.as_ref(),
            "filer" => self.filer.as_ref(),
            "severity" => self.severity.as_ref(),
            "language_now" => self.language_now.as_ref(),
            "reopen" => self.reopen.as_ref(),
            "offer_state" => self.offer_state.as_ref(),
            _ => None,
        }
    }
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Exception {
    reason: String,
    skip: Vec<String>,
}

impl Scenario {
    fn skips(&self, field: &str) -> bool {
        self.exception
            .as_ref()
            .is_some_and(|e| e.skip.iter().any(|s| s == field))
    }

    fn skips_rule(&self, rule: &str) -> bool {
        self.skips(&format!("rule:{rule}"))
    }

    /// The answers in the journey's asking order (vocabulary order), as `(question, value)`.
    fn answer_pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = self
            .answers
            .iter()
            .map(|(q, v)| (q.clone(), v.text()))
            .collect();
        pairs.sort_by_key(|(q, _)| question_index(q).unwrap_or(u8::MAX));
        pairs
    }
}

fn load() -> Vec<Scenario> {
    match toml::from_str::<ScenarioFile>(SCENARIOS_TOML) {
        Ok(file) => file.scenario,
        Err(e) => panic!("tests/scenarios.toml does not parse:\n{e}"),
    }
}

fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text).map_err(|e| format!("`{text}` is not RFC 3339 ({e})"))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("`{text}` is not yyyy-mm-dd"))
}

fn is_rule_id(text: &str) -> bool {
    let (id, part) = match text.split_once('/') {
        Some((id, part)) => (id, Some(part)),
        None => (text, None),
    };
    let Some((family, number)) = id.rsplit_once('-') else {
        return false;
    };
    !family.is_empty()
        && family
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && part.is_none_or(|p| !p.is_empty())
}

// ------------------------------------------------------------------------------------------
// Checking one scenario
// ------------------------------------------------------------------------------------------

/// Builds the answers; every refused answer is a data error.
fn build_answers(scn: &Scenario) -> (Answers, Vec<String>) {
    let mut answers = Answers::new();
    let mut errors = Vec::new();
    for (q, v) in scn.answer_pairs() {
        if let Err(e) = answers.set(&q, &v) {
            errors.push(format!("[data] answer {q} = {v:?}: {e}"));
        }
    }
    (answers, errors)
}

/// Static checks of the data alone (no rule involved).
fn data_errors(scn: &Scenario) -> Vec<String> {
    let mut errors = Vec::new();
    if scn.title.trim().is_empty() {
        errors.push("[data] empty title".to_string());
    }
    let journey = Journey::from_slug(&scn.journey);
    if journey.is_none() {
        errors.push(format!("[data] unknown journey `{}`", scn.journey));
    }
    let (answers, answer_errors) = build_answers(scn);
    errors.extend(answer_errors);
    if let Err(e) = parse_instant(&scn.now) {
        errors.push(format!("[data] now: {e}"));
    }

    // Every answered question belongs to the journey and is not ruled out by the answers alone
    // (conditions on slots depend on the rules and are checked by replaying the journey).
    if let Some(journey) = journey {
        let partial = evaluate_with(&answers, &Context::default());
        let question_atoms_hold = |q: u8| {
            QUESTIONS[usize::from(q)]
                .ask_when
                .iter()
                .filter(|a| matches!(a.var, Var::Question(_)))
                .all(|a| holds(a, &answers, &partial))
        };
        let only_question_atoms = |q: u8| {
            QUESTIONS[usize::from(q)]
                .ask_when
                .iter()
                .all(|a| matches!(a.var, Var::Question(_)))
        };
        let order: Vec<u8> = journey_questions(journey).collect();
        let last_answered = order.iter().rposition(|&q| answers.get(q).is_some());
        for (q, _) in scn.answer_pairs() {
            let Some(qi) = question_index(&q) else {
                continue;
            };
            if !order.contains(&qi) {
                errors.push(format!(
                    "[data] question {q} is not asked in journey {}",
                    scn.journey
                ));
            } else if !question_atoms_hold(qi) {
                errors.push(format!(
                    "[data] question {q} is never asked with these answers (its ask_when fails on the answers alone)"
                ));
            }
        }
        if let Some(last) = last_answered {
            for &q in &order[..last] {
                if answers.get(q).is_none() && only_question_atoms(q) && question_atoms_hold(q) {
                    errors.push(format!(
                        "[data] the journey asks {} before later answers, but the scenario does not answer it",
                        QUESTIONS[usize::from(q)].id
                    ));
                }
            }
        }
    }

    // Expected values exist in the vocabulary.
    let e = &scn.expect;
    for &(field, slot) in SLOT_FIELDS {
        if let Some(value) = e.slot_field(field) {
            let known = slot_index(slot)
                .and_then(|s| SLOTS.get(usize::from(s)))
                .is_some_and(|s| s.values.contains(&value.as_str()));
            if value != UNSET && !known {
                errors.push(format!(
                    "[data] {field} = {value:?} is not a value of slot {slot}"
                ));
            }
        }
    }
    if let Some(r) = &e.response {
        // `silent`: an incident is filed, but the sources state no response time for it.
        if r != UNSET && r != "silent" && !RESPONSE_TARGETS.iter().any(|t| t.id == r) {
            errors.push(format!(
                "[data] response = {r:?} is neither a response target id nor silent"
            ));
        }
    }
    if let Some(c) = &e.clock {
        if !["around_the_clock", "business_hours", UNSET].contains(&c.as_str()) {
            errors.push(format!(
                "[data] clock = {c:?} is not around_the_clock / business_hours / unset"
            ));
        }
    }
    if let Some(t) = &e.contact_by {
        if let Err(err) = parse_instant(t) {
            errors.push(format!("[data] contact_by: {err}"));
        }
    }
    if let Some(d) = &e.agreement_expires {
        if let Err(err) = parse_date(d) {
            errors.push(format!("[data] agreement_expires: {err}"));
        }
    }
    for c in e.sources_differ.iter().flatten() {
        match CONFLICTS.iter().find(|k| k.id == c) {
            None => errors.push(format!("[data] sources_differ: unknown conflict {c}")),
            Some(k) if !k.tell_user => errors.push(format!(
                "[data] sources_differ: {c} has tell_user = false, it is never shown"
            )),
            Some(_) => {}
        }
    }
    let mut seen = BTreeSet::new();
    for r in &e.rules {
        if !is_rule_id(r) {
            errors.push(format!("[data] rules: `{r}` is not a rule id"));
        }
        if !seen.insert(r) {
            errors.push(format!("[data] rules: {r} listed twice"));
        }
    }
    if let Some(x) = &scn.exception {
        if x.reason.trim().is_empty() {
            errors.push("[data] exception without a reason".to_string());
        }
        for s in &x.skip {
            let ok = match s.strip_prefix("rule:") {
                Some(rule) => e.rules.contains(&rule.to_string()),
                None => FIELDS.contains(&s.as_str()),
            };
            if !ok {
                errors.push(format!(
                    "[data] exception skips `{s}`, which is neither a field nor `rule:` + a listed rule"
                ));
            }
        }
    }
    errors
}

/// Replays the answers through the journey: each answered question must be the engine's next
/// question at the moment it is answered.
fn path_problems(scn: &Scenario, journey: Journey) -> Vec<String> {
    let given: BTreeMap<String, String> = scn.answer_pairs().into_iter().collect();
    let mut current = Answers::new();
    let mut asked: Vec<&'static str> = Vec::new();
    let mut stopped_at: Option<&'static str> = None;
    while let Some(q) = next_question(&current, journey) {
        let id = QUESTIONS[usize::from(q)].id;
        let Some(value) = given.get(id) else {
            stopped_at = Some(id);
            break;
        };
        if current.set(id, value).is_err() {
            break; // reported as a data error
        }
        asked.push(id);
        if asked.len() == given.len() {
            break;
        }
    }
    let never: Vec<String> = scn
        .answer_pairs()
        .into_iter()
        .map(|(q, _)| q)
        .filter(|q| !asked.contains(&q.as_str()))
        .collect();
    if never.is_empty() {
        return Vec::new();
    }
    let then = match stopped_at {
        Some(q) => format!("then asks {q}, which the scenario does not answer"),
        None => "then has nothing more to ask".to_string(),
    };
    vec![format!(
        "[path] the {} journey never asks {} (it asks {} and {then})",
        scn.journey,
        never.join(", "),
        if asked.is_empty() {
            "nothing answered".to_string()
        } else {
            asked.join(" > ")
        },
    )]
}

/// The row kind that shows a scenario field.
fn row_kind(field: &str) -> Option<RowKind> {
    RowKind::ALL.into_iter().find(|k| k.id() == field)
}

/// The id of the value a headline row of `view` shows for `field` (None: no such row).
fn shown_value(view: &ResultView, field: &str) -> Option<&'static str> {
    let kind = row_kind(field)?;
    let row = view.headline.iter().find(|r| r.kind() == kind)?;
    let (slot, value) = match *row {
        Row::Route(v) => ("route", v),
        Row::Coverage(v) => ("coverage", v),
        Row::Filer(v) => ("filer", v),
        Row::Severity(v) => ("severity", v),
        Row::LanguageNow(v) => ("language_now", v),
        Row::Reopen(v) => ("reopen", v),
        Row::OfferState(v) => ("offer_state", v),
        Row::Response { value, .. } => ("response", value),
        _ => return None,
    };
    let slot = SLOTS.get(usize::from(slot_index(slot)?))?;
    slot.values.get(usize::from(value)).copied()
}

fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| UNSET.to_string(), str::to_string)
}

fn setter(outcome: &Outcome, slot: &str) -> String {
    outcome
        .rule_for(slot)
        .map(|r| format!(" (set by {})", rule_label(r)))
        .unwrap_or_default()
}

/// Compares the outcome with the expectation; returns field-level differences.
fn outcome_problems(scn: &Scenario, outcome: &Outcome, view: &ResultView) -> Vec<String> {
    let e = &scn.expect;
    let mut out = Vec::new();

    for &(field, slot) in SLOT_FIELDS {
        let Some(expected) = e.slot_field(field) else {
            continue;
        };
        if scn.skips(field) {
            continue;
        }
        let actual = shown_value(view, field);
        let ok = if expected == UNSET {
            actual.is_none()
        } else {
            actual == Some(expected.as_str())
        };
        if !ok {
            out.push(format!(
                "{field}: expected {expected}, got {}{}",
                shown(actual),
                setter(outcome, slot)
            ));
        }
    }

    if let (Some(expected), false) = (&e.response, scn.skips("response")) {
        // The response slot: a table cell (whose deadline the engine derives) or `silent`.
        let actual = shown_value(view, "response");
        let ok = if expected == UNSET {
            actual.is_none()
        } else {
            actual == Some(expected.as_str())
        };
        if !ok {
            out.push(format!(
                "response: expected {expected}, got {}{}",
                shown(actual),
                setter(outcome, "response")
            ));
        }
    }

    if let (Some(expected), false) = (&e.clock, scn.skips("clock")) {
        // The effective clock of the response target; without one, the clock slot itself.
        let actual = match outcome.response {
            Some(r) if r.around_the_clock => Some("around_the_clock"),
            Some(_) => Some("business_hours"),
            None => outcome.value("clock"),
        };
        let ok = if expected == UNSET {
            actual.is_none()
        } else {
            actual == Some(expected.as_str())
        };
        if !ok {
            let by = match (outcome.response, outcome.rule_for("clock")) {
                (Some(r), _) => RULES
                    .get(usize::from(r.clock_rule))
                    .map(|rule| format!(" (decided by {})", rule_label(rule)))
                    .unwrap_or_default(),
                (None, Some(rule)) => format!(" (set by {})", rule_label(rule)),
                (None, None) => String::new(),
            };
            out.push(format!(
                "clock: expected {expected}, got {}{by}",
                shown(actual)
            ));
        }
    }

    if let (Some(text), false) = (&e.contact_by, scn.skips("contact_by")) {
        if let Ok(expected) = parse_instant(text) {
            let actual = view.headline.iter().find_map(|r| match *r {
                Row::ContactBy(at) => Some(at),
                _ => None,
            });
            if actual != Some(expected.with_timezone(&Utc)) {
                let got = actual.map_or_else(
                    || "none".to_string(),
                    |a| a.with_timezone(expected.offset()).to_rfc3339(),
                );
                out.push(format!(
                    "contact_by: expected {}, got {got}",
                    expected.to_rfc3339()
                ));
            }
        }
    }

    if let (Some(text), false) = (&e.agreement_expires, scn.skips("agreement_expires")) {
        if let Ok(expected) = parse_date(text) {
            let actual = view.headline.iter().find_map(|r| match *r {
                Row::AgreementExpires(d) => Some(d),
                _ => None,
            });
            if actual != Some(expected) {
                out.push(format!(
                    "agreement_expires: expected {expected}, got {}",
                    actual.map_or_else(|| "none".to_string(), |d| d.to_string())
                ));
            }
        }
    }

    if let (Some(expected), false) = (&e.sources_differ, scn.skips("sources_differ")) {
        let actual: Vec<&str> = view.sources_differ.iter().map(|c| c.id).collect();
        let missing: Vec<&str> = expected
            .iter()
            .map(String::as_str)
            .filter(|c| !actual.contains(c))
            .collect();
        if !missing.is_empty() {
            out.push(format!(
                "sources_differ: {} not shown (shown: [{}])",
                missing.join(", "),
                actual.join(", ")
            ));
        }
    }

    let not_fired: Vec<&str> = e
        .rules
        .iter()
        .filter(|r| !scn.skips_rule(r) && !outcome.fired_rule(r))
        .map(String::as_str)
        .collect();
    if !not_fired.is_empty() {
        out.push(format!("rules not fired: {}", not_fired.join(", ")));
    }

    for c in &outcome.contradictions {
        let slot = SLOTS.get(usize::from(c.slot)).map_or("?", |s| s.id);
        let label = |i: u16| {
            RULES
                .get(usize::from(i))
                .map_or("?".to_string(), rule_label)
        };
        out.push(format!(
            "contradiction on {slot}: {} vs {} (equal priority, different values)",
            label(c.first),
            label(c.second)
        ));
    }
    out
}

/// Everything wrong with one scenario (empty = passes).
fn check(scn: &Scenario) -> Vec<String> {
    let mut problems = data_errors(scn);
    let (answers, _) = build_answers(scn);
    let Some(journey) = Journey::from_slug(&scn.journey) else {
        return problems;
    };
    problems.extend(path_problems(scn, journey));
    let now = parse_instant(&scn.now).ok().map(|t| t.with_timezone(&Utc));
    let ctx = Context { now, holidays: &[] };
    let outcome = evaluate_with(&answers, &ctx);
    let view = result_view(journey, &answers, &ctx);
    problems.extend(outcome_problems(scn, &outcome, &view));
    problems
}

// ------------------------------------------------------------------------------------------
// Tests
// ------------------------------------------------------------------------------------------

#[test]
fn scenario_ids_are_complete_and_unique() {
    let scenarios = load();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &scenarios {
        *counts.entry(s.id.as_str()).or_default() += 1;
    }
    let mut problems = Vec::new();
    for n in 1..=SCENARIO_COUNT {
        let id = format!("SC-{n:03}");
        match counts.get(id.as_str()) {
            None => problems.push(format!("{id} is missing")),
            Some(1) => {}
            Some(k) => problems.push(format!("{id} appears {k} times")),
        }
    }
    for id in counts.keys() {
        let expected = id
            .strip_prefix("SC-")
            .filter(|n| n.len() == 3)
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| (1..=SCENARIO_COUNT).contains(&n));
        if !expected {
            problems.push(format!("unexpected id {id}"));
        }
    }
    assert!(
        problems.is_empty(),
        "scenario ids:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn scenario_data_is_well_formed() {
    let mut report = String::new();
    for scn in load().iter().flat_map(Scenario::parts) {
        let errors = data_errors(&scn);
        if !errors.is_empty() {
            let _ = writeln!(report, "{}: {}", scn.id, errors.join("\n    "));
        }
    }
    assert!(report.is_empty(), "scenario data errors:\n{report}");
}

#[test]
fn scenarios_match_the_spec() {
    let scenarios = load();
    let mut report = String::new();
    let mut failed = 0usize;
    for scn in scenarios.iter().flat_map(Scenario::parts) {
        let problems = check(&scn);
        if problems.is_empty() {
            continue;
        }
        failed += 1;
        let _ = writeln!(report, "\n{} [{}] {}", scn.id, scn.journey, scn.title);
        for p in problems {
            let _ = writeln!(report, "    {p}");
        }
    }
    let summary = format!(
        "scenarios: {} passed, {failed} failed",
        scenarios.len() - failed
    );
    println!("{summary}");
    assert!(failed == 0, "{report}\n{summary}");
}
