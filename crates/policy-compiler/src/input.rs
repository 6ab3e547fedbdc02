//! The shapes of the knowledge-base files, as serde reads them. Unknown fields are errors, so a
//! typo in a key fails the build instead of being ignored.

use serde::Deserialize;
use std::collections::BTreeMap;

/// `{ question_or_slot = ["value", ...], ... }`
pub type Conditions = BTreeMap<String, Vec<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    pub question: Vec<QuestionIn>,
    pub slot: Vec<SlotIn>,
    /// Journeys that ask their questions in another order than the file's.
    #[serde(default)]
    pub journey: Vec<JourneyOrderIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyOrderIn {
    pub slug: String,
    /// Every question of the journey, in asking order.
    pub order: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionIn {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub options: Vec<String>,
    pub journeys: Vec<String>,
    #[serde(default)]
    pub ask_when: Conditions,
    #[serde(default)]
    pub not_when: Conditions,
    /// Alternatives: when any is given, at least one must hold as well (each one's `when` all
    /// hold and none of its `not`).
    #[serde(default)]
    pub ask_when_any: Vec<Alternative>,
    /// A question that only narrows the options of a later one (`help_kind` → `issue`).
    #[serde(default)]
    pub narrows: Option<String>,
    /// For a narrowing question: the options of the narrowed question each answer offers, in
    /// the order shown. An answer not listed offers them all.
    #[serde(default)]
    pub offers: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    #[serde(default)]
    pub when: Conditions,
    #[serde(default)]
    pub not: Conditions,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotIn {
    pub id: String,
    pub values: toml::Value,
    #[serde(default)]
    pub derived: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub rule: Vec<RuleIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleIn {
    pub id: String,
    #[serde(default)]
    pub part: String,
    #[serde(default)]
    pub when: Conditions,
    #[serde(default)]
    pub not: Conditions,
    /// Questions (or slots) that must have no value: "not asked in this journey" said directly,
    /// so that adding an option cannot change the rule.
    #[serde(default)]
    pub unanswered: Vec<String>,
    /// Questions (or slots) that must have some value.
    #[serde(default)]
    pub answered: Vec<String>,
    #[serde(default)]
    pub then: BTreeMap<String, String>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub priority: i8,
    pub cite: Vec<String>,
    #[serde(default)]
    pub conflict: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub effective: Option<Effective>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effective {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsFile {
    pub target: Vec<TargetIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetIn {
    pub id: String,
    pub minutes: u32,
    pub clock: String,
    pub cite: Vec<String>,
}

/// `policy/facts/zone_regions.toml`: region option → zones, plus `none`, the zones that propose
/// no region.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneRegionsFile {
    pub regions: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursFile {
    pub hours: Vec<HoursIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursIn {
    pub region: String,
    pub open: String,
    pub close: String,
    pub zone: String,
    pub cite: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodsFile {
    pub period: Vec<PeriodIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodIn {
    pub id: String,
    #[serde(default)]
    pub months: u32,
    #[serde(default)]
    pub days: u32,
    #[serde(default)]
    pub hours: u32,
    pub cite: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionsFile {
    pub section: Vec<SectionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionIn {
    pub seed: String,
    pub first: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictsFile {
    pub conflict: Vec<ConflictIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictIn {
    pub id: String,
    pub title: String,
    pub why: String,
    pub tell_user: bool,
}
