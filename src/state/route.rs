//! The route: which page the visitor is on and every answer so far, encoded in the URL query so
//! that any page can be bookmarked, shared and reloaded.
//!
//! `?j=open-request&p=impact&product=ce_app&issue=break_fix&v=1&r=1a2b3c4d&lang=nl`
//!
//! * `j` journey slug, `p` page (a question id, `check` or `result`), `lang` interface language;
//! * one parameter per answered question, keyed by the question's stable id;
//! * `v` the codec version (links are versioned from day one, so later builds can migrate them);
//! * `r` the ruleset fingerprint when the link was made: a link made with other rules still
//!   opens, and the page says the rules have changed since.
//!
//! Decoding is total: unknown parameters are ignored, values that are not understood are dropped
//! with a notice, and nothing panics.

use crate::engine::answers::{parse_answer, Answers};
use crate::policy::data::{question_index, QUESTIONS, RULESET_VERSION};
use crate::policy::Journey;
use crate::state::UiLanguage;

pub const JOURNEY_PARAM: &str = "j";
pub const PAGE_PARAM: &str = "p";
pub const LANGUAGE_PARAM: &str = "lang";
pub const VERSION_PARAM: &str = "v";
pub const RULES_PARAM: &str = "r";
/// The version of this encoding. Bump it (and migrate older links in `from_query`) when the
/// meaning of a parameter changes.
pub const CODEC_VERSION: u32 = 1;

/// A page within a journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Page {
    /// Whatever the flow says comes next.
    #[default]
    Next,
    /// A question, by index.
    Question(u8),
    /// Check your answers.
    Check,
    /// The result.
    Result,
}

/// Where the visitor is and what they answered. `journey: None` is the start page.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Route {
    pub journey: Option<Journey>,
    pub page: Page,
    pub answers: Answers,
    pub language: Option<UiLanguage>,
}

/// Something in the URL that was not understood and therefore ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteNotice {
    UnknownJourney,
    UnknownLanguage,
    UnknownPage,
    /// An answer value that is not valid for its question (the question id is kept).
    BadAnswer(&'static str),
    /// The link was made with a newer codec than this build understands.
    NewerLink,
    /// The link was made with a different rule set.
    RulesChanged,
}

impl Route {
    /// Decodes a URL query (with or without the leading `?`).
    pub fn from_query(query: &str) -> (Route, Vec<RouteNotice>) {
        let mut route = Route::default();
        let mut notices = Vec::new();
        let mut page = None;
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                JOURNEY_PARAM => match Journey::from_slug(&value) {
                    Some(j) => route.journey = Some(j),
                    None => notices.push(RouteNotice::UnknownJourney),
                },
                LANGUAGE_PARAM => match UiLanguage::from_tag(&value) {
                    Some(l) => route.language = Some(l),
                    None => notices.push(RouteNotice::UnknownLanguage),
                },
                PAGE_PARAM => page = Some(value),
                VERSION_PARAM => {
                    // Only a version number above ours is a newer link. Anything else (`-1`,
                    // text) was written by no version at all: ignored like a missing `v`; the
                    // answers are still checked one by one.
                    if value.parse::<u32>().is_ok_and(|v| v > CODEC_VERSION) {
                        notices.push(RouteNotice::NewerLink);
                    }
                }
                RULES_PARAM => {
                    if value != RULESET_VERSION {
                        notices.push(RouteNotice::RulesChanged);
                    }
                }
                other => {
                    if let Some(q) = question_index(other) {
                        match parse_answer(q, &value) {
                            Ok(a) => {
                                route.answers.set_index(q, a);
                            }
                            Err(_) => notices.push(RouteNotice::BadAnswer(
                                QUESTIONS.get(usize::from(q)).map_or("", |d| d.id),
                            )),
                        }
                    }
                }
            }
        }
        route.page = match page.as_deref() {
            None | Some("") => Page::Next,
            Some("check") => Page::Check,
            Some("result") => Page::Result,
            Some(id) => match question_index(id) {
                Some(q) => Page::Question(q),
                None => {
                    notices.push(RouteNotice::UnknownPage);
                    Page::Next
                }
            },
        };
        if route.journey.is_none() {
            // Answers without a journey cannot be placed; the start page ignores them.
            route.answers = Answers::new();
            route.page = Page::Next;
        }
        notices.dedup();
        (route, notices)
    }

    /// Encodes the route as a query string starting with `?`, or `""` for the bare start page.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(j) = self.journey {
            parts.push(format!("{JOURNEY_PARAM}={}", j.slug()));
            match self.page {
                Page::Next => {}
                Page::Question(q) => {
                    if let Some(def) = QUESTIONS.get(usize::from(q)) {
                        parts.push(format!("{PAGE_PARAM}={}", def.id));
                    }
                }
                Page::Check => parts.push(format!("{PAGE_PARAM}=check")),
                Page::Result => parts.push(format!("{PAGE_PARAM}=result")),
            }
            for (q, value) in self.answers.pairs() {
                parts.push(format!("{q}={}", percent_encode(&value)));
            }
            parts.push(format!("{VERSION_PARAM}={CODEC_VERSION}"));
            parts.push(format!("{RULES_PARAM}={RULESET_VERSION}"));
        }
        if let Some(l) = self.language {
            parts.push(format!("{LANGUAGE_PARAM}={}", l.tag()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Splits `a=1&b=2` into decoded pairs. Malformed percent-escapes are kept literally.
pub(crate) fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
}

/// Escapes everything but unreserved characters and `/` (time-zone names stay readable).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_query_is_the_start_page() {
        assert_eq!(Route::from_query(""), (Route::default(), vec![]));
        assert_eq!(Route::from_query("?"), (Route::default(), vec![]));
        assert_eq!(Route::default().to_query(), "");
    }

    #[test]
    fn routes_with_answers_round_trip() {
        let answers = Answers::from_pairs([
            ("product", "ce_app"),
            ("issue", "break_fix"),
            ("time_zone", "America/Los_Angeles"),
            ("closed_date", "2025-01-22"),
            ("incidents_left", "6"),
        ])
        .expect("valid");
        for page in [
            Page::Next,
            Page::Check,
            Page::Result,
            Page::Question(question_index("impact").expect("exists")),
        ] {
            for language in [None, Some(UiLanguage::Dutch)] {
                let route = Route {
                    journey: Some(Journey::OpenRequest),
                    page,
                    answers,
                    language,
                };
                assert_eq!(Route::from_query(&route.to_query()), (route, vec![]));
            }
        }
    }

    #[test]
    fn unknown_values_fall_back_with_a_notice() {
        let (route, notices) = Route::from_query("?j=%3Cscript%3E&lang=xx&other=1");
        assert_eq!(route, Route::default());
        assert_eq!(
            notices,
            vec![RouteNotice::UnknownJourney, RouteNotice::UnknownLanguage]
        );
        let (route, notices) =
            Route::from_query("?j=reopen&product=<b>&same_build=yes&p=nope&v=99&r=00000000");
        assert_eq!(route.journey, Some(Journey::Reopen));
        assert_eq!(route.answers.choice_id("same_build"), Some("yes"));
        assert_eq!(route.answers.choice_id("product"), None);
        assert!(notices.contains(&RouteNotice::BadAnswer("product")));
        assert!(notices.contains(&RouteNotice::UnknownPage));
        assert!(notices.contains(&RouteNotice::NewerLink));
        assert!(notices.contains(&RouteNotice::RulesChanged));
    }

    #[test]
    fn only_a_higher_version_number_is_a_newer_link() {
        for v in ["-1", "one", "", "1.5", "0x2"] {
            let (route, notices) = Route::from_query(&format!("j=reopen&same_build=yes&v={v}"));
            assert!(!notices.contains(&RouteNotice::NewerLink), "v={v}");
            assert_eq!(route.answers.choice_id("same_build"), Some("yes"), "v={v}");
        }
        let (_, notices) = Route::from_query(&format!("j=reopen&v={}", CODEC_VERSION + 1));
        assert_eq!(notices, vec![RouteNotice::NewerLink]);
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%41+b"), "A b");
        assert_eq!(percent_decode("%ff%fe"), "\u{fffd}\u{fffd}");
    }
}
