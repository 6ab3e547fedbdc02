//! `decode(encode(x)) == x`, with no notice, for arbitrary valid values of what the app writes
//! and reads back: the route (deep links), the kiosk configuration, the record kept on the
//! device (`state::stored`) and content packs. The
//! fuzz targets (src/fuzz_checks.rs) check the other direction: whatever any input decodes to
//! is canonical. The embed configuration's round trip lives with its other properties in
//! tests/embed_config.rs.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;
use support_navigator::engine::{Answer, Answers};
use support_navigator::hours::{CustomerZone, SUPPORTED_ZONES};
use support_navigator::policy::data::QUESTIONS;
use support_navigator::policy::model::QuestionKind;
use support_navigator::policy::text::{index, native, Pack, TextId};
use support_navigator::policy::Journey;
use support_navigator::state::kiosk_config::{IDLE_SECS, MAX_BASE_LEN};
use support_navigator::state::stored::{decode, encode};
use support_navigator::state::{KioskConfig, Page, Route, StoredState, UiLanguage};

/// Any date chrono can hold, years -262143 to 262142: `yyyy-mm-dd` grows a sign and more
/// digits outside 0..=9999, and must still read back.
fn arb_date() -> impl Strategy<Value = NaiveDate> {
    let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
    let days = (max - min).num_days();
    prop_oneof![
        // Mostly the years people type; sometimes anything.
        3 => (1900i32..2200, 1u32..=366).prop_filter_map("no such day", |(y, d)| {
            NaiveDate::from_yo_opt(y, d)
        }),
        1 => (0..=days).prop_filter_map("in range", move |d| {
            min.checked_add_signed(chrono::TimeDelta::days(d))
        }),
    ]
}

/// For each question, nothing or an answer of its kind: any option, date, count or zone.
fn arb_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<BoxedStrategy<Option<Answer>>> = QUESTIONS
        .iter()
        .map(|q| {
            let answer: BoxedStrategy<Answer> = match q.kind {
                QuestionKind::Choice => {
                    let n = u8::try_from(q.options.len()).unwrap_or(u8::MAX);
                    (0..n).prop_map(Answer::Choice).boxed()
                }
                QuestionKind::Date => arb_date().prop_map(Answer::Date).boxed(),
                QuestionKind::Count => any::<u32>().prop_map(Answer::Count).boxed(),
                QuestionKind::Zone => proptest::sample::select(SUPPORTED_ZONES)
                    .prop_filter_map("compiled in", CustomerZone::parse)
                    .prop_map(Answer::Zone)
                    .boxed(),
            };
            proptest::option::of(answer).boxed()
        })
        .collect();
    per_question.prop_map(|values| {
        let mut answers = Answers::new();
        for (q, value) in values.into_iter().enumerate() {
            if let (Ok(q), Some(a)) = (u8::try_from(q), value) {
                assert!(
                    answers.set_index(q, a),
                    "the strategy makes fitting answers"
                );
            }
        }
        answers
    })
}

fn arb_page() -> impl Strategy<Value = Page> {
    let questions = u8::try_from(QUESTIONS.len()).unwrap_or(u8::MAX);
    prop_oneof![
        Just(Page::Next),
        Just(Page::Check),
        Just(Page::Result),
        (0..questions).prop_map(Page::Question),
    ]
}

fn arb_language() -> impl Strategy<Value = Option<UiLanguage>> {
    proptest::option::of(proptest::sample::select(
        UiLanguage::ALL
            .into_iter()
            .chain([UiLanguage::Pseudo])
            .collect::<Vec<_>>(),
    ))
}

/// A route as the app can hold it: the start page (no journey, so no answers and no page) or
/// any journey with any page and any answers, in any language.
fn arb_route() -> impl Strategy<Value = Route> {
    let start = arb_language().prop_map(|language| Route {
        language,
        ..Route::default()
    });
    let journey = (
        proptest::sample::select(Journey::ALL.to_vec()),
        arb_page(),
        arb_answers(),
        arb_language(),
    )
        .prop_map(|(journey, page, answers, language)| Route {
            journey: Some(journey),
            page,
            answers,
            language,
        });
    prop_oneof![1 => start, 4 => journey]
}

/// A record as the app keeps it: a journey to resume (never the start page, never a language)
/// and a language chosen with the switcher (one of the offered ones).
fn arb_stored() -> impl Strategy<Value = StoredState> {
    let resume = arb_route().prop_filter_map("a journey", |route| {
        route.journey.map(|_| Route {
            language: None,
            ..route
        })
    });
    (
        proptest::option::of(resume),
        proptest::option::of(proptest::sample::select(UiLanguage::ALL.to_vec())),
    )
        .prop_map(|(resume, language)| StoredState { resume, language })
}

/// A kiosk configuration in canonical form: off (the default), or on with any idle time and a
/// normalised base address (lowercase scheme and host, no default port, a path).
fn arb_kiosk() -> impl Strategy<Value = KioskConfig> {
    let host = prop_oneof![
        "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?){0,3}",
        Just("127.0.0.1".to_string()),
        Just("[::1]".to_string()),
        Just("[2001:db8::8:800:200c:417a]".to_string()),
    ];
    let port = proptest::option::of(1u16..=65535);
    let path = "(/[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,20}){1,4}";
    let base = (prop_oneof![Just("http"), Just("https")], host, port, path).prop_filter_map(
        "fits the QR code",
        |(scheme, host, port, path)| {
            let default = if scheme == "http" { 80 } else { 443 };
            let port = match port {
                Some(p) if p != default => format!(":{p}"),
                _ => String::new(),
            };
            let base = format!("{scheme}://{host}{port}{path}");
            (base.len() <= MAX_BASE_LEN).then_some(base)
        },
    );
    prop_oneof![
        1 => Just(KioskConfig::default()),
        4 => (IDLE_SECS, proptest::option::of(base)).prop_map(|(idle_secs, base)| KioskConfig {
            enabled: true,
            idle_secs,
            base,
        }),
    ]
}

/// `index::COUNT` texts: any characters but line breaks, and no CR at the end of a text (a pack
/// line's trailing CRs are its line end, so such a text cannot be written; see `Pack::parse`).
fn arb_texts() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[^\n]{0,12}", index::COUNT).prop_map(|texts| {
        texts
            .into_iter()
            .map(|t| t.trim_end_matches('\r').to_string())
            .collect()
    })
}

fn pack_texts(pack: &Pack) -> Vec<&str> {
    (0..index::COUNT)
        .map(|i| pack.get(TextId(u16::try_from(i).unwrap_or(u16::MAX))))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_route_round_trips(route in arb_route()) {
        let query = route.to_query();
        prop_assert_eq!(Route::from_query(&query), (route.clone(), vec![]));
        // A link is also read without its `?` (stored routes are kept that way).
        prop_assert_eq!(
            Route::from_query(query.trim_start_matches('?')),
            (route, vec![])
        );
    }

    #[test]
    fn a_kiosk_configuration_round_trips(config in arb_kiosk()) {
        let query = config.to_query();
        prop_assert_eq!(KioskConfig::parse(&query), (config.clone(), vec![]));
        prop_assert_eq!(KioskConfig::parse(&format!("?{query}")), (config, vec![]));
    }

    #[test]
    fn a_stored_record_round_trips(state in arb_stored()) {
        prop_assert_eq!(decode(&encode(&state)), Ok(state));
    }

    #[test]
    fn route_and_kiosk_parameters_do_not_disturb_each_other(
        route in arb_route(), config in arb_kiosk()
    ) {
        let query = config.append_to_query(&route.to_query());
        prop_assert_eq!(Route::from_query(&query), (route, vec![]));
        prop_assert_eq!(KioskConfig::parse(&query), (config, vec![]));
    }
}

proptest! {
    // Each case writes and parses a whole pack of 870 texts.
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_content_pack_round_trips(
        language in proptest::sample::select(vec!["en", "nl", "nb", "id", "en-XA"]),
        texts in arb_texts(),
        crlf in any::<bool>(),
    ) {
        let mut raw = Pack::write(language, texts.iter().map(String::as_str));
        if crlf {
            raw = raw.replace('\n', "\r\n");
        }
        let pack = Pack::parse(language, raw);
        prop_assert!(pack.is_ok(), "{:?}", pack.err());
        let pack = pack.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(pack.language(), language);
        prop_assert_eq!(pack_texts(&pack), texts.iter().map(String::as_str).collect::<Vec<_>>());
    }
}

#[test]
fn the_real_packs_round_trip() {
    for language in native::LANGUAGES {
        let texts: Vec<&str> = (0..index::COUNT)
            .map(|i| native::text(language, TextId(u16::try_from(i).unwrap_or(u16::MAX))))
            .collect();
        let pack = Pack::parse(language, Pack::write(language, texts.iter().copied()));
        assert_eq!(
            pack.as_ref().map(pack_texts).ok(),
            Some(texts),
            "{language}"
        );
    }
}
