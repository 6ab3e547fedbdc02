//! Properties of the engine over arbitrary input, including answer combinations no journey would
//! ever ask together: evaluation never panics, is deterministic, and every conclusion in the
//! outcome has at least one fired rule behind it.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use support_navigator::engine::evaluate::DERIVED_RULE;
use support_navigator::engine::{evaluate_with, next_question, prune, Answer, Answers, Context};
use support_navigator::hours::{CustomerZone, SUPPORTED_ZONES};
use support_navigator::policy::data::{QUESTIONS, RULES};
use support_navigator::policy::model::QuestionKind;
use support_navigator::policy::Journey;

fn arb_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<_> = QUESTIONS
        .iter()
        .map(|q| {
            let n = q.options.len().max(1) as u8;
            (
                any::<bool>(),
                0..n,
                -20_000i64..20_000,
                any::<u32>(),
                0..SUPPORTED_ZONES.len(),
            )
                .prop_map(move |(present, opt, day, count, zone)| {
                    if !present {
                        return None;
                    }
                    Some(match q.kind {
                        QuestionKind::Choice => Answer::Choice(opt),
                        QuestionKind::Date => Answer::Date(
                            NaiveDate::from_ymd_opt(2025, 1, 1)
                                .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(day)))
                                .unwrap_or_default(),
                        ),
                        QuestionKind::Count => Answer::Count(count),
                        QuestionKind::Zone => Answer::Zone(
                            CustomerZone::parse(SUPPORTED_ZONES[zone]).expect("listed"),
                        ),
                    })
                })
        })
        .collect();
    per_question.prop_map(|values| {
        let mut answers = Answers::new();
        for (q, v) in values.into_iter().enumerate() {
            if let Some(a) = v {
                assert!(answers.set_index(q as u8, a));
            }
        }
        answers
    })
}

fn arb_instant() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    // From 1900 to 2200, and sometimes no clock at all.
    prop_oneof![
        1 => Just(None),
        9 => (-2_208_988_800i64..7_258_118_400).prop_map(|s| Utc.timestamp_opt(s, 0).single()),
    ]
}

fn arb_holidays() -> impl Strategy<Value = Vec<NaiveDate>> {
    proptest::collection::vec(0i64..800, 0..6).prop_map(|days| {
        days.into_iter()
            .filter_map(|d| {
                NaiveDate::from_ymd_opt(2024, 12, 1)?.checked_add_signed(chrono::TimeDelta::days(d))
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn evaluation_is_total_deterministic_and_traceable(
        answers in arb_answers(), now in arb_instant(), holidays in arb_holidays()
    ) {
        let ctx = Context { now, holidays: &holidays };
        let out = evaluate_with(&answers, &ctx);
        prop_assert_eq!(&out, &evaluate_with(&answers, &ctx));

        for (slot, value) in out.slots.iter().enumerate() {
            if let Some(v) = value {
                if v.rule == DERIVED_RULE {
                    continue;
                }
                prop_assert!(usize::from(v.rule) < RULES.len());
                prop_assert!(out.fired.contains(&v.rule), "slot {slot} set by a rule that did not fire");
            }
        }
        for o in &out.overrides {
            prop_assert!(out.fired.contains(&o.winner) && out.fired.contains(&o.loser));
        }
        if let Some(r) = out.response {
            prop_assert!(out.value("response").is_some());
            prop_assert!(out.fired.contains(&r.clock_rule));
        }
        if out.language_window_opens.is_some() {
            prop_assert_eq!(out.value("language_now"), Some("requested_outside_hours"));
        }
    }

    #[test]
    fn the_flow_never_asks_an_answered_question_and_prune_is_stable(answers in arb_answers()) {
        for journey in Journey::ALL {
            if let Some(q) = next_question(&answers, journey) {
                prop_assert!(answers.get(q).is_none());
            }
            let pruned = prune(&answers, journey);
            prop_assert_eq!(prune(&pruned, journey), pruned);
        }
    }
}
