//! Properties of the presentation parameters (`state::embed_config`) over arbitrary input: every
//! valid configuration survives `to_query` → `parse` unchanged and without problems, also next to
//! the route's own parameters; any query at all parses without panicking, and what it yields is
//! already canonical (encoding and parsing it again changes nothing).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;
use support_navigator::engine::Answers;
use support_navigator::policy::Journey;
use support_navigator::state::embed_config::{Rgb, MAX_HOLIDAYS};
use support_navigator::state::{EmbedConfig, Page, Route, Theme, UiLanguage};

fn arb_theme() -> impl Strategy<Value = Option<Theme>> {
    prop_oneof![
        Just(None),
        Just(Some(Theme::Light)),
        Just(Some(Theme::Dark)),
        Just(Some(Theme::Contrast)),
    ]
}

fn arb_holidays() -> impl Strategy<Value = Vec<NaiveDate>> {
    // Mostly years 1 to 9999 (`yyyy-mm-dd`), sometimes any date chrono can hold: other years are
    // written with a sign (`+12345-01-01`, escaped in the query) and must read back too.
    let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
    let day = prop_oneof![
        3 => (0i64..3_652_058).prop_filter_map("in range", |d| {
            NaiveDate::from_ymd_opt(1, 1, 1)?.checked_add_signed(chrono::TimeDelta::days(d))
        }),
        1 => (0..=(max - min).num_days()).prop_filter_map("in range", move |d| {
            min.checked_add_signed(chrono::TimeDelta::days(d))
        }),
    ];
    proptest::collection::vec(day, 0..=MAX_HOLIDAYS).prop_map(|mut dates| {
        dates.sort_unstable();
        dates.dedup();
        dates
    })
}

fn arb_origin() -> impl Strategy<Value = Option<String>> {
    let host = prop_oneof![
        "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?){0,3}",
        Just("127.0.0.1".to_string()),
        Just("[::1]".to_string()),
    ];
    let port = prop_oneof![Just(None), (1u16..=65535).prop_map(Some)];
    prop_oneof![
        1 => Just(None),
        3 => (prop_oneof![Just("http"), Just("https")], host, port).prop_map(|(scheme, host, port)| {
            // The canonical form leaves out the scheme's default port.
            let default = if scheme == "http" { 80 } else { 443 };
            Some(match port {
                Some(p) if p != default => format!("{scheme}://{host}:{p}"),
                _ => format!("{scheme}://{host}"),
            })
        }),
    ]
}

/// Valid configurations only: an accent is kept when it is readable on its theme's background.
fn arb_config() -> impl Strategy<Value = EmbedConfig> {
    (
        any::<bool>(),
        arb_theme(),
        proptest::option::of(any::<(u8, u8, u8)>()),
        arb_holidays(),
        arb_origin(),
    )
        .prop_map(|(embedded, theme, accent, holidays, origin)| {
            let background = theme.unwrap_or(Theme::Light);
            let accent = accent.map(|(r, g, b)| Rgb::new(r, g, b)).filter(|c| {
                c.contrast_ratio(background.background()) >= background.min_accent_contrast()
            });
            EmbedConfig {
                embedded,
                theme,
                accent,
                holidays,
                origin,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_valid_configuration_round_trips(config in arb_config()) {
        prop_assert_eq!(EmbedConfig::parse(&config.to_query()), (config.clone(), vec![]));
        prop_assert_eq!(
            EmbedConfig::parse(&format!("?{}", config.to_query())),
            (config, vec![])
        );
    }

    #[test]
    fn route_and_presentation_parameters_do_not_disturb_each_other(
        config in arb_config(), language in 0usize..4, with_answer in any::<bool>()
    ) {
        let mut answers = Answers::new();
        if with_answer {
            prop_assert!(answers.set("product", "ce_app").is_ok());
        }
        let route = Route {
            journey: Some(Journey::OpenRequest),
            page: Page::Next,
            answers,
            language: UiLanguage::ALL.get(language).copied(),
        };
        let query = config.append_to_query(&route.to_query());
        prop_assert_eq!(Route::from_query(&query), (route, vec![]));
        prop_assert_eq!(EmbedConfig::parse(&query), (config, vec![]));
    }

    #[test]
    fn any_query_parses_to_a_canonical_configuration(
        pairs in proptest::collection::vec(
            (
                prop_oneof![
                    Just("embed".to_string()), Just("theme".to_string()), Just("accent".to_string()),
                    Just("holidays".to_string()), Just("origin".to_string()), "\\PC{0,6}",
                ],
                prop_oneof![
                    "\\PC{0,24}",
                    "[0-9a-fA-F]{3,6}",
                    "(1|0|light|dark|contrast)",
                    "([0-9]{4}-[0-9]{2}-[0-9]{2},?){1,4}",
                    "https?://[a-z.:0-9\\[\\]/]{0,20}",
                ],
            ),
            0..8,
        )
    ) {
        let query: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        let (config, problems) = EmbedConfig::parse(&query);
        prop_assert_eq!(EmbedConfig::parse(&config.to_query()), (config.clone(), vec![]));
        prop_assert!(config.holidays.len() <= MAX_HOLIDAYS);
        prop_assert!(config.holidays.windows(2).all(|w| w[0] < w[1]));
        for p in &problems {
            let text = p.to_string();
            prop_assert!(text.contains(p.param()));
            prop_assert!(text.chars().count() < 400, "warnings stay short: {}", text);
        }
    }
}
