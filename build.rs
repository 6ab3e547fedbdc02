//! Compiles the knowledge base (`policy/**/*.toml`) and the time-zone source (`tzdata/`) into
//! Rust statics, with the policy compiler (`crates/policy-compiler`). A problem in the data fails
//! the build with every message, each naming its file and rule. It also writes when the rules
//! were built and how old they may get before the page says so (`state::rules_age`).

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=policy");
    println!("cargo:rerun-if-changed=tzdata");
    let generated = match policy_compiler::compile(&root.join("policy"), &root.join("tzdata")) {
        Ok(g) => g,
        Err(errors) => panic!(
            "the policy data under policy/ or tzdata/ is invalid:\n  - {}",
            errors.join("\n  - ")
        ),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this"));
    let build_info = build_info();
    for (file, code) in [
        ("build_info.rs", &build_info),
        ("policy_data.rs", &generated.policy_data),
        ("policy_text_index.rs", &generated.policy_text_index),
        ("policy_texts.rs", &generated.policy_texts),
        ("zone_table.rs", &generated.zone_table),
    ] {
        std::fs::write(out.join(file), code).expect("write generated code to OUT_DIR");
    }
}

/// The build's day and the age after which a page says its rules may be out of date.
///
/// The day is `SOURCE_DATE_EPOCH` (scripts/env.sh sets it to the last commit's time, so a build
/// of one commit is the same on any day), unless that is before 2020: some reproducible-build
/// systems pin it to a fixed old date (Nix: 1980), which says nothing about the rules. Then, and
/// without it, the day the build runs.
///
/// The age is `SUPPORT_NAVIGATOR_RULES_MAX_AGE_DAYS`, default 180 (the support pages change a
/// few times a year); 0 turns the notice off.
fn build_info() -> String {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    println!("cargo:rerun-if-env-changed=SUPPORT_NAVIGATOR_RULES_MAX_AGE_DAYS");
    const JAN_1_2020: u64 = 1_577_836_800;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => match v.trim().parse::<u64>() {
            Ok(s) if s >= JAN_1_2020 => s,
            Ok(_) => now,
            Err(_) => panic!("SOURCE_DATE_EPOCH={v:?} is not a number of seconds"),
        },
        Err(_) => now,
    };
    let max_age = match std::env::var("SUPPORT_NAVIGATOR_RULES_MAX_AGE_DAYS") {
        Ok(v) => v.trim().parse::<u32>().unwrap_or_else(|_| {
            panic!("SUPPORT_NAVIGATOR_RULES_MAX_AGE_DAYS={v:?} is not a number of days")
        }),
        Err(_) => 180,
    };
    // Off: a limit no clock the app trusts can pass.
    let max_age = if max_age == 0 { 1_000_000 } else { max_age };
    let day = i64::try_from(seconds / 86_400).unwrap_or(0);
    let (y, m, d) = civil_from_days(day);
    format!(
        "/// Days since 1970-01-01 of the day these rules were built, and that day.\n\
         pub const BUILT_ON_DAY: i64 = {day};\n\
         pub const BUILT_ON: (i32, u32, u32) = ({y}, {m}, {d});\n\
         /// After this many days, the page says the rules may be out of date.\n\
         pub const MAX_AGE_DAYS: i64 = {max_age};\n"
    )
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`),
/// so that the app needs no date arithmetic to show it.
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        i32::try_from(y).unwrap_or(1970),
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}
