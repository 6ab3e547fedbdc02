//! The IANA rules of the supported time zones: which UTC offset a zone's wall clock shows at a
//! given instant, and which instants a given wall-clock reading can mean.
//!
//! The tables are compiled by the policy compiler (crates/policy-compiler/src/zones.rs) from the tz source in tzdata/, as a
//! zone's transitions (seconds since 1970, UTC) with the total offset in force after each. They
//! hold the zone's whole history as the tz database computes it, 1800 to 2099; after the last
//! transition its offset holds. That is exactly what chrono-tz does, and the tests below compare
//! the two at every transition and every day from 1800 to 2200.
//!
//! The lookups mirror chrono-tz's (same spans, same search, same edge cases) so that the
//! difference cannot show in any answer; they are written here only because chrono-tz's tables
//! cost 44 KB of the gzip wasm and these cost a few.

use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/zone_table.rs"));

/// One zone's rules as compiled: distinct total offsets (seconds east of UTC), the index of the
/// one in force before the first transition, and the transitions as LEB128 zig-zag deltas (from
/// the previous transition, the first from 1970) each followed by the new offset's index.
struct ZoneRules {
    offsets: &'static [i32],
    first: u8,
    transitions: &'static [u8],
}

/// A zone's spans, decoded once on first use: `offsets[0]` holds before `starts[0]`,
/// `offsets[i + 1]` from `starts[i]` until `starts[i + 1]`.
struct Spans {
    starts: Vec<i64>,
    offsets: Vec<i32>,
}

/// One supported IANA zone (an index into [`SUPPORTED_ZONES`]); only [`IanaZone::from_name`]
/// makes one, so every value names a compiled zone.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct IanaZone(u8);

/// What a wall-clock reading means in a zone, as offsets to subtract from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalReading {
    /// The reading names one instant.
    Single(i32),
    /// The clocks went back: the reading names two instants (earlier offset first).
    Ambiguous(i32, i32),
    /// The clocks went forward over this reading. `ends_at` is the first instant after the gap
    /// (seconds since 1970, UTC), unknown only where chrono-tz's would be too.
    Gap { ends_at: Option<i64> },
}

impl IanaZone {
    /// The zone of that IANA name, if it is one of [`SUPPORTED_ZONES`] (exact spelling).
    pub fn from_name(name: &str) -> Option<IanaZone> {
        let index = SUPPORTED_ZONES.iter().position(|&n| n == name)?;
        u8::try_from(index).ok().map(IanaZone)
    }

    /// The zone's position in [`SUPPORTED_ZONES`] (tzdata/zones.txt order), for tables kept in
    /// that order.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The IANA name, as [`IanaZone::from_name`] accepts it.
    pub fn name(self) -> &'static str {
        SUPPORTED_ZONES
            .get(usize::from(self.0))
            .copied()
            .unwrap_or("UTC")
    }

    /// Total UTC offset, in seconds east, in force at `utc` (seconds since 1970).
    pub fn offset_at(self, utc: i64) -> i32 {
        let spans = self.spans();
        // Spans are half-open [start, next start): the offset after the last start ≤ utc.
        let after = spans.starts.partition_point(|&start| start <= utc);
        spans.offsets.get(after).copied().unwrap_or(0)
    }

    /// The instants a wall-clock reading (`local`: seconds since 1970 as if the reading were
    /// UTC) can mean. Mirrors chrono-tz's `offset_from_local_datetime` and `GapInfo` exactly,
    /// including its search, so that both agree even where spans are unusually close.
    pub fn read_local(self, local: i64) -> LocalReading {
        let spans = self.spans();
        let len = spans.offsets.len();
        let found = binary_search(0, len, |i| spans.local_span(i).cmp(local));
        let contains = |i: usize| spans.local_span(i).contains(local);
        let offset = |i: usize| spans.offsets[i];
        match found {
            Ok(0) if len == 1 => LocalReading::Single(offset(0)),
            Ok(0) if contains(1) => LocalReading::Ambiguous(offset(0), offset(1)),
            Ok(0) => LocalReading::Single(offset(0)),
            Ok(i) if contains(i - 1) => LocalReading::Ambiguous(offset(i - 1), offset(i)),
            Ok(i) if i == len - 1 => LocalReading::Single(offset(i)),
            Ok(i) if contains(i + 1) => LocalReading::Ambiguous(offset(i), offset(i + 1)),
            Ok(i) => LocalReading::Single(offset(i)),
            // chrono-tz's GapInfo: the gap ends where the next span begins on the wall clock,
            // read back through the zone, if that reading is unambiguous.
            Err(next) if next < len => {
                let ends_at =
                    spans
                        .local_span(next)
                        .begin
                        .and_then(|begin| match self.read_local(begin) {
                            LocalReading::Single(offset) => begin.checked_sub(i64::from(offset)),
                            _ => None,
                        });
                LocalReading::Gap { ends_at }
            }
            Err(_) => LocalReading::Gap { ends_at: None },
        }
    }

    fn spans(self) -> &'static Spans {
        static DECODED: [OnceLock<Spans>; SUPPORTED_ZONES.len()] =
            [const { OnceLock::new() }; SUPPORTED_ZONES.len()];
        let index = usize::from(self.0);
        DECODED[index].get_or_init(|| decode(&ZONE_RULES[index]))
    }
}

impl fmt::Debug for IanaZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Unpacks one zone's compiled transitions. The table is generated and checked at build time,
/// so a malformed byte cannot occur; if one did, decoding stops there and the spans so far stand.
fn decode(rules: &ZoneRules) -> Spans {
    let offset = |index: u8| rules.offsets.get(usize::from(index)).copied().unwrap_or(0);
    let mut spans = Spans {
        starts: Vec::new(),
        offsets: vec![offset(rules.first)],
    };
    let mut bytes = rules.transitions.iter().copied();
    let mut start = 0i64;
    while let Some(delta) = read_varint(&mut bytes) {
        let Some(index) = bytes.next() else { break };
        // Zig-zag back to signed: 0, 1, 2, 3 … → 0, -1, 1, -2 …
        let delta = (delta >> 1) as i64 ^ -((delta & 1) as i64);
        start = start.saturating_add(delta);
        spans.starts.push(start);
        spans.offsets.push(offset(index));
    }
    spans
}

/// LEB128: seven bits per byte, low first; `None` at the end of the input.
fn read_varint(bytes: &mut impl Iterator<Item = u8>) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = bytes.next()?;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// A span on the wall clock: `[begin, end)` in local seconds, open-ended at either edge.
struct Span {
    begin: Option<i64>,
    end: Option<i64>,
}

impl Spans {
    /// Span `i` read on the wall clock: its UTC bounds shifted by its own offset (chrono-tz's
    /// `local_span`).
    fn local_span(&self, i: usize) -> Span {
        let offset = i64::from(self.offsets[i]);
        Span {
            begin: i.checked_sub(1).map(|prev| self.starts[prev] + offset),
            end: self.starts.get(i).map(|&start| start + offset),
        }
    }
}

impl Span {
    fn contains(&self, x: i64) -> bool {
        self.cmp(x) == Ordering::Equal
    }

    /// Where the span lies relative to `x`: `Less` if wholly before it (chrono-tz's `Span::cmp`).
    fn cmp(&self, x: i64) -> Ordering {
        match (self.begin, self.end) {
            (Some(a), Some(b)) if a <= x && x < b => Ordering::Equal,
            (Some(a), Some(b)) if a <= x && b <= x => Ordering::Less,
            (Some(_), Some(_)) => Ordering::Greater,
            (Some(a), None) if a <= x => Ordering::Equal,
            (Some(_), None) => Ordering::Greater,
            (None, Some(b)) if b <= x => Ordering::Less,
            (None, Some(_)) => Ordering::Equal,
            (None, None) => Ordering::Equal,
        }
    }
}

/// Binary search over indices with `binary_search_by`'s contract (chrono-tz's, kept identical
/// so that the index found among overlapping spans is the same).
fn binary_search(
    mut start: usize,
    mut end: usize,
    mut f: impl FnMut(usize) -> Ordering,
) -> Result<usize, usize> {
    loop {
        let mid = start + (end - start) / 2;
        if mid == end {
            return Err(start);
        }
        match f(mid) {
            Ordering::Less => start = mid + 1,
            Ordering::Greater => end = mid,
            Ordering::Equal => return Ok(mid),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The compiled tables against chrono-tz, from the same tz release, for every zone.
    use super::*;
    use chrono::{DateTime, MappedLocalTime, Offset, TimeZone};
    use chrono_tz::{GapInfo, Tz};
    use std::str::FromStr;

    fn reference(zone: IanaZone) -> Tz {
        Tz::from_str(zone.name()).expect("chrono-tz's filter (.cargo/config.toml) lists it")
    }

    fn reference_offset(tz: Tz, utc: i64) -> i32 {
        let at = DateTime::from_timestamp(utc, 0)
            .expect("in range")
            .naive_utc();
        tz.offset_from_utc_datetime(&at).fix().local_minus_utc()
    }

    fn reference_reading(tz: Tz, local: i64) -> LocalReading {
        let at = DateTime::from_timestamp(local, 0)
            .expect("in range")
            .naive_utc();
        match tz.offset_from_local_datetime(&at) {
            MappedLocalTime::Single(o) => LocalReading::Single(o.fix().local_minus_utc()),
            MappedLocalTime::Ambiguous(a, b) => {
                LocalReading::Ambiguous(a.fix().local_minus_utc(), b.fix().local_minus_utc())
            }
            MappedLocalTime::None => LocalReading::Gap {
                ends_at: GapInfo::new(&at, &tz)
                    .and_then(|gap| gap.end)
                    .map(|end| end.timestamp()),
            },
        }
    }

    fn zones() -> impl Iterator<Item = IanaZone> {
        SUPPORTED_ZONES
            .iter()
            .map(|&name| IanaZone::from_name(name).expect("listed"))
    }

    #[test]
    fn same_tz_release_as_the_reference() {
        assert_eq!(TZDB_VERSION, chrono_tz::IANA_TZDB_VERSION);
    }

    #[test]
    fn names_round_trip_and_nothing_else_is_a_zone() {
        for zone in zones() {
            assert_eq!(IanaZone::from_name(zone.name()), Some(zone));
            assert_eq!(format!("{zone:?}"), zone.name());
        }
        for other in [
            "",
            "utc",
            "Europe/Moscow",
            "Asia/Ulaanbaatar",
            "Europe/Kiev",
            "GMT",
        ] {
            assert_eq!(IanaZone::from_name(other), None, "{other}");
        }
    }

    /// Every transition of every zone, and the seconds and hours around it: the offset in force
    /// and every wall-clock reading near it (gaps, overlaps, the instants either side).
    #[test]
    fn every_transition_matches_chrono_tz() {
        let mut transitions = 0;
        for zone in zones() {
            let tz = reference(zone);
            let spans = zone.spans();
            for (i, &start) in spans.starts.iter().enumerate() {
                transitions += 1;
                for utc in [start - 1, start, start + 1] {
                    assert_eq!(
                        zone.offset_at(utc),
                        reference_offset(tz, utc),
                        "{zone:?} at {utc}"
                    );
                }
                for offset in [spans.offsets[i], spans.offsets[i + 1]] {
                    let wall = start + i64::from(offset);
                    for step in [
                        -7200, -3601, -3600, -1801, -1800, -1, 0, 1, 1799, 1800, 3599, 3600, 7200,
                    ] {
                        let local = wall + step;
                        assert_eq!(
                            zone.read_local(local),
                            reference_reading(tz, local),
                            "{zone:?} reading {local}"
                        );
                    }
                }
            }
            assert_eq!(spans.offsets.len(), spans.starts.len() + 1);
            assert!(
                spans.starts.windows(2).all(|w| w[0] < w[1]),
                "{zone:?} sorted"
            );
        }
        // The tz database has thousands of transitions for these zones; a table that decoded to
        // nothing would pass the loop above vacuously.
        assert!(transitions > 5_000, "only {transitions} transitions");
    }

    /// Every day (at a varying time of day) from 1800 to 2200, both directions: covers the
    /// spans themselves and the time before the first and after the last transition.
    #[test]
    fn every_day_from_1800_to_2200_matches_chrono_tz() {
        const DAY: i64 = 86_400;
        let from = -5_364_662_400; // 1800-01-01T00:00:00Z
        let to = 7_258_118_400; // 2200-01-01T00:00:00Z
        for zone in zones() {
            let tz = reference(zone);
            let mut t = from;
            let mut n = 0i64;
            while t < to {
                let at = t + (n * 3_607) % DAY; // a different time of day each day
                assert_eq!(
                    zone.offset_at(at),
                    reference_offset(tz, at),
                    "{zone:?} at {at}"
                );
                assert_eq!(
                    zone.read_local(at),
                    reference_reading(tz, at),
                    "{zone:?} reading {at}"
                );
                t += DAY;
                n += 1;
            }
        }
    }

    #[test]
    fn varints_decode_as_leb128() {
        // The bytes the policy compiler (zones.rs) writes for these values (LEB128, low seven bits first).
        let cases: [(&[u8], u64); 5] = [
            (&[0x00], 0),
            (&[0x7f], 127),
            (&[0x80, 0x01], 128),
            (&[0xac, 0x02], 300),
            (
                &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
                u64::MAX,
            ),
        ];
        for (bytes, value) in cases {
            assert_eq!(
                read_varint(&mut bytes.iter().copied()),
                Some(value),
                "{bytes:?}"
            );
        }
        // Cut short: the last byte still says "more follows".
        assert_eq!(read_varint(&mut [0x80u8].into_iter()), None);
    }
}
