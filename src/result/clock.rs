//! The live clock of the language journey: is the region's support open now, when does it open
//! next, and this week's windows. It counts the same public holidays (the embedding page's
//! `holidays=`) as the answer above it, so the two never disagree.

use crate::engine::derived::region_weekly_hours;
use crate::engine::{Answers, Context};
use crate::hours::{CustomerZone, HoursZone, Window};
use crate::policy::data::q;
use chrono::{DateTime, TimeDelta, Utc};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageClock {
    pub status: ClockStatus,
    /// The support windows that are open now or open within the next seven days, each whole
    /// (never cut at either end, so no window is shorter than the region's hours).
    pub week: Vec<Window>,
    /// `week` as the page lists it: consecutive days with the same hours on the customer's clock
    /// in one line ("Mon 3 Feb – Fri 7 Feb, 09:00 – 17:30").
    pub runs: Vec<WindowRun>,
}

/// Windows on consecutive days of the customer's calendar that open and close at the same times
/// of day there. `first == last` for a day on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WindowRun {
    pub first: Window,
    pub last: Window,
}

/// Groups `week` into runs, reading days and times on `zone`'s wall clock (UTC without one, as
/// the page writes them). A holiday or a change of hours (summer time in the region but not the
/// customer's zone) starts a new run, so a run never claims hours a day does not have.
pub fn runs(week: &[Window], zone: Option<CustomerZone>) -> Vec<WindowRun> {
    let local =
        |at: DateTime<Utc>| zone.map_or(at.naive_utc(), |z| HoursZone::from(z).to_local(at));
    // A window's shape: its opening time, its closing time and the days between them.
    let shape = |w: &Window| {
        let (start, end) = (local(w.start), local(w.end));
        (
            start.time(),
            end.time(),
            (end.date() - start.date()).num_days(),
        )
    };
    let mut out: Vec<WindowRun> = Vec::new();
    for w in week {
        match out.last_mut() {
            Some(run)
                if shape(&run.last) == shape(w)
                    && local(run.last.start).date().succ_opt() == Some(local(w.start).date()) =>
            {
                run.last = *w;
            }
            _ => out.push(WindowRun {
                first: *w,
                last: *w,
            }),
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockStatus {
    OpenNow,
    /// Closed; opens at `at`, in `minutes` from now.
    OpensIn {
        at: DateTime<Utc>,
        minutes: i64,
    },
    /// Closed, and no opening within the calendar the clock can scan.
    NoOpening,
}

/// The clock, when the answers pin the region's hours to a clock and the context has an instant.
pub fn language_clock(answers: &Answers, ctx: &Context) -> Option<LanguageClock> {
    let hours = region_weekly_hours(answers)?;
    let now = ctx.now?;
    let status = if hours.is_open(now, ctx.holidays) {
        ClockStatus::OpenNow
    } else {
        match hours.next_opening(now, ctx.holidays) {
            Some(at) => ClockStatus::OpensIn {
                at,
                minutes: (at - now).num_minutes().max(0),
            },
            None => ClockStatus::NoOpening,
        }
    };
    let week_end = now.checked_add_signed(TimeDelta::days(7))?;
    // A window lasts less than a day, so scanning a day either side gets every window that
    // overlaps the week whole; then keep those.
    let day = TimeDelta::days(1);
    let week = hours
        .windows_between(
            now.checked_sub_signed(day)?,
            week_end.checked_add_signed(day)?,
            ctx.holidays,
        )
        .into_iter()
        .filter(|w| w.end > now && w.start < week_end)
        .collect::<Vec<Window>>();
    let runs = runs(&week, answers.zone(q::TIME_ZONE));
    Some(LanguageClock { status, week, runs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn window(d: u32, from: u32, to: u32) -> Window {
        let at = |h: u32| {
            Utc.with_ymd_and_hms(2025, 2, d, h, 0, 0)
                .single()
                .expect("a real instant")
        };
        Window {
            start: at(from),
            end: at(to),
        }
    }

    #[test]
    fn consecutive_days_with_the_same_hours_make_one_run() {
        // Mon 3 to Fri 7 February 2025, 09:00-17:00 UTC, except Thursday 6 is a holiday.
        let week = [
            window(3, 9, 17),
            window(4, 9, 17),
            window(5, 9, 17),
            window(7, 9, 17),
        ];
        let got = runs(&week, None);
        assert_eq!(
            got,
            [
                WindowRun {
                    first: week[0],
                    last: week[2]
                },
                WindowRun {
                    first: week[3],
                    last: week[3]
                },
            ]
        );
        // Other hours on a day start a new run too.
        let week = [window(3, 9, 17), window(4, 10, 17)];
        assert_eq!(runs(&week, None).len(), 2);
        // Read on the customer's clock: Tokyo (UTC+9) sees 18:00-02:00 across midnight, one run.
        let tokyo = CustomerZone::parse("Asia/Tokyo");
        assert!(tokyo.is_some());
        let week = [window(3, 9, 17), window(4, 9, 17)];
        assert_eq!(runs(&week, tokyo).len(), 1);
        assert!(runs(&[], None).is_empty());
    }
}
