//! The structured result of an evaluation. No prose: ids, numbers and instants, each traceable to
//! the rule(s) that produced it. The UI and the CLI turn it into text.

use crate::policy::data::{rule_label, RESPONSE_TARGETS, RULES, SLOTS, SLOT_COUNT};
use crate::policy::model::{ResponseTarget, Rule, Section};
use chrono::{DateTime, NaiveDate, Utc};

/// A slot's value and the rule that set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotValue {
    pub value: u8,
    /// Index into `RULES` (for derived slots: `u16::MAX`, the calculator).
    pub rule: u16,
    pub priority: i8,
}

/// Two fired rules set one slot to different values; the higher priority won.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Override {
    pub slot: u8,
    pub winner: u16,
    pub loser: u16,
}

/// Two fired rules of equal priority set one slot to different values. The verifier proves this
/// never happens; at run time the first value is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contradiction {
    pub slot: u8,
    pub first: u16,
    pub second: u16,
}

/// The initial response target and when to expect contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Response {
    /// Index into `RESPONSE_TARGETS`.
    pub target: u8,
    pub minutes: u32,
    pub around_the_clock: bool,
    /// The rule that decided the clock (the RESP rule, or a rule setting the `clock` slot).
    pub clock_rule: u16,
    /// Submission instant plus the target, counting only business minutes when the clock is
    /// business hours. `None` when the time zone or region needed for it is unknown.
    pub contact_by: Option<DateTime<Utc>>,
}

impl Response {
    pub fn target(&self) -> Option<&'static ResponseTarget> {
        RESPONSE_TARGETS.get(usize::from(self.target))
    }
}

/// Things the visitor should know about the evaluation itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Notice {
    /// Business hours were used and no holiday list was given: public holidays are not known.
    HolidaysUnknown,
    /// The device clock is implausible (before 2020 or after 2100): times may be wrong.
    ClockLooksWrong,
    /// A deadline needs the customer's time zone (their region uses local business hours).
    TimeZoneNeeded,
}

/// Everything an evaluation concluded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub slots: [Option<SlotValue>; SLOT_COUNT],
    /// Indices into `RULES` of every rule that fired, in evaluation order.
    pub fired: Vec<u16>,
    pub overrides: Vec<Override>,
    pub contradictions: Vec<Contradiction>,
    pub response: Option<Response>,
    /// When the requested language is staffed in the region but closed now: the next opening.
    pub language_window_opens: Option<DateTime<Utc>>,
    /// Expiry of the agreement / 5-pack, when an activation date was given.
    pub agreement_expires: Option<NaiveDate>,
    /// Indices into `CONFLICTS` whose readings affected this outcome and that we tell the user.
    pub sources_differ: Vec<u8>,
    pub notices: Vec<Notice>,
}

impl Outcome {
    /// The value of a slot by index (compare with `policy::data::v::<slot>::<VALUE>`).
    pub fn slot_value(&self, slot: u8) -> Option<u8> {
        self.slots
            .get(usize::from(slot))
            .copied()
            .flatten()
            .map(|v| v.value)
    }

    /// The value id of a slot, e.g. `outcome.value("route") == Some("ppac")`.
    pub fn value(&self, slot: &str) -> Option<&'static str> {
        let s = crate::policy::data::slot_index(slot)?;
        let v = self.slots.get(usize::from(s)).copied().flatten()?;
        SLOTS
            .get(usize::from(s))?
            .values
            .get(usize::from(v.value))
            .copied()
    }

    /// The rule that set a slot (None for unset or derived slots).
    pub fn rule_for(&self, slot: &str) -> Option<&'static Rule> {
        let s = crate::policy::data::slot_index(slot)?;
        let v = self.slots.get(usize::from(s)).copied().flatten()?;
        RULES.get(usize::from(v.rule))
    }

    /// Fired rules, in evaluation order.
    pub fn fired_rules(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.fired.iter().filter_map(|&i| RULES.get(usize::from(i)))
    }

    /// Catalogue ids (`PORTAL-3`, without part) of every fired rule.
    pub fn fired_ids(&self) -> Vec<&'static str> {
        let mut ids: Vec<_> = self.fired_rules().map(|r| r.id).collect();
        ids.dedup();
        ids
    }

    /// Whether a rule (by catalogue id or `ID/part` label) fired.
    pub fn fired_rule(&self, label: &str) -> bool {
        self.fired_rules()
            .any(|r| r.id == label || rule_label(r) == label)
    }

    /// Rules whose conclusion lost to a higher-priority rule: not shown as results.
    pub fn is_overridden(&self, rule: u16) -> bool {
        self.overrides.iter().any(|o| o.loser == rule)
    }

    /// Fired, not overridden rules with an explanation for `section`, in evaluation order.
    /// Each with its index in `RULES` (which numbers its explanation, `TextId::rule`).
    pub fn shown_in(&self, section: Section) -> impl Iterator<Item = (usize, &'static Rule)> + '_ {
        self.fired
            .iter()
            .filter(move |&&i| !self.is_overridden(i))
            .filter_map(|&i| RULES.get(usize::from(i)).map(|r| (usize::from(i), r)))
            .filter(move |(_, r)| r.section == Some(section))
    }
}
