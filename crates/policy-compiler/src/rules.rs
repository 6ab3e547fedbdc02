//! `policy/rules/*.toml` and `policy/conflicts.toml`: the rules, each a condition over answers
//! and slots with conclusions, an explanation's section, a priority and citations; and the
//! places where the sources disagree, with the reading a rule applies.
//!
//! Rules are ordered so that every writer of a slot runs before its readers: evaluation is one
//! pass. A cycle is an error naming the rules involved.

use crate::errors::Errors;
use crate::input::{ConflictsFile, Effective, RuleFile, RuleIn};
use crate::names::SECTIONS;
use crate::policy_text::TextKeys;
use crate::vars::{
    atoms, citations, is_rule_id, parse_date, presence_atoms, read, LineCounts, Vars,
};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How many source conflicts seed-rules.md section 4 records (C-01 … C-33): each needs a reading.
const CONFLICT_COUNT: usize = 33;

/// The compiled conflicts: their ids in `CONFLICTS` order, and the generated entries.
pub struct Conflicts {
    pub ids: Vec<String>,
    pub code: String,
}

/// A rule's names, in evaluation order (its position is its index in `RULES`).
pub struct RuleName {
    /// `PORTAL-3` or `RESP-3/b`.
    pub label: String,
    /// The catalogue id, `PORTAL-3`.
    pub id: String,
}

/// The compiled rules, in evaluation order.
pub struct Rules {
    pub ordered: Vec<RuleName>,
    /// `RULES` entries, then `pub static RULE_EFFECTIVE`.
    pub code: String,
}

/// One rule as compiled, before ordering.
struct Compiled {
    code: String,
    /// First and last day it applies (`yyyymmdd`), when limited.
    effective: Option<(u32, u32)>,
    reads: BTreeSet<usize>,
    writes: BTreeSet<usize>,
    name: RuleName,
    /// The rule file, for messages.
    file: String,
}

pub fn conflicts(policy: &Path, errors: &mut Errors, keys: &mut TextKeys) -> Conflicts {
    let conflicts = read::<ConflictsFile>(&policy.join("conflicts.toml"), errors)
        .map(|c| c.conflict)
        .unwrap_or_default();
    let mut code = String::new();
    let mut ids: Vec<String> = Vec::new();
    keys.conflicts = keys.keys.len();
    for c in &conflicts {
        if ids.contains(&c.id) {
            errors.push(format!("conflicts: duplicate `{}`", c.id));
        }
        // Title and reasoning are for maintainers: required here, not compiled in.
        if c.title.trim().is_empty() || c.why.trim().is_empty() {
            errors.push(format!("conflict `{}`: title and why are required", c.id));
        }
        ids.push(c.id.clone());
        keys.push(format!("conflicts.{}", c.id));
        let _ = writeln!(
            code,
            "    Conflict {{ id: {:?}, tell_user: {} }},",
            c.id, c.tell_user
        );
    }
    for n in 1..=CONFLICT_COUNT {
        let id = format!("C-{n:02}");
        if !ids.contains(&id) {
            errors.push(format!("conflicts: `{id}` has no recorded resolution"));
        }
    }
    Conflicts { ids, code }
}

/// Reads every file under `policy/rules` in file-name order, compiles each rule and orders them.
pub fn compile(
    policy: &Path,
    vars: &Vars,
    line_counts: &LineCounts,
    conflict_ids: &[String],
    errors: &mut Errors,
) -> Rules {
    let mut files: Vec<PathBuf> = std::fs::read_dir(policy.join("rules"))
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut compiled = Vec::new();
    let mut labels = BTreeSet::new();
    for path in &files {
        let Some(file) = read::<RuleFile>(path, errors) else {
            continue;
        };
        let file_name = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        for rule in file.rule {
            let c = compile_rule(&rule, &file_name, vars, line_counts, conflict_ids, errors);
            if !labels.insert(c.name.label.clone()) {
                errors.push(format!(
                    "{file_name}: rule {}: duplicate rule (id + part)",
                    c.name.label
                ));
            }
            compiled.push(c);
        }
    }
    let order = evaluation_order(&compiled, errors);
    let mut code = String::new();
    let mut effective = String::new();
    let mut ordered = Vec::with_capacity(order.len());
    let mut slots: Vec<Option<Compiled>> = compiled.into_iter().map(Some).collect();
    for i in order {
        if let Some(c) = slots.get_mut(i).and_then(Option::take) {
            let _ = writeln!(code, "{}", c.code);
            if let Some((from, until)) = c.effective {
                let _ = writeln!(
                    effective,
                    "    Effective {{ rule: {}, from: {from}, until: {until} }},",
                    ordered.len()
                );
            }
            ordered.push(c.name);
        }
    }
    let code = format!(
        "{code}];\n/// Rules that apply only between two days, by index into `RULES`.\npub static RULE_EFFECTIVE: &[Effective] = &[\n{effective}"
    );
    Rules { ordered, code }
}

fn compile_rule(
    r: &RuleIn,
    file_name: &str,
    vars: &Vars,
    line_counts: &LineCounts,
    conflict_ids: &[String],
    errors: &mut Errors,
) -> Compiled {
    let label = if r.part.is_empty() {
        r.id.clone()
    } else {
        format!("{}/{}", r.id, r.part)
    };
    let ctx = format!("{file_name}: rule {label}");
    if !is_rule_id(&r.id) {
        errors.push(format!("{ctx}: id must look like FAMILY-12"));
    }
    let mut reads = BTreeSet::new();
    let mut when = atoms(vars, &r.when, false, &ctx, errors, &mut reads);
    when.extend(atoms(vars, &r.not, true, &ctx, errors, &mut reads));
    when.extend(presence_atoms(
        vars,
        &r.unanswered,
        true,
        &ctx,
        errors,
        &mut reads,
    ));
    when.extend(presence_atoms(
        vars,
        &r.answered,
        false,
        &ctx,
        errors,
        &mut reads,
    ));
    let mut writes = BTreeSet::new();
    let then = conclusions(r, vars, &ctx, errors, &mut writes);
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
    let cite = citations(&r.cite, line_counts, &ctx, errors);
    let conflict = conflict(r, conflict_ids, &ctx, errors);
    let effective = effective(r.effective.as_ref(), &ctx, errors);
    let code = format!(
        "    Rule {{ id: {:?}, part: {:?}, when: &[{}], then: &[{}], section: {section}, priority: {}, cite: {cite}, conflict: {conflict} }},",
        r.id,
        r.part,
        when.join(", "),
        then.join(", "),
        r.priority,
    );
    Compiled {
        code,
        effective,
        reads,
        writes,
        name: RuleName {
            label,
            id: r.id.clone(),
        },
        file: file_name.to_string(),
    }
}

/// `then = { slot = "value" }`: only slots a rule may write (not derived ones), known values.
fn conclusions(
    r: &RuleIn,
    vars: &Vars,
    ctx: &str,
    errors: &mut Errors,
    writes: &mut BTreeSet<usize>,
) -> Vec<String> {
    let mut then = Vec::new();
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
            None => errors.push(format!("{ctx}: `{value}` is not a value of slot `{slot}`")),
        }
        writes.insert(s);
    }
    then
}

/// A rule that applies a conflict reading must say why in its `note`.
fn conflict(r: &RuleIn, conflict_ids: &[String], ctx: &str, errors: &mut Errors) -> String {
    let Some(c) = &r.conflict else {
        return "None".to_string();
    };
    match conflict_ids.iter().position(|x| x == c) {
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
    }
}

fn effective(e: Option<&Effective>, ctx: &str, errors: &mut Errors) -> Option<(u32, u32)> {
    let e = e?;
    let from = e.from.as_deref().map(parse_date).unwrap_or(Some(0));
    let until = e
        .until
        .as_deref()
        .map(parse_date)
        .unwrap_or(Some(99_991_231));
    match (from, until) {
        (Some(f), Some(u)) if f <= u => Some((f, u)),
        _ => {
            errors.push(format!(
                "{ctx}: effective dates must be yyyy-mm-dd, from <= until"
            ));
            None
        }
    }
}

/// Every writer of a slot before every reader, otherwise the file order. A cycle is an error.
fn evaluation_order(compiled: &[Compiled], errors: &mut Errors) -> Vec<usize> {
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
                .map(|i| format!("{} ({})", compiled[i].name.label, compiled[i].file))
                .collect();
            errors.push(format!(
                "rules read and write slots in a cycle; involved: {}",
                stuck.join(", ")
            ));
            break;
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(label: &str, reads: &[usize], writes: &[usize]) -> Compiled {
        Compiled {
            code: String::new(),
            effective: None,
            reads: reads.iter().copied().collect(),
            writes: writes.iter().copied().collect(),
            name: RuleName {
                label: label.into(),
                id: label.into(),
            },
            file: "r.toml".into(),
        }
    }

    #[test]
    fn writers_come_before_readers_and_file_order_is_kept_otherwise() {
        let rules = [
            rule("READ-1", &[0], &[]),
            rule("A-1", &[], &[1]),
            rule("WRITE-1", &[], &[0]),
        ];
        let mut errors = Errors::default();
        assert_eq!(evaluation_order(&rules, &mut errors), [1, 2, 0]);
        assert!(errors.0.is_empty());
    }

    #[test]
    fn a_cycle_names_its_rules_and_files() {
        let rules = [rule("X-1", &[0], &[1]), rule("Y-1", &[1], &[0])];
        let mut errors = Errors::default();
        evaluation_order(&rules, &mut errors);
        assert_eq!(
            errors.0,
            ["rules read and write slots in a cycle; involved: X-1 (r.toml), Y-1 (r.toml)"]
        );
    }

    #[test]
    fn a_rule_that_writes_and_reads_one_slot_is_not_a_cycle_by_itself() {
        let rules = [rule("SELF-1", &[0], &[0]), rule("READ-1", &[0], &[])];
        let mut errors = Errors::default();
        assert_eq!(evaluation_order(&rules, &mut errors), [0, 1]);
        assert!(errors.0.is_empty());
    }
}
