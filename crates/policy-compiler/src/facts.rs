//! `policy/facts/`: the response-time table cells, the business hours of each support region,
//! and the stated periods (validity, limits). Compiled into `RESPONSE_TARGETS`, `REGION_HOURS`
//! and `PERIODS`, each entry with its citations.

use crate::errors::Errors;
use crate::input::{
    HoursFile, HoursIn, PeriodIn, PeriodsFile, TargetIn, TargetsFile, ZoneRegionsFile,
};
use crate::vars::{citations, hhmm, read, LineCounts, Vars};
use crate::zones;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The fact tables as read.
pub struct Facts {
    pub targets: Vec<TargetIn>,
    pub hours: Vec<HoursIn>,
    pub periods: Vec<PeriodIn>,
    /// Region option → the zones that propose it (`none`: zones that propose nothing).
    pub zone_regions: BTreeMap<String, Vec<String>>,
}

pub fn read_all(policy: &Path, errors: &mut Errors) -> Facts {
    Facts {
        targets: read::<TargetsFile>(&policy.join("facts/response_targets.toml"), errors)
            .map(|t| t.target)
            .unwrap_or_default(),
        hours: read::<HoursFile>(&policy.join("facts/business_hours.toml"), errors)
            .map(|h| h.hours)
            .unwrap_or_default(),
        periods: read::<PeriodsFile>(&policy.join("facts/periods.toml"), errors)
            .map(|p| p.period)
            .unwrap_or_default(),
        zone_regions: read::<ZoneRegionsFile>(&policy.join("facts/zone_regions.toml"), errors)
            .map(|z| z.regions)
            .unwrap_or_default(),
    }
}

/// `RESPONSE_TARGETS`, `REGION_HOURS` and `PERIODS`.
pub fn code(
    facts: &Facts,
    vars: &Vars,
    line_counts: &LineCounts,
    tzdata: &Path,
    errors: &mut Errors,
) -> String {
    format!(
        "pub static RESPONSE_TARGETS: &[ResponseTarget] = &[\n{}];\n\
         pub static REGION_HOURS: &[RegionHours] = &[\n{}];\n\
         pub static PERIODS: &[Period] = &[\n{}];\n\
         /// Per offered zone (tzdata/zones.txt order), the `region` option it proposes, 255 for\n\
         /// none (policy/facts/zone_regions.toml).\n\
         pub static ZONE_REGIONS: &[u8] = &[{}];\n",
        targets(&facts.targets, line_counts, errors),
        hours(&facts.hours, vars, line_counts, tzdata, errors),
        periods(&facts.periods, line_counts, errors),
        zone_regions(&facts.zone_regions, vars, tzdata, errors),
    )
}

fn targets(targets: &[TargetIn], line_counts: &LineCounts, errors: &mut Errors) -> String {
    let mut code = String::new();
    for t in targets {
        let ctx = format!("response target `{}`", t.id);
        let clock = match t.clock.as_str() {
            "around_the_clock" => true,
            "business_hours" => false,
            other => {
                errors.push(format!("{ctx}: unknown clock `{other}`"));
                false
            }
        };
        if t.minutes == 0 {
            errors.push(format!("{ctx}: minutes must be positive"));
        }
        let cite = citations(&t.cite, line_counts, &ctx, errors);
        let _ = writeln!(
            code,
            "    ResponseTarget {{ id: {:?}, minutes: {}, around_the_clock: {clock}, cite: {cite} }},",
            t.id, t.minutes
        );
    }
    code
}

fn hours(
    hours: &[HoursIn],
    vars: &Vars,
    line_counts: &LineCounts,
    tzdata: &Path,
    errors: &mut Errors,
) -> String {
    let region_q = vars.questions.iter().position(|q| q.0 == "region");
    let mut code = String::new();
    for h in hours {
        let ctx = format!("business hours `{}`", h.region);
        let region = region_q.and_then(|q| vars.questions[q].2.index(&h.region));
        let (Some(region), Some(open), Some(close)) = (region, hhmm(&h.open), hhmm(&h.close))
        else {
            errors.push(format!("{ctx}: unknown region or bad time"));
            continue;
        };
        if open >= close {
            errors.push(format!("{ctx}: must open before it closes"));
        }
        let Some(zone) = zone_spec(&h.zone, tzdata, &ctx, errors) else {
            continue;
        };
        let cite = citations(&h.cite, line_counts, &ctx, errors);
        let _ = writeln!(
            code,
            "    RegionHours {{ region: {region}, open_minute: {open}, close_minute: {close}, zone: {zone}, cite: {cite} }},"
        );
    }
    if let Some(q) = region_q {
        for r in &vars.questions[q].2.values {
            if !hours.iter().any(|h| &h.region == r) {
                errors.push(format!("business hours: region `{r}` has no row"));
            }
        }
    }
    code
}

/// Every offered zone is listed exactly once: under the region it proposes, or under `none`.
/// Written as one byte per offered zone, in tzdata/zones.txt order (the order of
/// `hours::SUPPORTED_ZONES`): the region option, or 255 for none.
fn zone_regions(
    regions: &BTreeMap<String, Vec<String>>,
    vars: &Vars,
    tzdata: &Path,
    errors: &mut Errors,
) -> String {
    let ctx = "zone regions (policy/facts/zone_regions.toml)";
    let region_q = vars.questions.iter().find(|q| q.0 == "region");
    let mut proposed: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen: Vec<&str> = Vec::new();
    for (region, zones) in regions {
        let option = region_q.and_then(|q| q.2.index(region));
        if region != "none" && option.is_none() {
            errors.push(format!("{ctx}: `{region}` is not an option of `region`"));
        }
        for zone in zones {
            if seen.contains(&zone.as_str()) {
                errors.push(format!("{ctx}: zone `{zone}` is listed twice"));
            }
            seen.push(zone);
            if !zones::is_supported(tzdata, zone) {
                errors.push(format!("{ctx}: zone `{zone}` is not in tzdata/zones.txt"));
            }
            if let Some(option) = option {
                proposed.insert(zone, option);
            }
        }
    }
    let mut bytes = Vec::new();
    for zone in zones::supported(tzdata) {
        if !seen.contains(&zone.as_str()) {
            errors.push(format!(
                "{ctx}: zone `{zone}` is offered but neither proposes a region nor is listed under `none`"
            ));
        }
        bytes.push(proposed.get(zone.as_str()).map_or(255, |&o| o).to_string());
    }
    bytes.join(", ")
}

/// `customer` (the customer's own zone), `fixed:+01:00`, or a named zone compiled in.
fn zone_spec(zone: &str, tzdata: &Path, ctx: &str, errors: &mut Errors) -> Option<String> {
    if zone == "customer" {
        return Some("ZoneSpec::Customer".to_string());
    }
    if let Some(off) = zone.strip_prefix("fixed:") {
        let sign = if off.starts_with('-') { -1 } else { 1 };
        return match hhmm(off.trim_start_matches(['+', '-'])) {
            Some(m) => Some(format!(
                "ZoneSpec::FixedOffsetSeconds({})",
                sign * i32::from(m) * 60
            )),
            None => {
                errors.push(format!("{ctx}: bad fixed offset `{off}`"));
                None
            }
        };
    }
    if !zones::is_supported(tzdata, zone) {
        errors.push(format!(
            "{ctx}: zone `{zone}` is not in tzdata/zones.txt, so it is not compiled in"
        ));
    }
    Some(format!("ZoneSpec::Named({zone:?})"))
}

fn periods(periods: &[PeriodIn], line_counts: &LineCounts, errors: &mut Errors) -> String {
    let mut code = String::new();
    for p in periods {
        let ctx = format!("period `{}`", p.id);
        let cite = citations(&p.cite, line_counts, &ctx, errors);
        let _ = writeln!(
            code,
            "    Period {{ id: {:?}, months: {}, days: {}, hours: {}, cite: {cite} }},",
            p.id, p.months, p.days, p.hours
        );
    }
    code
}
