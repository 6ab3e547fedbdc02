//! Golden tests at awkward instants: quarter-hour offsets, DST gaps and overlaps, 29 February,
//! the turn of the year, and a device clock that is decades (or millennia) off.
//!
//! Every expected instant is written out by hand in UTC, with a comment deriving it from the
//! published hours (policy/facts/business_hours.toml) and the offset in force that day, so a
//! failure says which side is wrong: the arithmetic or the derivation. Weekdays were checked
//! against a calendar: 2026-03-08, 03-29, 10-25 and 11-01 are Sundays; 2026-12-31 is a
//! Thursday and 2027-01-01 a Friday; 2028-02-29 is a Tuesday.
//!
//! The rows are built from the shipped facts (as in `tests.rs`), not from copies of them.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use support_navigator::engine::{evaluate, Answers, Notice, Outcome};
use support_navigator::hours::{CustomerZone, WeeklyHours};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    utc_s(y, mo, d, h, mi, 0)
}

fn utc_s(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
        .single()
        .expect("valid test instant")
}

fn naive(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> chrono::NaiveDateTime {
    date(y, mo, d)
        .and_hms_opt(h, mi, 0)
        .expect("valid test time")
}

fn date(y: i32, mo: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, mo, d).expect("valid test date")
}

/// A published row exactly as the app reads it (see `tests.rs::published`).
fn published(region: &str, customer: Option<&str>) -> WeeklyHours {
    use support_navigator::policy::data::{option_index, question_index, region_hours};
    let customer = customer.map(|name| CustomerZone::parse(name).expect("a supported zone"));
    let question = question_index("region").expect("the region question exists");
    let option = option_index(question, region).expect("a known region");
    let row = region_hours(option).expect("every region has an hours row");
    support_navigator::engine::derived::weekly_hours(row, customer)
        .expect("the row can be pinned to a clock")
}

/// The "all other regions" row, 09:00–17:00 on the customer's own wall clock.
fn local_hours(zone: &str) -> WeeklyHours {
    published("other", Some(zone))
}

/// Asserts is_open, next_opening and (for 240 minutes, the 4-hour severity-B target) the
/// deadline at one instant, so each golden case reads as one line of expectations.
#[track_caller]
fn check(
    hours: &WeeklyHours,
    at: DateTime<Utc>,
    open: bool,
    next_opening: DateTime<Utc>,
    four_hours_later: DateTime<Utc>,
) {
    assert_eq!(hours.is_open(at, &[]), open, "is_open at {at}");
    assert_eq!(
        hours.next_opening(at, &[]),
        Some(next_opening),
        "next_opening at {at}"
    );
    assert_eq!(
        hours.add_business_minutes(at, 240, &[]),
        Some(four_hours_later),
        "240 business minutes from {at}"
    );
}

// ---------------------------------------------------------------------------------------------
// Unusual offsets. Asia/Kathmandu (+05:45, no DST) and Pacific/Chatham (+12:45, +13:45 in the
// southern summer) are both on the supported list (tzdata/zones.txt).

#[test]
fn kathmandu_friday_close_and_monday_open() {
    let ktm = local_hours("Asia/Kathmandu");
    // Fri 2026-01-09 16:59 +05:45 = 11:14Z: open. 17:00 = 11:15Z: closed, and the next opening
    // is Mon 2026-01-12 09:00 +05:45 = 03:15Z.
    assert!(ktm.is_open(utc(2026, 1, 9, 11, 14), &[]));
    check(
        &ktm,
        utc(2026, 1, 9, 11, 15),
        false,
        utc(2026, 1, 12, 3, 15),
        utc(2026, 1, 12, 7, 15), // Mon 13:00 +05:45
    );
    // Fri 16:00 +05:45 (10:15Z) + 4 h: 1 h on Friday, 3 h from Monday 09:00 → Mon 12:00 +05:45
    // = 06:15Z. A +05:30 or +06:00 slip would land on 06:30Z or 06:00Z.
    check(
        &ktm,
        utc(2026, 1, 9, 10, 15),
        true,
        utc(2026, 1, 9, 10, 15),
        utc(2026, 1, 12, 6, 15),
    );
    // Sun 2026-01-11 22:00Z is already Monday 03:45 in Kathmandu, but before opening.
    check(
        &ktm,
        utc(2026, 1, 11, 22, 0),
        false,
        utc(2026, 1, 12, 3, 15),
        utc(2026, 1, 12, 7, 15),
    );
    // One second either side of Monday's opening.
    assert!(!ktm.is_open(utc_s(2026, 1, 12, 3, 14, 59), &[]));
    assert!(ktm.is_open(utc(2026, 1, 12, 3, 15), &[]));
}

#[test]
fn chatham_is_open_on_a_utc_sunday() {
    let cht = local_hours("Pacific/Chatham");
    // January is summer (+13:45): Mon 2026-01-12 09:00 = Sun 2026-01-11 19:15Z.
    assert!(!cht.is_open(utc(2026, 1, 11, 19, 14), &[]));
    check(
        &cht,
        utc(2026, 1, 11, 19, 15),
        true,
        utc(2026, 1, 11, 19, 15),
        utc(2026, 1, 11, 23, 15), // Mon 13:00 +13:45
    );
    // Fri 2026-01-16 17:00 +13:45 = 03:15Z: closed until Mon 2026-01-19 09:00 = Sun 19:15Z.
    assert!(cht.is_open(utc(2026, 1, 16, 3, 14), &[]));
    check(
        &cht,
        utc(2026, 1, 16, 3, 15),
        false,
        utc(2026, 1, 18, 19, 15),
        utc(2026, 1, 18, 23, 15),
    );
    // July is winter (+12:45): Mon 2026-07-06 09:00 = Sun 2026-07-05 20:15Z.
    check(
        &cht,
        utc(2026, 7, 4, 12, 0), // Sat
        false,
        utc(2026, 7, 5, 20, 15),
        utc(2026, 7, 6, 0, 15),
    );
}

#[test]
fn chatham_deadline_across_its_spring_forward() {
    let cht = local_hours("Pacific/Chatham");
    // Chatham moves from +12:45 to +13:45 at 02:45 on Sun 2026-09-27 (Sat 14:00Z).
    // Fri 2026-09-25 16:00 +12:45 = 03:15Z. 4 h: 1 h on Friday (to 17:00 +12:45 = 04:15Z), 3 h
    // from Mon 2026-09-28 09:00 +13:45 = Sun 19:15Z → Mon 12:00 +13:45 = Sun 22:15Z.
    check(
        &cht,
        utc(2026, 9, 25, 3, 15),
        true,
        utc(2026, 9, 25, 3, 15),
        utc(2026, 9, 27, 22, 15),
    );
    // And back to +12:45 at 03:45 on Sun 2026-04-05: Mon 2026-04-06 09:00 = Sun 20:15Z.
    check(
        &cht,
        utc(2026, 4, 4, 14, 0), // the change itself
        false,
        utc(2026, 4, 5, 20, 15),
        utc(2026, 4, 6, 0, 15),
    );
}

#[test]
fn monday_0900_in_the_half_and_quarter_hour_zones() {
    // Mon 2026-01-12 09:00 local, read with each zone's January offset.
    let cases = [
        ("Asia/Kathmandu", utc(2026, 1, 12, 3, 15)),   // +05:45
        ("Asia/Kolkata", utc(2026, 1, 12, 3, 30)),     // +05:30
        ("Pacific/Chatham", utc(2026, 1, 11, 19, 15)), // +13:45 (summer)
        ("Australia/Adelaide", utc(2026, 1, 11, 22, 30)), // +10:30 (summer)
        ("America/St_Johns", utc(2026, 1, 12, 12, 30)), // -03:30
    ];
    for (zone, opening) in cases {
        let hours = local_hours(zone);
        // From the Saturday before (noon UTC is Saturday in all of them), the next opening.
        assert_eq!(
            hours.next_opening(utc(2026, 1, 10, 12, 0), &[]),
            Some(opening),
            "{zone}"
        );
        assert!(
            !hours.is_open(opening - TimeDelta::seconds(1), &[]),
            "{zone}"
        );
        assert!(hours.is_open(opening, &[]), "{zone}");
    }
}

// ---------------------------------------------------------------------------------------------
// DST gaps and overlaps in Europe/Amsterdam (customer zone) and America/Los_Angeles (North
// America row, 06:00–18:00 Pacific). The changes fall on Sundays, so the point is that an
// instant in or next to the change still finds Monday's opening at the NEW offset.

#[test]
fn los_angeles_spring_forward_gap() {
    let na = published("north_america", None);
    // Sun 2026-03-08: 02:00 PST → 03:00 PDT at 10:00Z; 02:30 does not exist and resolves to the
    // end of the gap.
    assert_eq!(
        na.zone.to_utc(naive(2026, 3, 8, 2, 30)),
        utc(2026, 3, 8, 10, 0)
    );
    // Mon 2026-03-09 06:00 PDT = 13:00Z (a stale PST reading would say 14:00Z).
    let monday_open = utc(2026, 3, 9, 13, 0);
    let monday_1000_pdt = utc(2026, 3, 9, 17, 0);
    // Just before the gap (01:59:59 PST), at its first instant (03:00 PDT), and in it.
    for at in [
        utc_s(2026, 3, 8, 9, 59, 59),
        utc(2026, 3, 8, 10, 0),
        utc(2026, 3, 8, 10, 30),
    ] {
        check(&na, at, false, monday_open, monday_1000_pdt);
    }
    assert!(!na.is_open(utc(2026, 3, 9, 12, 59), &[])); // 05:59 PDT
    assert!(na.is_open(monday_open, &[]));
    // A 4-hour target started Fri 2026-03-06 17:00 PST (Sat 01:00Z): 1 h on Friday, 3 h from
    // Mon 06:00 PDT → Mon 09:00 PDT = 16:00Z.
    check(
        &na,
        utc(2026, 3, 7, 1, 0),
        true,
        utc(2026, 3, 7, 1, 0),
        utc(2026, 3, 9, 16, 0),
    );
}

#[test]
fn los_angeles_fall_back_overlap() {
    let na = published("north_america", None);
    // Sun 2026-11-01 01:30 happens twice: 08:30Z (PDT) and 09:30Z (PST); the earlier counts.
    assert_eq!(
        na.zone.to_utc(naive(2026, 11, 1, 1, 30)),
        utc(2026, 11, 1, 8, 30)
    );
    // Either reading: closed, next opening Mon 2026-11-02 06:00 PST = 14:00Z, +4 h = 18:00Z.
    for at in [utc(2026, 11, 1, 8, 30), utc(2026, 11, 1, 9, 30)] {
        check(
            &na,
            at,
            false,
            utc(2026, 11, 2, 14, 0),
            utc(2026, 11, 2, 18, 0),
        );
    }
    // Fri 2026-10-30 17:00 PDT (Sat 00:00Z) + 4 h: 1 h Friday, 3 h from Mon 06:00 PST (14:00Z)
    // → 17:00Z.
    check(
        &na,
        utc(2026, 10, 31, 0, 0),
        true,
        utc(2026, 10, 31, 0, 0),
        utc(2026, 11, 2, 17, 0),
    );
}

#[test]
fn amsterdam_spring_forward_gap() {
    let ams = local_hours("Europe/Amsterdam");
    // Sun 2026-03-29: 02:00 CET → 03:00 CEST at 01:00Z; 02:30 resolves to 03:00 CEST.
    assert_eq!(
        ams.zone.to_utc(naive(2026, 3, 29, 2, 30)),
        utc(2026, 3, 29, 1, 0)
    );
    // Mon 2026-03-30 09:00 CEST = 07:00Z; +4 h = 11:00Z (13:00 CEST).
    for at in [
        utc_s(2026, 3, 29, 0, 59, 59), // 01:59:59 CET, just before the gap
        utc(2026, 3, 29, 1, 0),        // 03:00 CEST
    ] {
        check(
            &ams,
            at,
            false,
            utc(2026, 3, 30, 7, 0),
            utc(2026, 3, 30, 11, 0),
        );
    }
    // Fri 2026-03-27 15:00 CET (14:00Z) + 4 h: 2 h Friday (to 17:00 CET = 16:00Z), 2 h from
    // Mon 09:00 CEST (07:00Z) → 09:00Z = 11:00 CEST.
    check(
        &ams,
        utc(2026, 3, 27, 14, 0),
        true,
        utc(2026, 3, 27, 14, 0),
        utc(2026, 3, 30, 9, 0),
    );
    // The published EMEA row (Europe/Paris, same rules) opens Mon 08:00 CEST = 06:00Z.
    let emea = published("emea", None);
    assert_eq!(
        emea.next_opening(utc(2026, 3, 29, 1, 0), &[]),
        Some(utc(2026, 3, 30, 6, 0))
    );
}

#[test]
fn amsterdam_fall_back_overlap() {
    let ams = local_hours("Europe/Amsterdam");
    // Sun 2026-10-25 02:30 happens at 00:30Z (CEST) and 01:30Z (CET); the earlier counts.
    assert_eq!(
        ams.zone.to_utc(naive(2026, 10, 25, 2, 30)),
        utc(2026, 10, 25, 0, 30)
    );
    // Either reading: next opening Mon 2026-10-26 09:00 CET = 08:00Z; +4 h = 12:00Z.
    for at in [utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)] {
        check(
            &ams,
            at,
            false,
            utc(2026, 10, 26, 8, 0),
            utc(2026, 10, 26, 12, 0),
        );
    }
    // Fri 2026-10-23 16:00 CEST (14:00Z) + 4 h: 1 h Friday, 3 h from Mon 09:00 CET (08:00Z)
    // → 11:00Z = 12:00 CET.
    check(
        &ams,
        utc(2026, 10, 23, 14, 0),
        true,
        utc(2026, 10, 23, 14, 0),
        utc(2026, 10, 26, 11, 0),
    );
}

// ---------------------------------------------------------------------------------------------
// 29 February and the turn of the year.

#[test]
fn leap_day_2028_in_several_zones() {
    // Japan (09:00–17:30 JST, +9): Mon 2028-02-28 17:00 JST (08:00Z) + 4 h: 30 min Monday,
    // 210 min from Tue 29 09:00 JST (00:00Z) → 12:30 JST = 03:30Z on the 29th.
    check(
        &published("japan", None),
        utc(2028, 2, 28, 8, 0),
        true,
        utc(2028, 2, 28, 8, 0),
        utc(2028, 2, 29, 3, 30),
    );
    // EMEA (08:00–18:00 CET, +1): Tue 29 18:00 CET = 17:00Z closes; next is Wed 2028-03-01
    // 08:00 CET = 07:00Z, +4 h = 11:00Z. With 1 March a holiday, Thursday 2 March.
    let emea = published("emea", None);
    assert!(emea.is_open(utc(2028, 2, 29, 16, 59), &[]));
    check(
        &emea,
        utc(2028, 2, 29, 17, 0),
        false,
        utc(2028, 3, 1, 7, 0),
        utc(2028, 3, 1, 11, 0),
    );
    assert_eq!(
        emea.next_opening(utc(2028, 2, 29, 17, 0), &[date(2028, 3, 1)]),
        Some(utc(2028, 3, 2, 7, 0))
    );
    // Chatham (+13:45 in February): Tue 29 09:00 = Mon 2028-02-28 19:15Z.
    check(
        &local_hours("Pacific/Chatham"),
        utc(2028, 2, 28, 19, 0),
        false,
        utc(2028, 2, 28, 19, 15),
        utc(2028, 2, 28, 23, 15),
    );
    // Kolkata (+05:30): 10 business hours from Mon 28 09:00 IST (03:30Z) = 8 h Monday + 2 h on
    // Tuesday the 29th → 11:00 IST = 05:30Z (skipping the 29th would give 1 March).
    assert_eq!(
        local_hours("Asia/Kolkata").add_business_minutes(utc(2028, 2, 28, 3, 30), 600, &[]),
        Some(utc(2028, 2, 29, 5, 30))
    );
}

#[test]
fn year_end_thursday_to_new_years_day_friday() {
    // 2026-12-31 is a Thursday and 2027-01-01 a Friday: both working days unless the caller
    // names New Year's Day as a holiday (the documents name none).
    let na = published("north_america", None);
    // Thu 23:59 PST = Fri 07:59Z: closed; opens Fri 2027-01-01 06:00 PST = 14:00Z.
    check(
        &na,
        utc(2027, 1, 1, 7, 59),
        false,
        utc(2027, 1, 1, 14, 0),
        utc(2027, 1, 1, 18, 0),
    );
    // With 1 January a holiday: Mon 2027-01-04 06:00 PST = 14:00Z.
    let new_year = [date(2027, 1, 1)];
    assert_eq!(
        na.next_opening(utc(2027, 1, 1, 7, 59), &new_year),
        Some(utc(2027, 1, 4, 14, 0))
    );
    // Thu 16:00 PST is already 2027 in UTC (00:00Z): 2 h Thursday, 2 h Friday from 14:00Z.
    check(
        &na,
        utc(2027, 1, 1, 0, 0),
        true,
        utc(2027, 1, 1, 0, 0),
        utc(2027, 1, 1, 16, 0),
    );

    // Auckland (+13 in summer): Fri 2027-01-01 09:00 NZDT = Thu 2026-12-31 20:00Z, so the
    // local new year opens while UTC is still in 2026.
    let akl = local_hours("Pacific/Auckland");
    check(
        &akl,
        utc(2026, 12, 31, 10, 59),
        false,
        utc(2026, 12, 31, 20, 0),
        utc(2027, 1, 1, 0, 0),
    );
    // Chatham (+13:45): 09:00 on 1 January = 19:15Z on 31 December.
    check(
        &local_hours("Pacific/Chatham"),
        utc(2026, 12, 31, 10, 14), // 23:59 local
        false,
        utc(2026, 12, 31, 19, 15),
        utc(2026, 12, 31, 23, 15),
    );
    // Asia-Pacific (fixed +08, 07:00–21:00): 23:59 on the 31st = 15:59Z; opens 07:00 +08 on
    // the 1st = 2026-12-31 23:00Z.
    check(
        &published("apac", None),
        utc(2026, 12, 31, 15, 59),
        false,
        utc(2026, 12, 31, 23, 0),
        utc(2027, 1, 1, 3, 0),
    );
    // Kathmandu: Thu 16:30 +05:45 (10:45Z) + 4 h: 30 min Thursday, 210 min from Fri 09:00
    // (03:15Z) → 12:30 +05:45 = 06:45Z.
    assert_eq!(
        local_hours("Asia/Kathmandu").add_business_minutes(utc(2026, 12, 31, 10, 45), 240, &[]),
        Some(utc(2027, 1, 1, 6, 45))
    );
    // Honolulu (-10): 23:59 HST on the 31st = 09:59Z on the 1st; opens 09:00 HST = 19:00Z.
    check(
        &local_hours("Pacific/Honolulu"),
        utc(2027, 1, 1, 9, 59),
        false,
        utc(2027, 1, 1, 19, 0),
        utc(2027, 1, 1, 23, 0),
    );
}

// ---------------------------------------------------------------------------------------------
// A device clock that is far off. The engine treats [2020-01-01T00:00Z, 2100-01-01T00:00Z) as
// plausible (src/engine/evaluate.rs) and adds Notice::ClockLooksWrong outside it; it still
// answers, because a wrong clock is the visitor's to judge.

/// SC-001: severity B on Subscription, business hours, North America: a 240-minute target
/// counted in 06:00–18:00 Pacific time.
fn sc_001() -> Answers {
    Answers::from_pairs([
        ("product", "ce_app"),
        ("issue", "break_fix"),
        ("preview", "ga"),
        ("plan", "subscription"),
        ("role", "admin"),
        ("impact", "moderate"),
        ("b_clock", "business_hours"),
        ("region", "north_america"),
        ("time_zone", "America/Los_Angeles"),
        ("language", "english"),
    ])
    .expect("valid SC-001 answers")
}

fn clock_looks_wrong(out: &Outcome) -> bool {
    out.notices.contains(&Notice::ClockLooksWrong)
}

fn contact_by(out: &Outcome) -> Option<DateTime<Utc>> {
    out.response.and_then(|r| r.contact_by)
}

#[test]
fn the_plausible_clock_range_and_both_sides_of_it() {
    let answers = sc_001();
    let cases = [
        (utc_s(2019, 12, 31, 23, 59, 59), true),
        (utc(2020, 1, 1, 0, 0), false),
        (utc_s(2099, 12, 31, 23, 59, 59), false),
        (utc(2100, 1, 1, 0, 0), true),
    ];
    for (now, wrong) in cases {
        let out = evaluate(&answers, now);
        assert_eq!(clock_looks_wrong(&out), wrong, "{now}");
        // Either way a deadline is still computed.
        assert!(contact_by(&out).is_some_and(|at| at > now), "{now}");
    }
}

#[test]
fn far_off_clocks_still_give_exact_deadlines() {
    let answers = sc_001();
    // Each `now` is 00:00Z, i.e. 16:00 PST the evening before: 2 h that day (to 18:00 PST =
    // 02:00Z), then 2 h from the next working day's 06:00 PST (14:00Z) → 16:00Z.
    let cases = [
        // Thu 1970-01-01 (a dead RTC): Wed 1969-12-31 16:00 PST → Thu 1970-01-01 16:00Z.
        (utc(1970, 1, 1, 0, 0), utc(1970, 1, 1, 16, 0)),
        // Sat 2000-01-01: Fri 16:00 PST → Mon 2000-01-03 16:00Z.
        (utc(2000, 1, 1, 0, 0), utc(2000, 1, 3, 16, 0)),
        // Fri 2100-01-01: Thu 16:00 PST → Fri 2100-01-01 16:00Z (past the tz tables, which end in 2099,
        // which carry the last offset on: PST in winter).
        (utc(2100, 1, 1, 0, 0), utc(2100, 1, 1, 16, 0)),
        // Fri 9999-12-31: Thu 9999-12-30 16:00 PST → Fri 9999-12-31 16:00Z.
        (utc(9999, 12, 31, 0, 0), utc(9999, 12, 31, 16, 0)),
    ];
    for (now, expected) in cases {
        let out = evaluate(&answers, now);
        assert!(clock_looks_wrong(&out), "{now}");
        assert_eq!(contact_by(&out), Some(expected), "{now}");
    }
}

#[test]
fn the_ends_of_chronos_range_do_not_panic() {
    let answers = sc_001();
    for now in [
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
        DateTime::<Utc>::MAX_UTC - TimeDelta::days(2),
        utc_s(9999, 12, 31, 23, 59, 59),
    ] {
        let out = evaluate(&answers, now);
        assert!(clock_looks_wrong(&out), "{now}");
        // No deadline at all is acceptable at the very edge; one in the past is not.
        assert!(contact_by(&out).is_none_or(|at| at >= now), "{now}");
    }
}

// ---------------------------------------------------------------------------------------------
// Property: any instant from 1900 to 2200, any supported zone, never panics and never answers
// with an opening in the past. Native only: proptest is not a wasm dev-dependency.

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use support_navigator::hours::SUPPORTED_ZONES;

    /// 1900-01-01T00:00Z to 2200-01-01T00:00Z, in whole seconds.
    const FROM: i64 = -2_208_988_800;
    const TO: i64 = 7_258_118_400;

    fn rows(zone: &str) -> [WeeklyHours; 5] {
        [
            local_hours(zone),
            published("apac", None),
            published("japan", None),
            published("emea", None),
            published("north_america", None),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn any_instant_and_zone_is_total_and_forward(
            seconds in FROM..TO,
            zone in 0..SUPPORTED_ZONES.len(),
            minutes in 0u32..20_000,
        ) {
            let now = Utc.timestamp_opt(seconds, 0).single().expect("in chrono's range");
            let zone = SUPPORTED_ZONES[zone];
            for hours in rows(zone) {
                let open = hours.is_open(now, &[]);
                let opening = hours.next_opening(now, &[]);
                prop_assert!(opening.is_some(), "{zone} {now}: weekdays always come");
                let opening = opening.unwrap_or(now);
                prop_assert!(opening >= now, "{zone} {now}: opening {opening} in the past");
                prop_assert_eq!(open, opening == now, "{} {}", zone, now);
                prop_assert!(hours.is_open(opening, &[]), "{zone} {now}");
                let deadline = hours.add_business_minutes(now, minutes, &[]);
                prop_assert!(deadline.is_some(), "{zone} {now} {minutes}");
                let deadline = deadline.unwrap_or(now);
                if minutes > 0 {
                    // Counting starts at the opening, and business time never runs faster
                    // than real time.
                    let at_least = opening + TimeDelta::minutes(i64::from(minutes));
                    prop_assert!(deadline >= at_least, "{zone} {now} {minutes}");
                    prop_assert!(hours.is_open(deadline - TimeDelta::seconds(1), &[]));
                } else {
                    prop_assert_eq!(deadline, now);
                }
            }
        }
    }
}
