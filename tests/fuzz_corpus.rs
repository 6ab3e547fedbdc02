//! Regression replay of the fuzz corpus, in the normal `cargo test` and without cargo-fuzz:
//! every file under `fuzz/corpus/<target>/` (the committed seeds) and `fuzz/regressions/<target>/`
//! (inputs that once broke a decoder) goes through the same check as the fuzz target
//! (`support_navigator::fuzz_checks`). A missing or empty corpus directory fails the test, so it
//! cannot pass by finding nothing.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use support_navigator::fuzz_checks::{Check, TARGETS};
use support_navigator::policy::text::{index, native, Pack, TextId};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of a directory, sorted; `None` when it does not exist.
fn files(dir: &Path) -> Option<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Some(files)
}

/// Runs `check` on one input; a panic inside the decoder counts as a failure.
fn run(check: Check, input: &[u8]) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| check(input)))
        .unwrap_or_else(|_| Err("panicked (message above)".to_string()))
}

#[test]
fn every_corpus_and_regression_input_passes_its_check() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (target, check) in TARGETS {
        let corpus = fuzz_dir().join("corpus").join(target);
        let seeds = files(&corpus).unwrap_or_default();
        assert!(
            !seeds.is_empty(),
            "{} is missing or empty: every fuzz target needs committed seeds",
            corpus.display()
        );
        let regressions = files(&fuzz_dir().join("regressions").join(target)).unwrap_or_default();
        for path in seeds.iter().chain(&regressions) {
            let input = match fs::read(path) {
                Ok(bytes) => bytes,
                Err(e) => {
                    failures.push(format!("{}: unreadable: {e}", path.display()));
                    continue;
                }
            };
            replayed += 1;
            if let Err(message) = run(check, &input) {
                failures.push(format!("{}: {message}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    println!("replayed {replayed} inputs");
}

#[test]
fn every_fuzz_target_has_a_check_and_every_check_a_target() {
    let mut on_disk: Vec<String> = files(&fuzz_dir().join("fuzz_targets"))
        .unwrap_or_default()
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = TARGETS.iter().map(|(t, _)| t.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "fuzz/fuzz_targets/*.rs vs fuzz_checks::TARGETS"
    );
}

/// The committed pack seeds carry the texts' version of the day they were written, so after a
/// text edit they only reach the header check. This build's own packs always reach the body:
/// they must parse and pass the same check, and a damaged copy must still pass it.
#[test]
fn this_builds_content_packs_pass_the_pack_check() {
    let check = TARGETS
        .iter()
        .find(|(t, _)| *t == "content_pack")
        .map(|(_, c)| *c)
        .expect("content_pack is a target");
    for language in native::LANGUAGES {
        let texts = (0..index::COUNT)
            .map(|i| native::text(language, TextId(u16::try_from(i).unwrap_or(u16::MAX))));
        let pack = Pack::write(language, texts);
        assert!(
            Pack::parse(language, pack.clone()).is_ok(),
            "{language}: own pack refused"
        );
        assert_eq!(run(check, pack.as_bytes()), Ok(()), "{language}");
        let crlf_with_stray_crs = pack.replace('\n', "\r\r\n");
        assert_eq!(
            run(check, crlf_with_stray_crs.as_bytes()),
            Ok(()),
            "{language}"
        );
    }
}
