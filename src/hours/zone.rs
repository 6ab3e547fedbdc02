//! Time-zone handling for business hours: how a published hours row is pinned to the clock, and
//! which customer zones the UI offers.
//!
//! Every conversion here is total. A deadline calculator that panics on an odd date or a DST gap
//! would take the whole page down with it, so each fallible step has a stated fallback instead.

use std::str::FromStr;

use chrono::{DateTime, MappedLocalTime, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::{GapInfo, Tz};

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
    Named(Tz),
}

/// A customer's IANA time zone from the curated list the UI offers.
///
/// A newtype rather than a bare `Tz`, so that a zone can only come from [`CustomerZone::parse`]
/// and therefore always names one of [`SUPPORTED_ZONES`]: those are the only zones compiled into
/// the binary, and the only ones the UI can render a label for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CustomerZone(pub Tz);

/// The curated list of IANA zone names offered to customers (and compiled into the binary).
///
/// Ordered west to east by standard offset so a picker can show it as is. The list is curated
/// rather than complete because chrono-tz would otherwise compile all ~600 zones into the wasm;
/// `.cargo/config.toml` sets `CHRONO_TZ_TIMEZONE_FILTER` to exactly these names plus the zones
/// the published rows use (Europe/Paris, America/Los_Angeles, Asia/Tokyo, UTC). It covers the
/// markets a Dynamics 365 customer is likely to be in on every inhabited continent, and keeps
/// the zones whose offsets catch naive arithmetic out: half and quarter hours (St John's,
/// Kolkata, Kathmandu, Adelaide, Chatham) and southern-hemisphere summer time (Santiago, Sydney,
/// Auckland, Chatham), plus Casablanca, whose summer time pauses for Ramadan.
pub const SUPPORTED_ZONES: &[&str] = &[
    "Pacific/Honolulu",
    "America/Anchorage",
    "America/Los_Angeles",
    "America/Phoenix",
    "America/Denver",
    "America/Chicago",
    "America/Mexico_City",
    "America/New_York",
    "America/Toronto",
    "America/Bogota",
    "America/Lima",
    "America/Halifax",
    "America/Santiago",
    "America/St_Johns",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Africa/Casablanca",
    "Africa/Lagos",
    "Europe/Amsterdam",
    "Europe/Berlin",
    "Europe/Brussels",
    "Europe/Madrid",
    "Europe/Oslo",
    "Europe/Paris",
    "Europe/Rome",
    "Europe/Stockholm",
    "Europe/Vienna",
    "Europe/Warsaw",
    "Europe/Zurich",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Kyiv",
    "Asia/Jerusalem",
    "Europe/Istanbul",
    "Asia/Riyadh",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Asia/Manila",
    "Australia/Perth",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Adelaide",
    "Australia/Brisbane",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Pacific/Chatham",
];

impl CustomerZone {
    /// Only names on the curated list are accepted, even if chrono-tz happens to know more (a
    /// zone linked to a listed one is compiled in too): the UI can only offer, label and
    /// round-trip what is listed, so anything else, e.g. from a hand-edited URL, is rejected.
    pub fn parse(name: &str) -> Option<CustomerZone> {
        if !SUPPORTED_ZONES.contains(&name) {
            return None;
        }
        Tz::from_str(name).ok().map(CustomerZone)
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
            None => Tz::from_str(spec).ok().map(HoursZone::Named),
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
            HoursZone::Named(tz) => tz
                .offset_from_utc_datetime(&at.naive_utc())
                .fix()
                .local_minus_utc(),
        }
    }
}

/// Resolves a wall-clock time in an IANA zone, `None` only when chrono's range is exceeded.
fn named_to_utc(tz: Tz, local: NaiveDateTime) -> Option<NaiveDateTime> {
    let shift = |offset: &chrono_tz::TzOffset| local.checked_sub_offset(offset.fix());
    match tz.offset_from_local_datetime(&local) {
        MappedLocalTime::Single(offset) => shift(&offset),
        MappedLocalTime::Ambiguous(a, b) => match (shift(&a), shift(&b)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        MappedLocalTime::None => gap_end(tz, local),
    }
}

/// The instant a DST gap ends, i.e. the first instant whose wall clock is past `local`.
fn gap_end(tz: Tz, local: NaiveDateTime) -> Option<NaiveDateTime> {
    match GapInfo::new(&local, &tz).and_then(|gap| gap.end) {
        Some(end) => Some(end.naive_utc()),
        // chrono-tz leaves the end unknown only past the edge of its tables, where no real gap
        // is; reading `local` with the offset of the instant it names is then as good as any.
        None => local.checked_sub_offset(tz.offset_from_utc_datetime(&local).fix()),
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
