//! ISO 8601 text for calendar dates (`2025-02-04`), the one date format of our links, stored
//! state and embed parameters, plus the two forms the interface shows when the browser's `Intl`
//! is unavailable: a date and time to the minute (`2025-02-04 14:00`) and a UTC offset
//! (`+01:00`).
//!
//! Why not chrono's `format("%Y-%m-%d")` and `parse_from_str`: those go through chrono's
//! strftime interpreter, its general parser and `DelayedFormat`, about 12 KB of gzipped wasm for
//! three fixed formats. This module uses only chrono's calendar (`year()`, `month()`, `day()`,
//! `from_ymd_opt`) and one `format!` per text.
//!
//! **Compatibility.** Every date text the app ever wrote came from chrono's `%Y-%m-%d`, and
//! [`format`] writes the same text for every date chrono can hold (tests/iso_date.rs checks it
//! against chrono across the whole range): years 0 to 9999 as four digits (`0025-03-01`), other
//! years with an explicit sign and at least four digits (`-0001-12-31`, `+12345-01-01`).
//!
//! [`parse`] accepts exactly the texts [`format`] writes, so a date has one spelling and a
//! decoded link re-encodes to itself. chrono's parser was looser; these forms it read are now
//! refused (the route codec drops them with a notice and the question is asked again):
//!
//! * month or day without its leading zero, or a year of fewer than four digits (`2025-1-5`,
//!   `25-01-05`);
//! * a sign on a year that does not need one, or extra leading zeros after a sign
//!   (`+2025-01-05`, `-0000-01-01`, `+012345-01-01`);
//! * whitespace before any of the numbers (` 2025-01-05`, `2025- 1- 5`); note that a `+` typed
//!   into a query string arrives here as a space.
//!
//! None of these was ever written by the app (links, stored state, `<input type="date">`, which
//! always gives `yyyy-mm-dd`), so only a hand-edited link can contain one. Texts both refuse:
//! anything after the day, five or more digits without a sign (`12345-01-01`), days that do not
//! exist (`2025-02-29`).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// `2025-02-04`; `-0001-12-31` and `+12345-01-01` outside years 0 to 9999. The same text as
/// chrono's `format("%Y-%m-%d")` and `NaiveDate`'s `Display`.
pub fn format(date: NaiveDate) -> String {
    let year = date.year();
    let sign = if (0..=9999).contains(&year) {
        ""
    } else if year < 0 {
        "-"
    } else {
        "+"
    };
    format!(
        "{sign}{:04}-{:02}-{:02}",
        year.unsigned_abs(),
        date.month(),
        date.day()
    )
}

/// The date `text` names, if `text` is exactly what [`format`] writes for it; `None` for
/// anything else (see the module documentation for what chrono accepted and we do not).
pub fn parse(text: &str) -> Option<NaiveDate> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let mut fields = unsigned.split('-');
    let (year, month, day) = (fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() {
        return None;
    }
    let year = i32::try_from(number(year)?).ok()?;
    let year = if text.starts_with('-') { -year } else { year };
    let date = NaiveDate::from_ymd_opt(year, number(month)?, number(day)?)?;
    // Widths, zeros and signs are checked by writing the date back: one rule, the writer's,
    // rather than a second description of the format that could drift from it.
    (format(date) == text).then_some(date)
}

/// `2025-02-04 14:00`: date, hour and minute (seconds dropped, as chrono's
/// `format("%Y-%m-%d %H:%M")` does).
pub fn format_minute(at: NaiveDateTime) -> String {
    format!("{} {:02}:{:02}", format(at.date()), at.hour(), at.minute())
}

/// A UTC offset in seconds as `+01:00`, `-03:30` or `+00:00`, rounded to the nearest minute:
/// the same text as chrono's `format("%:z")`.
pub fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = (seconds.unsigned_abs() + 30) / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A run of ASCII digits as a number; `None` when empty, not all digits, or too large.
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u32, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        n.checked_mul(10)?.checked_add(u32::from(digit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn writes_four_digit_years_plain_and_others_signed() {
        for (d, text) in [
            (date(2025, 2, 4), "2025-02-04"),
            (date(25, 3, 1), "0025-03-01"),
            (date(0, 1, 1), "0000-01-01"),
            (date(9999, 12, 31), "9999-12-31"),
            (date(10000, 1, 1), "+10000-01-01"),
            (date(-1, 12, 31), "-0001-12-31"),
            (NaiveDate::MIN, "-262143-01-01"),
            (NaiveDate::MAX, "+262142-12-31"),
        ] {
            assert_eq!(format(d), text);
            assert_eq!(parse(text), Some(d), "{text}");
        }
    }

    #[test]
    fn refuses_what_it_would_not_write() {
        for text in [
            "",
            "-",
            "--",
            "2025-02",
            "2025-1-5",
            "25-01-05",
            "+2025-01-05",
            "-0000-01-01",
            "+012345-01-01",
            "-00001-12-31",
            "12345-01-01",
            " 2025-01-05",
            "2025- 1- 5",
            "2025-01-05 ",
            "2025-01-05T00:00",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025/01/05",
            "20250105",
            "+-2025-01-05",
            "2025-01-+5",
            "99999999999-01-01",
            "+262143-01-01",
            "٢٠٢٥-01-05",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn minutes_and_offsets() {
        let at = date(2025, 2, 4).and_hms_opt(14, 5, 59).unwrap_or_default();
        assert_eq!(format_minute(at), "2025-02-04 14:05");
        assert_eq!(format_offset(0), "+00:00");
        assert_eq!(format_offset(3600), "+01:00");
        assert_eq!(format_offset(-12_600), "-03:30");
        assert_eq!(format_offset(20_700), "+05:45");
        assert_eq!(format_offset(29), "+00:00");
        assert_eq!(format_offset(-30), "-00:01");
        assert_eq!(format_offset(i32::MIN), "-596523:14");
    }
}
