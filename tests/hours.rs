//! Golden examples from the support documents' worked cases, DST edges, and property checks
//! over grids of inputs. Expected instants are written in UTC with the local reading beside
//! them, so each golden value can be checked by hand against the offset of that day.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use support_navigator::hours::iana::IanaZone;
use support_navigator::hours::{CustomerZone, HoursZone, WeeklyHours, Window, SUPPORTED_ZONES};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    naive(y, mo, d, h, mi).and_utc()
}

fn naive(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    date(y, mo, d)
        .and_hms_opt(h, mi, 0)
        .expect("valid test time")
}

fn date(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).expect("valid test date")
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
}

/// Wall-clock time in the calendar's own zone.
fn at_local(hours: &WeeklyHours, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    hours.zone.to_utc(naive(y, mo, d, h, mi))
}

fn customer(name: &str) -> CustomerZone {
    CustomerZone::parse(name).expect("zone on the curated list")
}

/// A published business-hours row exactly as the app reads it from
/// policy/facts/business_hours.toml, so the golden tests check the shipped facts, not a copy.
fn published(region: &str, customer: Option<CustomerZone>) -> WeeklyHours {
    use support_navigator::policy::data::{option_index, question_index, region_hours};
    let question = question_index("region").expect("the region question exists");
    let option = option_index(question, region).expect("a known region");
    let row = region_hours(option).expect("every region has an hours row");
    support_navigator::engine::derived::weekly_hours(row, customer)
        .expect("the row can be pinned to a clock")
}

fn asia_pacific() -> WeeklyHours {
    published("apac", None)
}

fn japan() -> WeeklyHours {
    published("japan", None)
}

fn emea() -> WeeklyHours {
    published("emea", None)
}

fn north_america() -> WeeklyHours {
    published("north_america", None)
}

fn other_regions(zone: CustomerZone) -> WeeklyHours {
    published("other", Some(zone))
}

fn others(name: &str) -> WeeklyHours {
    other_regions(customer(name))
}

fn tz(name: &str) -> HoursZone {
    HoursZone::Named(IanaZone::from_name(name).expect("zone compiled in"))
}

fn all_rows() -> Vec<WeeklyHours> {
    vec![
        asia_pacific(),
        japan(),
        emea(),
        north_america(),
        others("America/Sao_Paulo"),
        others("America/Santiago"),
        others("Pacific/Chatham"),
        others("Asia/Kathmandu"),
        others("America/St_Johns"),
        others("Australia/Adelaide"),
        others("UTC"),
    ]
}

fn business_time(
    hours: &WeeklyHours,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    holidays: &[NaiveDate],
) -> TimeDelta {
    hours
        .windows_between(from, to, holidays)
        .iter()
        .map(Window::duration)
        .fold(TimeDelta::zero(), |sum, d| sum + d)
}

// ---------------------------------------------------------------------------------------------
// Golden deadlines from the worked examples.

#[test]
fn sc_001_four_hours_same_day_pacific() {
    let na = north_america();
    let start = utc(2025, 2, 4, 18, 0); // Tue 10:00 PST
    assert_eq!(
        na.add_business_minutes(start, 240, &[]),
        Some(utc(2025, 2, 4, 22, 0))
    ); // 14:00 PST
}

#[test]
fn sc_018_friday_1759_two_hours_lands_monday_0759() {
    let na = north_america();
    let start = utc(2025, 2, 8, 1, 59); // Fri 2025-02-07 17:59 PST
    assert_eq!(at_local(&na, 2025, 2, 7, 17, 59), start);
    // 1 minute on Friday, 119 from Monday 06:00 PST.
    assert_eq!(
        na.add_business_minutes(start, 120, &[]),
        Some(utc(2025, 2, 10, 15, 59))
    ); // Mon 07:59 PST
}

#[test]
fn sc_021_sao_paulo_eight_hours_spills_into_wednesday() {
    let sa = others("America/Sao_Paulo");
    let start = utc(2025, 2, 4, 13, 0); // Tue 10:00 BRT (UTC-3)
    assert_eq!(at_local(&sa, 2025, 2, 4, 10, 0), start);
    // 7 h Tuesday (10:00-17:00), 1 h Wednesday from 09:00.
    assert_eq!(
        sa.add_business_minutes(start, 480, &[]),
        Some(utc(2025, 2, 5, 13, 0))
    ); // Wed 10:00 BRT
}

#[test]
fn sc_056_emea_friday_afternoon_lands_monday_1000_cet() {
    let emea = emea();
    let start = utc(2025, 2, 7, 15, 0); // Fri 16:00 CET
    assert_eq!(at_local(&emea, 2025, 2, 7, 16, 0), start);
    assert_eq!(
        emea.add_business_minutes(start, 240, &[]),
        Some(utc(2025, 2, 10, 9, 0))
    ); // Mon 10:00 CET
}

#[test]
fn start_outside_hours_counts_from_next_opening() {
    let na = north_america();
    // Saturday 10:00 PST → Monday 06:00 + 1 h.
    assert_eq!(
        na.add_business_minutes(utc(2025, 2, 8, 18, 0), 60, &[]),
        Some(utc(2025, 2, 10, 15, 0))
    );
    // Tuesday 05:00 PST → 06:00 + 1 h = 07:00 PST.
    assert_eq!(
        na.add_business_minutes(utc(2025, 2, 4, 13, 0), 60, &[]),
        Some(utc(2025, 2, 4, 15, 0))
    );
    // Tuesday 18:00 PST (closed) → Wednesday 06:00 + 2 h.
    assert_eq!(
        na.add_business_minutes(utc(2025, 2, 5, 2, 0), 120, &[]),
        Some(utc(2025, 2, 5, 16, 0))
    );
}

#[test]
fn deadline_that_uses_up_a_window_is_that_windows_end() {
    let na = north_america();
    let start = utc(2025, 2, 7, 22, 0); // Fri 14:00 PST
    assert_eq!(
        na.add_business_minutes(start, 240, &[]),
        Some(utc(2025, 2, 8, 2, 0))
    ); // Fri 18:00 PST
    assert_eq!(
        na.add_business_minutes(start, 241, &[]),
        Some(utc(2025, 2, 10, 14, 1))
    ); // Mon 06:01 PST
}

#[test]
fn zero_minutes_returns_start_unchanged() {
    for hours in all_rows() {
        for start in [
            utc(2025, 2, 4, 18, 0),  // a Tuesday, open somewhere
            utc(2025, 2, 8, 12, 0),  // Saturday: closed everywhere
            utc(2025, 2, 5, 23, 59), // evening / night
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
        ] {
            assert_eq!(
                hours.add_business_minutes(start, 0, &[]),
                Some(start),
                "{hours:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Boundaries: start-inclusive, end-exclusive.

#[test]
fn japan_closes_at_1730() {
    let jp = japan();
    let fri = |h, m| at_local(&jp, 2025, 2, 7, h, m);
    assert_eq!(fri(9, 0), utc(2025, 2, 7, 0, 0)); // JST = UTC+9
    assert!(!jp.is_open(fri(8, 59), &[]));
    assert!(jp.is_open(fri(9, 0), &[]));
    assert!(jp.is_open(fri(17, 29), &[]));
    assert!(!jp.is_open(fri(17, 30), &[]));
    assert_eq!(
        jp.current_window(fri(12, 0), &[]),
        Some(Window {
            start: fri(9, 0),
            end: fri(17, 30)
        })
    );
}

#[test]
fn north_america_friday_1759_open_1800_closed() {
    let na = north_america();
    let fri = |h, m| at_local(&na, 2025, 2, 7, h, m);
    assert!(!na.is_open(fri(5, 59), &[]));
    assert!(na.is_open(fri(6, 0), &[]));
    assert!(na.is_open(fri(17, 59), &[]));
    assert!(!na.is_open(fri(18, 0), &[]));
    assert!(na.is_open(fri(18, 0) - TimeDelta::seconds(1), &[]));
    // Closed at 18:00 Friday: next opening is Monday 06:00 PST.
    assert_eq!(
        na.next_opening(fri(18, 0), &[]),
        Some(utc(2025, 2, 10, 14, 0))
    );
}

#[test]
fn asia_pacific_is_fixed_gmt8_and_closes_at_2100() {
    let apac = asia_pacific();
    assert_eq!(
        apac.zone,
        HoursZone::Fixed {
            offset_seconds: 28_800
        }
    );
    // Wed 2025-02-05 07:00 +08 = Tue 23:00 UTC.
    assert_eq!(at_local(&apac, 2025, 2, 5, 7, 0), utc(2025, 2, 4, 23, 0));
    assert!(apac.is_open(utc(2025, 2, 4, 23, 0), &[]));
    assert!(!apac.is_open(utc(2025, 2, 4, 22, 59), &[]));
    assert!(apac.is_open(utc(2025, 2, 5, 12, 59), &[])); // 20:59 +08
    assert!(!apac.is_open(utc(2025, 2, 5, 13, 0), &[])); // 21:00 +08
                                                         // The same in July: no summer time.
    assert!(apac.is_open(utc(2025, 7, 15, 12, 59), &[]));
    assert!(!apac.is_open(utc(2025, 7, 15, 13, 0), &[]));
    assert_eq!(apac.zone.offset_seconds_at(utc(2025, 7, 15, 0, 0)), 28_800);
}

#[test]
fn kathmandu_quarter_hour_offset() {
    let ktm = others("Asia/Kathmandu");
    // Tue 2025-02-04 09:00 +05:45 = 03:15 UTC; 17:00 +05:45 = 11:15 UTC.
    assert_eq!(at_local(&ktm, 2025, 2, 4, 9, 0), utc(2025, 2, 4, 3, 15));
    assert!(!ktm.is_open(utc(2025, 2, 4, 3, 14), &[]));
    assert!(ktm.is_open(utc(2025, 2, 4, 3, 15), &[]));
    assert!(ktm.is_open(utc(2025, 2, 4, 11, 14), &[]));
    assert!(!ktm.is_open(utc(2025, 2, 4, 11, 15), &[]));
    assert_eq!(
        ktm.zone.offset_seconds_at(utc(2025, 2, 4, 0, 0)),
        5 * 3600 + 45 * 60
    );
    // Tue 16:00 local + 2 h → 1 h Tuesday + 1 h Wednesday from 09:00 → Wed 10:00 +05:45.
    assert_eq!(
        ktm.add_business_minutes(utc(2025, 2, 4, 10, 15), 120, &[]),
        Some(utc(2025, 2, 5, 4, 15))
    );
}

#[test]
fn weekends_are_closed_in_every_region() {
    for hours in all_rows() {
        for (d, h) in [(8, 0), (8, 12), (8, 23), (9, 0), (9, 12), (9, 23)] {
            let at = at_local(&hours, 2025, 2, d, h, 30);
            assert!(!hours.is_open(at, &[]), "{hours:?} open at {at}");
            assert_eq!(hours.current_window(at, &[]), None);
            // Next opening: Monday 2025-02-10 at the row's opening time.
            let monday = hours.zone.to_utc(date(2025, 2, 10).and_time(hours.open));
            assert_eq!(hours.next_opening(at, &[]), Some(monday), "{hours:?}");
        }
    }
}

#[test]
fn every_row_has_five_windows_a_week_of_the_published_length() {
    let cases = [
        (asia_pacific(), 14 * 60),
        (japan(), 8 * 60 + 30),
        (emea(), 10 * 60),
        (north_america(), 12 * 60),
        (others("America/Sao_Paulo"), 8 * 60),
        (others("Pacific/Chatham"), 8 * 60),
    ];
    for (hours, minutes) in cases {
        // The week of Mon 2025-02-10, Sunday to Sunday on the row's own clock.
        let from = at_local(&hours, 2025, 2, 9, 0, 0);
        let to = at_local(&hours, 2025, 2, 16, 0, 0);
        let windows = hours.windows_between(from, to, &[]);
        assert_eq!(windows.len(), 5, "{hours:?}");
        for w in &windows {
            assert_eq!(w.duration(), TimeDelta::minutes(minutes), "{hours:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Summer time (C-09: wall-clock reading).

#[test]
fn emea_in_july_opens_0800_cest_which_is_0600_utc() {
    let emea = emea();
    let tue = utc(2025, 7, 15, 6, 0);
    assert_eq!(at_local(&emea, 2025, 7, 15, 8, 0), tue);
    assert!(!emea.is_open(utc(2025, 7, 15, 5, 59), &[]));
    assert!(emea.is_open(tue, &[]));
    assert!(emea.is_open(utc(2025, 7, 15, 15, 59), &[]));
    assert!(!emea.is_open(utc(2025, 7, 15, 16, 0), &[]));
    assert_eq!(emea.zone.offset_seconds_at(tue), 7200);
    assert_eq!(emea.zone.offset_seconds_at(utc(2025, 2, 7, 12, 0)), 3600);
}

#[test]
fn north_america_weeks_around_spring_forward() {
    let na = north_america();
    // Week of Mon 2025-03-03 (PST) and week of Mon 2025-03-10 (PDT; the switch is Sun 03-09).
    let windows = na.windows_between(utc(2025, 3, 3, 0, 0), utc(2025, 3, 15, 12, 0), &[]);
    let starts: Vec<_> = windows.iter().map(|w| w.start).collect();
    let expected: Vec<_> = [3, 4, 5, 6, 7]
        .iter()
        .map(|d| utc(2025, 3, *d, 14, 0)) // 06:00 PST
        .chain([10, 11, 12, 13, 14].iter().map(|d| utc(2025, 3, *d, 13, 0))) // 06:00 PDT
        .collect();
    assert_eq!(starts, expected);
    assert!(windows.iter().all(|w| w.duration() == TimeDelta::hours(12)));
    // Opening on the Monday after is 06:00 local.
    assert_eq!(
        na.next_opening(utc(2025, 3, 9, 12, 0), &[]),
        Some(utc(2025, 3, 10, 13, 0))
    );
    assert_eq!(
        na.zone.offset_seconds_at(utc(2025, 3, 10, 13, 0)),
        -7 * 3600
    );
}

#[test]
fn north_america_weeks_around_fall_back() {
    let na = north_america();
    // Fri 2025-10-31 06:00 PDT = 13:00Z; Mon 2025-11-03 06:00 PST = 14:00Z (switch Sun 11-02).
    let windows = na.windows_between(utc(2025, 10, 31, 7, 0), utc(2025, 11, 4, 0, 0), &[]);
    assert_eq!(
        windows,
        vec![
            Window {
                start: utc(2025, 10, 31, 13, 0),
                end: utc(2025, 11, 1, 1, 0)
            },
            Window {
                start: utc(2025, 11, 3, 14, 0),
                end: utc(2025, 11, 4, 0, 0)
            }, // clipped
        ]
    );
    assert_eq!(
        na.next_opening(utc(2025, 11, 2, 12, 0), &[]),
        Some(utc(2025, 11, 3, 14, 0))
    );
}

#[test]
fn deadlines_crossing_a_dst_change() {
    let na = north_america();
    // Fri 2025-03-07 17:00 PST + 2 h: 1 h Friday, 1 h from Mon 06:00 PDT → Mon 07:00 PDT.
    assert_eq!(
        na.add_business_minutes(utc(2025, 3, 8, 1, 0), 120, &[]),
        Some(utc(2025, 3, 10, 14, 0))
    );
    // Fri 2025-10-31 17:00 PDT + 2 h → Mon 2025-11-03 07:00 PST.
    assert_eq!(
        na.add_business_minutes(utc(2025, 11, 1, 0, 0), 120, &[]),
        Some(utc(2025, 11, 3, 15, 0))
    );

    let emea = emea();
    // Fri 2025-03-28 17:00 CET + 2 h → Mon 2025-03-31 09:00 CEST (07:00 UTC, not 08:00).
    assert_eq!(
        emea.add_business_minutes(utc(2025, 3, 28, 16, 0), 120, &[]),
        Some(utc(2025, 3, 31, 7, 0))
    );
    // A multi-week deadline across the change: 5 days × 10 h from Mon 2025-03-24 08:00 CET
    // uses the whole week exactly; the 51st hour is Mon 2025-03-31 08:00-09:00 CEST.
    let mon = utc(2025, 3, 24, 7, 0);
    assert_eq!(
        emea.add_business_minutes(mon, 50 * 60, &[]),
        Some(utc(2025, 3, 28, 17, 0))
    );
    assert_eq!(
        emea.add_business_minutes(mon, 51 * 60, &[]),
        Some(utc(2025, 3, 31, 7, 0))
    );
}

#[test]
fn southern_hemisphere_customer_zones_around_their_changes() {
    // America/Santiago falls back from -03 to -04 at 24:00 on Sat 2025-04-05.
    let scl = others("America/Santiago");
    assert_eq!(at_local(&scl, 2025, 4, 4, 9, 0), utc(2025, 4, 4, 12, 0)); // Fri, -03
    assert_eq!(at_local(&scl, 2025, 4, 7, 9, 0), utc(2025, 4, 7, 13, 0)); // Mon, -04
                                                                          // Fri 16:00 -03 + 2 h → 1 h Friday, 1 h Monday → Mon 10:00 -04.
    assert_eq!(
        scl.add_business_minutes(utc(2025, 4, 4, 19, 0), 120, &[]),
        Some(utc(2025, 4, 7, 14, 0))
    );
    // It springs forward at 24:00 on Sat 2025-09-06: Mon 09:00 is -03 again.
    assert_eq!(
        scl.next_opening(utc(2025, 9, 6, 12, 0), &[]),
        Some(utc(2025, 9, 8, 12, 0))
    );

    // Pacific/Chatham: +13:45 in summer, +12:45 from 03:45 → 02:45 on Sun 2025-04-06.
    let cht = others("Pacific/Chatham");
    assert_eq!(at_local(&cht, 2025, 4, 4, 9, 0), utc(2025, 4, 3, 19, 15)); // Fri, +13:45
    assert_eq!(at_local(&cht, 2025, 4, 7, 9, 0), utc(2025, 4, 6, 20, 15)); // Mon, +12:45
    assert_eq!(
        cht.zone.offset_seconds_at(utc(2025, 1, 15, 0, 0)),
        13 * 3600 + 45 * 60
    );
    assert_eq!(
        cht.zone.offset_seconds_at(utc(2025, 7, 15, 0, 0)),
        12 * 3600 + 45 * 60
    );
    // Fri 16:30 +13:45 + 1 h → 30 min Friday + 30 min Monday → Mon 09:30 +12:45.
    assert_eq!(
        cht.add_business_minutes(utc(2025, 4, 4, 2, 45), 60, &[]),
        Some(utc(2025, 4, 6, 20, 45))
    );

    // Australia/Adelaide (+10:30 / +09:30) and Sydney: same Sunday.
    let adl = others("Australia/Adelaide");
    assert_eq!(at_local(&adl, 2025, 4, 4, 9, 0), utc(2025, 4, 3, 22, 30));
    assert_eq!(at_local(&adl, 2025, 4, 7, 9, 0), utc(2025, 4, 6, 23, 30));
}

#[test]
fn windows_that_a_dst_change_cuts_are_shorter() {
    // Israel springs forward on a Friday (2025-03-28, 02:00 → 03:00), Egypt on one too
    // (2025-04-25, 00:00 → 01:00) and falls back at the end of a Thursday (2025-10-30, 24:00 →
    // 23:00). Custom rows put a window over each change to exercise the arithmetic.
    let jlm = WeeklyHours::new(tz("Asia/Jerusalem"), hm(1, 0), hm(5, 0)).expect("open < close");
    let w = jlm
        .current_window(utc(2025, 3, 27, 23, 30), &[])
        .expect("open");
    assert_eq!(
        w,
        Window {
            start: utc(2025, 3, 27, 23, 0),
            end: utc(2025, 3, 28, 2, 0)
        }
    );
    assert_eq!(w.duration(), TimeDelta::hours(3));
    // 4 business hours from its opening: 3 on Friday, 1 on Monday (01:00-02:00 IDT).
    assert_eq!(
        jlm.add_business_minutes(w.start, 240, &[]),
        Some(utc(2025, 3, 30, 23, 0))
    );

    // Opening inside the gap: 02:30 does not exist, so the window opens at 03:00 IDT.
    let in_gap = WeeklyHours::new(tz("Asia/Jerusalem"), hm(2, 30), hm(5, 0)).expect("open < close");
    assert_eq!(
        in_gap.next_opening(utc(2025, 3, 27, 12, 0), &[]),
        Some(utc(2025, 3, 28, 0, 0))
    );

    let cai_gap = WeeklyHours::new(tz("Africa/Cairo"), hm(0, 0), hm(2, 0)).expect("open < close");
    assert_eq!(
        cai_gap.current_window(utc(2025, 4, 24, 22, 30), &[]),
        Some(Window {
            start: utc(2025, 4, 24, 22, 0),
            end: utc(2025, 4, 24, 23, 0)
        })
    );

    // Closing inside the overlap: 23:30 happens twice on Thu 2025-10-30; the earlier (EEST)
    // reading ends the window, so it lasts 1.5 h, not 2.5 h.
    let cai_overlap =
        WeeklyHours::new(tz("Africa/Cairo"), hm(22, 0), hm(23, 30)).expect("open < close");
    let w = cai_overlap
        .current_window(utc(2025, 10, 30, 19, 30), &[])
        .expect("open");
    assert_eq!(
        w,
        Window {
            start: utc(2025, 10, 30, 19, 0),
            end: utc(2025, 10, 30, 20, 30)
        }
    );
}

// ---------------------------------------------------------------------------------------------
// to_utc / to_local.

#[test]
fn to_utc_gap_is_first_instant_after_the_gap() {
    // LA 2025-03-09 02:30 does not exist → 03:00 PDT = 10:00Z.
    assert_eq!(
        tz("America/Los_Angeles").to_utc(naive(2025, 3, 9, 2, 30)),
        utc(2025, 3, 9, 10, 0)
    );
    assert_eq!(
        tz("America/Los_Angeles").to_utc(naive(2025, 3, 9, 2, 0)),
        utc(2025, 3, 9, 10, 0)
    );
    assert_eq!(
        tz("America/Los_Angeles").to_utc(naive(2025, 3, 9, 3, 0)),
        utc(2025, 3, 9, 10, 0)
    );
    assert_eq!(
        tz("America/Los_Angeles").to_utc(naive(2025, 3, 9, 1, 59)),
        utc(2025, 3, 9, 9, 59)
    );
    // Paris 2025-03-30 02:30 → 03:00 CEST = 01:00Z.
    assert_eq!(
        tz("Europe/Paris").to_utc(naive(2025, 3, 30, 2, 30)),
        utc(2025, 3, 30, 1, 0)
    );
    // Santiago: 2025-09-07 00:30 does not exist → 01:00 -03 = 04:00Z.
    assert_eq!(
        tz("America/Santiago").to_utc(naive(2025, 9, 7, 0, 30)),
        utc(2025, 9, 7, 4, 0)
    );
    // Chatham: 2025-09-28 03:00 does not exist (02:45 → 03:45) → 03:45 +13:45 = 14:00Z the day before.
    assert_eq!(
        tz("Pacific/Chatham").to_utc(naive(2025, 9, 28, 3, 0)),
        utc(2025, 9, 27, 14, 0)
    );
}

#[test]
fn to_utc_overlap_is_the_earlier_instant() {
    // LA 2025-11-02 01:30 happens at 08:30Z (PDT) and 09:30Z (PST).
    assert_eq!(
        tz("America/Los_Angeles").to_utc(naive(2025, 11, 2, 1, 30)),
        utc(2025, 11, 2, 8, 30)
    );
    // Paris 2025-10-26 02:30 → CEST reading, 00:30Z.
    assert_eq!(
        tz("Europe/Paris").to_utc(naive(2025, 10, 26, 2, 30)),
        utc(2025, 10, 26, 0, 30)
    );
    // Santiago Sat 2025-04-05 23:30 → -03 reading, 02:30Z.
    assert_eq!(
        tz("America/Santiago").to_utc(naive(2025, 4, 5, 23, 30)),
        utc(2025, 4, 6, 2, 30)
    );
    // Chatham 2025-04-06 03:00 → +13:45 reading, 13:15Z the day before.
    assert_eq!(
        tz("Pacific/Chatham").to_utc(naive(2025, 4, 6, 3, 0)),
        utc(2025, 4, 5, 13, 15)
    );
}

#[test]
fn to_local_round_trips_where_the_wall_clock_is_unambiguous() {
    for hours in all_rows() {
        let mut at = utc(2025, 1, 1, 0, 7);
        while at < utc(2026, 1, 1, 0, 0) {
            let local = hours.zone.to_local(at);
            let back = hours.zone.to_utc(local);
            // In an overlap the earlier reading comes back; otherwise the same instant.
            assert!(back <= at, "{hours:?} {at}");
            assert!(at - back <= TimeDelta::hours(1), "{hours:?} {at}");
            if hours.zone.offset_seconds_at(at)
                == hours.zone.offset_seconds_at(at - TimeDelta::hours(2))
            {
                assert_eq!(back, at, "{hours:?} {at}");
            }
            at += TimeDelta::minutes(6 * 60 + 7);
        }
    }
}

#[test]
fn fixed_offsets_convert_both_ways() {
    let z = HoursZone::Fixed {
        offset_seconds: -(3 * 3600 + 30 * 60),
    };
    assert_eq!(z.to_utc(naive(2025, 2, 4, 9, 0)), utc(2025, 2, 4, 12, 30));
    assert_eq!(z.to_local(utc(2025, 2, 4, 12, 30)), naive(2025, 2, 4, 9, 0));
    assert_eq!(z.offset_seconds_at(utc(2025, 2, 4, 12, 30)), -12_600);
}

#[test]
fn extreme_instants_and_offsets_never_panic() {
    let extremes = [
        NaiveDateTime::MIN,
        NaiveDateTime::MAX,
        naive(1900, 1, 1, 0, 0),
        naive(2200, 6, 15, 12, 0),
    ];
    let zones = [
        HoursZone::Fixed {
            offset_seconds: i32::MAX,
        },
        HoursZone::Fixed {
            offset_seconds: i32::MIN,
        },
        HoursZone::Fixed { offset_seconds: 0 },
        tz("Pacific/Chatham"),
        tz("America/Los_Angeles"),
        tz("Asia/Kathmandu"),
        tz("UTC"),
    ];
    for zone in zones {
        for local in extremes {
            let at = zone.to_utc(local);
            let _ = zone.to_local(at);
            let _ = zone.offset_seconds_at(at);
        }
        for at in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let _ = zone.to_local(at);
            let _ = zone.offset_seconds_at(at);
        }
    }
    let mut rows = all_rows();
    rows.push(WeeklyHours {
        zone: HoursZone::Fixed {
            offset_seconds: i32::MAX,
        },
        open: hm(9, 0),
        close: hm(17, 0),
    });
    rows.push(WeeklyHours {
        zone: HoursZone::Fixed {
            offset_seconds: i32::MIN,
        },
        open: hm(9, 0),
        close: hm(17, 0),
    });
    for hours in rows {
        for at in [
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            DateTime::<Utc>::MAX_UTC - TimeDelta::days(3),
            DateTime::<Utc>::MIN_UTC + TimeDelta::days(3),
        ] {
            let _ = hours.is_open(at, &[]);
            let _ = hours.current_window(at, &[]);
            let _ = hours.next_opening(at, &[]);
            for minutes in [1, 600, 10_000] {
                let _ = hours.add_business_minutes(at, minutes, &[]);
            }
            let _ = hours.windows_between(at, DateTime::<Utc>::MAX_UTC, &[]);
            let _ = hours.windows_between(DateTime::<Utc>::MIN_UTC, at, &[]);
        }
    }
}

#[test]
fn far_past_and_future_still_answer() {
    let na = north_america();
    // Sat 1900-01-06 → Mon 1900-01-08 06:00 PST.
    assert_eq!(
        na.next_opening(utc(1900, 1, 6, 12, 0), &[]),
        Some(utc(1900, 1, 8, 14, 0))
    );
    // 2200: the tz rules run out well before (2099), but the zone still answers with a real offset.
    for hours in all_rows() {
        let sat = utc(2200, 6, 14, 12, 0); // a Saturday
        let opening = hours.next_opening(sat, &[]).expect("an opening in 2200");
        assert!(
            opening > sat && opening - sat < TimeDelta::days(3),
            "{hours:?}"
        );
        let deadline = hours
            .add_business_minutes(sat, 10_000, &[])
            .expect("a deadline in 2200");
        assert_eq!(
            business_time(&hours, sat, deadline, &[]),
            TimeDelta::minutes(10_000)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar edge days and holidays.

#[test]
fn leap_day_2028_is_a_working_tuesday() {
    let na = north_america();
    // Mon 2028-02-28 17:00 PST + 2 h → Tue 2028-02-29 07:00 PST.
    assert_eq!(
        na.add_business_minutes(utc(2028, 2, 29, 1, 0), 120, &[]),
        Some(utc(2028, 2, 29, 15, 0))
    );
    let apac = asia_pacific();
    // Mon 2028-02-28 20:00 +08 + 2 h → Tue 2028-02-29 08:00 +08.
    assert_eq!(
        apac.add_business_minutes(utc(2028, 2, 28, 12, 0), 120, &[]),
        Some(utc(2028, 2, 29, 0, 0))
    );
    // A holiday on the 29th moves it to Wednesday 1 March.
    assert_eq!(
        na.add_business_minutes(utc(2028, 2, 29, 1, 0), 120, &[date(2028, 2, 29)]),
        Some(utc(2028, 3, 1, 15, 0))
    );
}

#[test]
fn year_end_friday_close_opens_again_on_monday() {
    let oslo = others("Europe/Oslo");
    // Fri 2027-12-31 17:00 CET (closing) → Mon 2028-01-03 09:00 CET.
    let fri = at_local(&oslo, 2027, 12, 31, 17, 0);
    assert!(!oslo.is_open(fri, &[]));
    assert_eq!(oslo.next_opening(fri, &[]), Some(utc(2028, 1, 3, 8, 0)));
    let emea = emea();
    assert_eq!(
        emea.next_opening(utc(2027, 12, 31, 17, 0), &[]),
        Some(utc(2028, 1, 3, 7, 0))
    );
    // With 3 January a holiday, Tuesday.
    assert_eq!(
        emea.next_opening(utc(2027, 12, 31, 17, 0), &[date(2028, 1, 3)]),
        Some(utc(2028, 1, 4, 7, 0))
    );
}

#[test]
fn holiday_monday_pushes_the_deadline_to_tuesday() {
    let na = north_america();
    let start = utc(2025, 2, 8, 1, 59); // Fri 2025-02-07 17:59 PST
    let holidays = [date(2025, 2, 10)];
    assert_eq!(
        na.add_business_minutes(start, 120, &holidays),
        Some(utc(2025, 2, 11, 15, 59))
    );
    assert!(!na.is_open(utc(2025, 2, 10, 18, 0), &holidays));
    assert_eq!(
        na.next_opening(utc(2025, 2, 10, 18, 0), &holidays),
        Some(utc(2025, 2, 11, 14, 0))
    );
    // Holidays on weekends change nothing; holidays of other years are ignored.
    let irrelevant = [date(2025, 2, 8), date(2025, 2, 9), date(2024, 2, 10)];
    assert_eq!(
        na.add_business_minutes(start, 120, &irrelevant),
        Some(utc(2025, 2, 10, 15, 59))
    );
}

#[test]
fn holidays_are_local_dates_of_the_hours_zone() {
    // Mon 2025-02-10 in APAC starts at Sun 23:00 UTC: the holiday is the +08 date.
    let apac = asia_pacific();
    let holidays = [date(2025, 2, 10)];
    assert!(!apac.is_open(utc(2025, 2, 9, 23, 30), &holidays));
    assert!(apac.is_open(utc(2025, 2, 9, 23, 30), &[]));
    assert_eq!(
        apac.next_opening(utc(2025, 2, 9, 23, 30), &holidays),
        Some(utc(2025, 2, 10, 23, 0))
    );
}

#[test]
fn no_working_day_within_400_days_is_none() {
    let emea = emea();
    let start = utc(2025, 2, 7, 19, 0); // Friday evening
    let all_closed: Vec<NaiveDate> = (0..420)
        .filter_map(|i| date(2025, 2, 8).checked_add_days(chrono::Days::new(i)))
        .collect();
    assert_eq!(emea.next_opening(start, &all_closed), None);
    assert_eq!(emea.add_business_minutes(start, 60, &all_closed), None);
    assert!(!emea.is_open(start, &all_closed));
    assert_eq!(
        emea.add_business_minutes(start, 0, &all_closed),
        Some(start)
    );
    assert!(emea
        .windows_between(start, start + TimeDelta::days(500), &all_closed)
        .is_empty());
    // 390 closed days and then an opening: still found.
    let mostly_closed = all_closed.get(..390).expect("420 dates");
    let opening = emea
        .next_opening(start, mostly_closed)
        .expect("an opening after the break");
    assert!(opening > start + TimeDelta::days(389));
    // A deadline may cross such a break: after one window, 390 closed days, then the rest.
    let deadline = emea
        .add_business_minutes(utc(2025, 2, 7, 7, 0), 700, mostly_closed)
        .expect("found");
    assert_eq!(
        business_time(&emea, utc(2025, 2, 7, 7, 0), deadline, mostly_closed),
        TimeDelta::minutes(700)
    );
}

#[test]
fn inverted_or_empty_hours_are_never_open() {
    assert_eq!(WeeklyHours::new(tz("UTC"), hm(17, 0), hm(9, 0)), None);
    assert_eq!(WeeklyHours::new(tz("UTC"), hm(9, 0), hm(9, 0)), None);
    let bad = WeeklyHours {
        zone: tz("UTC"),
        open: hm(17, 0),
        close: hm(9, 0),
    };
    let tue = utc(2025, 2, 4, 12, 0);
    assert!(!bad.is_open(tue, &[]));
    assert_eq!(bad.next_opening(tue, &[]), None);
    assert_eq!(bad.add_business_minutes(tue, 5, &[]), None);
    assert_eq!(bad.add_business_minutes(tue, 0, &[]), Some(tue));
    assert!(bad
        .windows_between(tue, tue + TimeDelta::days(7), &[])
        .is_empty());
    // A window lying wholly in a DST gap does not exist either.
    let in_gap =
        WeeklyHours::new(tz("Asia/Jerusalem"), hm(2, 10), hm(2, 50)).expect("open < close");
    assert_eq!(
        in_gap.next_opening(utc(2025, 3, 27, 12, 0), &[]),
        Some(utc(2025, 3, 30, 23, 10))
    );
}

// ---------------------------------------------------------------------------------------------
// windows_between.

#[test]
fn windows_between_clips_and_orders() {
    let emea = emea();
    // Fri 2025-02-07 12:00 CET to Tue 2025-02-11 12:00 CET.
    let windows = emea.windows_between(utc(2025, 2, 7, 11, 0), utc(2025, 2, 11, 11, 0), &[]);
    assert_eq!(
        windows,
        vec![
            Window {
                start: utc(2025, 2, 7, 11, 0),
                end: utc(2025, 2, 7, 17, 0)
            },
            Window {
                start: utc(2025, 2, 10, 7, 0),
                end: utc(2025, 2, 10, 17, 0)
            },
            Window {
                start: utc(2025, 2, 11, 7, 0),
                end: utc(2025, 2, 11, 11, 0)
            },
        ]
    );
    assert!(emea
        .windows_between(utc(2025, 2, 11, 11, 0), utc(2025, 2, 7, 11, 0), &[])
        .is_empty());
    assert!(emea
        .windows_between(utc(2025, 2, 7, 11, 0), utc(2025, 2, 7, 11, 0), &[])
        .is_empty());
    // The end is exclusive: a range ending at an opening holds no window.
    assert!(emea
        .windows_between(utc(2025, 2, 8, 0, 0), utc(2025, 2, 10, 7, 0), &[])
        .is_empty());
}

#[test]
fn windows_between_scans_at_most_400_days() {
    let emea = emea();
    let from = utc(2025, 1, 1, 0, 0);
    let windows = emea.windows_between(from, utc(2030, 1, 1, 0, 0), &[]);
    let last = windows.last().expect("some windows");
    assert!(last.end <= from + TimeDelta::days(401));
    assert!(last.end >= from + TimeDelta::days(395));
    assert!(windows
        .windows(2)
        .all(|p| matches!(p, [a, b] if a.end <= b.start)));
}

// ---------------------------------------------------------------------------------------------
// Properties over grids of starts and amounts.

/// Starts every 97 minutes over three weeks, so every phase of the week and both DST changes
/// of 2025 (March and October/November in the north, April and September in the south) are hit.
fn grid_starts() -> Vec<DateTime<Utc>> {
    [
        utc(2025, 3, 1, 0, 0),
        utc(2025, 3, 26, 0, 0),
        utc(2025, 10, 22, 0, 0),
        utc(2025, 4, 1, 0, 0),
        utc(2025, 9, 4, 0, 0),
    ]
    .iter()
    .flat_map(|base| (0..(21 * 24 * 60 / 97)).map(move |i| *base + TimeDelta::minutes(97 * i)))
    .collect()
}

const AMOUNTS: [u32; 15] = [
    0, 1, 59, 60, 61, 119, 120, 239, 240, 479, 480, 481, 720, 1440, 10_000,
];

#[test]
fn deadlines_count_exactly_the_requested_business_minutes() {
    let holidays = [date(2025, 3, 31), date(2025, 4, 7), date(2025, 11, 3)];
    for hours in all_rows() {
        for start in grid_starts() {
            for minutes in AMOUNTS {
                let deadline = hours
                    .add_business_minutes(start, minutes, &holidays)
                    .expect("a deadline");
                assert!(deadline >= start);
                assert_eq!(
                    business_time(&hours, start, deadline, &holidays),
                    TimeDelta::minutes(i64::from(minutes)),
                    "{hours:?} {start} {minutes}"
                );
                if minutes > 0 {
                    // Earliest such instant: the last business minute ends exactly at the deadline.
                    assert!(
                        hours.is_open(deadline - TimeDelta::seconds(1), &holidays),
                        "{hours:?} {start} {minutes}"
                    );
                }
            }
        }
    }
}

#[test]
fn more_minutes_never_give_an_earlier_deadline() {
    for hours in all_rows() {
        for start in grid_starts() {
            let deadlines: Vec<_> = AMOUNTS
                .iter()
                .map(|m| {
                    hours
                        .add_business_minutes(start, *m, &[])
                        .expect("a deadline")
                })
                .collect();
            assert!(
                deadlines.windows(2).all(|p| matches!(p, [a, b] if a <= b)),
                "{hours:?} {start}"
            );
        }
        // And a later start never gives an earlier deadline for the same amount.
        for minutes in [1, 120, 480] {
            let deadlines: Vec<_> = grid_starts()
                .iter()
                .take(300)
                .map(|s| {
                    hours
                        .add_business_minutes(*s, minutes, &[])
                        .expect("a deadline")
                })
                .collect();
            assert!(
                deadlines.windows(2).all(|p| matches!(p, [a, b] if a <= b)),
                "{hours:?} {minutes}"
            );
        }
    }
}

#[test]
fn next_opening_and_current_window_agree_with_is_open() {
    for hours in all_rows() {
        for at in grid_starts() {
            let opening = hours.next_opening(at, &[]).expect("an opening");
            match hours.current_window(at, &[]) {
                Some(w) => {
                    assert!(hours.is_open(at, &[]));
                    assert!(w.contains(at));
                    assert_eq!(opening, at);
                }
                None => {
                    assert!(!hours.is_open(at, &[]));
                    assert!(opening > at);
                    assert!(hours.is_open(opening, &[]));
                    assert!(!hours.is_open(opening - TimeDelta::seconds(1), &[]));
                    assert!(
                        hours.windows_between(at, opening, &[]).is_empty(),
                        "{hours:?} {at}"
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Zones.

#[test]
fn every_supported_zone_is_compiled_in_and_round_trips() {
    for name in SUPPORTED_ZONES {
        let zone = CustomerZone::parse(name)
            .unwrap_or_else(|| panic!("{name} missing from CHRONO_TZ_TIMEZONE_FILTER"));
        assert_eq!(zone.name(), *name);
    }
    let unique: std::collections::BTreeSet<_> = SUPPORTED_ZONES.iter().collect();
    assert_eq!(
        unique.len(),
        SUPPORTED_ZONES.len(),
        "duplicates in SUPPORTED_ZONES"
    );
    // Curated: enough for the markets, few enough to pick from (with the search box) and to pay for
    // in the wasm.
    assert!((40..=70).contains(&SUPPORTED_ZONES.len()));
    // The zones of the published rows are compiled in (build.rs also refuses a row whose zone
    // is not listed).
    for name in ["Europe/Paris", "America/Los_Angeles", "Asia/Tokyo", "UTC"] {
        assert!(HoursZone::parse(name).is_some(), "{name}");
    }
}

#[test]
fn supported_zones_cover_the_awkward_and_the_expected() {
    for name in [
        "Asia/Kathmandu",
        "Asia/Kolkata",
        "Pacific/Chatham",
        "Australia/Adelaide",
        "America/St_Johns",
        "Australia/Sydney",
        "Pacific/Auckland",
        "America/Santiago",
        "America/Sao_Paulo",
        "America/Mexico_City",
        "Europe/Amsterdam",
        "Europe/Oslo",
        "Asia/Jakarta",
        "Asia/Singapore",
        "Asia/Shanghai",
        "America/Toronto",
        "America/Denver",
        "America/Chicago",
        "America/New_York",
        "Europe/London",
        "Europe/Berlin",
        "Europe/Madrid",
        "Europe/Vienna",
        "Asia/Dubai",
        "Africa/Johannesburg",
        "UTC",
    ] {
        assert!(SUPPORTED_ZONES.contains(&name), "{name}");
    }
    // Every inhabited continent.
    for prefix in [
        "Africa/",
        "America/",
        "Asia/",
        "Australia/",
        "Europe/",
        "Pacific/",
    ] {
        assert!(
            SUPPORTED_ZONES.iter().any(|z| z.starts_with(prefix)),
            "{prefix}"
        );
    }
}

#[test]
fn only_the_listed_zones_are_compiled_in() {
    // Real zones that are not listed, and aliases of listed ones, are not zones here: the
    // tables hold exactly tzdata/zones.txt.
    for name in [
        "Asia/Ulaanbaatar",
        "Europe/Moscow",
        "Etc/UTC",
        "Europe/Kiev",
        "US/Pacific",
    ] {
        assert!(HoursZone::parse(name).is_none(), "{name}");
    }
}

#[test]
fn customer_zone_parse_accepts_only_the_curated_list() {
    assert_eq!(
        CustomerZone::parse("Europe/Oslo").map(CustomerZone::name),
        Some("Europe/Oslo")
    );
    for name in [
        "",
        "utc",
        "europe/oslo",
        "Mars/Olympus_Mons",
        "Europe/Tallinn",
        " Europe/Oslo",
        "Etc/GMT+3",
    ] {
        assert_eq!(CustomerZone::parse(name), None, "{name:?}");
    }
    assert_eq!(
        HoursZone::from(customer("Asia/Kolkata")),
        tz("Asia/Kolkata")
    );
}

#[test]
fn hours_zone_parse_reads_the_facts_notation() {
    assert_eq!(
        HoursZone::parse("fixed:+08:00"),
        Some(HoursZone::Fixed {
            offset_seconds: 28_800
        })
    );
    assert_eq!(
        HoursZone::parse("fixed:-03:30"),
        Some(HoursZone::Fixed {
            offset_seconds: -12_600
        })
    );
    assert_eq!(
        HoursZone::parse("fixed:+00:00"),
        Some(HoursZone::Fixed { offset_seconds: 0 })
    );
    assert_eq!(HoursZone::parse("Asia/Tokyo"), Some(tz("Asia/Tokyo")));
    for bad in [
        "customer",
        "",
        "fixed:",
        "fixed:+8:00",
        "fixed:08:00",
        "fixed:+24:00",
        "fixed:+08:60",
        "fixed:++8:00",
        "fixed:+08:0x",
        "fixed:+é8:00",
    ] {
        assert_eq!(HoursZone::parse(bad), None, "{bad:?}");
    }
}
