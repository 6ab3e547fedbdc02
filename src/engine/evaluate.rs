//! `evaluate(answers, now) -> Outcome`: runs every rule once, in the order build.rs fixed (every
//! writer of a slot before its readers), so evaluation is a single pass, total and deterministic.

use crate::engine::answers::Answers;
use crate::engine::derived;
use crate::engine::outcome::{Contradiction, Notice, Outcome, Override, Response, SlotValue};
use crate::hours::WeeklyHours;
use crate::policy::data::{
    q, s, v, CONFLICTS, QUESTION_COUNT, RESPONSE_TARGETS, RULES, RULE_EFFECTIVE, SLOT_COUNT,
};
use crate::policy::model::{Atom, Rule, Var};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// Marks a slot value as set by a calculator rather than a rule.
pub const DERIVED_RULE: u16 = u16::MAX;

/// What the evaluation may know besides the answers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The submission instant. Without it, time-dependent facts stay unknown.
    pub now: Option<DateTime<Utc>>,
    /// Public holidays (local dates of the support region). The sources name none.
    pub holidays: &'a [NaiveDate],
}

/// Evaluates the answers at `now`, with no holiday calendar.
pub fn evaluate(answers: &Answers, now: DateTime<Utc>) -> Outcome {
    evaluate_with(
        answers,
        &Context {
            now: Some(now),
            holidays: &[],
        },
    )
}

/// Evaluates the answers in a context. Never panics, for any answers.
pub fn evaluate_with(answers: &Answers, ctx: &Context) -> Outcome {
    evaluate_in(RULES, answers, ctx)
}

/// Evaluates the answers under `rules`, which must be `RULES` or a copy of it in the same order
/// (a test plants a wrong rule this way to prove the verifier catches it).
pub fn evaluate_in(rules: &[Rule], answers: &Answers, ctx: &Context) -> Outcome {
    let mut out = Outcome {
        slots: [None; SLOT_COUNT],
        fired: Vec::with_capacity(48),
        overrides: Vec::new(),
        contradictions: Vec::new(),
        response: None,
        language_window_opens: None,
        agreement_expires: None,
        sources_differ: Vec::new(),
        notices: Vec::new(),
    };

    let derived = derived::compute(answers, ctx.now, ctx.holidays);
    out.agreement_expires = derived.agreement_expires;
    for (slot, value) in derived.values {
        if let Some(cell) = out.slots.get_mut(usize::from(slot)) {
            *cell = Some(SlotValue {
                value,
                rule: DERIVED_RULE,
                priority: i8::MAX,
            });
        }
    }

    // Conditions are tested against one flat byte table of variable values (questions, then
    // slots; NONE = no value): the hot loop of every evaluation, so it must stay cheap.
    let mut vars = [NONE; VAR_COUNT];
    for (q, v) in vars.iter_mut().take(QUESTION_COUNT).enumerate() {
        if let Some(o) = u8::try_from(q).ok().and_then(|q| answers.choice(q)) {
            *v = o;
        }
    }
    for (slot, value) in out.slots.iter().enumerate() {
        if let (Some(v), Some(cell)) = (value, vars.get_mut(QUESTION_COUNT + slot)) {
            *cell = v.value;
        }
    }

    let today = derived.today;
    let mut agreeing: Vec<(u8, u16)> = Vec::with_capacity(16);
    // Natively, the rules the answers already rule out are skipped (`rule_index`), and the
    // others' atoms on questions, which the index has checked, are not tested again: the
    // outcome is the same. `atoms` are the atoms left to test.
    #[cfg(not(target_arch = "wasm32"))]
    let order = crate::engine::rule_index::RuleOrder::new(rules, vars.get(..QUESTION_COUNT));
    #[cfg(target_arch = "wasm32")]
    let order = rules.iter().map(|r| r.when).enumerate();
    for (at, atoms) in order {
        let Some(rule) = rules.get(at) else {
            break;
        };
        let Ok(index) = u16::try_from(at) else {
            break;
        };
        if !atoms.iter().all(|a| holds_in(a, &vars)) || !in_effect(index, today) {
            continue;
        }
        out.fired.push(index);
        for c in rule.then {
            conclude(
                &mut out,
                &mut agreeing,
                index,
                rule.priority,
                c.slot,
                c.value,
            );
            let current = out.slots.get(usize::from(c.slot)).copied().flatten();
            if let (Some(v), Some(cell)) =
                (current, vars.get_mut(QUESTION_COUNT + usize::from(c.slot)))
            {
                *cell = v.value;
            }
        }
    }

    for &i in &out.fired {
        let Some(rule) = rules.get(usize::from(i)) else {
            continue;
        };
        if let Some(c) = rule.conflict {
            let tell = CONFLICTS.get(usize::from(c)).is_some_and(|c| c.tell_user);
            if tell && !out.sources_differ.contains(&c) && !out.is_overridden(i) {
                out.sources_differ.push(c);
            }
        }
    }

    derive_response(&mut out, answers, derived.hours, ctx);
    derive_language_window(&mut out, derived.hours, ctx);
    if let Some(now) = ctx.now {
        if !(2020..2100).contains(&now.year()) {
            out.notices.push(Notice::ClockLooksWrong);
        }
    }
    out
}

const NONE: u8 = u8::MAX;
const VAR_COUNT: usize = QUESTION_COUNT + SLOT_COUNT;

#[inline]
fn holds_in(atom: &Atom, vars: &[u8; VAR_COUNT]) -> bool {
    let index = match atom.var {
        Var::Question(q) => usize::from(q),
        Var::Slot(s) => QUESTION_COUNT + usize::from(s),
    };
    // `NONE` (unanswered, not concluded) is beyond every mask bit, as `None` is.
    holds_for(atom, vars.get(index).copied())
}

/// Whether an atom holds for the current answers and slots.
pub fn holds(atom: &Atom, answers: &Answers, out: &Outcome) -> bool {
    let value = match atom.var {
        Var::Question(q) => answers.choice(q),
        Var::Slot(s) => out.slot_value(s),
    };
    holds_for(atom, value)
}

/// Whether an atom holds for its variable's value (`None`: unanswered, or not concluded). A
/// value has a bit in the mask; a negated atom holds where the plain one does not.
#[inline]
pub(crate) fn holds_for(atom: &Atom, value: Option<u8>) -> bool {
    match value {
        Some(v) if v < 32 => (atom.mask >> v & 1 == 1) != atom.negated,
        _ => atom.negated,
    }
}

fn in_effect(rule: u16, today: Option<NaiveDate>) -> bool {
    match (RULE_EFFECTIVE.iter().find(|e| e.rule == rule), today) {
        (None, _) => true,
        // Without a date we cannot tell; a time-limited rule then does not apply.
        (Some(_), None) => false,
        (Some(e), Some(d)) => {
            let key = u32::try_from(d.year()).unwrap_or(0) * 10000 + d.month() * 100 + d.day();
            e.from <= key && key <= e.until
        }
    }
}

/// Records `rule`'s conclusion `slot = value`. `agreeing` remembers every rule that concluded a
/// slot's current value, so that when a higher-priority rule overrides it, all of them are marked
/// overridden (and none of their texts is shown as a result).
fn conclude(
    out: &mut Outcome,
    agreeing: &mut Vec<(u8, u16)>,
    rule: u16,
    priority: i8,
    slot: u8,
    value: u8,
) {
    let Some(cell) = out.slots.get_mut(usize::from(slot)) else {
        return;
    };
    match *cell {
        None => {
            *cell = Some(SlotValue {
                value,
                rule,
                priority,
            });
            agreeing.push((slot, rule));
        }
        Some(existing) if existing.value == value => {
            if priority > existing.priority {
                *cell = Some(SlotValue {
                    value,
                    rule,
                    priority,
                });
            }
            agreeing.push((slot, rule));
        }
        Some(existing) if priority > existing.priority => {
            *cell = Some(SlotValue {
                value,
                rule,
                priority,
            });
            for &(s, loser) in agreeing.iter().filter(|(s, _)| *s == slot) {
                out.overrides.push(Override {
                    slot: s,
                    winner: rule,
                    loser,
                });
            }
            agreeing.retain(|(s, _)| *s != slot);
            agreeing.push((slot, rule));
        }
        Some(existing) if priority < existing.priority => out.overrides.push(Override {
            slot,
            winner: existing.rule,
            loser: rule,
        }),
        Some(existing) => out.contradictions.push(Contradiction {
            slot,
            first: existing.rule,
            second: rule,
        }),
    }
}

/// Response target, its clock and the "expect contact by" instant.
fn derive_response(
    out: &mut Outcome,
    answers: &Answers,
    hours: Option<WeeklyHours>,
    ctx: &Context,
) {
    let Some(resp) = out.slots[usize::from(s::RESPONSE)] else {
        return;
    };
    let Some(target) = RESPONSE_TARGETS.get(usize::from(resp.value)) else {
        return;
    };
    // A rule may decide the clock explicitly (e.g. severity B with 24x7 chosen at submission).
    let (around_the_clock, clock_rule) = match out.slots[usize::from(s::CLOCK)] {
        Some(c) => (c.value == v::clock::AROUND_THE_CLOCK, c.rule),
        None => (target.around_the_clock, resp.rule),
    };
    let contact_by = ctx.now.and_then(|now| {
        if around_the_clock {
            now.checked_add_signed(chrono::TimeDelta::minutes(i64::from(target.minutes)))
        } else {
            if hours.is_none() && answers.choice(q::REGION).is_some() {
                out.notices.push(Notice::TimeZoneNeeded);
            }
            let deadline = hours?.add_business_minutes(now, target.minutes, ctx.holidays);
            if ctx.holidays.is_empty() {
                out.notices.push(Notice::HolidaysUnknown);
            }
            deadline
        }
    });
    out.response = Some(Response {
        target: resp.value,
        minutes: target.minutes,
        around_the_clock,
        clock_rule,
        contact_by,
    });
}

/// When the requested language is staffed in the region but closed now: the next opening.
fn derive_language_window(out: &mut Outcome, hours: Option<WeeklyHours>, ctx: &Context) {
    let outside_hours = out.slots[usize::from(s::LANGUAGE_NOW)]
        .is_some_and(|l| l.value == v::language_now::REQUESTED_OUTSIDE_HOURS);
    if !outside_hours {
        return;
    }
    let (Some(now), Some(hours)) = (ctx.now, hours) else {
        return;
    };
    out.language_window_opens = hours.next_opening(now, ctx.holidays);
    if ctx.holidays.is_empty() && !out.notices.contains(&Notice::HolidaysUnknown) {
        out.notices.push(Notice::HolidaysUnknown);
    }
}
