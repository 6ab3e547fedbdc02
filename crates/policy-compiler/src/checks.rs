//! Compiles the verifier's two kinds of checks into statics:
//!
//! * `policy/invariants.toml`: the sources' universal statements, each a condition over answers
//!   and slots and what must then hold on every path (`model::Invariant`). Every catalogue id
//!   (`policy/catalogue_ids.txt`) must be checked by some invariant or listed as `[[uncovered]]`
//!   with the reason.
//! * `policy/overrides.toml`: which rules may override which (`model::DeclaredOverride`). The
//!   verifier fails on any override that happens on a path and is not declared here.
//!
//! Rules are named by label (`RESP-5/b`), catalogue id (`EA-4`: all its parts) or family
//! (`PREVIEW-*`); a name that matches no rule is an error, so a renamed rule cannot silently
//! empty a check.

use crate::errors::Errors;
use crate::input::{Conditions, TargetIn};
use crate::names::JOURNEYS;
use crate::rules::RuleName;
use crate::vars::{citations, read, Domain, LineCounts, Vars};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InvariantsFile {
    #[serde(default)]
    invariant: Vec<InvariantIn>,
    #[serde(default)]
    uncovered: Vec<UncoveredIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InvariantIn {
    id: String,
    catalogue: Vec<String>,
    cite: Vec<String>,
    #[serde(default)]
    journeys: Vec<String>,
    #[serde(default)]
    when: Conditions,
    #[serde(default)]
    not: Conditions,
    #[serde(default)]
    unanswered: Vec<String>,
    #[serde(default)]
    answered: Vec<String>,
    #[serde(default)]
    expect: Conditions,
    #[serde(default)]
    set: Vec<String>,
    #[serde(default)]
    unset: Vec<String>,
    #[serde(default)]
    shows: Vec<String>,
    #[serde(default)]
    hides: Vec<String>,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UncoveredIn {
    id: String,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverridesFile {
    #[serde(rename = "override", default)]
    declared: Vec<OverrideIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideIn {
    winner: Vec<String>,
    loser: Vec<String>,
    #[serde(default)]
    slot: Option<String>,
    reason: String,
    #[serde(default)]
    cite: Vec<String>,
}

/// Indices of the rules a name matches: a label, a catalogue id (every part) or `FAMILY-*`.
fn matching(rules: &[RuleName], name: &str) -> Vec<usize> {
    let family = name.strip_suffix('*');
    rules
        .iter()
        .enumerate()
        .filter(|(_, r)| match family {
            Some(prefix) => r.id.starts_with(prefix),
            None => r.label == name || r.id == name,
        })
        .map(|(i, _)| i)
        .collect()
}

fn index_list(indices: &[usize]) -> String {
    let parts: Vec<String> = indices.iter().map(|i| i.to_string()).collect();
    format!("&[{}]", parts.join(", "))
}

/// The domains of the invariant-only variables, in bit order.
struct ResponseDomains {
    clock: Domain,
    minutes: Domain,
}

/// Compiles one variable test of an invariant. `presence` compiles `answered`/`unanswered` and
/// `set`/`unset`, which test whether the variable has a value at all.
fn check_atom(
    vars: &Vars,
    response: &ResponseDomains,
    name: &str,
    values: Option<&[String]>,
    negated: bool,
    ctx: &str,
    errors: &mut Errors,
) -> Option<String> {
    let question = vars.questions.iter().position(|q| q.0 == name);
    let (var, domain) = match name {
        "response_clock" => ("CheckVar::ResponseClock".to_string(), &response.clock),
        "response_minutes" => ("CheckVar::ResponseMinutes".to_string(), &response.minutes),
        _ => match (values, question) {
            // Presence of an answer of any kind (dates, counts and zones too).
            (None, Some(q)) => {
                return Some(format!(
                    "CheckAtom {{ var: CheckVar::Answered({q}), mask: 0x1, negated: {negated} }}"
                ))
            }
            (_, Some(q)) => (format!("CheckVar::Question({q})"), &vars.questions[q].2),
            (_, None) => match vars.slot_index(name) {
                Some(s) => (format!("CheckVar::Slot({s})"), &vars.slots[s].1),
                None => {
                    errors.push(format!("{ctx}: unknown question or slot `{name}`"));
                    return None;
                }
            },
        },
    };
    let mask = match values {
        None => domain.all(),
        Some(values) => domain.mask(values, name, ctx, errors),
    };
    Some(format!(
        "CheckAtom {{ var: {var}, mask: {mask:#x}, negated: {negated} }}"
    ))
}

pub fn compile(
    policy: &Path,
    vars: &Vars,
    rules: &[RuleName],
    targets: &[TargetIn],
    line_counts: &LineCounts,
    errors: &mut Errors,
) -> String {
    let mut minutes: Vec<u32> = targets.iter().map(|t| t.minutes).collect();
    minutes.sort_unstable();
    minutes.dedup();
    let response = ResponseDomains {
        clock: Domain {
            values: vec!["around_the_clock".into(), "business_hours".into()],
        },
        minutes: Domain {
            values: minutes.iter().map(u32::to_string).collect(),
        },
    };

    let invariants = invariants(policy, vars, rules, &response, line_counts, errors);
    let overrides = overrides(policy, vars, rules, line_counts, errors);
    format!(
        "/// The whole minutes of every response target, in the bit order of `CheckVar::ResponseMinutes`.\n\
         pub static RESPONSE_MINUTES: &[u32] = &{minutes:?};\n\
         /// The sources' universal statements (policy/invariants.toml), checked on every path.\n\
         pub static INVARIANTS: &[Invariant] = &[\n{invariants}];\n\
         /// Which rules may override which (policy/overrides.toml).\n\
         pub static DECLARED_OVERRIDES: &[DeclaredOverride] = &[\n{overrides}];\n"
    )
}

/// `INVARIANTS`, and the check that every catalogue id is checked or listed as uncovered.
fn invariants(
    policy: &Path,
    vars: &Vars,
    rules: &[RuleName],
    response: &ResponseDomains,
    line_counts: &LineCounts,
    errors: &mut Errors,
) -> String {
    let catalogue: BTreeSet<String> = std::fs::read_to_string(policy.join("catalogue_ids.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();

    let mut invariants_code = String::new();
    let mut covered = BTreeSet::new();
    let mut ids = BTreeSet::new();
    let file = read::<InvariantsFile>(&policy.join("invariants.toml"), errors);
    let (invariants, uncovered) =
        file.map_or((Vec::new(), Vec::new()), |f| (f.invariant, f.uncovered));
    for inv in &invariants {
        let ctx = format!("invariants.toml: invariant {}", inv.id);
        if !ids.insert(inv.id.clone()) {
            errors.push(format!("{ctx}: duplicate id"));
        }
        if inv.catalogue.is_empty() || inv.note.trim().is_empty() {
            errors.push(format!("{ctx}: needs `catalogue` ids and a `note`"));
        }
        for c in &inv.catalogue {
            if !catalogue.contains(c) {
                errors.push(format!("{ctx}: `{c}` is not a catalogue id"));
            }
            covered.insert(c.clone());
        }
        invariants_code.push_str(&invariant_code(
            inv,
            &ctx,
            vars,
            rules,
            response,
            line_counts,
            errors,
        ));
    }
    for u in &uncovered {
        let ctx = format!("invariants.toml: uncovered {}", u.id);
        if !catalogue.contains(&u.id) {
            errors.push(format!("{ctx}: not a catalogue id"));
        }
        if u.reason.trim().is_empty() {
            errors.push(format!("{ctx}: needs a reason"));
        }
        if covered.contains(&u.id) {
            errors.push(format!(
                "{ctx}: an invariant checks it; remove it from `uncovered`"
            ));
        }
        covered.insert(u.id.clone());
    }
    for c in catalogue.difference(&covered) {
        errors.push(format!(
            "invariants.toml: catalogue id `{c}` has no invariant and is not listed as uncovered"
        ));
    }

    invariants_code
}

/// One `Invariant` entry: its condition, its requirements and the rules it names.
fn invariant_code(
    inv: &InvariantIn,
    ctx: &str,
    vars: &Vars,
    rules: &[RuleName],
    response: &ResponseDomains,
    line_counts: &LineCounts,
    errors: &mut Errors,
) -> String {
    let cite = citations(&inv.cite, line_counts, ctx, errors);
    let mut journeys = Vec::new();
    for j in &inv.journeys {
        match JOURNEYS.iter().find(|(slug, _)| slug == j) {
            Some((_, variant)) => journeys.push(format!("Journey::{variant}")),
            None => errors.push(format!("{ctx}: unknown journey `{j}`")),
        }
    }
    let mut when = Vec::new();
    let mut atom = |name: &str, values: Option<&[String]>, negated: bool, out: &mut Vec<_>| {
        if let Some(a) = check_atom(vars, response, name, values, negated, ctx, errors) {
            out.push(a);
        }
    };
    for (name, values) in &inv.when {
        atom(name, Some(values), false, &mut when);
    }
    for (name, values) in &inv.not {
        atom(name, Some(values), true, &mut when);
    }
    for name in &inv.unanswered {
        atom(name, None, true, &mut when);
    }
    for name in &inv.answered {
        atom(name, None, false, &mut when);
    }
    let mut require = Vec::new();
    for (name, values) in &inv.expect {
        atom(name, Some(values), false, &mut require);
    }
    for name in &inv.set {
        atom(name, None, false, &mut require);
    }
    for name in &inv.unset {
        atom(name, None, true, &mut require);
    }
    let mut groups = |names: &[String]| -> String {
        let mut parts = Vec::new();
        for name in names {
            let found = matching(rules, name);
            if found.is_empty() {
                errors.push(format!("{ctx}: `{name}` names no rule"));
            }
            parts.push(index_list(&found));
        }
        format!("&[{}]", parts.join(", "))
    };
    let shows = groups(&inv.shows);
    let hides = groups(&inv.hides);
    if require.is_empty() && inv.shows.is_empty() && inv.hides.is_empty() {
        errors.push(format!("{ctx}: requires nothing"));
    }
    format!(
        "    Invariant {{ id: {:?}, catalogue: &{:?}, cite: {cite}, journeys: &[{}], when: &[{}], require: &[{}], shows: {shows}, hides: {hides} }},\n",
        inv.id,
        inv.catalogue,
        journeys.join(", "),
        when.join(", "),
        require.join(", "),
    )
}

/// `DECLARED_OVERRIDES`: every declaration, its rules resolved to indices.
fn overrides(
    policy: &Path,
    vars: &Vars,
    rules: &[RuleName],
    line_counts: &LineCounts,
    errors: &mut Errors,
) -> String {
    let mut overrides_code = String::new();
    let declared = read::<OverridesFile>(&policy.join("overrides.toml"), errors)
        .map(|f| f.declared)
        .unwrap_or_default();
    for d in &declared {
        let label = format!("{} over {}", d.winner.join(", "), d.loser.join(", "));
        let ctx = format!("overrides.toml: {label}");
        if d.reason.trim().is_empty() {
            errors.push(format!("{ctx}: needs a `reason`"));
        }
        if !d.cite.is_empty() {
            citations(&d.cite, line_counts, &ctx, errors);
        }
        let mut side = |names: &[String]| -> Vec<usize> {
            let mut all = BTreeSet::new();
            for name in names {
                let found = matching(rules, name);
                if found.is_empty() {
                    errors.push(format!("{ctx}: `{name}` names no rule"));
                }
                all.extend(found);
            }
            all.into_iter().collect()
        };
        let winners = side(&d.winner);
        let losers = side(&d.loser);
        let slot = match &d.slot {
            None => "None".to_string(),
            Some(s) => match vars.slot_index(s) {
                Some(i) => format!("Some({i})"),
                None => {
                    errors.push(format!("{ctx}: unknown slot `{s}`"));
                    "None".into()
                }
            },
        };
        let _ = writeln!(
            overrides_code,
            "    DeclaredOverride {{ label: {label:?}, winners: {}, losers: {}, slot: {slot} }},",
            index_list(&winners),
            index_list(&losers),
        );
    }

    overrides_code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<RuleName> {
        [
            "EA-4",
            "EA-4/response",
            "PREVIEW-6/coverage",
            "PREVIEW-8",
            "RESP-3/a",
        ]
        .iter()
        .map(|label| RuleName {
            label: label.to_string(),
            id: label.split('/').next().unwrap_or_default().to_string(),
        })
        .collect()
    }

    #[test]
    fn a_rule_is_named_by_label_catalogue_id_or_family() {
        let rules = names();
        assert_eq!(matching(&rules, "EA-4/response"), [1]);
        assert_eq!(matching(&rules, "EA-4"), [0, 1]);
        assert_eq!(matching(&rules, "PREVIEW-*"), [2, 3]);
        assert!(matching(&rules, "PREVIEW-6/language").is_empty());
        // A family is the id's prefix up to the dash: `RESP-*` is not `RESPONSE-*`.
        assert_eq!(matching(&rules, "RESP-*"), [4]);
    }
}
