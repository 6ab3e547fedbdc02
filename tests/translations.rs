//! Translation completeness, run by `cargo test` (and so by the test command).
//!
//! Interface texts (locales/<lang>.json): every key of English in every language and no other,
//! no empty text, the same `{placeholders}`; the pseudo-locale en-XA is the current derivation of
//! English. Policy texts (policy/text/<lang>.toml) are checked for keys, emptiness, placeholders
//! and numbers by the policy compiler, so an incomplete language does not even compile; here we add that
//! no sentence was left in English.

use serde_json::Value;
use std::collections::BTreeMap;
use support_navigator::policy::text::{index, native, pseudo, TextId};

const LANGUAGES: [&str; 4] = ["en", "nl", "nb", "id"];

fn catalogue(lang: &str) -> Value {
    let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => {
            out.insert(prefix.to_string(), format!("<not a string: {other}>"));
        }
    }
}

fn strings(lang: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    flatten("", &catalogue(lang), &mut out);
    out
}

fn placeholders(s: &str) -> Vec<String> {
    let mut found: Vec<String> = s
        .match_indices('{')
        .filter_map(|(i, _)| s[i..].find('}').map(|j| s[i..=i + j].to_string()))
        .collect();
    found.sort();
    found
}

#[test]
fn every_interface_text_exists_in_every_language_with_the_same_placeholders() {
    let en = strings("en");
    assert!(en.len() > 100, "the English catalogue looks truncated");
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let tr = strings(lang);
        for key in en.keys().filter(|k| !tr.contains_key(*k)) {
            problems.push(format!("{lang}: missing {key}"));
        }
        for key in tr.keys().filter(|k| !en.contains_key(*k)) {
            problems.push(format!("{lang}: {key} is not in English"));
        }
        for (key, text) in &tr {
            if text.trim().is_empty() {
                problems.push(format!("{lang}: {key} is empty"));
            }
            if text.starts_with("<not a string") {
                problems.push(format!("{lang}: {key} {text}"));
            }
            if let Some(src) = en.get(key) {
                if placeholders(src) != placeholders(text) {
                    problems.push(format!(
                        "{lang}: {key} has placeholders {:?}, English {:?}",
                        placeholders(text),
                        placeholders(src)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_pseudo_locale_is_derived_from_the_current_english() {
    let en = strings("en");
    let xa = strings("en-XA");
    let expected: BTreeMap<String, String> =
        en.iter().map(|(k, v)| (k.clone(), pseudo(v))).collect();
    assert!(
        xa == expected,
        "locales/en-XA.json is out of date; regenerate it with\n  cargo run --no-default-features --features cli --bin support-navigator-cli -- pseudo-locale locales/en.json > locales/en-XA.json"
    );
}

#[test]
fn pseudo_localisation_is_longer_accented_and_keeps_placeholders() {
    let p = pseudo("Within {n} hours");
    assert!(p.starts_with('⟦') && p.ends_with('⟧'));
    assert!(p.contains("{n}"), "placeholder kept: {p}");
    assert!(p.contains("Wíthíñ"), "accented: {p}");
    let source = "Every answer is built from five published documents";
    assert!(pseudo(source).chars().count() * 10 >= source.chars().count() * 13);
}

/// Sentences identical to English in another language were forgotten, unless they are names.
#[test]
fn no_policy_sentence_was_left_in_english() {
    let mut problems = Vec::new();
    for lang in &LANGUAGES[1..] {
        for i in 0..index::COUNT {
            let id = TextId(u16::try_from(i).unwrap_or(u16::MAX));
            let (src, tr) = (native::text("en", id), native::text(lang, id));
            // A sentence has several lower-case words; product names such as "Volume Licensing
            // Service Center (VLSC)" rightly stay as they are.
            let lower_words = src
                .split_whitespace()
                .filter(|w| {
                    w.chars()
                        .find(|c| c.is_alphabetic())
                        .is_some_and(char::is_lowercase)
                })
                .count();
            let is_sentence = src.split_whitespace().count() > 4 && lower_words >= 2;
            if is_sentence && src == tr {
                problems.push(format!("{lang}: text {i} is still English: {src}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_policy_text_is_there_in_every_language() {
    for lang in LANGUAGES {
        for i in 0..index::COUNT {
            let id = TextId(u16::try_from(i).unwrap_or(u16::MAX));
            assert!(
                !native::text(lang, id).trim().is_empty(),
                "{lang}: text {i} is empty"
            );
        }
    }
}
