//! Time-zone handling for business hours: how a published hours row is pinned to the clock, and
//! which customer zones the UI offers.
//!
//! Every conversion here is total. A deadline calculator that panics on an odd date or a DST gap
//! would take the whole page down with it, so each fallible step has a stated fallback instead.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeDelta, Utc};

pub use super::iana::SUPPORTED_ZONES;
use super::iana::{IanaZone, LocalReading};

/// How a published hours row is pinned to the clock.
///
/// Two kinds, because the documents use two: Asia-Pacific is published against a fixed
/// "GMT+8" that never observes summer time, while the other rows name a place whose wall clock
/// does (C-09), and those need the IANA rules to know which offset is in force on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursZone {
    /// A constant offset east of UTC, in seconds (`+08:00` is `28_800`).
    Fixed { offset_seconds: i32 },
    /// A wall clock that follows the IANA rules of the zone, summer time included.
    Named(IanaZone),
}

/// A customer's IANA time zone from the curated list the UI offers.
///
/// A newtype rather than a bare [`IanaZone`], so that a zone can only come from
/// [`CustomerZone::parse`] and the type says what it is for. [`SUPPORTED_ZONES`]
/// (tzdata/zones.txt) are the only zones compiled in and the only ones the UI offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CustomerZone(pub IanaZone);

impl CustomerZone {
    /// Only names on the curated list are accepted, spelled exactly as listed: the UI can only
    /// offer, label and round-trip what is listed, so anything else, e.g. from a hand-edited
    /// URL, is rejected.
    pub fn parse(name: &str) -> Option<CustomerZone> {
        IanaZone::from_name(name).map(CustomerZone)
    }

    /// The IANA name, as accepted by [`CustomerZone::parse`], so it can be stored and restored.
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl From<CustomerZone> for HoursZone {
    /// The "all other regions" row keeps 09:00–17:00 on the customer's own wall clock.
    fn from(zone: CustomerZone) -> HoursZone {
        HoursZone::Named(zone.0)
    }
}

impl HoursZone {
    /// Reads the zone notation of `policy/facts/business_hours.toml`: `fixed:+08:00` for a
    /// fixed offset, otherwise an IANA name that is compiled in. `customer` is not a zone but a
    /// placeholder the caller resolves (see [`CustomerZone`]), so it yields `None` like any
    /// other unknown name.
    pub fn parse(spec: &str) -> Option<HoursZone> {
        match spec.strip_prefix("fixed:") {
            Some(offset) => {
                parse_offset(offset).map(|offset_seconds| HoursZone::Fixed { offset_seconds })
            }
            None => IanaZone::from_name(spec).map(HoursZone::Named),
        }
    }

    /// Local wall-clock date-time → instant. DST gap: the first instant after the gap (e.g.
    /// 02:30 that does not exist → 03:00). Overlap: the EARLIER instant. Total: never panics.
    ///
    /// Why these choices: an opening time that falls in a gap means "as soon as the clocks allow",
    /// which is the moment the gap ends, not a time shifted later by the gap's length; in an
    /// overlap the earlier reading is the first moment the wall clock shows that time, so a
    /// window opens, and a deadline starts counting, no later than a customer watching the clock
    /// would expect. Both keep the mapping monotonic, which the calendar relies on. Out-of-range arithmetic (dates near chrono's limits) falls back to
    /// reading the wall clock as UTC, which is off by at most the zone's offset, rather than
    /// failing.
    pub fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        let resolved = match self {
            HoursZone::Fixed { offset_seconds } => {
                local.checked_sub_signed(TimeDelta::seconds(i64::from(offset_seconds)))
            }
            HoursZone::Named(tz) => named_to_utc(tz, local),
        };
        resolved.unwrap_or(local).and_utc()
    }

    /// Instant → local wall clock. Total: where the shifted value would leave chrono's range
    /// (only within a day of its limits), the UTC reading is returned instead of panicking.
    pub fn to_local(self, at: DateTime<Utc>) -> NaiveDateTime {
        let utc = at.naive_utc();
        utc.checked_add_signed(TimeDelta::seconds(i64::from(self.offset_seconds_at(at))))
            .unwrap_or(utc)
    }

    /// UTC offset in seconds in force at `at` (for display, e.g. "UTC+1" vs "UTC+2").
    ///
    /// The UI shows the offset of the day in question rather than the published "UTC+1", because
    /// under the wall-clock reading (C-09) a July window really is at UTC+2.
    pub fn offset_seconds_at(self, at: DateTime<Utc>) -> i32 {
        match self {
            HoursZone::Fixed { offset_seconds } => offset_seconds,
            HoursZone::Named(zone) => zone.offset_at(at.timestamp()),
        }
    }
}

/// Resolves a wall-clock time in an IANA zone, `None` only when chrono's range is exceeded.
fn named_to_utc(zone: IanaZone, local: NaiveDateTime) -> Option<NaiveDateTime> {
    let shift = |offset: i32| local.checked_sub_offset(FixedOffset::east_opt(offset)?);
    let seconds = local.and_utc().timestamp();
    match zone.read_local(seconds) {
        LocalReading::Single(offset) => shift(offset),
        LocalReading::Ambiguous(a, b) => match (shift(a), shift(b)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        // The instant a DST gap ends, i.e. the first instant whose wall clock is past `local`.
        LocalReading::Gap { ends_at: Some(end) } => {
            DateTime::from_timestamp(end, 0).map(|end| end.naive_utc())
        }
        // Unknown only past the edge of the tables, where no real gap is; reading `local` with
        // the offset of the instant it names is then as good as any.
        LocalReading::Gap { ends_at: None } => shift(zone.offset_at(seconds)),
    }
}

/// Parses `+HH:MM` / `-HH:MM` (hours up to 23) into seconds east of UTC.
fn parse_offset(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, text.get(1..)?),
        b'-' => (-1, text.get(1..)?),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':')?;
    let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hours) || !two_digits(minutes) {
        return None;
    }
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if !(0..24).contains(&hours) || !(0..60).contains(&minutes) {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}
