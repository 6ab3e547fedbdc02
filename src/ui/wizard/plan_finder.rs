//! Compare plans, the reverse way: "which plans give me X?", and how to buy or upgrade. The
//! answers are decided in the policy core (`result::plan_finder`); this component lets the
//! visitor pick a wish and writes the answer.

use crate::i18n::{td_string, Locale};
use crate::result::{BuyWay, ResultView, Wish};
use crate::ui::language::{locale, use_language};
use crate::ui::policy_text::use_policy_texts;
use crate::ui::wizard::result_page::row_text;
use leptos::prelude::*;

fn wish_label(l: Locale, w: Wish) -> &'static str {
    match w {
        Wish::AroundTheClockB => td_string!(l, result.wish_b_24x7),
        Wish::CriticalWithinHour => td_string!(l, result.wish_critical_hour),
        Wish::Advisory => td_string!(l, result.wish_advisory),
        Wish::JapaneseAtNight => td_string!(l, result.wish_japanese_night),
    }
}

fn buy_label(l: Locale, way: BuyWay) -> &'static str {
    match way {
        BuyWay::Online => td_string!(l, result.buy_online),
        BuyWay::EnterpriseAgreement => td_string!(l, result.buy_ea),
        BuyWay::Premier => td_string!(l, result.buy_premier),
    }
}

#[component]
pub fn PlanFinder(view: Memo<ResultView>) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let wish = RwSignal::new(Wish::AroundTheClockB);
    let radios = Wish::ALL
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
    let texts = use_policy_texts();
    let answer = move || {
        let l = loc();
        let w = wish.get();
        let names: Vec<String> = view.with(|v| {
            v.plan_finder
                .iter()
                .find(|a| a.wish == w)
                .map(|a| a.plan_names.iter().map(|&id| texts.get(id)).collect())
                .unwrap_or_default()
        });
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
        <HowToBuy view />
    }
}

/// How to buy or upgrade, as the billing journey's rules answer it for this product.
#[component]
fn HowToBuy(view: Memo<ResultView>) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let texts = use_policy_texts();
    let rows = move || {
        let l = loc();
        view.with(|v| {
            v.how_to_buy
                .iter()
                .map(|option| {
                    let route = option.route.map(|r| row_text(l, &r, None));
                    let hints = option
                        .explanations
                        .iter()
                        .map(|&id| view! { <br/> <span class="hint">{texts.get(id)}</span> })
                        .collect_view();
                    view! {
                        <div class="answer__row">
                            <dt>{buy_label(l, option.way)}</dt>
                            <dd>{route} {hints}</dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="result-section" aria-labelledby="buy-title">
            <h2 id="buy-title">{move || td_string!(loc(), result.buy_title)}</h2>
            <dl class="answer__list">{rows}</dl>
        </section>
    }
}
