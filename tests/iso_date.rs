//! `engine::iso_date` against chrono, which wrote every date text the app has ever put in a link
//! or on a device: across chrono's whole range the new writer gives chrono's exact text, the
//! reader reads it back, and on canonical texts it agrees with chrono's parser. chrono's
//! formatting machinery stays available natively (it is still a dependency), so these tests can
//! compare; the wasm no longer links it.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone};
use proptest::prelude::*;
use support_navigator::engine::iso_date::{format, format_minute, format_offset, parse};

/// Any date chrono can hold (years -262143 to 262142), weighted towards the edges of the
/// four-digit years, where the sign appears or disappears.
fn arb_date() -> impl Strategy<Value = NaiveDate> {
    let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
    let days = (max - min).num_days();
    prop_oneof![
        2 => (0..=days).prop_filter_map("in range", move |d| {
            min.checked_add_signed(TimeDelta::days(d))
        }),
        1 => (prop_oneof![-1100i32..1100, 9000i32..11000], 1u32..=366)
            .prop_filter_map("no such day", |(y, d)| NaiveDate::from_yo_opt(y, d)),
        1 => (1900i32..2200, 1u32..=366)
            .prop_filter_map("no such day", |(y, d)| NaiveDate::from_yo_opt(y, d)),
    ]
}

/// Date-like texts in loose spellings: any sign or a space before the year, and year, month and
/// day zero-padded to any width (so often exactly the canonical text, often almost).
fn arb_loose_text() -> impl Strategy<Value = String> {
    let year = prop_oneof![3 => 0u32..10_000, 1 => 0u32..300_000];
    let prefix = proptest::sample::select(vec!["", "", "+", "-", " ", " +"]);
    (
        prefix,
        year,
        0usize..8,
        0u32..14,
        0usize..4,
        0u32..33,
        0usize..4,
    )
        .prop_map(|(prefix, y, year_width, m, month_width, d, day_width)| {
            format!("{prefix}{y:0year_width$}-{m:0month_width$}-{d:0day_width$}")
        })
}

fn arb_date_time() -> impl Strategy<Value = NaiveDateTime> {
    (arb_date(), 0u32..86_400).prop_filter_map("in range", |(d, s)| {
        Some(d.and_time(NaiveTime::from_num_seconds_from_midnight_opt(s, 0)?))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn writes_what_chrono_wrote(d in arb_date()) {
        prop_assert_eq!(format(d), d.format("%Y-%m-%d").to_string());
    }

    #[test]
    fn reads_what_it_writes(d in arb_date()) {
        prop_assert_eq!(parse(&format(d)), Some(d));
    }

    #[test]
    fn agrees_with_chrono_on_what_chrono_wrote(d in arb_date()) {
        let text = d.format("%Y-%m-%d").to_string();
        prop_assert_eq!(parse(&text), NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok());
    }

    /// Whatever it accepts, chrono accepted as the same date, and it is the canonical text:
    /// the new reader is a restriction of the old one, never a reinterpretation.
    #[test]
    fn accepts_only_canonical_texts_chrono_read_the_same(text in arb_loose_text()) {
        if let Some(d) = parse(&text) {
            prop_assert_eq!(NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok(), Some(d));
            prop_assert_eq!(format(d), text);
        }
    }

    #[test]
    fn never_panics(text in "\\PC{0,16}") {
        let _ = parse(&text);
    }

    #[test]
    fn minutes_as_chrono_wrote_them(at in arb_date_time()) {
        prop_assert_eq!(format_minute(at), at.format("%Y-%m-%d %H:%M").to_string());
    }

    #[test]
    fn offsets_as_chrono_wrote_them(seconds in -86_399i32..=86_399) {
        let offset = FixedOffset::east_opt(seconds);
        prop_assert!(offset.is_some());
        if let Some(offset) = offset {
            let at = offset.from_utc_datetime(&NaiveDateTime::default());
            prop_assert_eq!(format_offset(seconds), at.format("%:z").to_string());
        }
    }
}

/// The forms chrono's parser read and `parse` now refuses, each checked against chrono so the
/// list in the module documentation stays true. None was ever written by the app.
#[test]
fn refuses_loose_forms_chrono_read() {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    for (text, chrono_read) in [
        ("2025-1-5", date(2025, 1, 5)),
        ("25-01-05", date(25, 1, 5)),
        ("+2025-01-05", date(2025, 1, 5)),
        ("-0000-01-01", date(0, 1, 1)),
        ("+012345-01-01", date(12345, 1, 1)),
        ("-00001-12-31", date(-1, 12, 31)),
        (" 2025-01-05", date(2025, 1, 5)),
        ("2025- 1- 5", date(2025, 1, 5)),
    ] {
        assert!(chrono_read.is_some(), "{text}");
        assert_eq!(
            NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
            chrono_read,
            "chrono read {text:?}"
        );
        assert_eq!(parse(text), None, "{text:?}");
    }
    // Refused by both.
    for text in [
        "12345-01-01",
        "2025-01-05 ",
        "2025-02-29",
        "2025-01-05T00:00",
    ] {
        assert_eq!(
            NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
            None,
            "{text:?}"
        );
        assert_eq!(parse(text), None, "{text:?}");
    }
}

/// The first and last days chrono can hold, and the years where the sign appears.
#[test]
fn the_edges_of_the_range_and_of_four_digit_years() {
    for d in [
        Some(NaiveDate::MIN),
        Some(NaiveDate::MAX),
        NaiveDate::from_ymd_opt(-1, 12, 31),
        NaiveDate::from_ymd_opt(0, 1, 1),
        NaiveDate::from_ymd_opt(9999, 12, 31),
        NaiveDate::from_ymd_opt(10000, 1, 1),
    ]
    .into_iter()
    .flatten()
    {
        let text = d.format("%Y-%m-%d").to_string();
        assert_eq!(format(d), text);
        assert_eq!(parse(&text), Some(d), "{text}");
    }
}
