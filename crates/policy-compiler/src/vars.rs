//! What conditions, citations and ids are made of, shared by every part of the compiler:
//! the variable namespace (questions, then slots), atoms, citations, dates and times.

use crate::errors::Errors;
use crate::input::Conditions;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Line counts of the seed documents by citation prefix: `(index in SEEDS, lines)`.
pub type LineCounts = BTreeMap<String, (usize, usize)>;

/// Reads and parses one TOML file; a problem names the file.
pub fn read<T: serde::de::DeserializeOwned>(path: &Path, errors: &mut Errors) -> Option<T> {
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

/// The values a variable can take, in bit order.
pub struct Domain {
    pub values: Vec<String>,
}

impl Domain {
    pub fn index(&self, v: &str) -> Option<usize> {
        self.values.iter().position(|x| x == v)
    }

    /// Bit i for each listed value (the domain's value i). An empty list or an unknown value is
    /// an error naming `name` in `ctx`.
    pub fn mask(&self, values: &[String], name: &str, ctx: &str, errors: &mut Errors) -> u64 {
        if values.is_empty() {
            errors.push(format!("{ctx}: `{name}` lists no values"));
        }
        let mut mask = 0u64;
        for v in values {
            match self.index(v) {
                Some(i) if i < 64 => mask |= 1 << i,
                _ => errors.push(format!(
                    "{ctx}: `{v}` is not a value of `{name}` (known: {})",
                    self.values.join(", ")
                )),
            }
        }
        mask
    }

    /// Every value's bit: the mask that tests "has some value".
    pub fn all(&self) -> u64 {
        if self.values.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << self.values.len()) - 1
        }
    }
}

/// A rule atom's mask: a variable has at most 32 values (`check_ids`), so it fits a `u32`.
fn atom_mask(mask: u64) -> u32 {
    u32::try_from(mask).unwrap_or(u32::MAX)
}

/// Variable namespace shared by conditions: questions first, then slots.
pub struct Vars {
    pub questions: Vec<(String, String, Domain)>, // id, kind, options
    pub slots: Vec<(String, Domain, Option<String>)>,
}

impl Vars {
    pub fn lookup(&self, name: &str) -> Option<(String, &Domain)> {
        if let Some(i) = self.questions.iter().position(|q| q.0 == name) {
            return Some((format!("Var::Question({i})"), &self.questions[i].2));
        }
        if let Some(i) = self.slots.iter().position(|s| s.0 == name) {
            return Some((format!("Var::Slot({i})"), &self.slots[i].1));
        }
        None
    }
    pub fn slot_index(&self, name: &str) -> Option<usize> {
        self.slots.iter().position(|s| s.0 == name)
    }
}

pub fn atoms(
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
        let mask = atom_mask(domain.mask(values, name, ctx, errors));
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
pub fn presence_atoms(
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
        let mask = atom_mask(domain.all());
        out.push(format!(
            "Atom {{ var: {var}, mask: {mask:#x}, negated: {negated} }}"
        ));
    }
    out
}

pub fn citations(
    cites: &[String],
    line_counts: &LineCounts,
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

pub fn parse_date(s: &str) -> Option<u32> {
    let mut it = s.split('-');
    let y: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(y * 10000 + m * 100 + d)
}

pub fn hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

pub fn check_ids(ids: &[String], ctx: &str, errors: &mut Errors) {
    let mut seen = BTreeSet::new();
    // A condition's atom holds a variable's values as the bits of a u32 (`model::Atom`).
    if ids.len() > 32 {
        errors.push(format!("{ctx}: at most 32 values"));
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

pub fn is_rule_id(id: &str) -> bool {
    id.split_once('-').is_some_and(|(family, n)| {
        !family.is_empty()
            && family
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vars {
        let domain = |v: &[&str]| Domain {
            values: v.iter().map(|s| s.to_string()).collect(),
        };
        Vars {
            questions: vec![(
                "product".into(),
                "choice".into(),
                domain(&["ce_app", "azure", "office365"]),
            )],
            slots: vec![("route".into(), domain(&["ppac", "lcs"]), None)],
        }
    }

    fn conditions(name: &str, values: &[&str]) -> Conditions {
        [(
            name.to_string(),
            values.iter().map(|s| s.to_string()).collect(),
        )]
        .into_iter()
        .collect()
    }

    #[test]
    fn an_atom_is_a_bitmask_of_the_listed_values() {
        let (mut errors, mut reads) = (Errors::default(), BTreeSet::new());
        let atoms = atoms(
            &vars(),
            &conditions("product", &["azure", "office365"]),
            false,
            "t",
            &mut errors,
            &mut reads,
        );
        assert_eq!(
            atoms,
            ["Atom { var: Var::Question(0), mask: 0x6, negated: false }"]
        );
        assert!(errors.0.is_empty() && reads.is_empty());
    }

    #[test]
    fn reading_a_slot_is_recorded_for_the_evaluation_order() {
        let (mut errors, mut reads) = (Errors::default(), BTreeSet::new());
        atoms(
            &vars(),
            &conditions("route", &["lcs"]),
            false,
            "t",
            &mut errors,
            &mut reads,
        );
        assert_eq!(reads.into_iter().collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn a_not_that_lists_every_option_must_say_unanswered() {
        let (mut errors, mut reads) = (Errors::default(), BTreeSet::new());
        atoms(
            &vars(),
            &conditions("product", &["ce_app", "azure", "office365"]),
            true,
            "rules.toml: rule X-1",
            &mut errors,
            &mut reads,
        );
        assert_eq!(
            errors.0,
            ["rules.toml: rule X-1: `not` lists every value of `product`; say `unanswered = [\"product\"]`"]
        );
    }

    #[test]
    fn unanswered_tests_presence_whatever_the_options() {
        let (mut errors, mut reads) = (Errors::default(), BTreeSet::new());
        let atoms = presence_atoms(
            &vars(),
            &["product".to_string()],
            true,
            "t",
            &mut errors,
            &mut reads,
        );
        assert_eq!(
            atoms,
            ["Atom { var: Var::Question(0), mask: 0x7, negated: true }"]
        );
    }

    #[test]
    fn citations_are_checked_against_the_documents_length() {
        let counts: LineCounts = [("000".to_string(), (0, 10))].into_iter().collect();
        let mut errors = Errors::default();
        let ok = citations(
            &["000:3-4".into(), "000:10".into()],
            &counts,
            "c",
            &mut errors,
        );
        assert_eq!(
            ok,
            "&[Citation { seed: 0, first: 3, last: 4 }, Citation { seed: 0, first: 10, last: 10 }]"
        );
        assert!(errors.0.is_empty());
        for bad in ["000:11", "000:4-3", "001:1", "000:x", "000:0"] {
            let mut errors = Errors::default();
            citations(&[bad.into()], &counts, "c", &mut errors);
            assert_eq!(errors.0.len(), 1, "{bad} must be refused");
        }
    }

    #[test]
    fn dates_and_times_parse_strictly() {
        assert_eq!(parse_date("2025-02-09"), Some(20_250_209));
        assert_eq!(parse_date("2025-2-9x"), None);
        assert_eq!(hhmm("17:30"), Some(17 * 60 + 30));
        assert_eq!(hhmm("24:00"), None);
        assert!(is_rule_id("PORTAL-3") && is_rule_id("H24-1"));
        assert!(!is_rule_id("portal-3") && !is_rule_id("PORTAL-") && !is_rule_id("PORTAL3"));
    }
}
