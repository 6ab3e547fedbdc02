//! The seed documents (`policy/seeds/`) and the map of their sections
//! (`policy/seed_sections.toml`): what every citation points into. A citation is shown as
//! "document — section", so every document needs sections from its first line on.

use crate::errors::Errors;
use crate::input::SectionsFile;
use crate::names::SEEDS;
use crate::policy_text::TextKeys;
use crate::vars::{read, LineCounts};
use std::fmt::Write as _;
use std::path::Path;

/// The documents' line counts (for checking citations) and the `SEEDS` entries.
pub struct Seeds {
    pub line_counts: LineCounts,
    pub code: String,
}

/// Reads every seed document's line count (a last line without a trailing newline still
/// counts) and numbers the document titles' texts.
pub fn compile(policy: &Path, errors: &mut Errors, keys: &mut TextKeys) -> Seeds {
    let mut line_counts = LineCounts::new();
    let mut code = String::new();
    keys.documents = keys.keys.len();
    for (i, (prefix, file, lang, title)) in SEEDS.iter().enumerate() {
        let path = policy.join("seeds").join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            errors.push(format!("{}: {e}", path.display()));
            String::new()
        });
        let count = text.lines().count();
        line_counts.insert(prefix.to_string(), (i, count));
        keys.push(format!("documents.{prefix}"));
        let _ = writeln!(
            code,
            "    Seed {{ prefix: {prefix:?}, file: {file:?}, language: {lang:?}, title_en: {title:?}, line_count: {count} }},"
        );
    }
    Seeds { line_counts, code }
}

/// The `SEED_SECTIONS` entries, numbering each section title's text.
pub fn sections(
    policy: &Path,
    line_counts: &LineCounts,
    errors: &mut Errors,
    keys: &mut TextKeys,
) -> String {
    let sections = read::<SectionsFile>(&policy.join("seed_sections.toml"), errors)
        .map(|f| f.section)
        .unwrap_or_default();
    let mut code = String::new();
    keys.sections = keys.keys.len();
    for (prefix, &(index, count)) in line_counts {
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
            keys.push(format!("sections.{prefix}:{}", sec.first));
            let _ = writeln!(
                code,
                "    SeedSection {{ seed: {index}, first: {} }},",
                sec.first
            );
        }
        if !any {
            errors.push(format!("seed_sections: seed {prefix} has no sections"));
        }
    }
    code
}
