//! Compare plans, the reverse way: "which plans give me X?", and how to buy or upgrade. Each
//! answer is the engine's own outcome for a what-if (the visitor's answers with another plan,
//! impact, language or time); this component only picks which outcome field it shows.

use crate::engine::{evaluate_with, Answer, Answers, Context, Outcome};
use crate::i18n::{td_string, Locale};
use crate::policy::data::{q, QUESTIONS};
use crate::policy::model::Section;
use crate::policy::text::TextId;
use crate::ui::language::{locale, use_language};
use crate::ui::policy_text::use_policy_texts;
use chrono::{TimeZone, Utc};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Wish {
    AroundTheClockB,
    CriticalWithinHour,
    Advisory,
    JapaneseAtNight,
}

const WISHES: [Wish; 4] = [
    Wish::AroundTheClockB,
    Wish::CriticalWithinHour,
    Wish::Advisory,
    Wish::JapaneseAtNight,
];

fn wish_label(l: Locale, w: Wish) -> &'static str {
    match w {
        Wish::AroundTheClockB => td_string!(l, result.wish_b_24x7),
        Wish::CriticalWithinHour => td_string!(l, result.wish_critical_hour),
        Wish::Advisory => td_string!(l, result.wish_advisory),
        Wish::JapaneseAtNight => td_string!(l, result.wish_japanese_night),
    }
}

fn with(answers: &Answers, pairs: &[(&str, &str)]) -> Answers {
    let mut a = *answers;
    for (question, value) in pairs {
        let _ = a.set(question, value);
    }
    a
}

/// Whether the engine's outcome for `plan` under the wish's what-if grants the wish.
fn grants(answers: &Answers, plan: u8, wish: Wish) -> bool {
    let mut a = *answers;
    a.set_index(q::PLAN, Answer::Choice(plan));
    let weekday_noon = Utc.with_ymd_and_hms(2025, 2, 5, 20, 0, 0).single();
    let (a, now) = match wish {
        Wish::AroundTheClockB => (
            with(&a, &[("impact", "moderate"), ("b_clock", "business_hours")]),
            weekday_noon,
        ),
        Wish::CriticalWithinHour => (with(&a, &[("impact", "critical")]), weekday_noon),
        Wish::Advisory => (with(&a, &[("issue", "advisory")]), weekday_noon),
        // 02:00 in Tokyo on a Wednesday, outside Japan's business hours.
        Wish::JapaneseAtNight => (
            with(
                &a,
                &[
                    ("impact", "critical"),
                    ("region", "japan"),
                    ("time_zone", "Asia/Tokyo"),
                    ("language", "japanese"),
                ],
            ),
            Utc.with_ymd_and_hms(2025, 2, 4, 17, 0, 0).single(),
        ),
    };
    let out: Outcome = evaluate_with(&a, &Context { now, holidays: &[] });
    match wish {
        Wish::AroundTheClockB => out.response.is_some_and(|r| r.around_the_clock),
        Wish::CriticalWithinHour => out.response.is_some_and(|r| r.minutes <= 60),
        Wish::Advisory => out.value("coverage") == Some("covered"),
        Wish::JapaneseAtNight => out.value("language_now") == Some("requested_may_be_available"),
    }
}

#[component]
pub fn PlanFinder(answers: Answers) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let wish = RwSignal::new(Wish::AroundTheClockB);
    let plans = QUESTIONS
        .get(usize::from(q::PLAN))
        .map_or(0, |d| d.options.len());
    let radios = WISHES
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let id = format!("wish-{i}");
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" name="wish" id=id.clone()
                        prop:checked=move || wish.get() == w on:change=move |_| wish.set(w) />
                    <label class="radios__label" for=id>{move || wish_label(loc(), w)}</label>
                </div>
            }
        })
        .collect_view();
    let answer = move || {
        let l = loc();
        let w = wish.get();
        let texts = use_policy_texts();
        let names: Vec<String> = (0..plans)
            .filter_map(|p| u8::try_from(p).ok())
            .filter(|&p| grants(&answers, p, w))
            .map(|p| texts.option(q::PLAN, p))
            .collect();
        if names.is_empty() {
            td_string!(l, result.wish_none).to_string()
        } else {
            format!("{} {}", td_string!(l, result.wish_plans), names.join(", "))
        }
    };
    view! {
        <section class="result-section" aria-labelledby="finder-title">
            <h2 id="finder-title">{move || td_string!(loc(), result.finder_title)}</h2>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{move || td_string!(loc(), result.finder_legend)}</legend>
                <div class="radios">{radios}</div>
            </fieldset>
            <p class="finder__answer" role="status" aria-live="polite">{answer}</p>
        </section>
        <HowToBuy answers />
    }
}

/// A way to buy: its label and the billing-journey answers that describe it.
type BuyCase = (
    fn(Locale) -> &'static str,
    [(&'static str, &'static str); 2],
);

/// How to buy or upgrade, as the billing journey's rules answer it for this product.
#[component]
fn HowToBuy(answers: Answers) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let product = answers.choice_id("product").unwrap_or("ce_app");
    let cases: [BuyCase; 3] = [
        (
            |l| td_string!(l, result.buy_online),
            [
                ("billing_topic", "buy_plan"),
                ("purchase_channel", "online"),
            ],
        ),
        (
            |l| td_string!(l, result.buy_ea),
            [("billing_topic", "buy_plan"), ("purchase_channel", "ea")],
        ),
        (
            |l| td_string!(l, result.buy_premier),
            [
                ("billing_topic", "buy_premier"),
                ("purchase_channel", "none_yet"),
            ],
        ),
    ];
    let rows = cases
        .into_iter()
        .map(|(label, pairs)| {
            let mut a = with(&Answers::new(), &pairs);
            let _ = a.set("product", product);
            let out = evaluate_with(&a, &Context::default());
            let route = crate::policy::data::slot_index("route").and_then(|s| {
                let v = out.slots.get(usize::from(s)).copied().flatten()?;
                Some((s, v.value))
            });
            let policy = use_policy_texts();
            let rules: Vec<usize> = out
                .shown_in(Section::Billing)
                .chain(out.shown_in(Section::Where))
                .map(|(i, _)| i)
                .take(2)
                .collect();
            view! {
                <div class="answer__row">
                    <dt>{move || label(loc())}</dt>
                    <dd>
                        {move || route.map(|(s, v)| policy.slot_value(s, v))}
                        {rules.into_iter().map(|i| view! { <br/> <span class="hint">{move || policy.get(TextId::rule(i))}</span> }).collect_view()}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="result-section" aria-labelledby="buy-title">
            <h2 id="buy-title">{move || td_string!(loc(), result.buy_title)}</h2>
            <dl class="answer__list">{rows}</dl>
        </section>
    }
}
