//! Fuzz target: `state::Route::from_query`, every deep link the app opens
//! (`?j=…&p=…&<answers>&v=…&r=…&lang=…`). The invariants live in
//! `support_navigator::fuzz_checks::deep_link`, shared with the corpus replay in
//! tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use support_navigator::fuzz_checks::{deep_link, fail_on};

fuzz_target!(|data: &[u8]| fail_on(deep_link(data)));
