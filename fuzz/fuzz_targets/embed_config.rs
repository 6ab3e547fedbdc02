//! Fuzz target: `state::EmbedConfig::parse`, the embed parameters (`embed`, `theme`, `accent`,
//! `holidays`, `origin`). The invariants live in `support_navigator::fuzz_checks::embed_config`,
//! shared with the corpus replay in tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use support_navigator::fuzz_checks::{embed_config, fail_on};

fuzz_target!(|data: &[u8]| fail_on(embed_config(data)));
