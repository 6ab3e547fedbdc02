//! Business hours: when Microsoft support is open for a region, and when an initial-response
//! deadline counted in business time falls.
//!
//! Pure and native on purpose: the same code answers in the browser (wasm) and in
//! `cargo test --no-default-features`, and it reads no clock of its own; callers pass "now".
//!
//! # Conventions, and why
//!
//! * **Monday to Friday, `[open, close)`** (HOURS-7). The documents give opening hours but not
//!   whether the closing minute is inside. We take windows as start-inclusive and end-exclusive
//!   so that back-to-back windows never double-count a minute and "18:00" reads as closing time:
//!   Friday 17:59 Pacific is open, 18:00 is not; 17:29 JST is open, 17:30 is not.
//! * **Wall-clock time, summer time included** (C-09). EMEA is published as "CET (UTC+1)" and
//!   North America as "Pacific time" with no word on summer time. The table describes local
//!   business hours, so we read them as the wall clock of Europe/Paris (CET/CEST) and
//!   America/Los_Angeles (PST/PDT); EMEA thus opens at 06:00 UTC in July. Asia-Pacific is a
//!   fixed GMT+8 (no DST anywhere it applies), Japan is Asia/Tokyo, and every other region
//!   (South America included) is 09:00–17:00 on the customer's own clock ([`CustomerZone`]).
//! * **Holidays are the caller's.** The documents name none, so callers pass a list of local
//!   dates, in the hours' own zone, that count as closed days.
//! * **Deadlines count business minutes only.** A start outside hours begins counting at the
//!   next opening; whole windows are skipped at a time. "< 2 hours" submitted Friday 17:59 PST is
//!   one minute on Friday and 119 from Monday 06:00, so Monday 07:59 PST.
//! * **DST edges resolve forwards, never backwards in time.** A wall-clock time inside a gap is
//!   the first instant after the gap; one inside an overlap is the earlier instant. This keeps
//!   the local-to-UTC mapping monotonic, so walking days walks time.
//! * **Total.** No input panics, including instants centuries away; where nothing sensible can
//!   be said the answer is `None`.

pub mod calendar; // weekly hours, open/next opening/deadlines
pub mod iana; // the compiled IANA rules of the supported zones (tzdata/)
pub mod zone; // time-zone handling

pub use calendar::{WeeklyHours, Window};
pub use zone::{CustomerZone, HoursZone, SUPPORTED_ZONES};

// The golden tests (tests/hours.rs, tests/hours_time_faults.rs) read the published rows through
// the engine's calculator, so they live outside this module: `hours` imports nothing from
// `engine` or `policy`.
