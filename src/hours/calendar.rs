//! Weekly business hours: whether support is open, when it next opens, and when a deadline
//! counted in business minutes falls.
//!
//! Everything is derived from one primitive, the window of a single local date, and an iterator
//! over those windows in time order. Deadlines walk that iterator and subtract whole windows,
//! so the cost grows with the number of working days crossed, never with the number of minutes.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};

use super::zone::HoursZone;

/// How far a search for the next working day may run before concluding there is none.
///
/// The contract is "no working day within 400 days"; the scan starts one day early (see
/// [`Windows`]) and includes the day it starts from, hence two more.
const MAX_CLOSED_RUN: u32 = 402;

/// How many days [`WeeklyHours::windows_between`] looks at, whatever `to` is, so a careless
/// range cannot make the UI build an unbounded list.
const MAX_SCAN_DAYS: u64 = 400;

/// Published support hours: Monday to Friday, the half-open wall-clock interval
/// `[open, close)` in `zone`, except on the caller's holidays.
///
/// `open < close` is expected. A row that breaks it (or whose whole window falls into a DST
/// gap) simply has no open time on that day, rather than panicking or inventing hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeeklyHours {
    pub zone: HoursZone,
    pub open: NaiveTime,
    pub close: NaiveTime,
}

/// One day's opening as instants, `[start, end)`.
///
/// Instants rather than wall-clock times, because a window is what the UI compares against
/// "now" and against other regions, and those comparisons only make sense on one clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Window {
    /// Real elapsed time, so a window that a DST change shortens counts as shorter.
    pub fn duration(&self) -> TimeDelta {
        self.end.signed_duration_since(self.start)
    }

    /// Start-inclusive, end-exclusive (HOURS-7): 17:59 is inside an 18:00 close, 18:00 is not.
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.start <= at && at < self.end
    }
}

impl WeeklyHours {
    /// Rejects `open >= close` up front, for callers (e.g. the facts loader) that would rather
    /// report a bad row than silently show a region as never open.
    pub fn new(zone: HoursZone, open: NaiveTime, close: NaiveTime) -> Option<WeeklyHours> {
        (open < close).then_some(WeeklyHours { zone, open, close })
    }

    pub fn is_open(&self, at: DateTime<Utc>, holidays: &[NaiveDate]) -> bool {
        self.current_window(at, holidays).is_some()
    }

    /// The window containing `at`, if open.
    pub fn current_window(&self, at: DateTime<Utc>, holidays: &[NaiveDate]) -> Option<Window> {
        self.windows_from(at, holidays)
            .next()
            .filter(|window| window.start <= at)
    }

    /// `at` itself when open, else the start of the next window. None only if no working day
    /// exists within 400 days (all holidays).
    pub fn next_opening(&self, at: DateTime<Utc>, holidays: &[NaiveDate]) -> Option<DateTime<Utc>> {
        self.windows_from(at, holidays)
            .next()
            .map(|window| window.start.max(at))
    }

    /// Instant reached after counting `minutes` business minutes from `start`.
    ///
    /// `minutes == 0` returns `start` unchanged, even outside hours: no time has to pass, so
    /// there is nothing to wait for. A start outside hours begins counting at the next
    /// opening. A deadline that uses up a window exactly is that window's end (Friday 18:00),
    /// not the next opening: it is the earliest instant by which the promised business time
    /// has elapsed. Minutes are real elapsed minutes, so a window shortened by a DST change
    /// contributes fewer of them. None only as for [`WeeklyHours::next_opening`].
    pub fn add_business_minutes(
        &self,
        start: DateTime<Utc>,
        minutes: u32,
        holidays: &[NaiveDate],
    ) -> Option<DateTime<Utc>> {
        if minutes == 0 {
            return Some(start);
        }
        let mut remaining = TimeDelta::minutes(i64::from(minutes));
        for window in self.windows_from(start, holidays) {
            let from = window.start.max(start);
            let available = window.end.signed_duration_since(from);
            if remaining <= available {
                return from.checked_add_signed(remaining);
            }
            remaining = remaining.checked_sub(&available)?;
        }
        None
    }

    /// All windows intersecting [from, to), clipped to it, in order (at most 400 days are
    /// scanned).
    pub fn windows_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        holidays: &[NaiveDate],
    ) -> Vec<Window> {
        if to <= from {
            return Vec::new();
        }
        let mut windows = self.windows_from(from, holidays);
        windows.last = windows
            .next_date
            .and_then(|first| first.checked_add_days(chrono::Days::new(MAX_SCAN_DAYS)));
        windows
            .take_while(|window| window.start < to)
            .map(|window| Window {
                start: window.start.max(from),
                end: window.end.min(to),
            })
            .filter(|window| window.start < window.end)
            .collect()
    }

    /// The window of one local date, or `None` when that day is closed.
    fn window_on(&self, date: NaiveDate, holidays: &[NaiveDate]) -> Option<Window> {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) || holidays.contains(&date) {
            return None;
        }
        let start = self.zone.to_utc(date.and_time(self.open));
        let end = self.zone.to_utc(date.and_time(self.close));
        (start < end).then_some(Window { start, end })
    }

    /// Windows in time order, from the one containing `at` (or the first after it) onwards.
    fn windows_from<'a>(&'a self, at: DateTime<Utc>, holidays: &'a [NaiveDate]) -> Windows<'a> {
        let today = self.zone.to_local(at).date();
        Windows {
            hours: self,
            holidays,
            after: at,
            // A day early: near a DST change the previous local day's window can still be
            // running at `at` (it cannot in any current zone, but the scan costs one day).
            next_date: (self.open < self.close).then(|| today.pred_opt().unwrap_or(today)),
            last: None,
            closed_run: 0,
        }
    }
}

/// Iterator over consecutive local dates' windows that end after `after`.
///
/// Windows of successive dates never overlap and come in time order, because the local-to-UTC
/// mapping is monotonic (gap → end of gap, overlap → earlier instant), so walking dates walks
/// time.
struct Windows<'a> {
    hours: &'a WeeklyHours,
    holidays: &'a [NaiveDate],
    after: DateTime<Utc>,
    next_date: Option<NaiveDate>,
    /// Last date to look at, inclusive; `None` means only the closed-run limit applies.
    last: Option<NaiveDate>,
    closed_run: u32,
}

impl Iterator for Windows<'_> {
    type Item = Window;

    fn next(&mut self) -> Option<Window> {
        loop {
            let date = self.next_date?;
            if self.last.is_some_and(|last| date > last) {
                self.next_date = None;
                return None;
            }
            self.next_date = date.succ_opt();
            match self.hours.window_on(date, self.holidays) {
                Some(window) if window.end > self.after => {
                    self.closed_run = 0;
                    return Some(window);
                }
                Some(_) => self.closed_run = 0,
                None => {
                    self.closed_run = self.closed_run.saturating_add(1);
                    if self.closed_run >= MAX_CLOSED_RUN {
                        self.next_date = None;
                        return None;
                    }
                }
            }
        }
    }
}
