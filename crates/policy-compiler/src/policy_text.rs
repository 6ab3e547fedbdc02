//! Policy texts (policy/text/<lang>.toml): every sentence of the policy a person reads, in every
//! interface language, checked for completeness and compiled into one numbered list.
//!
//! The list order is fixed by the policy data (documents, questions with their options, slot
//! values, rules in evaluation order, conflicts, seed sections), so a text is addressed by a small
//! number. The web app downloads one language's list (a "content pack") instead of carrying all
//! of them in the wasm; native builds (CLI, tests) get every language compiled in.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Interface languages, in the order of the generated tables. English is the source language.
pub const LANGUAGES: &[&str] = &["en", "nl", "nb", "id"];

/// The numbered keys of every policy text, built while compiling the policy data.
#[derive(Default)]
pub struct TextKeys {
    pub keys: Vec<String>,
    /// First key of each question (title; hint +1; summary +2; options from +3).
    pub question_base: Vec<usize>,
    /// First key of each slot's values.
    pub slot_base: Vec<usize>,
    pub documents: usize,
    pub rules: usize,
    pub conflicts: usize,
    pub sections: usize,
    /// First key of the route texts (action, then open, per route value).
    pub routes: usize,
    /// The result page's own sentences (`[page]`): name and number.
    pub page: Vec<(String, usize)>,
}

impl TextKeys {
    pub fn push(&mut self, key: String) -> usize {
        self.keys.push(key);
        self.keys.len() - 1
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, toml::Value>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            other => {
                out.insert(key, other.clone());
            }
        }
    }
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut found: Vec<&str> = s
        .match_indices('{')
        .filter_map(|(i, _)| s[i..].find('}').map(|j| &s[i..=i + j]))
        .collect();
    found.sort_unstable();
    found
}

fn digits(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.sort_unstable();
    out
}

/// Numbers the result page's own sentences: every key of the English file's `[page]` table, in
/// key order. They travel in the content pack, not in the wasm, and every language must have them.
pub fn page_keys(policy: &Path, errors: &mut Vec<String>, keys: &mut TextKeys) {
    let path = policy.join("text").join("en.toml");
    let table = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|s| s.parse::<toml::Table>().map_err(|e| e.to_string()));
    let page = match table {
        Ok(t) => t.get("page").and_then(|p| p.as_table()).cloned(),
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    let Some(page) = page else {
        errors.push("text/en.toml: no [page] table".into());
        return;
    };
    for name in page.keys() {
        if !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            errors.push(format!(
                "text/en.toml: page key `{name}` must be snake_case"
            ));
            continue;
        }
        let n = keys.push(format!("page.{name}"));
        keys.page.push((name.clone(), n));
    }
}

/// Reads and checks every language file. Returns the texts per language, in key order.
pub fn load(policy: &Path, keys: &TextKeys, errors: &mut Vec<String>) -> Vec<Vec<String>> {
    let mut all = Vec::new();
    for lang in LANGUAGES {
        let path = policy.join("text").join(format!("{lang}.toml"));
        let table = match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|s| s.parse::<toml::Table>().map_err(|e| e.to_string()))
        {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                all.push(vec![String::new(); keys.keys.len()]);
                continue;
            }
        };
        let mut flat = BTreeMap::new();
        flatten("", &table, &mut flat);
        let mut texts = Vec::with_capacity(keys.keys.len());
        let mut missing = Vec::new();
        for key in &keys.keys {
            match flat.remove(key) {
                Some(toml::Value::String(s)) => {
                    let s = s.trim().to_string();
                    if s.is_empty() {
                        errors.push(format!("text/{lang}.toml: `{key}` is empty"));
                    }
                    if s.contains(['\n', '\r', '\t']) {
                        errors.push(format!("text/{lang}.toml: `{key}` has a line break or tab"));
                    }
                    texts.push(s);
                }
                Some(_) => {
                    errors.push(format!("text/{lang}.toml: `{key}` must be a string"));
                    texts.push(String::new());
                }
                None => {
                    missing.push(key.as_str());
                    texts.push(String::new());
                }
            }
        }
        if !missing.is_empty() {
            errors.push(format!(
                "text/{lang}.toml: {} texts missing, e.g. {}",
                missing.len(),
                missing
                    .iter()
                    .take(8)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !flat.is_empty() {
            errors.push(format!(
                "text/{lang}.toml: {} keys nothing uses, e.g. {}",
                flat.len(),
                flat.keys().take(8).cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        all.push(texts);
    }
    // Every translation carries the same placeholders as English, and rule and conflict texts
    // the same numbers: hours, days and years must never change in translation.
    if let Some((en, others)) = all.split_first() {
        for (l, texts) in others.iter().enumerate() {
            let lang = LANGUAGES[l + 1];
            for (i, (src, tr)) in en.iter().zip(texts).enumerate() {
                if tr.is_empty() {
                    continue;
                }
                let key = &keys.keys[i];
                if placeholders(src) != placeholders(tr) {
                    errors.push(format!(
                        "text/{lang}.toml: `{key}` has other placeholders than English"
                    ));
                }
                let numeric = key.starts_with("rules.")
                    || key.starts_with("conflicts.")
                    || key.starts_with("page.")
                    || key.starts_with("routes.");
                if numeric && digits(src) != digits(tr) {
                    errors.push(format!(
                        "text/{lang}.toml: `{key}` has other numbers than English ({:?} vs {:?})",
                        digits(src),
                        digits(tr)
                    ));
                }
            }
        }
    }
    all
}

/// FNV-1a over every text of every language, as 8 hex digits: names the content packs, so a
/// cached pack of another build is never read.
fn version(texts: &[Vec<String>]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for lang in texts {
        for t in lang {
            for b in t.bytes().chain([0]) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    format!("{:08x}", hash >> 32)
}

/// The index of every text (shared by the web app and native builds).
pub fn index_code(keys: &TextKeys, texts: &[Vec<String>]) -> String {
    let list = |v: &[usize]| {
        v.iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "// @generated by the policy compiler from policy/text/*.toml. Do not edit.\n\
         /// Number of policy texts in every language.\n\
         pub const COUNT: usize = {count};\n\
         /// Names this build's content packs (`content/<lang>.<VERSION>.txt`).\n\
         pub const VERSION: &str = {version:?};\n\
         pub const DOCUMENTS: u16 = {documents};\n\
         pub const RULES: u16 = {rules};\n\
         pub const CONFLICTS: u16 = {conflicts};\n\
         pub const SECTIONS: u16 = {sections};\n\
         /// First route text: action (+0) and open (+1) for each route value, in value order.\n\
         pub const ROUTES: u16 = {routes};\n\
         /// First text of each question: title, hint (+1), summary (+2), options (+3 …).\n\
         pub static QUESTIONS: &[u16] = &[{questions}];\n\
         /// First text of each slot's values.\n\
         pub static SLOTS: &[u16] = &[{slots}];\n",
        count = keys.keys.len(),
        version = version(texts),
        documents = keys.documents,
        rules = keys.rules,
        conflicts = keys.conflicts,
        sections = keys.sections,
        routes = keys.routes,
        questions = list(&keys.question_base),
        slots = list(&keys.slot_base),
    ) + &page_code(keys)
}

/// `pub mod page { pub const DECISION_NOT_COVERED: u16 = …; }`: the page sentences by name.
fn page_code(keys: &TextKeys) -> String {
    let mut s = String::from("/// The result page's own sentences (`[page]` in policy/text/<lang>.toml).\npub mod page {\n");
    for (name, n) in &keys.page {
        let _ = writeln!(s, "    pub const {}: u16 = {n};", name.to_uppercase());
    }
    s.push_str("}\n");
    s
}

/// Every language's texts, for native builds only (the CLI writes the content packs from them).
pub fn texts_code(keys: &TextKeys, texts: &[Vec<String>]) -> String {
    let mut s = String::from(
        "// @generated by the policy compiler from policy/text/*.toml. Do not edit.\n\
         /// `TEXTS[language][text]`, languages in the order of `UiLanguage::ALL`.\n",
    );
    let _ = writeln!(
        s,
        "pub static TEXTS: [[&str; {}]; {}] = [",
        keys.keys.len(),
        texts.len()
    );
    for lang in texts {
        s.push_str("    [\n");
        for t in lang {
            let _ = writeln!(s, "        {t:?},");
        }
        s.push_str("    ],\n");
    }
    s.push_str("];\n");
    s
}
