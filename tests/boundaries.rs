//! Lint: the module boundaries of ARCHITECTURE.md ("Boundaries") hold.
//!
//! `hours` is a leaf: it imports nothing from the rest of the crate (it knows clocks, not
//! policy).
//!
//! The web shell holds no policy. What a result page shows
//! is decided by `result::result_view` in the policy core; `src/ui` renders it. So no file in
//! `src/ui` may:
//!
//! * evaluate answers (`evaluate…`, `outcomes_by_plan`) or touch an `Outcome`;
//! * read a slot, question or option by its name (`.value("…")`, `slot_index`, `question_index`,
//!   `option_index`, `choice_id`, `Answers::set("…", …)`);
//! * name questions, slots or values by their compiled constants (`q::`, `s::`, `v::`).
//!
//! It also checks that the modules of `src/ui` import each other without a cycle.
//!
//! It reads text, not Rust: an import renamed with `as` would get past it. Review catches that; the
//! names above are what a component would naturally write.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Words that mean the code decides policy, or reads policy data by name.
const FORBIDDEN_WORDS: &[&str] = &[
    "evaluate",
    "outcomes_by_plan",
    "Outcome",
    "slot_index",
    "question_index",
    "option_index",
    "choice_id",
];

/// Calls that read or write by a name in a string.
const FORBIDDEN_CALLS: &[&str] = &[".value(\"", ".set(\"", ".rule_for(\""];

/// Paths of the compiled constants: questions, slots and values.
const FORBIDDEN_PATHS: &[&str] = &["q::", "s::", "v::"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `word` occurs in `line` as a whole identifier or the start of one (`evaluate_with`).
fn has_word(line: &str, word: &str) -> bool {
    line.match_indices(word)
        .any(|(i, _)| !line[..i].chars().next_back().is_some_and(is_ident))
}

/// Whether `path` (such as `q::`) occurs as a path segment of its own (not `web_sys::`).
fn has_path(line: &str, path: &str) -> bool {
    line.match_indices(path)
        .any(|(i, _)| !line[..i].chars().next_back().is_some_and(is_ident))
}

/// A line without its `//` comment. A `//` right after `:` is a URL's (`"https://…"`), not a
/// comment, so the code after it is still checked.
fn without_comment(line: &str) -> &str {
    let comment = line
        .match_indices("//")
        .find(|(i, _)| !line[..*i].ends_with(':'))
        .map_or(line.len(), |(i, _)| i);
    &line[..comment]
}

/// The policy the lines of one file hold, as `line: what` findings. Comments are skipped.
fn violations(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = without_comment(line);
        for word in FORBIDDEN_WORDS {
            if has_word(code, word) {
                found.push(format!("{}: {word}", n + 1));
            }
        }
        for call in FORBIDDEN_CALLS {
            if code.contains(call) {
                found.push(format!("{}: {call}", n + 1));
            }
        }
        for path in FORBIDDEN_PATHS {
            if has_path(code, path) {
                found.push(format!("{}: {path}", n + 1));
            }
        }
    }
    found
}

fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    files.sort();
    files
}

fn ui_files() -> Vec<PathBuf> {
    let files = files_under("src/ui");
    assert!(files.len() > 20, "the scan found the sources");
    files
}

/// The crate modules a file imports other than its own (`crate::engine` in a file of `hours`).
fn imports_outside(text: &str, own: &str) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let code = without_comment(line);
            code.match_indices("crate::")
                .map(|(i, _)| &code[i + "crate::".len()..])
                .map(|rest| {
                    rest.chars()
                        .take_while(|&c| is_ident(c))
                        .collect::<String>()
                })
                .find(|module| module != own)
                .map(|module| format!("{}: crate::{module}", n + 1))
        })
        .collect()
}

#[test]
fn hours_is_a_leaf() {
    let files = files_under("src/hours");
    assert!(files.len() >= 4, "the scan found the sources");
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for v in imports_outside(&text, "hours") {
            found.push(format!("{}:{v}", path.display()));
        }
    }
    assert!(found.is_empty(), "hours imports:\n{}", found.join("\n"));
    // The check itself sees an import.
    assert_eq!(
        imports_outside(
            "use crate::hours::iana;\nuse crate::engine::derived;",
            "hours"
        ),
        vec!["2: crate::engine".to_string()]
    );
}

#[test]
fn the_web_shell_decides_no_policy() {
    let mut found = Vec::new();
    for path in ui_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for v in violations(&text) {
            found.push(format!("{}:{v}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "policy in src/ui (move it to src/result or the engine):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_lint_finds_a_planted_decision() {
    let component = r#"
        let covered = move || view.get().outcome.value("coverage") == Some("covered");
        let severity = slot_index("severity");
        let out = evaluate_with(&answers, &ctx);
        let zone = answers.zone(crate::policy::data::q::TIME_ZONE);
        let sev = s::SEVERITY;
        let ok = web_sys::window(); // web_sys:: and js_sys:: are not policy
        // a comment may say evaluate or q::PLAN
        let link = "https://example.com"; let v = out.value("route");
    "#;
    let found = violations(component);
    let lines: BTreeSet<&str> = found.iter().filter_map(|f| f.split(':').next()).collect();
    assert_eq!(
        lines,
        BTreeSet::from(["2", "3", "4", "5", "6", "9"]),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f == "2: .value(\""), "{found:?}");
}

/// The top-level module of `src/ui` a file belongs to (`wizard` for `src/ui/wizard/plan_finder.rs`).
fn module_of(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    first
        .unwrap_or_default()
        .trim_end_matches(".rs")
        .to_string()
}

#[test]
fn the_web_shell_modules_import_each_other_without_a_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in ui_files() {
        let module = module_of(&root, &path);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let deps = uses.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::ui::") {
            let rest = &text[i + "crate::ui::".len()..];
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() && name != module {
                deps.insert(name);
            }
        }
    }
    assert!(uses.len() > 10, "{uses:?}");
    let cycle = find_cycle(&uses);
    assert!(cycle.is_none(), "import cycle in src/ui: {cycle:?}");
}

/// A cycle in a module graph, as the modules on it, if there is one (depth-first search for a
/// back edge).
fn find_cycle(uses: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        uses: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == m) {
            return Some(stack[at..].to_vec());
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_string());
        for d in uses.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(d, uses, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    uses.keys()
        .find_map(|m| visit(m, uses, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_check_finds_a_planted_cycle() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    let acyclic = graph(&[("app", "wizard"), ("wizard", "warm_up"), ("app", "warm_up")]);
    assert_eq!(find_cycle(&acyclic), None);
    let cyclic = graph(&[
        ("app", "wizard"),
        ("wizard", "warm_up"),
        ("warm_up", "wizard"),
    ]);
    assert_eq!(
        find_cycle(&cyclic),
        Some(vec!["wizard".to_string(), "warm_up".to_string()])
    );
}
