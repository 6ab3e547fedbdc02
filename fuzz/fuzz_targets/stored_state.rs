//! Fuzz target: `state::stored`, the record kept in localStorage (`decode`) and the loader that
//! migrates schema 1 keys (`load`, fed lines of `KEY VALUE`). The invariants live in
//! `support_navigator::fuzz_checks::stored_state`, shared with the corpus replay in
//! tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use support_navigator::fuzz_checks::{fail_on, stored_state};

fuzz_target!(|data: &[u8]| fail_on(stored_state(data)));
