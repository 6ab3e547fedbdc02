//! How old the rules on screen are. A deployment that is no longer updated, or a kiosk or a
//! browser that keeps a cached build (the service worker), can show answers long after Microsoft
//! changed its support pages. The build records its day and an age limit (build.rs: from
//! `SOURCE_DATE_EPOCH`, `SUPPORT_NAVIGATOR_RULES_MAX_AGE_DAYS`); past the limit every page says
//! so, with the day the rules were built.

use chrono::{DateTime, NaiveDate, Utc};

mod build {
    include!(concat!(env!("OUT_DIR"), "/build_info.rs"));
}

/// The day these rules were built.
pub fn built_on() -> Option<NaiveDate> {
    let (y, m, d) = build::BUILT_ON;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Rules older than the limit: when they were built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OldRules {
    pub built_on: NaiveDate,
    /// The limit they passed, in days.
    pub max_age_days: i64,
}

/// The rules of this build, if they are older than the build's limit at `now`.
pub fn old_rules(now: DateTime<Utc>) -> Option<OldRules> {
    let today = now.timestamp().div_euclid(SECONDS_PER_DAY);
    older_than(build::BUILT_ON_DAY, build::MAX_AGE_DAYS, today).then_some(OldRules {
        built_on: built_on()?,
        max_age_days: build::MAX_AGE_DAYS,
    })
}

const SECONDS_PER_DAY: i64 = 86_400;
/// 2020-01-01 and 2100-01-01, counted in days from 1970-01-01: the years the engine trusts a
/// device clock in (`Notice::ClockLooksWrong`).
const TRUSTED_DAYS: std::ops::Range<i64> = 18_262..47_482;

/// Whether rules built on day `built` (counted from 1970-01-01) are older than `max_age_days` on
/// day `today`. A `today` the engine does not trust says nothing, nor does one before the build:
/// then the clock is wrong, not the rules old. Plain day counts: no date arithmetic in the wasm.
pub fn older_than(built: i64, max_age_days: i64, today: i64) -> bool {
    TRUSTED_DAYS.contains(&today) && today - built > max_age_days
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, TimeDelta, TimeZone};

    /// Days from 1970-01-01 to a date.
    fn day(y: i32, m: u32, d: u32) -> i64 {
        let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        date.signed_duration_since(NaiveDate::default()).num_days()
    }

    #[test]
    fn rules_are_old_only_past_the_limit() {
        let built = day(2026, 1, 1);
        assert!(!older_than(built, 180, day(2026, 1, 1)));
        // 2026-06-30 is day 180 after 1 January: at the limit, not past it.
        assert!(!older_than(built, 180, day(2026, 6, 30)));
        assert!(older_than(built, 180, day(2026, 7, 1)));
        // A clock before the build, or one the engine does not trust, says nothing.
        assert!(!older_than(built, 180, day(2020, 1, 1)));
        assert!(!older_than(built, 180, day(2100, 1, 1)));
        assert!(older_than(built, 180, day(2099, 12, 31)));
        assert_eq!(TRUSTED_DAYS, day(2020, 1, 1)..day(2100, 1, 1));
    }

    #[test]
    fn this_build_knows_its_day_and_is_not_old_on_it() {
        let built = built_on().expect("the build's day is a date");
        assert_eq!(
            day(built.year(), built.month(), built.day()),
            build::BUILT_ON_DAY
        );
        // build.rs never takes a day before 2020 (a pinned reproducible-build epoch).
        assert!(built.year() >= 2020, "{built}");
        let noon = |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(12, 0, 0).expect("noon"));
        assert_eq!(old_rules(noon(built)), None);
        // Past the limit, when that is a day the engine trusts (a limit of 0 means off, and
        // build.rs makes it one that no trusted day passes).
        if let Some(past) = built.checked_add_signed(TimeDelta::days(build::MAX_AGE_DAYS + 1)) {
            let expected = (past.year() < 2100).then_some(OldRules {
                built_on: built,
                max_age_days: build::MAX_AGE_DAYS,
            });
            assert_eq!(old_rules(noon(past)), expected);
        }
    }
}
