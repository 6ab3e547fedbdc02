//! Compiles the knowledge base (`policy/**/*.toml`) into Rust statics.
//!
//! Everything that can be wrong with the data is checked here, so a malformed or inconsistent
//! rule set fails `cargo build` with a message naming the file and rule, never the browser:
//! unknown questions/slots/values, duplicate ids, citations outside a seed document, conflicts
//! without a recorded reading, rules that read a slot no earlier rule can have written (the rules
//! are ordered so that every writer of a slot runs before its readers; a cycle is an error), and
//! policy texts missing, empty or inconsistent in any language (build/policy_text.rs).

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "build/policy_text.rs"]
mod policy_text;
use policy_text::TextKeys;

#[path = "build/zones.rs"]
mod zones;

#[path = "build/checks.rs"]
mod checks;

const SEEDS: &[(&str, &str, &str, &str)] = &[
    (
        "000",
        "000_71765d8511679954.txt",
        "nl",
        "Support for Microsoft Power Platform and Dynamics 365 apps",
    ),
    (
        "001",
        "001_907a9eafd0c26b30.txt",
        "nb",
        "Support for Microsoft Power Platform and Dynamics 365 apps",
    ),
    (
        "002",
        "002_50e6dbee08f33129.txt",
        "nl",
        "Use Access ID and Contract ID to create on-premises professional support incidents",
    ),
    (
        "003",
        "003_4607c5200b729dad.txt",
        "id",
        "Dynamics 365 and Power Platform support overview",
    ),
    (
        "004",
        "004_56cbd888a5b3b75b.txt",
        "nb",
        "Services Hub business support FAQ",
    ),
];

const SECTIONS: &[(&str, &str)] = &[
    ("where", "Where"),
    ("steps", "Steps"),
    ("who", "Who"),
    ("coverage", "Coverage"),
    ("severity", "Severity"),
    ("response", "Response"),
    ("language", "Language"),
    ("caveats", "Caveats"),
    ("billing", "Billing"),
    ("agreement", "Agreement"),
    ("background", "Background"),
];

const JOURNEYS: &[(&str, &str)] = &[
    ("open-request", "OpenRequest"),
    ("coverage", "Coverage"),
    ("compare-plans", "ComparePlans"),
    ("language-hours", "LanguageHours"),
    ("on-premises", "OnPremises"),
    ("reopen", "Reopen"),
    ("billing", "Billing"),
];

const CALCULATORS: &[&str] = &[
    "region_open_now",
    "closed_age",
    "agreement_state",
    "incident_balance",
];

// ------------------------------------------------------------------------------------------
// Input shapes
// ------------------------------------------------------------------------------------------

type Conditions = BTreeMap<String, Vec<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    question: Vec<QuestionIn>,
    slot: Vec<SlotIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionIn {
    id: String,
    kind: String,
    #[serde(default)]
    options: Vec<String>,
    journeys: Vec<String>,
    #[serde(default)]
    ask_when: Conditions,
    #[serde(default)]
    not_when: Conditions,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotIn {
    id: String,
    values: toml::Value,
    #[serde(default)]
    derived: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<RuleIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleIn {
    id: String,
    #[serde(default)]
    part: String,
    #[serde(default)]
    when: Conditions,
    #[serde(default)]
    not: Conditions,
    /// Questions (or slots) that must have no value: "not asked in this journey" said directly,
    /// so that adding an option cannot change the rule.
    #[serde(default)]
    unanswered: Vec<String>,
    /// Questions (or slots) that must have some value.
    #[serde(default)]
    answered: Vec<String>,
    #[serde(default)]
    then: BTreeMap<String, String>,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    priority: i8,
    cite: Vec<String>,
    #[serde(default)]
    conflict: Option<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    effective: Option<Effective>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Effective {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetsFile {
    target: Vec<TargetIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetIn {
    id: String,
    minutes: u32,
    clock: String,
    cite: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursFile {
    hours: Vec<HoursIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursIn {
    region: String,
    open: String,
    close: String,
    zone: String,
    cite: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodsFile {
    period: Vec<PeriodIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodIn {
    id: String,
    #[serde(default)]
    months: u32,
    #[serde(default)]
    days: u32,
    #[serde(default)]
    hours: u32,
    cite: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    section: Vec<SectionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionIn {
    seed: String,
    first: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConflictsFile {
    conflict: Vec<ConflictIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConflictIn {
    id: String,
    title: String,
    why: String,
    tell_user: bool,
}

// ------------------------------------------------------------------------------------------

struct Errors(Vec<String>);

impl Errors {
    fn push(&mut self, msg: String) {
        self.0.push(msg);
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let policy = root.join("policy");
    println!("cargo:rerun-if-changed=policy");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=tzdata");

    let mut errors = Errors(Vec::new());
    let mut keys = TextKeys::default();
    let code = compile(&policy, &mut errors, &mut keys);
    let texts = policy_text::load(&policy, &keys, &mut errors.0);
    if !errors.0.is_empty() {
        let mut msg = String::from("the policy data under policy/ is invalid:\n");
        for e in &errors.0 {
            let _ = writeln!(msg, "  - {e}");
        }
        panic!("{msg}");
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this"));
    let code = format!(
        "{code}/// Fingerprint of the policy data: links record it, so a link made with other rules can say so.\npub const RULESET_VERSION: &str = {:?};\n",
        fingerprint(&policy)
    );
    std::fs::write(out_dir.join("policy_data.rs"), code).expect("write generated policy data");
    std::fs::write(
        out_dir.join("policy_text_index.rs"),
        policy_text::index_code(&keys, &texts),
    )
    .expect("write generated text index");
    std::fs::write(
        out_dir.join("policy_texts.rs"),
        policy_text::texts_code(&keys, &texts),
    )
    .expect("write generated texts");
    std::fs::write(out_dir.join("ui_text.rs"), ui_text()).expect("write generated ui text");
    let mut zone_errors = Vec::new();
    let zone_code = zones::compile(&root.join("tzdata"), &mut zone_errors);
    if !zone_errors.is_empty() {
        panic!(
            "the time-zone data under tzdata/ is invalid:\n  - {}",
            zone_errors.join("\n  - ")
        );
    }
    std::fs::write(out_dir.join("zone_table.rs"), zone_code).expect("write generated zone table");
}

/// FNV-1a over every policy file (sorted by path), as 8 hex digits.
fn fingerprint(policy: &Path) -> String {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let p = e.path();
                // Translations do not change what the rules decide, so they do not change the
                // fingerprint links carry.
                if p.is_dir() && !p.ends_with("text") {
                    walk(&p, files);
                } else if p.is_dir() {
                } else {
                    files.push(p);
                }
            }
        }
    }
    let mut files = Vec::new();
    walk(policy, &mut files);
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in std::fs::read(&f).unwrap_or_default() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", hash >> 32)
}

/// Catalogue lookups for the result sections (interface text, in locales/*.json): one
/// `td_string!` per key, so a text missing from any locale file is a compile error. (Questions,
/// options and slot values are policy texts: policy/text/<lang>.toml.)
fn ui_text() -> String {
    let mut s = String::from("// @generated by build.rs. Do not edit.\n");
    let _ = writeln!(s, "pub fn section_title(l: Locale, section: Section) -> &'static str {{\n    match section {{");
    for (id, variant) in SECTIONS {
        let _ = writeln!(
            s,
            "        Section::{variant} => td_string!(l, section.{id}_title),"
        );
    }
    let _ = writeln!(s, "    }}\n}}");
    s
}

fn read<T: serde::de::DeserializeOwned>(path: &Path, errors: &mut Errors) -> Option<T> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return None;
        }
    };
    match toml::from_str(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            None
        }
    }
}

struct Domain {
    values: Vec<String>,
}

impl Domain {
    fn index(&self, v: &str) -> Option<usize> {
        self.values.iter().position(|x| x == v)
    }
}

/// Variable namespace shared by conditions: questions first, then slots.
struct Vars {
    questions: Vec<(String, String, Domain)>, // id, kind, options
    slots: Vec<(String, Domain, Option<String>)>,
}

impl Vars {
    fn lookup(&self, name: &str) -> Option<(String, &Domain)> {
        if let Some(i) = self.questions.iter().position(|q| q.0 == name) {
            return Some((format!("Var::Question({i})"), &self.questions[i].2));
        }
        if let Some(i) = self.slots.iter().position(|s| s.0 == name) {
            return Some((format!("Var::Slot({i})"), &self.slots[i].1));
        }
        None
    }
    fn slot_index(&self, name: &str) -> Option<usize> {
        self.slots.iter().position(|s| s.0 == name)
    }
}

fn atoms(
    vars: &Vars,
    when: &Conditions,
    negated: bool,
    ctx: &str,
    errors: &mut Errors,
    reads: &mut BTreeSet<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (name, values) in when {
        let Some((var, domain)) = vars.lookup(name) else {
            errors.push(format!("{ctx}: unknown question or slot `{name}`"));
            continue;
        };
        if let Some(s) = vars.slot_index(name) {
            reads.insert(s);
        }
        if values.is_empty() {
            errors.push(format!("{ctx}: `{name}` lists no values"));
        }
        let mut mask: u64 = 0;
        for v in values {
            match domain.index(v) {
                Some(i) => mask |= 1 << i,
                None => errors.push(format!(
                    "{ctx}: `{v}` is not a value of `{name}` (known: {})",
                    domain.values.join(", ")
                )),
            }
        }
        // Listing every value means "has no value", which a new option would silently break.
        let all = values.len() == domain.values.len() && !domain.values.is_empty();
        if negated && all && values.iter().all(|v| domain.index(v).is_some()) {
            errors.push(format!(
                "{ctx}: `not` lists every value of `{name}`; say `unanswered = [\"{name}\"]`"
            ));
        }
        out.push(format!(
            "Atom {{ var: {var}, mask: {mask:#x}, negated: {negated} }}"
        ));
    }
    out
}

/// `unanswered` (negated) or `answered` atoms: every value of the variable's domain in the mask,
/// so the atom tests presence alone and stays right when a value is added.
fn presence_atoms(
    vars: &Vars,
    names: &[String],
    negated: bool,
    ctx: &str,
    errors: &mut Errors,
    reads: &mut BTreeSet<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    for name in names {
        let Some((var, domain)) = vars.lookup(name) else {
            errors.push(format!("{ctx}: unknown question or slot `{name}`"));
            continue;
        };
        if let Some(s) = vars.slot_index(name) {
            reads.insert(s);
        }
        // Date, count and zone answers are stored outside the bit range; `choice` reads them
        // as "no choice", so presence is only meaningful for choices and slots.
        if domain.values.is_empty() {
            errors.push(format!(
                "{ctx}: `{name}` is not a choice or slot; presence cannot be tested"
            ));
            continue;
        }
        let mask: u64 = if domain.values.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << domain.values.len()) - 1
        };
        out.push(format!(
            "Atom {{ var: {var}, mask: {mask:#x}, negated: {negated} }}"
        ));
    }
    out
}

fn citations(
    cites: &[String],
    line_counts: &BTreeMap<String, (usize, usize)>,
    ctx: &str,
    errors: &mut Errors,
) -> String {
    if cites.is_empty() {
        errors.push(format!("{ctx}: no citation"));
    }
    let mut parts = Vec::new();
    for c in cites {
        let parsed = c.split_once(':').and_then(|(seed, lines)| {
            let (a, b) = match lines.split_once('-') {
                Some((a, b)) => (a.parse::<usize>().ok()?, b.parse::<usize>().ok()?),
                None => {
                    let a = lines.parse::<usize>().ok()?;
                    (a, a)
                }
            };
            Some((seed.to_string(), a, b))
        });
        let Some((seed, first, last)) = parsed else {
            errors.push(format!(
                "{ctx}: citation `{c}` is not of the form 000:12 or 000:12-15"
            ));
            continue;
        };
        let Some(&(index, count)) = line_counts.get(&seed) else {
            errors.push(format!("{ctx}: citation `{c}` names no seed document"));
            continue;
        };
        if first == 0 || first > last || last > count {
            errors.push(format!(
                "{ctx}: citation `{c}` is outside seed {seed} (lines 1-{count})"
            ));
            continue;
        }
        parts.push(format!(
            "Citation {{ seed: {index}, first: {first}, last: {last} }}"
        ));
    }
    format!("&[{}]", parts.join(", "))
}

fn parse_date(s: &str) -> Option<u32> {
    let mut it = s.split('-');
    let y: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(y * 10000 + m * 100 + d)
}

fn hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn compile(policy: &Path, errors: &mut Errors, text_keys: &mut TextKeys) -> String {
    // Seeds: line counts (a last line without a trailing newline still counts).
    let mut line_counts = BTreeMap::new();
    let mut seeds_code = String::new();
    for (i, (prefix, file, lang, title)) in SEEDS.iter().enumerate() {
        let path = policy.join("seeds").join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            errors.push(format!("{}: {e}", path.display()));
            String::new()
        });
        let count = text.lines().count();
        line_counts.insert(prefix.to_string(), (i, count));
        if i == 0 {
            text_keys.documents = text_keys.keys.len();
        }
        text_keys.push(format!("documents.{prefix}"));
        let _ = writeln!(
            seeds_code,
            "    Seed {{ prefix: {prefix:?}, file: {file:?}, language: {lang:?}, title_en: {title:?}, line_count: {count} }},"
        );
    }

    let Some(vocab) = read::<Vocabulary>(&policy.join("vocabulary.toml"), errors) else {
        return String::new();
    };
    let targets = read::<TargetsFile>(&policy.join("facts/response_targets.toml"), errors)
        .map(|t| t.target)
        .unwrap_or_default();
    let hours = read::<HoursFile>(&policy.join("facts/business_hours.toml"), errors)
        .map(|h| h.hours)
        .unwrap_or_default();
    let periods = read::<PeriodsFile>(&policy.join("facts/periods.toml"), errors)
        .map(|p| p.period)
        .unwrap_or_default();
    let conflicts = read::<ConflictsFile>(&policy.join("conflicts.toml"), errors)
        .map(|c| c.conflict)
        .unwrap_or_default();

    // Variables.
    let mut vars = Vars {
        questions: Vec::new(),
        slots: Vec::new(),
    };
    let mut seen = BTreeSet::new();
    for q in &vocab.question {
        if !seen.insert(q.id.clone()) {
            errors.push(format!("vocabulary: duplicate id `{}`", q.id));
        }
        let kind_ok = matches!(q.kind.as_str(), "choice" | "date" | "count" | "zone");
        if !kind_ok {
            errors.push(format!("question `{}`: unknown kind `{}`", q.id, q.kind));
        }
        if (q.kind == "choice") == q.options.is_empty() {
            errors.push(format!(
                "question `{}`: choices need options, other kinds must not have any",
                q.id
            ));
        }
        check_ids(&q.options, &format!("question `{}`", q.id), errors);
        vars.questions.push((
            q.id.clone(),
            q.kind.clone(),
            Domain {
                values: q.options.clone(),
            },
        ));
    }
    for s in &vocab.slot {
        if !seen.insert(s.id.clone()) {
            errors.push(format!("vocabulary: duplicate id `{}`", s.id));
        }
        let values: Vec<String> = match &s.values {
            // Every cell of the response tables, then `silent`: an incident is filed but the
            // sources state no response time for it (never a blank).
            toml::Value::String(src) if src == "response_targets" => targets
                .iter()
                .map(|t| t.id.clone())
                .chain(std::iter::once("silent".to_string()))
                .collect(),
            toml::Value::Array(a) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => {
                errors.push(format!("slot `{}`: values must be a list", s.id));
                Vec::new()
            }
        };
        check_ids(&values, &format!("slot `{}`", s.id), errors);
        if let Some(d) = &s.derived {
            if !CALCULATORS.contains(&d.as_str()) {
                errors.push(format!("slot `{}`: unknown calculator `{d}`", s.id));
            }
        }
        vars.slots
            .push((s.id.clone(), Domain { values }, s.derived.clone()));
    }
    for (id, _, options) in &vars.questions {
        let base = text_keys.push(format!("questions.{id}.title"));
        text_keys.question_base.push(base);
        text_keys.push(format!("questions.{id}.hint"));
        text_keys.push(format!("questions.{id}.summary"));
        for o in &options.values {
            text_keys.push(format!("questions.{id}.options.{o}"));
        }
    }
    for (id, values, _) in &vars.slots {
        text_keys.slot_base.push(text_keys.keys.len());
        for v in &values.values {
            text_keys.push(format!("slots.{id}.{v}"));
        }
    }

    // Questions code.
    let mut questions_code = String::new();
    for q in &vocab.question {
        let ctx = format!("question `{}`", q.id);
        let mut reads = BTreeSet::new();
        let mut ask = atoms(&vars, &q.ask_when, false, &ctx, errors, &mut reads);
        ask.extend(atoms(&vars, &q.not_when, true, &ctx, errors, &mut reads));
        let kind = match q.kind.as_str() {
            "choice" => "Choice",
            "date" => "Date",
            "count" => "Count",
            _ => "Zone",
        };
        let mut journeys = Vec::new();
        for j in &q.journeys {
            match JOURNEYS.iter().find(|(slug, _)| slug == j) {
                Some((_, variant)) => journeys.push(format!("Journey::{variant}")),
                None => errors.push(format!("{ctx}: unknown journey `{j}`")),
            }
        }
        let _ = writeln!(
            questions_code,
            "    Question {{ id: {:?}, kind: QuestionKind::{kind}, options: &{:?}, journeys: &[{}], ask_when: &[{}] }},",
            q.id,
            q.options,
            journeys.join(", "),
            ask.join(", ")
        );
    }

    let mut slots_code = String::new();
    for (id, domain, derived) in &vars.slots {
        let _ = writeln!(
            slots_code,
            "    Slot {{ id: {id:?}, values: &{:?}, derived: {} }},",
            domain.values,
            derived.is_some()
        );
    }

    // Conflicts.
    let mut conflicts_code = String::new();
    let mut conflict_ids = Vec::new();
    for c in &conflicts {
        if conflict_ids.contains(&c.id) {
            errors.push(format!("conflicts: duplicate `{}`", c.id));
        }
        // Title and reasoning are for maintainers: required here, not compiled in.
        if c.title.trim().is_empty() || c.why.trim().is_empty() {
            errors.push(format!("conflict `{}`: title and why are required", c.id));
        }
        conflict_ids.push(c.id.clone());
        let at = text_keys.push(format!("conflicts.{}", c.id));
        if conflict_ids.len() == 1 {
            text_keys.conflicts = at;
        }
        let _ = writeln!(
            conflicts_code,
            "    Conflict {{ id: {:?}, tell_user: {} }},",
            c.id, c.tell_user
        );
    }
    for n in 1..=33 {
        let id = format!("C-{n:02}");
        if !conflict_ids.contains(&id) {
            errors.push(format!("conflicts: `{id}` has no recorded resolution"));
        }
    }

    // Rules: read every file under policy/rules, in file-name order.
    let mut rule_files: Vec<PathBuf> = std::fs::read_dir(policy.join("rules"))
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    rule_files.sort();
    struct Compiled {
        code: String,
        reads: BTreeSet<usize>,
        writes: BTreeSet<usize>,
        label: String,
        id: String,
    }
    let mut compiled = Vec::new();
    let mut keys = BTreeSet::new();
    for path in &rule_files {
        let Some(file) = read::<RuleFile>(path, errors) else {
            continue;
        };
        let fname = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        for r in file.rule {
            let label = if r.part.is_empty() {
                r.id.clone()
            } else {
                format!("{}/{}", r.id, r.part)
            };
            let ctx = format!("{fname}: rule {label}");
            if !is_rule_id(&r.id) {
                errors.push(format!("{ctx}: id must look like FAMILY-12"));
            }
            if !keys.insert(label.clone()) {
                errors.push(format!("{ctx}: duplicate rule (id + part)"));
            }
            let mut reads = BTreeSet::new();
            let mut when = atoms(&vars, &r.when, false, &ctx, errors, &mut reads);
            when.extend(atoms(&vars, &r.not, true, &ctx, errors, &mut reads));
            when.extend(presence_atoms(
                &vars,
                &r.unanswered,
                true,
                &ctx,
                errors,
                &mut reads,
            ));
            when.extend(presence_atoms(
                &vars,
                &r.answered,
                false,
                &ctx,
                errors,
                &mut reads,
            ));
            let mut then = Vec::new();
            let mut writes = BTreeSet::new();
            for (slot, value) in &r.then {
                let Some(s) = vars.slot_index(slot) else {
                    errors.push(format!("{ctx}: unknown slot `{slot}`"));
                    continue;
                };
                if vars.slots[s].2.is_some() {
                    errors.push(format!(
                        "{ctx}: `{slot}` is derived by the engine; rules cannot set it"
                    ));
                }
                match vars.slots[s].1.index(value) {
                    Some(v) => then.push(format!("Conclusion {{ slot: {s}, value: {v} }}")),
                    None => {
                        errors.push(format!("{ctx}: `{value}` is not a value of slot `{slot}`"))
                    }
                }
                writes.insert(s);
            }
            let section = match &r.section {
                None => "None".to_string(),
                Some(s) => match SECTIONS.iter().find(|(id, _)| id == s) {
                    Some((_, v)) => format!("Some(Section::{v})"),
                    None => {
                        errors.push(format!("{ctx}: unknown section `{s}`"));
                        "None".into()
                    }
                },
            };
            if then.is_empty() && r.section.is_none() {
                errors.push(format!(
                    "{ctx}: concludes nothing and shows nowhere (give it `then` or a `section`)"
                ));
            }
            let cite = citations(&r.cite, &line_counts, &ctx, errors);
            let conflict = match &r.conflict {
                None => "None".to_string(),
                Some(c) => match conflict_ids.iter().position(|x| x == c) {
                    Some(i) => {
                        if r.note.trim().is_empty() {
                            errors.push(format!(
                                "{ctx}: applies {c} but has no `note` explaining the reading"
                            ));
                        }
                        format!("Some({i})")
                    }
                    None => {
                        errors.push(format!("{ctx}: unknown conflict `{c}`"));
                        "None".into()
                    }
                },
            };
            let effective = match &r.effective {
                None => "None".to_string(),
                Some(e) => {
                    let from = e.from.as_deref().map(parse_date).unwrap_or(Some(0));
                    let until = e
                        .until
                        .as_deref()
                        .map(parse_date)
                        .unwrap_or(Some(99_991_231));
                    match (from, until) {
                        (Some(f), Some(u)) if f <= u => format!("Some(({f}, {u}))"),
                        _ => {
                            errors.push(format!(
                                "{ctx}: effective dates must be yyyy-mm-dd, from <= until"
                            ));
                            "None".into()
                        }
                    }
                }
            };
            let code = format!(
                "    Rule {{ id: {:?}, part: {:?}, when: &[{}], then: &[{}], section: {section}, priority: {}, cite: {cite}, conflict: {conflict}, effective: {effective} }},",
                r.id,
                r.part,
                when.join(", "),
                then.join(", "),
                r.priority,
            );
            compiled.push(Compiled {
                code,
                reads,
                writes,
                label,
                id: r.id.clone(),
            });
        }
    }

    // Order rules so that every writer of a slot comes before every reader (stable otherwise).
    let n = compiled.len();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let before = order.len();
        for i in 0..n {
            if placed[i] {
                continue;
            }
            let blocked = compiled[i]
                .reads
                .iter()
                .any(|s| (0..n).any(|j| j != i && !placed[j] && compiled[j].writes.contains(s)));
            if !blocked {
                placed[i] = true;
                order.push(i);
            }
        }
        if order.len() == before {
            let stuck: Vec<_> = (0..n)
                .filter(|&i| !placed[i])
                .map(|i| compiled[i].label.clone())
                .collect();
            errors.push(format!(
                "rules read and write slots in a cycle; involved: {}",
                stuck.join(", ")
            ));
            break;
        }
    }
    let mut rules_code = String::new();
    text_keys.rules = text_keys.keys.len();
    for &i in &order {
        let _ = writeln!(rules_code, "{}", compiled[i].code);
        text_keys.push(format!("rules.{}", compiled[i].label));
    }

    // Invariants and declared overrides name rules by label, id or family, resolved here to
    // indices in evaluation order.
    let ordered: Vec<checks::RuleName> = order
        .iter()
        .map(|&i| checks::RuleName {
            label: compiled[i].label.clone(),
            id: compiled[i].id.clone(),
        })
        .collect();
    let checks_code = checks::compile(
        policy,
        &vars,
        &ordered,
        &targets
            .iter()
            .map(|t| (t.id.clone(), t.minutes, t.clock.clone()))
            .collect::<Vec<_>>(),
        &line_counts,
        errors,
    );

    // Facts.
    let mut targets_code = String::new();
    for t in &targets {
        let ctx = format!("response target `{}`", t.id);
        let clock = match t.clock.as_str() {
            "around_the_clock" => true,
            "business_hours" => false,
            other => {
                errors.push(format!("{ctx}: unknown clock `{other}`"));
                false
            }
        };
        if t.minutes == 0 {
            errors.push(format!("{ctx}: minutes must be positive"));
        }
        let cite = citations(&t.cite, &line_counts, &ctx, errors);
        let _ = writeln!(
            targets_code,
            "    ResponseTarget {{ id: {:?}, minutes: {}, around_the_clock: {clock}, cite: {cite} }},",
            t.id, t.minutes
        );
    }
    let region_q = vars.questions.iter().position(|q| q.0 == "region");
    let mut hours_code = String::new();
    for h in &hours {
        let ctx = format!("business hours `{}`", h.region);
        let region = region_q.and_then(|q| vars.questions[q].2.index(&h.region));
        let (Some(region), Some(open), Some(close)) = (region, hhmm(&h.open), hhmm(&h.close))
        else {
            errors.push(format!("{ctx}: unknown region or bad time"));
            continue;
        };
        if open >= close {
            errors.push(format!("{ctx}: must open before it closes"));
        }
        let zone = if h.zone == "customer" {
            "ZoneSpec::Customer".to_string()
        } else if let Some(off) = h.zone.strip_prefix("fixed:") {
            let sign = if off.starts_with('-') { -1 } else { 1 };
            match hhmm(off.trim_start_matches(['+', '-'])) {
                Some(m) => format!("ZoneSpec::FixedOffsetSeconds({})", sign * i32::from(m) * 60),
                None => {
                    errors.push(format!("{ctx}: bad fixed offset `{off}`"));
                    continue;
                }
            }
        } else {
            if !zones::is_supported(&policy.join("../tzdata"), &h.zone) {
                errors.push(format!(
                    "{ctx}: zone `{}` is not in tzdata/zones.txt, so it is not compiled in",
                    h.zone
                ));
            }
            format!("ZoneSpec::Named({:?})", h.zone)
        };
        let cite = citations(&h.cite, &line_counts, &ctx, errors);
        let _ = writeln!(
            hours_code,
            "    RegionHours {{ region: {region}, open_minute: {open}, close_minute: {close}, zone: {zone}, cite: {cite} }},"
        );
    }
    if let Some(q) = region_q {
        for r in &vars.questions[q].2.values {
            if !hours.iter().any(|h| &h.region == r) {
                errors.push(format!("business hours: region `{r}` has no row"));
            }
        }
    }
    let mut periods_code = String::new();
    for p in &periods {
        let ctx = format!("period `{}`", p.id);
        let cite = citations(&p.cite, &line_counts, &ctx, errors);
        let _ = writeln!(
            periods_code,
            "    Period {{ id: {:?}, months: {}, days: {}, hours: {}, cite: {cite} }},",
            p.id, p.months, p.days, p.hours
        );
    }

    // Sections of the seeds: each citation is shown as "document — section".
    let sections = read::<SectionsFile>(&policy.join("seed_sections.toml"), errors)
        .map(|f| f.section)
        .unwrap_or_default();
    let mut sections_code = String::new();
    text_keys.sections = text_keys.keys.len();
    for (prefix, &(index, count)) in &line_counts {
        let mut last = 0;
        let mut any = false;
        for sec in sections.iter().filter(|x| &x.seed == prefix) {
            let ctx = format!("seed_sections: {prefix}:{}", sec.first);
            if (!any && sec.first != 1) || (any && sec.first <= last) || sec.first > count {
                errors.push(format!(
                    "{ctx}: sections must start at line 1, increase and stay within the document"
                ));
            }
            any = true;
            last = sec.first;
            text_keys.push(format!("sections.{prefix}:{}", sec.first));
            let _ = writeln!(
                sections_code,
                "    SeedSection {{ seed: {index}, first: {} }},",
                sec.first
            );
        }
        if !any {
            errors.push(format!("seed_sections: seed {prefix} has no sections"));
        }
    }

    let mut consts = String::new();
    for (i, q) in vars.questions.iter().enumerate() {
        let _ = writeln!(consts, "    pub const {}: u8 = {i};", q.0.to_uppercase());
    }
    let mut slot_consts = String::new();
    for (i, s) in vars.slots.iter().enumerate() {
        let _ = writeln!(
            slot_consts,
            "    pub const {}: u8 = {i};",
            s.0.to_uppercase()
        );
    }

    format!(
        "// @generated by build.rs from policy/**/*.toml. Do not edit.\n\
         pub const QUESTION_COUNT: usize = {nq};\n\
         pub const SLOT_COUNT: usize = {ns};\n\
         /// Question indices by id.\n#[allow(dead_code)]\npub mod q {{\n{consts}}}\n\
         /// Slot indices by id.\n#[allow(dead_code)]\npub mod s {{\n{slot_consts}}}\n\
         pub static SEEDS: &[Seed] = &[\n{seeds_code}];\n\
         pub static QUESTIONS: &[Question] = &[\n{questions_code}];\n\
         pub static SLOTS: &[Slot] = &[\n{slots_code}];\n\
         pub static CONFLICTS: &[Conflict] = &[\n{conflicts_code}];\n\
         /// In evaluation order: every writer of a slot precedes its readers.\n\
         pub static RULES: &[Rule] = &[\n{rules_code}];\n\
         pub static RESPONSE_TARGETS: &[ResponseTarget] = &[\n{targets_code}];\n\
         pub static REGION_HOURS: &[RegionHours] = &[\n{hours_code}];\n\
         pub static PERIODS: &[Period] = &[\n{periods_code}];\n\
         /// Sections of the seed documents, by seed then first line.\n\
         pub static SEED_SECTIONS: &[SeedSection] = &[\n{sections_code}];\n\
         {checks_code}",
        nq = vars.questions.len(),
        ns = vars.slots.len(),
    )
}

fn check_ids(ids: &[String], ctx: &str, errors: &mut Errors) {
    let mut seen = BTreeSet::new();
    if ids.len() > 64 {
        errors.push(format!("{ctx}: at most 64 values"));
    }
    for id in ids {
        if !seen.insert(id) {
            errors.push(format!("{ctx}: duplicate value `{id}`"));
        }
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            errors.push(format!(
                "{ctx}: `{id}` must be lowercase ascii, digits and _"
            ));
        }
    }
}

fn is_rule_id(id: &str) -> bool {
    id.split_once('-').is_some_and(|(family, n)| {
        !family.is_empty()
            && family
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
    })
}
