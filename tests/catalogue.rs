//! Every rule of the catalogue (policy/catalogue_ids.txt, from seed-rules.md section 2) is either
//! encoded in policy/rules/ or listed in policy/not_encoded.toml with a reason.

use std::collections::BTreeSet;
use support_navigator::policy::data::RULES;

fn catalogue() -> Vec<String> {
    include_str!("../policy/catalogue_ids.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// `id = "..."` lines of not_encoded.toml, each with a non-empty `reason`.
fn not_encoded() -> Vec<(String, String)> {
    let text = include_str!("../policy/not_encoded.toml");
    let mut out = Vec::new();
    let mut id = None;
    for line in text.lines().map(str::trim).filter(|l| !l.starts_with('#')) {
        if let Some(v) = line.strip_prefix("id = ") {
            id = Some(v.trim_matches('"').to_string());
        } else if let Some(v) = line.strip_prefix("reason = ") {
            if let Some(i) = id.take() {
                out.push((i, v.trim_matches('"').to_string()));
            }
        }
    }
    out
}

#[test]
fn catalogue_has_227_unique_rules() {
    let ids = catalogue();
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), 227);
    assert_eq!(unique.len(), 227);
}

#[test]
fn every_catalogue_rule_is_encoded_or_explained() {
    let encoded: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
    let skipped = not_encoded();
    let skipped_ids: BTreeSet<&str> = skipped.iter().map(|(i, _)| i.as_str()).collect();
    let mut missing = Vec::new();
    for id in catalogue() {
        if !encoded.contains(id.as_str()) && !skipped_ids.contains(id.as_str()) {
            missing.push(id);
        }
    }
    for (id, reason) in &skipped {
        assert!(!reason.trim().is_empty(), "{id}: a reason is required");
        assert!(
            !encoded.contains(id.as_str()),
            "{id} is encoded and also listed as not encoded"
        );
    }
    let catalogue: BTreeSet<String> = catalogue().into_iter().collect();
    let unknown: Vec<_> = encoded
        .iter()
        .filter(|id| !catalogue.contains(**id))
        .collect();
    assert!(
        unknown.is_empty(),
        "rules with ids not in the catalogue: {unknown:?}"
    );
    assert!(
        missing.is_empty(),
        "catalogue rules neither encoded nor explained: {missing:?}"
    );
    println!(
        "catalogue: {} rules, {} encoded ({} data rules), {} not engine rules",
        catalogue.len(),
        encoded.len(),
        RULES.len(),
        skipped.len()
    );
}
