//! The live clock of the language journey: is the region's support open now, when does it open
//! next, and this week's windows. It counts the same public holidays (the embedding page's
//! `holidays=`) as the answer above it, so the two never disagree.

use crate::engine::derived::region_weekly_hours;
use crate::engine::{Answers, Context};
use crate::hours::Window;
use chrono::{DateTime, TimeDelta, Utc};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageClock {
    pub status: ClockStatus,
    /// The support windows that are open now or open within the next seven days, each whole
    /// (never cut at either end, so no window is shorter than the region's hours).
    pub week: Vec<Window>,
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
        .collect();
    Some(LanguageClock { status, week })
}
