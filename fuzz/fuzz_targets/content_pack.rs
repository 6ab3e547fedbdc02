//! Fuzz target: `policy::text::Pack::parse`, a downloaded content pack of policy texts. The
//! invariants live in `support_navigator::fuzz_checks::content_pack`, shared with the corpus
//! replay in tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use support_navigator::fuzz_checks::{content_pack, fail_on};

fuzz_target!(|data: &[u8]| fail_on(content_pack(data)));
