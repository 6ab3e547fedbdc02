//! The shapes of the knowledge base. `build.rs` parses `policy/**/*.toml`, validates it and
//! generates `static` tables of these types (see `policy::data`), so the browser never parses
//! TOML and a malformed rule fails the build, not the page.

use crate::policy::Journey;

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// One of a fixed list of options.
    Choice,
    /// A calendar date (e.g. when an incident was closed).
    Date,
    /// A whole number (e.g. incidents left on an agreement).
    Count,
    /// An IANA time zone from `hours::SUPPORTED_ZONES`.
    Zone,
}

/// Something a condition can test: an answer or an outcome slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Var {
    Question(u8),
    Slot(u8),
}

/// "`var` has one of the values in `mask`" (bit i = value i), or, when `negated`, "`var` has a
/// value outside `mask` or no value at all". A variable has at most 32 values (the compiler
/// checks), so an atom is 8 bytes: there are about a thousand in the wasm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Atom {
    pub var: Var,
    pub mask: u32,
    pub negated: bool,
}

/// A question the wizard may ask.
#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub kind: QuestionKind,
    pub options: &'static [&'static str],
    pub journeys: &'static [Journey],
    /// All must hold for the question to matter.
    pub ask_when: &'static [Atom],
    /// When not empty, one of these conjunctions must hold as well.
    pub ask_when_any: &'static [&'static [Atom]],
}

/// A question that only narrows the options of a later one, so a long list is split into a short
/// first choice and a follow-up (`help_kind` → `issue`). It decides nothing itself: no rule,
/// condition or invariant may read it (the verifier checks), and its answers' option lists
/// split the narrowed question's options (the compiler checks), so the narrowed answer alone
/// decides the result.
#[derive(Debug)]
pub struct Narrowing {
    /// The narrowing question.
    pub by: u8,
    /// The question whose options it narrows, asked after it.
    pub question: u8,
    /// `(answer of by, the options of question it offers, in the order shown)`. An answer not
    /// listed (such as "not sure") offers every option.
    pub offers: &'static [(u8, &'static [u8])],
}

/// An outcome slot: a single value per outcome, concluded by rules or derived by the engine.
#[derive(Debug)]
pub struct Slot {
    pub id: &'static str,
    pub values: &'static [&'static str],
    /// Filled by an engine calculator before rules run; rules may read but never write it.
    pub derived: bool,
}

/// "Set `slot` to `value`."
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conclusion {
    pub slot: u8,
    pub value: u8,
}

/// Where on the result page a rule's explanation appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Where,
    Steps,
    Who,
    Coverage,
    Severity,
    Response,
    Language,
    Caveats,
    Billing,
    Agreement,
    Background,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Where,
        Section::Steps,
        Section::Who,
        Section::Coverage,
        Section::Severity,
        Section::Response,
        Section::Language,
        Section::Caveats,
        Section::Billing,
        Section::Agreement,
        Section::Background,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Section::Where => "where",
            Section::Steps => "steps",
            Section::Who => "who",
            Section::Coverage => "coverage",
            Section::Severity => "severity",
            Section::Response => "response",
            Section::Language => "language",
            Section::Caveats => "caveats",
            Section::Billing => "billing",
            Section::Agreement => "agreement",
            Section::Background => "background",
        }
    }
}

/// Lines `first..=last` of seed document `seed` (index into `SEEDS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub seed: u8,
    pub first: u16,
    pub last: u16,
}

/// A rule of the catalogue (or one part of it), as data. `Clone` so that a test can plant a
/// deliberately wrong copy of the rule set and watch the verifier catch it.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The catalogue id, e.g. `PORTAL-3` (seed-rules.md section 2).
    pub id: &'static str,
    /// Distinguishes data rules that together encode one catalogue rule (`""` when only one).
    pub part: &'static str,
    pub when: &'static [Atom],
    pub then: &'static [Conclusion],
    pub section: Option<Section>,
    /// When two fired rules set one slot to different values, the higher priority wins.
    pub priority: i8,
    pub cite: &'static [Citation],
    /// Index into `CONFLICTS` when this rule applies a reading of a source conflict. Why the rule
    /// reads the sources that way is its `note` in the rule file (required with `conflict`,
    /// checked by the policy compiler), written for maintainers and kept out of the binary.
    pub conflict: Option<u8>,
}

/// A rule that applies only between two days (`effective` in its file). Kept beside `RULES`
/// rather than in each rule: few rules are limited in time, and every field of `Rule` is paid for
/// in the wasm by all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effective {
    /// Index into `RULES`.
    pub rule: u16,
    /// First and last day (inclusive), as `yyyymmdd`.
    pub from: u32,
    pub until: u32,
}

/// One cell of a published response-time table.
#[derive(Debug)]
pub struct ResponseTarget {
    pub id: &'static str,
    pub minutes: u32,
    pub around_the_clock: bool,
    pub cite: &'static [Citation],
}

/// How a region's business hours are pinned to the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneSpec {
    FixedOffsetSeconds(i32),
    Named(&'static str),
    /// The customer's own local time zone.
    Customer,
}

/// A row of the business-hours table.
#[derive(Debug)]
pub struct RegionHours {
    /// Option index of the `region` question.
    pub region: u8,
    pub open_minute: u16,
    pub close_minute: u16,
    pub zone: ZoneSpec,
    pub cite: &'static [Citation],
}

/// A stated period (validity, limits).
#[derive(Debug)]
pub struct Period {
    pub id: &'static str,
    pub months: u32,
    pub days: u32,
    pub hours: u32,
    pub cite: &'static [Citation],
}

/// A place where the sources disagree. The reading we follow, as the user reads it, is a policy
/// text (`TextId::conflict`); the maintainers' title and reasoning stay in
/// `policy/conflicts.toml` (checked by the policy compiler, not compiled in: nothing shows them).
#[derive(Debug)]
pub struct Conflict {
    pub id: &'static str,
    /// Show a "sources differ" note when a rule applying this reading fires.
    pub tell_user: bool,
}

/// A source document.
#[derive(Debug)]
pub struct Seed {
    /// Citation prefix, e.g. `000`.
    pub prefix: &'static str,
    pub file: &'static str,
    /// BCP 47 language of the document.
    pub language: &'static str,
    pub title_en: &'static str,
    pub line_count: u16,
}

/// A section of a seed document: from its heading line to the next section.
#[derive(Debug)]
pub struct SeedSection {
    pub seed: u8,
    pub first: u16,
}

/// What an invariant's condition or requirement can test: an answer, a slot, or the clock and
/// length of the response target the engine derived (not slots: computed after the rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckVar {
    /// Whether a question has an answer of any kind (choices, dates, counts, zones): bit 0.
    Answered(u8),
    Question(u8),
    Slot(u8),
    /// Bit 0 = around the clock, bit 1 = business hours.
    ResponseClock,
    /// Bit i = `RESPONSE_MINUTES[i]`.
    ResponseMinutes,
}

/// Like [`Atom`], over a [`CheckVar`]: "has one of the values in `mask`", or when `negated`,
/// "has a value outside `mask`, or none".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckAtom {
    pub var: CheckVar,
    pub mask: u64,
    pub negated: bool,
}

/// A universal statement of the sources (`policy/invariants.toml`), checked by the verifier on
/// every path: wherever `when` holds, every `require` atom holds, some rule of each `shows`
/// group is shown (fired, not overridden) and no rule of a `hides` group is.
#[derive(Debug)]
pub struct Invariant {
    pub id: &'static str,
    /// Catalogue ids (seed-rules.md section 2) the invariant checks.
    pub catalogue: &'static [&'static str],
    pub cite: &'static [Citation],
    /// Empty = every journey.
    pub journeys: &'static [Journey],
    pub when: &'static [CheckAtom],
    pub require: &'static [CheckAtom],
    /// Each group: the indices into `RULES` of one catalogue id's rules.
    pub shows: &'static [&'static [u16]],
    pub hides: &'static [&'static [u16]],
}

/// A declared override (`policy/overrides.toml`): a rule of `winners` may override a rule of
/// `losers` (on `slot`, or any slot). Every override that happens on some path must be declared,
/// so no precedence decides an answer silently.
#[derive(Debug)]
pub struct DeclaredOverride {
    /// The declaration as written, e.g. `EA-4 over OSS-*`, for messages.
    pub label: &'static str,
    pub winners: &'static [u16],
    pub losers: &'static [u16],
    pub slot: Option<u8>,
}
