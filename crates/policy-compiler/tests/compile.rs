//! The compiler on the real knowledge base, and on deliberately broken copies of it.
//!
//! Each directory under `tests/fixtures/` is one broken copy: the files it holds are laid over a
//! copy of `policy/` (added or replaced), `edits.toml` changes lines of existing files, and
//! `expect.txt` lists the messages the compiler must give (each line must appear in one error):
//! every message names the file and the rule or entry at fault.

use serde::Deserialize;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_real_knowledge_base_compiles() {
    let generated = policy_compiler::compile(&repo().join("policy"), &repo().join("tzdata"))
        .unwrap_or_else(|e| panic!("the real policy data must compile:\n{}", e.join("\n")));
    assert!(generated.policy_data.contains("pub static RULES: &[Rule]"));
    assert!(generated
        .policy_data
        .contains("pub static INVARIANTS: &[Invariant]"));
    assert!(generated.policy_data.contains("pub const RULESET_VERSION"));
    assert!(generated.zone_table.contains("Europe/Amsterdam"));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edits {
    #[serde(default)]
    edit: Vec<Edit>,
}

/// Replace `find` (which must occur in `file`) with `replace`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: String,
    replace: String,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create fixture dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).expect("copy file");
        }
    }
}

/// The errors the compiler gives for one fixture.
fn compile_fixture(name: &str, fixture: &Path) -> Vec<String> {
    let policy = std::env::temp_dir().join(format!(
        "policy-compiler-fixture-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&policy);
    copy_dir(&repo().join("policy"), &policy);
    let overlay = fixture.join("policy");
    if overlay.is_dir() {
        copy_dir(&overlay, &policy);
    }
    if let Ok(text) = std::fs::read_to_string(fixture.join("edits.toml")) {
        let edits: Edits = toml::from_str(&text).expect("edits.toml parses");
        for e in edits.edit {
            let path = policy.join(&e.file);
            let body = std::fs::read_to_string(&path).expect("edited file exists");
            assert!(
                body.contains(&e.find),
                "fixture {name}: `{}` not found in {}",
                e.find,
                e.file
            );
            std::fs::write(&path, body.replacen(&e.find, &e.replace, 1)).expect("write edit");
        }
    }
    let result = policy_compiler::compile(&policy, &repo().join("tzdata"));
    let _ = std::fs::remove_dir_all(&policy);
    match result {
        Ok(_) => panic!("fixture {name} compiled, but it is broken on purpose"),
        Err(errors) => errors,
    }
}

#[test]
fn every_broken_fixture_fails_with_a_message_naming_file_and_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "at least ten fixtures: {names:?}");
    let mut report = String::new();
    for name in &names {
        let fixture = dir.join(name);
        let expected = std::fs::read_to_string(fixture.join("expect.txt"))
            .unwrap_or_else(|_| panic!("fixture {name} has no expect.txt"));
        let errors = compile_fixture(name, &fixture);
        for line in expected.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !errors.iter().any(|e| e.contains(line)) {
                report.push_str(&format!(
                    "\n{name}: expected an error containing\n    {line}\n  got:\n    {}",
                    errors.join("\n    ")
                ));
            }
        }
    }
    assert!(report.is_empty(), "fixtures without their error:{report}");
}
