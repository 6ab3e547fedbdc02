//! What the app keeps on this device between visits, and how a value written by any version of
//! the app (or by anybody else) is read back.
//!
//! Only two things are kept: the journey in progress, for "Continue where you left off", and the
//! language chosen with the switcher. Both are conveniences: the answers themselves live in the
//! URL, so losing what is stored never loses work.
//!
//! # Schema history
//!
//! * **Schema 1** (the first releases): two keys, `support-navigator.v1.route` holding a route
//!   query (`j=…&p=…&<answers>&v=1&r=…[&lang=…]`) and `support-navigator.v1.language` holding a
//!   language tag. The version was only in the key names, so a value could not say which
//!   version wrote it.
//! * **Schema 2** (now): one record under [`STATE_KEY`], itself a query string that starts with
//!   its schema version: `schema=2&lang=nl&route=<percent-encoded route query>`. One key is one
//!   write (the journey and the language can never come from two different versions), and a
//!   later version can tell its records from ours.
//!
//! When a schema 1 value is found and no record exists, [`load`] migrates it; the caller writes
//! the record and then removes the old keys ([`LEGACY_KEYS`]). Bump [`SCHEMA_VERSION`] and add a
//! migration here whenever the record's meaning changes.
//!
//! # Trust
//!
//! [`decode`] accepts exactly what this build writes. At start-up, though, a record is read field
//! by field ([`read_record`]): after a rollback, a newer build's record may hold a route this
//! build cannot read (an option it does not know, a newer link codec), and that must not cost the
//! visitor their saved language. Each field is kept if it is understood on its own and dropped
//! otherwise, and the record is reported: [`StoredProblem::Unreadable`] (replaced by the next
//! save, which keeps what was understood), or [`StoredProblem::Newer`] for a newer schema or link
//! codec, which the caller must not overwrite: that version's visitor would lose their journey.
//! Decoding is total; nothing here panics.

use crate::state::route::{percent_encode, query_pairs};
use crate::state::{Route, RouteNotice, UiLanguage};

/// The key of the record (schema 2 onwards).
pub const STATE_KEY: &str = "support-navigator.state";
/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 2;
/// Schema 1's key for the journey in progress (a route query).
pub const V1_ROUTE_KEY: &str = "support-navigator.v1.route";
/// Schema 1's key for the chosen language (a tag).
pub const V1_LANGUAGE_KEY: &str = "support-navigator.v1.language";
/// Every key an older schema wrote, removed once migrated.
pub const LEGACY_KEYS: [&str; 2] = [V1_ROUTE_KEY, V1_LANGUAGE_KEY];
/// Values longer than this are not even parsed. What we write is a few hundred characters; a
/// route with every question answered stays under 2 KB.
pub const MAX_VALUE_LEN: usize = 8 * 1024;

const SCHEMA_FIELD: &str = "schema";
const LANGUAGE_FIELD: &str = "lang";
const ROUTE_FIELD: &str = "route";

/// What is kept between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredState {
    /// The journey in progress: journey, page and answers. Never a language (the visit's own
    /// language applies when it is resumed) and never the start page.
    pub resume: Option<Route>,
    /// The language chosen with the switcher.
    pub language: Option<UiLanguage>,
}

/// Why stored data was set aside. Each is shown to the visitor as one notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredProblem {
    /// Corrupt, foreign or too large: ignored, and replaced by the next save.
    Unreadable,
    /// Written by a newer version: ignored, and left untouched (nothing is saved this visit).
    Newer,
}

/// The outcome of reading storage at start-up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// What can be used (the default when nothing usable was found).
    pub state: StoredState,
    /// What was set aside, if anything.
    pub problem: Option<StoredProblem>,
    /// True when the state came from schema 1 keys: write it as a record, then remove them.
    pub migrated: bool,
}

impl Loaded {
    /// What a record alone yields: its state, or nothing and why.
    pub fn from_record(decoded: Result<StoredState, StoredProblem>) -> Loaded {
        match decoded {
            Ok(state) => Loaded {
                state,
                ..Loaded::default()
            },
            Err(problem) => Loaded {
                problem: Some(problem),
                ..Loaded::default()
            },
        }
    }

    /// Whether saving may overwrite what is stored (not a newer version's record).
    pub fn may_save(&self) -> bool {
        self.problem != Some(StoredProblem::Newer)
    }
}

impl StoredState {
    /// Keeps `route` as the journey to resume (without its language; the start page is never
    /// kept). Returns whether anything changed.
    pub fn remember_route(&mut self, route: &Route) -> bool {
        if route.journey.is_none() {
            return false;
        }
        let kept = Some(Route {
            language: None,
            ..route.clone()
        });
        let changed = self.resume != kept;
        self.resume = kept;
        changed
    }
}

/// The record for `state`, e.g. `schema=2&lang=nl&route=j%3Dreopen%26v%3D1%26r%3D…`.
pub fn encode(state: &StoredState) -> String {
    let mut out = format!("{SCHEMA_FIELD}={SCHEMA_VERSION}");
    if let Some(language) = state.language {
        out.push_str(&format!("&{LANGUAGE_FIELD}={}", language.tag()));
    }
    if let Some(route) = &state.resume {
        let query = route.to_query();
        out.push_str(&format!(
            "&{ROUTE_FIELD}={}",
            percent_encode(query.trim_start_matches('?'))
        ));
    }
    out
}

/// Reads a record strictly: the state only if every part of it is exactly as this build (or an
/// older schema-2 build) writes it, else what is wrong with it.
pub fn decode(value: &str) -> Result<StoredState, StoredProblem> {
    let loaded = read_record(value);
    match loaded.problem {
        None => Ok(loaded.state),
        Some(problem) => Err(problem),
    }
}

/// Reads a record at start-up, each field on its own: what is understood is kept, and anything
/// else (an unknown or repeated field, a language or route this build cannot read) is dropped
/// and reported. A newer schema or link codec is reported as `Newer`, which the caller must not
/// overwrite; see the module documentation.
pub fn read_record(value: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let mut flag = |problem: StoredProblem| {
        if loaded_problem_rank(Some(problem)) > loaded_problem_rank(loaded.problem) {
            loaded.problem = Some(problem);
        }
    };
    if value.len() > MAX_VALUE_LEN {
        flag(StoredProblem::Unreadable);
        return loaded;
    }
    let mut pairs = query_pairs(value);
    // The schema comes first, so a later version is free to change everything after it; only
    // the language is read from it, a tag whose meaning no schema will change.
    let mut newer = false;
    match pairs.next() {
        Some((key, version)) if key == SCHEMA_FIELD => match version.parse::<u32>() {
            Ok(SCHEMA_VERSION) => {}
            Ok(v) if v > SCHEMA_VERSION => {
                newer = true;
                flag(StoredProblem::Newer);
            }
            // Schema 1 had no record: nothing older was ever written here.
            _ => {
                flag(StoredProblem::Unreadable);
                return loaded;
            }
        },
        _ => {
            flag(StoredProblem::Unreadable);
            return loaded;
        }
    }
    let (mut saw_language, mut saw_route) = (false, false);
    for (key, value) in pairs {
        match key.as_str() {
            LANGUAGE_FIELD if !saw_language => {
                saw_language = true;
                loaded.state.language = language_from_tag(&value);
                if loaded.state.language.is_none() {
                    flag(StoredProblem::Unreadable);
                }
            }
            ROUTE_FIELD if !saw_route && !newer => {
                saw_route = true;
                match resume_from_query(&value) {
                    Ok(route) => loaded.state.resume = Some(route),
                    Err(problem) => flag(problem),
                }
            }
            _ => flag(StoredProblem::Unreadable),
        }
    }
    loaded
}

/// `Newer` outranks `Unreadable`: a record a newer version wrote must be left alone even if
/// this build cannot read other parts of it either.
fn loaded_problem_rank(problem: Option<StoredProblem>) -> u8 {
    match problem {
        None => 0,
        Some(StoredProblem::Unreadable) => 1,
        Some(StoredProblem::Newer) => 2,
    }
}

/// Reads whatever storage holds, newest schema first. `read` returns a key's value (`None` when
/// absent or when storage cannot be read).
pub fn load(read: impl Fn(&str) -> Option<String>) -> Loaded {
    if let Some(record) = read(STATE_KEY) {
        return read_record(&record);
    }
    let route = read(V1_ROUTE_KEY);
    let language = read(V1_LANGUAGE_KEY);
    if route.is_none() && language.is_none() {
        return Loaded::default();
    }
    let (state, problem) = migrate_v1(route.as_deref(), language.as_deref());
    Loaded {
        state,
        problem,
        migrated: true,
    }
}

/// Schema 1 → schema 2. The two keys were written independently, so each is judged on its own:
/// a corrupt route does not cost the visitor their language.
pub fn migrate_v1(
    route: Option<&str>,
    language: Option<&str>,
) -> (StoredState, Option<StoredProblem>) {
    let mut state = StoredState::default();
    let mut problem = None;
    if let Some(tag) = language {
        match language_from_tag(tag) {
            Some(l) => state.language = Some(l),
            None => problem = Some(StoredProblem::Unreadable),
        }
    }
    if let Some(query) = route {
        match resume_from_query(query) {
            Ok(resume) => state.resume = Some(resume),
            // Including a route with a newer link codec: every build newer than this one writes
            // a record instead, so no genuine schema 1 value can carry one. It is foreign, not
            // precious, and the migration replaces it like any other junk.
            Err(_) => problem = Some(StoredProblem::Unreadable),
        }
    }
    (state, problem)
}

fn language_from_tag(tag: &str) -> Option<UiLanguage> {
    UiLanguage::from_tag(tag).filter(|l| UiLanguage::ALL.contains(l) && l.tag() == tag)
}

/// A stored route query as a journey to resume. Any notice except "the rules changed since"
/// means the value is not one we wrote. The rules changing is expected (every release may
/// change them): the journey resumes under the current rules, like every resumed journey.
fn resume_from_query(query: &str) -> Result<Route, StoredProblem> {
    if query.len() > MAX_VALUE_LEN {
        return Err(StoredProblem::Unreadable);
    }
    let (mut route, notices) = Route::from_query(query);
    if notices.contains(&RouteNotice::NewerLink) {
        return Err(StoredProblem::Newer);
    }
    if notices.iter().any(|n| *n != RouteNotice::RulesChanged) || route.journey.is_none() {
        return Err(StoredProblem::Unreadable);
    }
    route.language = None;
    Ok(route)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::answers::Answers;
    use crate::policy::data::RULESET_VERSION;
    use crate::policy::Journey;
    use crate::state::Page;
    use std::collections::HashMap;

    fn storage(entries: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |key| map.get(key).cloned()
    }

    fn reopen_route() -> Route {
        Route {
            journey: Some(Journey::Reopen),
            page: Page::Check,
            answers: Answers::from_pairs([("same_build", "yes")]).expect("valid"),
            language: None,
        }
    }

    #[test]
    fn a_record_round_trips() {
        for language in [None, Some(UiLanguage::NorwegianBokmal)] {
            for resume in [None, Some(reopen_route())] {
                let state = StoredState { resume, language };
                assert_eq!(decode(&encode(&state)), Ok(state));
            }
        }
        assert_eq!(encode(&StoredState::default()), "schema=2");
    }

    #[test]
    fn nothing_stored_is_nothing_loaded() {
        assert_eq!(load(storage(&[])), Loaded::default());
    }

    #[test]
    fn schema_1_keys_are_migrated() {
        let v1_route = format!("j=reopen&p=check&same_build=yes&v=1&r={RULESET_VERSION}&lang=nl");
        let loaded = load(storage(&[
            (V1_ROUTE_KEY, &v1_route),
            (V1_LANGUAGE_KEY, "nb"),
        ]));
        assert_eq!(
            loaded,
            Loaded {
                state: StoredState {
                    resume: Some(reopen_route()),
                    language: Some(UiLanguage::NorwegianBokmal),
                },
                problem: None,
                migrated: true,
            }
        );
        // Either key alone migrates too.
        let only_language = load(storage(&[(V1_LANGUAGE_KEY, "id")]));
        assert_eq!(only_language.state.language, Some(UiLanguage::Indonesian));
        assert!(only_language.migrated && only_language.problem.is_none());
    }

    #[test]
    fn a_schema_1_route_made_with_other_rules_still_migrates() {
        let loaded = load(storage(&[(V1_ROUTE_KEY, "j=reopen&v=1&r=00000000")]));
        assert_eq!(loaded.problem, None);
        assert_eq!(
            loaded.state.resume.and_then(|r| r.journey),
            Some(Journey::Reopen)
        );
    }

    #[test]
    fn a_corrupt_schema_1_key_loses_only_itself() {
        let loaded = load(storage(&[
            (V1_ROUTE_KEY, "%%%{{not a route"),
            (V1_LANGUAGE_KEY, "nl"),
        ]));
        assert_eq!(loaded.state.language, Some(UiLanguage::Dutch));
        assert_eq!(loaded.state.resume, None);
        assert_eq!(loaded.problem, Some(StoredProblem::Unreadable));
        assert!(loaded.may_save());

        let loaded = load(storage(&[(
            V1_LANGUAGE_KEY,
            "<img src=x onerror=alert(1)>",
        )]));
        assert_eq!(loaded.state, StoredState::default());
        assert_eq!(loaded.problem, Some(StoredProblem::Unreadable));
    }

    #[test]
    fn a_schema_1_route_claiming_a_newer_link_codec_is_junk() {
        // Newer builds write a record, so this can only be corrupt or foreign: replaced.
        let loaded = load(storage(&[(
            V1_ROUTE_KEY,
            "v=99&j=open-request&product=ce_app",
        )]));
        assert_eq!(loaded.problem, Some(StoredProblem::Unreadable));
        assert!(loaded.may_save());
    }

    #[test]
    fn the_record_wins_over_schema_1_keys() {
        let record = encode(&StoredState {
            resume: None,
            language: Some(UiLanguage::Indonesian),
        });
        let loaded = load(storage(&[(STATE_KEY, &record), (V1_LANGUAGE_KEY, "nl")]));
        assert_eq!(loaded.state.language, Some(UiLanguage::Indonesian));
        assert!(!loaded.migrated);
    }

    #[test]
    fn records_from_newer_versions_are_refused_and_protected() {
        for value in ["schema=3", "schema=3&anything=at all", "schema=4294967295"] {
            let loaded = load(storage(&[(STATE_KEY, value)]));
            assert_eq!(loaded.problem, Some(StoredProblem::Newer), "{value}");
            assert!(!loaded.may_save());
        }
    }

    #[test]
    fn anything_else_is_unreadable() {
        let too_long = format!("schema=2&lang=nl&x={}", "a".repeat(MAX_VALUE_LEN));
        for value in [
            "",
            "schema",
            "schema=",
            "schema=two",
            "schema=-1",
            "schema=1",
            "schema=0",
            "lang=nl&schema=2",
            "{\"schema\":2}",
            "schema=2&lang=xx",
            "schema=2&lang=en-XA",
            "schema=2&lang=NL",
            "schema=2&lang=nl&lang=nb",
            "schema=2&extra=1",
            "schema=2&route=",
            "schema=2&route=j%3Dnowhere",
            "schema=2&route=lang%3Dnl",
            "schema=2&route=j%3Dreopen%26same_build%3Dperhaps",
            "schema=2&route=j%3Dreopen%26v%3D99",
            too_long.as_str(),
        ] {
            let expected = if value.ends_with("v%3D99") {
                StoredProblem::Newer
            } else {
                StoredProblem::Unreadable
            };
            assert_eq!(decode(value), Err(expected), "{value:?}");
        }
    }

    #[test]
    fn a_record_with_a_part_this_build_cannot_read_keeps_the_rest() {
        // A newer build (then rolled back) saved a journey with an option this build lacks.
        let newer_option = format!(
            "schema=2&lang=nl&route={}",
            percent_encode("j=open-request&product=tomorrows_product&v=1&r=ffffffff")
        );
        let loaded = load(storage(&[(STATE_KEY, &newer_option)]));
        assert_eq!(loaded.state.language, Some(UiLanguage::Dutch));
        assert_eq!(loaded.state.resume, None);
        assert_eq!(loaded.problem, Some(StoredProblem::Unreadable));
        assert!(loaded.may_save());

        // A newer link codec, or a newer schema: the language is used, the record left alone.
        for value in [
            "schema=2&lang=nb&route=j%3Dreopen%26v%3D99",
            "schema=3&lang=nb&route=whatever",
            // A route is never taken from a newer schema, whose routes may mean something else.
            "schema=3&lang=nb&route=j%3Dreopen%26same_build%3Dyes%26v%3D1",
        ] {
            let loaded = load(storage(&[(STATE_KEY, value)]));
            assert_eq!(loaded.state.resume, None, "{value}");
            assert_eq!(
                loaded.state.language,
                Some(UiLanguage::NorwegianBokmal),
                "{value}"
            );
            assert_eq!(loaded.problem, Some(StoredProblem::Newer), "{value}");
            assert!(!loaded.may_save(), "{value}");
        }

        // An unknown field costs nothing else; a good route next to a bad language is kept.
        let route = percent_encode(reopen_route().to_query().trim_start_matches('?'));
        let loaded = read_record(&format!("schema=2&lang=xx&extra=1&route={route}"));
        assert_eq!(loaded.state.resume, Some(reopen_route()));
        assert_eq!(loaded.state.language, None);
        assert_eq!(loaded.problem, Some(StoredProblem::Unreadable));

        // No schema we know, nothing kept.
        for value in ["lang=nl&schema=2", "schema=1&lang=nl", "schema=x&lang=nl"] {
            assert_eq!(read_record(value).state, StoredState::default(), "{value}");
        }
    }

    #[test]
    fn remembering_drops_the_language_and_ignores_the_start_page() {
        let mut state = StoredState::default();
        assert!(!state.remember_route(&Route::default()));
        let with_language = Route {
            language: Some(UiLanguage::Dutch),
            ..reopen_route()
        };
        assert!(state.remember_route(&with_language));
        assert_eq!(state.resume, Some(reopen_route()));
        assert!(!state.remember_route(&with_language));
    }
}
