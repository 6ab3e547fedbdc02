//! The invariants the fuzz targets check on arbitrary input, in one place so that the fuzzer
//! (`fuzz/fuzz_targets/*.rs`, run by `scripts/fuzz.sh`) and the regression replay in the normal
//! test command (`tests/fuzz_corpus.rs`, which feeds every file of `fuzz/corpus/<target>/` through
//! the same function) can never drift apart.
//!
//! Each check takes raw bytes (read as UTF-8, invalid sequences replaced: the browser hands the
//! app strings, never bytes), runs one decoder and returns `Err` with a description when an
//! invariant does not hold. Not panicking is the least of it; every check also asserts that
//! what the decoder produced is canonical: encoding it and decoding again gives the same value
//! with no notice, and the encoding is made only of characters that are safe in a URL or in
//! storage. A panic inside a decoder is a failure too (the fuzzer reports it as a crash, the
//! replay test catches it per file).
//!
//! Native only: nothing here is part of the web app.

use crate::engine::answers::Answers;
use crate::policy::data::QUESTION_COUNT;
use crate::policy::text::{index, Pack, TextId};
use crate::state::embed_config::{ConfigProblem, MAX_HOLIDAYS};
use crate::state::kiosk_config::{IDLE_SECS, MAX_BASE_LEN};
use crate::state::stored::{self, Loaded, StoredState, STATE_KEY};
use crate::state::wizard;
use crate::state::{EmbedConfig, KioskConfig, Page, Route};
use std::collections::HashMap;
use std::fmt::Display;

/// A check over one input.
pub type Check = fn(&[u8]) -> Result<(), String>;

/// Every fuzz target by name (the name of its file in `fuzz/fuzz_targets/` and of its corpus
/// directory in `fuzz/corpus/`) with its check.
pub const TARGETS: [(&str, Check); 5] = [
    ("deep_link", deep_link),
    ("embed_config", embed_config),
    ("kiosk_config", kiosk_config),
    ("content_pack", content_pack),
    ("stored_state", stored_state),
];

/// Returns `Err(message)` from the enclosing check when `cond` does not hold.
macro_rules! ensure {
    ($cond:expr, $($message:tt)+) => {{
        // Bound first: `!(a >= b)` on floats reads badly (and clippy says so).
        let holds: bool = $cond;
        if !holds {
            return Err(format!($($message)+));
        }
    }};
}

/// For the fuzz targets: turns a failed check into the panic libFuzzer records as a crash.
pub fn fail_on(result: Result<(), String>) {
    if let Err(message) = result {
        panic!("invariant violated: {message}");
    }
}

/// `Route::from_query` (every deep link the app opens). The decoded route re-encodes to a query
/// of URL-safe characters that decodes to the same route with no notice; without a journey
/// there are no answers and no page; and the wizard can place the route (`resolve` lands on a
/// real page and is stable, Back and progress stay in range).
pub fn deep_link(data: &[u8]) -> Result<(), String> {
    let input = String::from_utf8_lossy(data);
    let (route, _) = Route::from_query(&input);
    let query = route.to_query();
    ensure!(
        query.is_empty() || query.starts_with('?'),
        "to_query must be empty or start with '?': {query:?}"
    );
    url_safe(&query)?;
    let again = Route::from_query(&query);
    ensure!(
        again == (route.clone(), vec![]),
        "decode(encode(route)) differs\n route: {route:?}\n query: {query:?}\n again: {again:?}"
    );
    let Some(journey) = route.journey else {
        ensure!(
            route.answers == Answers::new() && route.page == Page::Next,
            "a route without a journey keeps answers or a page: {route:?}"
        );
        return Ok(());
    };
    let (answers, page) = wizard::resolve(journey, &route.answers, route.page);
    ensure!(
        page != Page::Next
            && !matches!(page, Page::Question(q) if usize::from(q) >= QUESTION_COUNT),
        "resolve gave no real page: {page:?} for {route:?}"
    );
    let twice = wizard::resolve(journey, &answers, page);
    ensure!(
        twice == (answers, page),
        "resolve is not stable: {page:?} then {twice:?} for {route:?}"
    );
    if let Some(Page::Question(q)) = wizard::back(journey, &answers, page) {
        ensure!(
            usize::from(q) < QUESTION_COUNT,
            "Back leads to no question: {q}"
        );
    }
    if let Page::Question(q) = page {
        ensure!(
            usize::from(q) < QUESTION_COUNT,
            "a question page for no question: {q}"
        );
    }
    Ok(())
}

/// `EmbedConfig::parse` (the presentation parameters). The config re-encodes to URL-safe text
/// that parses back to it with no problem, alone and appended to the route of the same input;
/// holidays stay sorted, unique and bounded; a kept accent is readable; warnings stay short and
/// free of control characters (they go to the console).
pub fn embed_config(data: &[u8]) -> Result<(), String> {
    let input = String::from_utf8_lossy(data);
    let (config, problems) = EmbedConfig::parse(&input);
    let query = config.to_query();
    url_safe(&query)?;
    let again = EmbedConfig::parse(&query);
    ensure!(
        again == (config.clone(), vec![]),
        "parse(to_query(config)) differs\n config: {config:?}\n query: {query:?}\n again: {again:?}"
    );
    ensure!(
        config.holidays.len() <= MAX_HOLIDAYS && config.holidays.windows(2).all(|w| w[0] < w[1]),
        "holidays not sorted, unique and at most {MAX_HOLIDAYS}: {:?}",
        config.holidays
    );
    if let Some(accent) = config.accent {
        let theme = config.accent_background();
        ensure!(
            accent.contrast_ratio(theme.background()) >= theme.min_accent_contrast(),
            "accent {accent:?} kept although too faint on {theme:?}"
        );
    }
    for p in &problems {
        warning_is_tame(p, p.param())?;
    }
    if let Some(ConfigProblem::AccentContrast { used, .. }) = problems
        .iter()
        .find(|p| matches!(p, ConfigProblem::AccentContrast { .. }))
    {
        ensure!(
            config.accent == Some(*used),
            "the adjusted accent {used:?} is not the one used"
        );
    }
    // Next to the route's own parameters, neither disturbs the other.
    let (route, _) = Route::from_query(&input);
    let combined = config.append_to_query(&route.to_query());
    ensure!(
        EmbedConfig::parse(&combined) == (config.clone(), vec![]),
        "the route's parameters disturb the config: {combined:?}"
    );
    ensure!(
        Route::from_query(&combined) == (route, vec![]),
        "the config's parameters disturb the route: {combined:?}"
    );
    Ok(())
}

/// `KioskConfig::parse` (the kiosk parameters). Same canonical round trip as the embed config;
/// outside kiosk mode the config is the default; `idle` stays in range and `base` short; the
/// shared link starts with the base and carries no kiosk parameter.
pub fn kiosk_config(data: &[u8]) -> Result<(), String> {
    let input = String::from_utf8_lossy(data);
    let (config, problems) = KioskConfig::parse(&input);
    let query = config.to_query();
    url_safe(&query)?;
    let again = KioskConfig::parse(&query);
    ensure!(
        again == (config.clone(), vec![]),
        "parse(to_query(config)) differs\n config: {config:?}\n query: {query:?}\n again: {again:?}"
    );
    if !config.enabled {
        ensure!(
            config == KioskConfig::default(),
            "a config outside kiosk mode is not the default: {config:?}"
        );
    }
    ensure!(
        IDLE_SECS.contains(&config.idle_secs),
        "idle {} outside {IDLE_SECS:?}",
        config.idle_secs
    );
    if let Some(base) = &config.base {
        let rest = base
            .strip_prefix("https://")
            .or_else(|| base.strip_prefix("http://"))
            .unwrap_or_default();
        let authority = rest.split('/').next().unwrap_or_default();
        ensure!(
            base.len() <= MAX_BASE_LEN
                && !authority.is_empty()
                && !authority.contains('@')
                && !base.contains(['?', '#'])
                && base.bytes().all(|b| b.is_ascii_graphic()),
            "base is not a plain absolute http(s) URL: {base:?}"
        );
    }
    for p in &problems {
        warning_is_tame(p, p.param())?;
    }
    let (route, _) = Route::from_query(&input);
    let route_query = route.to_query();
    let link = config.share_link("http://kiosk.invalid/", &route_query);
    ensure!(
        link.starts_with(config.base.as_deref().unwrap_or("http://kiosk.invalid/"))
            && link.ends_with(&route_query),
        "the shared link is not base + route: {link:?}"
    );
    let combined = config.append_to_query(&route_query);
    ensure!(
        KioskConfig::parse(&combined) == (config.clone(), vec![]),
        "the route's parameters disturb the kiosk config: {combined:?}"
    );
    ensure!(
        Route::from_query(&combined) == (route, vec![]),
        "the kiosk's parameters disturb the route: {combined:?}"
    );
    Ok(())
}

/// `Pack::parse` (a downloaded content pack), for the language its header claims. A pack that
/// parses has exactly `index::COUNT` texts with no line break in any; writing them and parsing
/// that gives the same texts, and writing again the same bytes.
pub fn content_pack(data: &[u8]) -> Result<(), String> {
    let raw = String::from_utf8_lossy(data).into_owned();
    // The language the pack claims (so the fuzzer can reach a successful parse), else English.
    let language = raw
        .split('\n')
        .nth(1)
        .map(|l| l.trim_end_matches('\r'))
        .and_then(|l| l.strip_prefix("language "))
        .unwrap_or("en")
        .to_string();
    let Ok(pack) = Pack::parse(&language, raw) else {
        return Ok(());
    };
    ensure!(
        pack.language() == language,
        "pack for {language:?} says {:?}",
        pack.language()
    );
    let texts: Vec<&str> = (0..index::COUNT)
        .map(|i| pack.get(TextId(u16::try_from(i).unwrap_or(u16::MAX))))
        .collect();
    if let Some(t) = texts.iter().find(|t| t.contains('\n')) {
        return Err(format!("a text holds a line break: {t:?}"));
    }
    ensure!(
        pack.get(TextId(u16::MAX)).is_empty(),
        "a number beyond the texts has text"
    );
    let written = Pack::write(&language, texts.iter().copied());
    let again = match Pack::parse(&language, written.clone()) {
        Ok(p) => p,
        Err(e) => return Err(format!("a written pack is refused: {e:?}")),
    };
    for (i, t) in texts.iter().enumerate() {
        let back = again.get(TextId(u16::try_from(i).unwrap_or(u16::MAX)));
        ensure!(back == *t, "text {i} changed: {t:?} → {back:?}");
    }
    let rewritten = Pack::write(
        &language,
        (0..index::COUNT).map(|i| again.get(TextId(u16::try_from(i).unwrap_or(u16::MAX)))),
    );
    ensure!(rewritten == written, "writing a pack twice differs");
    Ok(())
}

/// `state::stored` (what the app keeps on the device). The whole input is decoded as a record;
/// it is also read as storage, one `KEY VALUE` per line (`support-navigator.state schema=2&…`,
/// `support-navigator.v1.route j=…`), and loaded with schema 1 migration. Whatever is decoded or
/// loaded can be saved and read back unchanged; a resumable journey has a journey and no
/// language; a record, when present, decides alone and is never "migrated".
pub fn stored_state(data: &[u8]) -> Result<(), String> {
    let input = String::from_utf8_lossy(data);
    if let Ok(state) = stored::decode(&input) {
        saved_state_reads_back(&state)?;
    }
    let storage: HashMap<&str, &str> = input
        .split('\n')
        .map(|line| line.split_once(' ').unwrap_or((line, "")))
        .collect();
    let loaded = stored::load(|key| storage.get(key).map(|v| v.to_string()));
    saved_state_reads_back(&loaded.state)?;
    match storage.get(STATE_KEY) {
        Some(record) => {
            let expected = stored::read_record(record);
            ensure!(
                loaded == expected,
                "the record does not decide alone: {loaded:?}, its decoding: {expected:?}"
            );
        }
        None => ensure!(
            loaded.migrated || loaded == Loaded::default(),
            "something loaded from nothing: {loaded:?}"
        ),
    }
    Ok(())
}

fn saved_state_reads_back(state: &StoredState) -> Result<(), String> {
    if let Some(route) = &state.resume {
        ensure!(
            route.journey.is_some() && route.language.is_none(),
            "a resumable route without a journey or with a language: {route:?}"
        );
    }
    let record = stored::encode(state);
    url_safe(&record)?;
    let again = stored::decode(&record);
    ensure!(
        again.as_ref() == Ok(state),
        "decode(encode(state)) differs\n state: {state:?}\n record: {record:?}\n again: {again:?}"
    );
    Ok(())
}

/// What the app writes into a link: unreserved characters, `/`, percent escapes, the query's
/// own `?`, `=` and `&`, and the `,` between holidays. No markup, quote, space or non-ASCII
/// character can get through.
fn url_safe(query: &str) -> Result<(), String> {
    let safe = |b: u8| b.is_ascii_alphanumeric() || b"-_.~/%?=&,".contains(&b);
    ensure!(
        query.bytes().all(safe),
        "unsafe character in the encoding: {query:?}"
    );
    Ok(())
}

/// A console warning names its parameter, stays short and holds no control character (a site
/// owner's console must not be spoofable with line breaks or escape sequences).
fn warning_is_tame(problem: &impl Display, param: &str) -> Result<(), String> {
    let text = problem.to_string();
    ensure!(
        text.contains(param),
        "warning does not name {param}: {text}"
    );
    ensure!(
        text.chars().count() < 400,
        "warning too long: {} characters",
        text.chars().count()
    );
    ensure!(
        !text.chars().any(char::is_control),
        "control character in warning: {text:?}"
    );
    Ok(())
}
