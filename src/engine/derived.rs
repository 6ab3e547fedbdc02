//! Calculators: facts the engine derives from answers and the clock before any rule runs
//! (vocabulary slots with `derived = ...`). Rules read them like answers. Every number they use
//! comes from `policy/facts/*.toml`, with its citation.

use crate::engine::answers::Answers;
use crate::hours::iana::IanaZone;
use crate::hours::{CustomerZone, HoursZone, WeeklyHours};
use crate::policy::data::{self, q, s, v};
use crate::policy::model::{RegionHours, ZoneSpec};
use chrono::{DateTime, Months, NaiveDate, NaiveTime, Utc};

/// Business hours of a region row, pinned to a zone (the customer's for "local time" rows).
pub fn weekly_hours(row: &RegionHours, customer: Option<CustomerZone>) -> Option<WeeklyHours> {
    let zone = match row.zone {
        ZoneSpec::FixedOffsetSeconds(offset_seconds) => HoursZone::Fixed { offset_seconds },
        ZoneSpec::Named(name) => HoursZone::Named(IanaZone::from_name(name)?),
        ZoneSpec::Customer => HoursZone::Named(customer?.0),
    };
    let at = |m: u16| NaiveTime::from_hms_opt(u32::from(m / 60), u32::from(m % 60), 0);
    WeeklyHours::new(zone, at(row.open_minute)?, at(row.close_minute)?)
}

/// The business hours of the region the visitor chose, if it can be pinned to a clock.
pub fn region_weekly_hours(answers: &Answers) -> Option<WeeklyHours> {
    let row = data::region_hours(answers.choice(q::REGION)?)?;
    weekly_hours(row, answers.zone(q::TIME_ZONE))
}

/// Today's date for date comparisons: in the customer's zone when known, else UTC.
pub fn today(answers: &Answers, now: DateTime<Utc>) -> NaiveDate {
    match answers.zone(q::TIME_ZONE) {
        // Through the total `HoursZone::to_local`: `with_timezone(..).date_naive()` panics when
        // the local reading leaves chrono's range (`now` within a day of its limits).
        Some(z) => HoursZone::from(z).to_local(now).date(),
        None => now.date_naive(),
    }
}

/// Adds a stated period (months, then days) to a date. `None` past the end of the calendar.
pub fn add_period(date: NaiveDate, period_id: &str) -> Option<NaiveDate> {
    let p = data::period(period_id)?;
    date.checked_add_months(Months::new(p.months))?
        .checked_add_days(chrono::Days::new(u64::from(p.days)))
}

/// Which validity period applies to the on-premises offer chosen (AGREEMENT-1, PPI-7).
pub fn validity_period(answers: &Answers) -> Option<&'static str> {
    use v::onprem_offer::*;
    match answers.choice(q::ONPREM_OFFER)? {
        FIVE_PACK => Some("five_pack_validity"),
        GOLD20 | SILVER15 | MAPS10 | MAICPP => Some("mpn_agreement_validity"),
        VISUAL_STUDIO | SOFTWARE_ASSURANCE => Some("agreement_validity"),
        _ => None,
    }
}

/// The results of all calculators, and the clock facts they were computed from (the evaluator
/// reuses them for deadlines and language windows instead of resolving them again).
pub struct Derived {
    /// `(slot index, value index)` pairs to preset.
    pub values: Vec<(u8, u8)>,
    pub agreement_expires: Option<NaiveDate>,
    /// The business hours of the chosen region, pinned to a clock, if they can be.
    pub hours: Option<WeeklyHours>,
    /// Today in the customer's zone (UTC when unknown), when the evaluation has a clock.
    pub today: Option<NaiveDate>,
}

pub fn compute(answers: &Answers, now: Option<DateTime<Utc>>, holidays: &[NaiveDate]) -> Derived {
    let mut values = Vec::with_capacity(4);
    let mut agreement_expires = None;
    let hours = region_weekly_hours(answers);
    let today = now.map(|now| today(answers, now));

    if let (Some(now), Some(today)) = (now, today) {
        if let Some(hours) = hours {
            let open = if hours.is_open(now, holidays) {
                v::region_open_now::OPEN
            } else {
                v::region_open_now::CLOSED
            };
            values.push((s::REGION_OPEN_NOW, open));
        }
        // Exactly three months counts as three months or more (C-18). A closing date after today
        // cannot be right, so its age is unknown.
        if let Some(closed) = answers.date(q::CLOSED_DATE) {
            use v::closed_age::*;
            let age = match add_period(closed, "reopen_limit") {
                _ if closed > today => IN_FUTURE,
                Some(limit) if limit <= today => THREE_MONTHS_OR_MORE,
                _ => UNDER_THREE_MONTHS,
            };
            values.push((s::CLOSED_AGE, age));
        }
        // Expiry is the first day the agreement no longer works. One activated after today is
        // not active yet, whatever its period.
        if let (Some(start), Some(period)) =
            (answers.date(q::ACTIVATION_DATE), validity_period(answers))
        {
            use v::agreement_state::*;
            if start > today {
                values.push((s::AGREEMENT_STATE, NOT_STARTED));
            } else if let Some(expires) = add_period(start, period) {
                agreement_expires = Some(expires);
                let state = if today >= expires { EXPIRED } else { ACTIVE };
                values.push((s::AGREEMENT_STATE, state));
            }
        }
    }
    if let Some(n) = answers.count(q::INCIDENTS_LEFT) {
        let balance = if n == 0 {
            v::incident_balance::NONE
        } else {
            v::incident_balance::SOME
        };
        values.push((s::INCIDENT_BALANCE, balance));
    }
    Derived {
        values,
        agreement_expires,
        hours,
        today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::data::s;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0)
            .single()
            .expect("valid")
    }

    fn value_of(d: &Derived, slot: u8) -> Option<u8> {
        d.values.iter().find(|(s, _)| *s == slot).map(|(_, v)| *v)
    }

    #[test]
    fn exactly_three_months_counts_as_three_or_more() {
        // C-18 convention: "three or more months"; calendar months.
        let a = Answers::from_pairs([("closed_date", "2024-11-05")]).expect("valid");
        let day_before = compute(&a, Some(at(2025, 2, 4)), &[]);
        let on_the_day = compute(&a, Some(at(2025, 2, 5)), &[]);
        assert_eq!(value_of(&day_before, s::CLOSED_AGE), Some(0));
        assert_eq!(value_of(&on_the_day, s::CLOSED_AGE), Some(1));
    }

    #[test]
    fn mpn_agreements_last_a_year_and_thirty_days() {
        // SC-051: activated 2024-01-10 -> expires 2025-02-09; on 2025-02-12 it has expired.
        let a = Answers::from_pairs([
            ("onprem_offer", "gold20"),
            ("activation_date", "2024-01-10"),
        ])
        .expect("valid");
        let d = compute(&a, Some(at(2025, 2, 12)), &[]);
        assert_eq!(d.agreement_expires, NaiveDate::from_ymd_opt(2025, 2, 9));
        assert_eq!(value_of(&d, s::AGREEMENT_STATE), Some(1));
        let d = compute(&a, Some(at(2025, 2, 8)), &[]);
        assert_eq!(value_of(&d, s::AGREEMENT_STATE), Some(0));
    }

    #[test]
    fn five_packs_expire_one_year_after_purchase() {
        // SC-055: bought 2024-03-01 -> usable until 2025-03-01; on 2025-02-12 still active.
        let a = Answers::from_pairs([
            ("onprem_offer", "five_pack"),
            ("activation_date", "2024-03-01"),
        ])
        .expect("valid");
        let d = compute(&a, Some(at(2025, 2, 12)), &[]);
        assert_eq!(d.agreement_expires, NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(value_of(&d, s::AGREEMENT_STATE), Some(0));
    }

    #[test]
    fn dates_after_today_are_not_taken_at_their_word() {
        // A closing date in 2030 is not "under three months" (it would allow a reopen), and an
        // activation tomorrow does not make an agreement active today.
        let closed = Answers::from_pairs([("closed_date", "2030-01-01")]).expect("valid");
        let d = compute(&closed, Some(at(2025, 2, 12)), &[]);
        assert_eq!(value_of(&d, s::CLOSED_AGE), Some(v::closed_age::IN_FUTURE));
        let tomorrow = Answers::from_pairs([
            ("onprem_offer", "gold20"),
            ("activation_date", "2025-02-13"),
        ])
        .expect("valid");
        let d = compute(&tomorrow, Some(at(2025, 2, 12)), &[]);
        assert_eq!(
            value_of(&d, s::AGREEMENT_STATE),
            Some(v::agreement_state::NOT_STARTED)
        );
        assert_eq!(d.agreement_expires, None);
        // Today itself is a plausible closing or activation date.
        let today = Answers::from_pairs([("closed_date", "2025-02-12")]).expect("valid");
        let d = compute(&today, Some(at(2025, 2, 12)), &[]);
        assert_eq!(
            value_of(&d, s::CLOSED_AGE),
            Some(v::closed_age::UNDER_THREE_MONTHS)
        );
    }

    #[test]
    fn offers_without_an_agreement_have_no_expiry() {
        let a = Answers::from_pairs([("onprem_offer", "ppi"), ("activation_date", "2024-03-01")])
            .expect("valid");
        let d = compute(&a, Some(at(2025, 2, 12)), &[]);
        assert_eq!(d.agreement_expires, None);
        assert_eq!(value_of(&d, s::AGREEMENT_STATE), None);
    }

    #[test]
    fn region_open_now_uses_the_region_clock() {
        // Friday 2025-02-07 17:59 PST is open, 18:00 closed (HOURS-7).
        let a = Answers::from_pairs([("region", "north_america")]).expect("valid");
        let open = Utc
            .with_ymd_and_hms(2025, 2, 8, 1, 59, 0)
            .single()
            .expect("valid");
        let closed = Utc
            .with_ymd_and_hms(2025, 2, 8, 2, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(
            value_of(&compute(&a, Some(open), &[]), s::REGION_OPEN_NOW),
            Some(0)
        );
        assert_eq!(
            value_of(&compute(&a, Some(closed), &[]), s::REGION_OPEN_NOW),
            Some(1)
        );
    }

    #[test]
    fn local_time_regions_need_the_customer_zone() {
        let without = Answers::from_pairs([("region", "south_america")]).expect("valid");
        assert_eq!(
            value_of(
                &compute(&without, Some(at(2025, 2, 4)), &[]),
                s::REGION_OPEN_NOW
            ),
            None
        );
        let with = Answers::from_pairs([
            ("region", "south_america"),
            ("time_zone", "America/Sao_Paulo"),
        ])
        .expect("valid");
        // 12:00 UTC = 09:00 in Sao Paulo: open.
        assert_eq!(
            value_of(
                &compute(&with, Some(at(2025, 2, 4)), &[]),
                s::REGION_OPEN_NOW
            ),
            Some(0)
        );
    }
}
