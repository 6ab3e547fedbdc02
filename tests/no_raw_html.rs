//! Lint: no code writes markup from strings. Leptos views and DOM calls build nodes, so text from
//! data or input can never become markup; `inner_html`, `innerHTML`, `insertAdjacentHTML`,
//! `outerHTML` and `document.write` are refused anywhere in the app's Rust and JavaScript.

use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "inner_html",
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "document.write",
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "js" || e == "mjs")
        {
            out.push(path);
        }
    }
}

#[test]
fn no_markup_is_written_from_strings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for dir in ["src", "static", "docs"] {
        files(&root.join(dir), &mut all);
    }
    assert!(all.len() > 20, "the scan found the sources");
    let mut found = Vec::new();
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for word in FORBIDDEN {
                if line.contains(word) {
                    found.push(format!("{}:{}: {word}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "markup written from strings:\n{}",
        found.join("\n")
    );
}
