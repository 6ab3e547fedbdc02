//! The route: which page the visitor is on, encoded in the URL query so that every page can be
//! bookmarked and shared. `?j=<journey slug>&lang=<tag>`.
//!
//! Parameter names are short and stable: links made today must open in every later build.

use crate::policy::Journey;
use crate::state::UiLanguage;

/// Query parameter holding the journey slug.
pub const JOURNEY_PARAM: &str = "j";
/// Query parameter holding the interface language.
pub const LANGUAGE_PARAM: &str = "lang";

/// Where the visitor is. `journey: None` is the start page.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Route {
    pub journey: Option<Journey>,
    pub language: Option<UiLanguage>,
}

/// Something in the URL that was not understood and therefore ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteNotice {
    UnknownJourney,
    UnknownLanguage,
}

impl Route {
    /// Decodes a URL query (with or without the leading `?`). Total: unknown parameters are
    /// ignored, unknown values are reported as notices and fall back to the start page / the
    /// default language.
    pub fn from_query(query: &str) -> (Route, Vec<RouteNotice>) {
        let mut route = Route::default();
        let mut notices = Vec::new();
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
                _ => {}
            }
        }
        notices.dedup();
        (route, notices)
    }

    /// Encodes the route as a query string starting with `?`, or `""` for the bare start page.
    /// Only ASCII slugs and tags are written, so no escaping is needed.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(j) = self.journey {
            parts.push(format!("{JOURNEY_PARAM}={}", j.slug()));
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
fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
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
    fn every_route_round_trips() {
        for journey in Journey::ALL.into_iter().map(Some).chain([None]) {
            for language in UiLanguage::ALL.into_iter().map(Some).chain([None]) {
                let route = Route { journey, language };
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
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%41+b"), "A b");
        assert_eq!(percent_decode("%ff%fe"), "\u{fffd}\u{fffd}");
        let (route, _) = Route::from_query("j=open%2Drequest");
        assert_eq!(route.journey, Some(Journey::OpenRequest));
    }
}
