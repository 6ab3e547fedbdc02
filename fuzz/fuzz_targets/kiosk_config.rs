//! Fuzz target: `state::KioskConfig::parse`, the kiosk parameters (`kiosk`, `idle`, `base`).
//! The invariants live in `support_navigator::fuzz_checks::kiosk_config`, shared with the
//! corpus replay in tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use support_navigator::fuzz_checks::{fail_on, kiosk_config};

fuzz_target!(|data: &[u8]| fail_on(kiosk_config(data)));
