//! Dates and times as the interface language writes them: "4 February 2025", "dinsdag
//! 4 februari 2025 om 14:00", "tirsdag 4. februar 2025 kl. 14:00", "Selasa, 4 Februari 2025 pukul
//! 14.00", with the 12- or 24-hour clock each language uses and the time-zone name in that
//! language.
//!
//! The browser's `Intl.DateTimeFormat` does the formatting: it carries the CLDR data for every
//! language and time zone, so the wasm carries none (ICU data for four languages would cost more
//! than the whole policy). The engine computes the instants; this module only writes them. If
//! `Intl` refuses (it never should for our zones), the ISO form is shown instead of nothing.

use crate::engine::iso_date;
use crate::hours::{CustomerZone, HoursZone, SUPPORTED_ZONES};
use crate::i18n::Locale;
use chrono::{DateTime, NaiveDate, Utc};

/// The device clock as a chrono instant. JavaScript dates reach the year 275760, chrono's only
/// 262143, and chrono's own `Utc::now()` panics on a clock beyond its range. Such a clock is a
/// wrong clock like any after 2100, so it is read as an instant the engine is tested at and
/// flags as implausible (its wrong-clock notice): 1 January 2200, or 1900 for one as far back.
pub fn device_now() -> DateTime<Utc> {
    let ms = js_sys::Date::now();
    // `as` saturates (and NaN, which Date.now() never is, becomes 0).
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_else(|| {
        // 2200-01-01 and 1900-01-01, 00:00 UTC.
        let seconds = if ms > 0.0 {
            7_258_118_400
        } else {
            -2_208_988_800
        };
        DateTime::from_timestamp(seconds, 0).unwrap_or(DateTime::UNIX_EPOCH)
    })
}

/// A calendar date, e.g. "4 February 2025" / "4 februari 2025".
pub fn date_text(l: Locale, date: NaiveDate) -> String {
    let noon = date.and_hms_opt(12, 0, 0).map(|t| t.and_utc());
    noon.and_then(|at| intl(l, at, "UTC", Style::Date))
        .unwrap_or_else(|| iso_date::format(date))
}

/// An instant in the customer's time zone (or UTC), with weekday, date, time and the zone's name,
/// followed by the zone id the visitor chose, e.g. "Tue 4 February 2025, 14:00 Pacific Standard
/// Time (America/Los Angeles)" or "di 4 februari 2025 om 14:00 Pacific-standaardtijd (…)".
pub fn instant_text(l: Locale, at: DateTime<Utc>, zone: Option<CustomerZone>) -> String {
    let zone_id = zone.map_or("UTC", |z| z.name());
    match intl(l, at, zone_id, Style::Instant) {
        Some(text) if zone.is_some() => format!("{text} ({})", zone_id.replace('_', " ")),
        Some(text) => text,
        None => iso_instant(at, zone),
    }
}

/// An instant in the customer's time zone (or UTC) as the decision says it: weekday, day, short
/// month and time, e.g. "Wed 5 Feb, 01:00".
pub fn short_instant_text(l: Locale, at: DateTime<Utc>, zone: Option<CustomerZone>) -> String {
    intl(l, at, zone.map_or("UTC", |z| z.name()), Style::Short)
        .unwrap_or_else(|| iso_instant(at, zone))
}

/// The day of an instant in the customer's time zone (or UTC), short: "Wed 5 Feb".
pub fn day_text(l: Locale, at: DateTime<Utc>, zone: Option<CustomerZone>) -> String {
    intl(l, at, zone.map_or("UTC", |z| z.name()), Style::Day)
        .unwrap_or_else(|| iso_instant(at, zone))
}

/// The time of day of an instant in the customer's time zone (or UTC): "18:00".
pub fn time_text(l: Locale, at: DateTime<Utc>, zone: Option<CustomerZone>) -> String {
    intl(l, at, zone.map_or("UTC", |z| z.name()), Style::Time)
        .unwrap_or_else(|| iso_instant(at, zone))
}

/// A time zone as a picker and an answer list show it: its IANA id (the same in every language,
/// so typing a city still finds it) and its generic name in the interface language, e.g.
/// "America/Los Angeles (Pacific Time)" / "America/Los Angeles (Pacific-tijd)".
///
/// Made once a visit for each of our zones (`LABELS`): the picker alone shows sixty, each a
/// formatter call, and `ui::warm_up` makes them ahead while the visitor reads earlier pages.
pub fn zone_label(l: Locale, zone_id: &str) -> String {
    let Some(i) = SUPPORTED_ZONES.iter().position(|&z| z == zone_id) else {
        return make_zone_label(l, zone_id);
    };
    let found = LABELS.with(|c| {
        let c = c.borrow();
        (c.0 == Some(l))
            .then(|| c.1.get(i).cloned().flatten())
            .flatten()
    });
    found.unwrap_or_else(|| {
        let made = make_zone_label(l, zone_id);
        LABELS.with(|c| {
            let mut c = c.borrow_mut();
            if c.0 != Some(l) {
                *c = (Some(l), vec![None; SUPPORTED_ZONES.len()]);
            }
            if let Some(slot) = c.1.get_mut(i) {
                *slot = Some(made.clone());
            }
        });
        made
    })
}

thread_local! {
    /// The zone labels made during this visit for one language, by position in
    /// `SUPPORTED_ZONES`. Another language starts a new list: visitors rarely switch back.
    static LABELS: std::cell::RefCell<(Option<Locale>, Vec<Option<String>>)> =
        const { std::cell::RefCell::new((None, Vec::new())) };
}

/// `zone_label`, made anew.
fn make_zone_label(l: Locale, zone_id: &str) -> String {
    let id = zone_id.replace('_', " ");
    match intl_zone_name(l, zone_id) {
        Some(name) if !name.is_empty() && !name.starts_with("GMT") => format!("{id} ({name})"),
        _ => id,
    }
}

/// The browser's time zone when it is one we list (the picker's pre-selected answer).
pub fn browser_zone() -> Option<&'static str> {
    BROWSER_ZONE.with(|z| {
        *z.get_or_init(|| {
            let options =
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                    .resolved_options();
            let zone = js_sys::Reflect::get(&options, &"timeZone".into())
                .ok()?
                .as_string()?;
            SUPPORTED_ZONES.iter().copied().find(|&z| z == zone)
        })
    })
}

thread_local! {
    /// The browser's own time zone, if it is one we list: asked once per visit.
    static BROWSER_ZONE: std::cell::OnceCell<Option<&'static str>> =
        const { std::cell::OnceCell::new() };
}

/// The language-independent fallback: `2025-02-04 14:00 (UTC-08:00, America/Los Angeles)`.
fn iso_instant(at: DateTime<Utc>, zone: Option<CustomerZone>) -> String {
    match zone {
        Some(z) => {
            // Wall clock and offset from our zone tables (src/hours/iana.rs).
            let hours = HoursZone::from(z);
            format!(
                "{} (UTC{}, {})",
                iso_date::format_minute(hours.to_local(at)),
                iso_date::format_offset(hours.offset_seconds_at(at)),
                z.name().replace('_', " ")
            )
        }
        None => format!("{} (UTC)", iso_date::format_minute(at.naive_utc())),
    }
}

/// `Intl.DateTimeFormat` for our language tags. Our English is international English (British
/// spelling, day-month-year, 24-hour clock), so it is formatted as en-GB; the pseudo-locale is
/// English underneath.
#[cfg(target_arch = "wasm32")]
fn intl_tag(l: Locale) -> &'static str {
    use leptos_i18n::Locale as _;
    match l.as_str() {
        "en" | "en-XA" => "en-GB",
        other => other,
    }
}

/// What a formatter writes: a date, an instant with weekday, time and zone name, or only the
/// zone's generic name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    Date,
    Instant,
    /// Weekday, day, short month and two-digit time, no zone: "Wed 5 Feb, 01:00" (the decision's time;
    /// the key facts below it name the zone).
    Short,
    /// The time of day only: "18:00" (a window's end, on the same day as its start).
    Time,
    /// Weekday, day and short month: "Wed 5 Feb" (the days a run of windows spans).
    Day,
    /// Only made in the browser (the zone picker's names come from `Intl`).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    ZoneName,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Formatters made during this visit, by language, zone and style. Constructing an
    /// `Intl.DateTimeFormat` is slow (it resolves locale data), and the time-zone picker alone
    /// needs about sixty: without this, opening it cost over 150 ms at 4× CPU slowdown.
    static FORMATTERS: std::cell::RefCell<std::collections::HashMap<(&'static str, String, Style), wasm_bindgen::JsValue>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The `Intl.DateTimeFormat` for `l`, `zone` and `style`, made once per visit. `None` when the
/// browser refuses (never an exception).
#[cfg(target_arch = "wasm32")]
fn formatter(l: Locale, zone: &str, style: Style) -> Option<wasm_bindgen::JsValue> {
    let key = (intl_tag(l), zone.to_string(), style);
    if let Some(found) = FORMATTERS.with(|f| f.borrow().get(&key).cloned()) {
        return Some(found);
    }
    let made = new_formatter(key.0, zone, style)?;
    FORMATTERS.with(|f| f.borrow_mut().insert(key, made.clone()));
    Some(made)
}

#[cfg(target_arch = "wasm32")]
fn new_formatter(tag: &str, zone: &str, style: Style) -> Option<wasm_bindgen::JsValue> {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let options = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&options, &k.into(), &v.into()).ok();
    set("timeZone", zone)?;
    match style {
        Style::ZoneName => set("timeZoneName", "longGeneric")?,
        Style::Time => {
            set("hour", "2-digit")?;
            set("minute", "2-digit")?
        }
        Style::Day => {
            set("weekday", "short")?;
            set("day", "numeric")?;
            set("month", "short")?
        }
        Style::Short => {
            set("weekday", "short")?;
            set("day", "numeric")?;
            set("month", "short")?;
            set("hour", "2-digit")?;
            set("minute", "2-digit")?
        }
        Style::Date | Style::Instant => {
            set("day", "numeric")?;
            set("month", "long")?;
            set("year", "numeric")?;
            if style == Style::Instant {
                set("weekday", "short")?;
                set("hour", "numeric")?;
                set("minute", "2-digit")?;
                set("timeZoneName", "long")?;
            }
            true
        }
    };
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let args = Array::of2(&JsValue::from_str(tag), &options);
    // `construct` catches exceptions (an unknown zone is a RangeError).
    Reflect::construct(&constructor, &args).ok()
}

/// The generic name of a zone in the interface language ("Pacific Time"), from `formatToParts`.
#[cfg(target_arch = "wasm32")]
fn intl_zone_name(l: Locale, zone_id: &str) -> Option<String> {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::JsCast;
    let formatter = formatter(l, zone_id, Style::ZoneName)?;
    let to_parts: Function = Reflect::get(&formatter, &"formatToParts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let parts: Array = to_parts
        .call1(&formatter, &js_sys::Date::new_0())
        .ok()?
        .dyn_into()
        .ok()?;
    parts.iter().find_map(|part| {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        if kind == "timeZoneName" {
            Reflect::get(&part, &"value".into()).ok()?.as_string()
        } else {
            None
        }
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn intl_zone_name(_: Locale, _: &str) -> Option<String> {
    None
}

#[cfg(target_arch = "wasm32")]
fn intl(l: Locale, at: DateTime<Utc>, zone: &str, style: Style) -> Option<String> {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let formatter = formatter(l, zone, style)?;
    let format: Function = Reflect::get(&formatter, &"format".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    // `call1` catches exceptions: a refusal becomes `None`, never an uncaught exception.
    format.call1(&formatter, &date).ok()?.as_string()
}

/// Outside the browser (native unit tests) there is no `Intl`: the ISO forms are used.
#[cfg(not(target_arch = "wasm32"))]
fn intl(_: Locale, _: DateTime<Utc>, _: &str, _: Style) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Natively there is no `Intl`, so these are the ISO fallbacks the browser shows when `Intl`
    /// refuses: the texts chrono's `%Y-%m-%d %H:%M` and `%:z` wrote before.
    #[test]
    fn iso_fallbacks() {
        let at = Utc.with_ymd_and_hms(2025, 2, 4, 22, 5, 0).single();
        let zone = |name| CustomerZone::parse(name);
        let (Some(at), Some(la), Some(kathmandu)) =
            (at, zone("America/Los_Angeles"), zone("Asia/Kathmandu"))
        else {
            panic!("test instant and zones exist");
        };
        assert_eq!(
            instant_text(Locale::en, at, Some(la)),
            "2025-02-04 14:05 (UTC-08:00, America/Los Angeles)"
        );
        assert_eq!(
            instant_text(Locale::en, at, Some(kathmandu)),
            "2025-02-05 03:50 (UTC+05:45, Asia/Kathmandu)"
        );
        assert_eq!(instant_text(Locale::en, at, None), "2025-02-04 22:05 (UTC)");
        assert_eq!(date_text(Locale::en, at.date_naive()), "2025-02-04");
    }
}
