//! Compare plans, the reverse way: "which plans give me …?", and how to buy or upgrade. Each
//! answer is the engine's own outcome for a what-if: the visitor's answers with another plan,
//! impact, region, language or instant. A wish is granted by a typed outcome field, never by
//! comparing text.

use crate::engine::answers::parse_answer;
use crate::engine::{evaluate_with, Answer, Answers, Context, Outcome};
use crate::policy::data::{q, s, v, QUESTIONS};
use crate::policy::model::Section;
use crate::policy::text::TextId;
use crate::result::headline::{rows, Row, RowKind};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};

/// Something a visitor may want from a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wish {
    /// A severity B (moderate impact) request worked around the clock.
    AroundTheClockB,
    /// A first response within an hour for a critical problem.
    CriticalWithinHour,
    /// Advisory (consulting) work covered.
    Advisory,
    /// Help in Japanese at night in Japan.
    JapaneseAtNight,
}

impl Wish {
    pub const ALL: [Wish; 4] = [
        Wish::AroundTheClockB,
        Wish::CriticalWithinHour,
        Wish::Advisory,
        Wish::JapaneseAtNight,
    ];
}

/// A wish and the plans that grant it, in the plan question's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WishAnswer {
    pub wish: Wish,
    /// Indices of the plan question's options (`v::plan`).
    pub plans: Vec<u8>,
    /// Their names.
    pub plan_names: Vec<TextId>,
}

/// The instants the what-ifs are evaluated at: a Wednesday at noon on the US west coast (a
/// weekday, inside every region's business hours that includes it), and 02:00 on a Wednesday in
/// Tokyo (outside Japan's). Taken in the week of `now` so that date answers keep their meaning.
fn reference_instants(
    now: Option<DateTime<Utc>>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    // Without a clock, a fixed week (5 February 2025 was a Wednesday).
    let today = now.map_or(NaiveDate::from_ymd_opt(2025, 2, 5), |n| {
        Some(n.date_naive())
    });
    let wednesday = today.and_then(|d| {
        let back = (7 + d.weekday().num_days_from_monday() - 2) % 7;
        d.checked_sub_signed(TimeDelta::days(i64::from(back)))
    });
    let at = |day: Option<NaiveDate>, hour: u32| {
        Some(
            day?.and_time(NaiveTime::from_hms_opt(hour, 0, 0)?)
                .and_utc(),
        )
    };
    let tuesday = wednesday.and_then(|d| d.pred_opt());
    (at(wednesday, 20), at(tuesday, 17))
}

/// The visitor's answers changed as the wish's what-if describes.
fn what_if(answers: &Answers, plan: u8, wish: Wish) -> Answers {
    let mut a = *answers;
    a.set_index(q::PLAN, Answer::Choice(plan));
    let choose = |a: &mut Answers, question: u8, option: u8| {
        a.set_index(question, Answer::Choice(option));
    };
    match wish {
        Wish::AroundTheClockB => {
            choose(&mut a, q::IMPACT, v::impact::MODERATE);
            // Business hours chosen: granted only where the plan itself works B around the
            // clock, not where the visitor may ask for it.
            choose(&mut a, q::B_CLOCK, v::b_clock::BUSINESS_HOURS);
        }
        Wish::CriticalWithinHour => choose(&mut a, q::IMPACT, v::impact::CRITICAL),
        Wish::Advisory => choose(&mut a, q::ISSUE, v::issue::ADVISORY),
        Wish::JapaneseAtNight => {
            choose(&mut a, q::IMPACT, v::impact::CRITICAL);
            choose(&mut a, q::REGION, v::region::JAPAN);
            choose(&mut a, q::LANGUAGE, v::language::JAPANESE);
            if let Ok(tokyo) = parse_answer(q::TIME_ZONE, "Asia/Tokyo") {
                a.set_index(q::TIME_ZONE, tokyo);
            }
        }
    }
    a
}

/// Whether an outcome grants the wish.
fn granted(out: &Outcome, wish: Wish) -> bool {
    let slot = |s: u8| out.slot_value(s);
    match wish {
        Wish::AroundTheClockB => out.response.is_some_and(|r| r.around_the_clock),
        Wish::CriticalWithinHour => out.response.is_some_and(|r| r.minutes <= 60),
        Wish::Advisory => slot(s::COVERAGE) == Some(v::coverage::COVERED),
        Wish::JapaneseAtNight => {
            slot(s::LANGUAGE_NOW) == Some(v::language_now::REQUESTED_MAY_BE_AVAILABLE)
        }
    }
}

/// The plans that grant `wish` for the visitor's situation.
pub fn plans_granting(answers: &Answers, wish: Wish, ctx: &Context) -> Vec<u8> {
    let (noon, night) = reference_instants(ctx.now);
    let now = if wish == Wish::JapaneseAtNight {
        night
    } else {
        noon
    };
    let plans = QUESTIONS
        .get(usize::from(q::PLAN))
        .map_or(0, |d| d.options.len());
    (0..plans)
        .filter_map(|p| u8::try_from(p).ok())
        .filter(|&plan| {
            let out = evaluate_with(
                &what_if(answers, plan, wish),
                &Context {
                    now,
                    holidays: ctx.holidays,
                },
            );
            granted(&out, wish)
        })
        .collect()
}

/// Every wish with the plans that grant it.
pub fn answers(answers: &Answers, ctx: &Context) -> Vec<WishAnswer> {
    Wish::ALL
        .into_iter()
        .map(|wish| {
            let plans = plans_granting(answers, wish, ctx);
            WishAnswer {
                wish,
                plan_names: plans.iter().map(|&p| TextId::option(q::PLAN, p)).collect(),
                plans,
            }
        })
        .collect()
}

/// A way to buy support.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuyWay {
    /// Online, with the product's subscription.
    Online,
    /// Through an Enterprise Agreement.
    EnterpriseAgreement,
    /// A Premier or Unified contract.
    Premier,
}

impl BuyWay {
    pub const ALL: [BuyWay; 3] = [BuyWay::Online, BuyWay::EnterpriseAgreement, BuyWay::Premier];

    /// The billing journey's answers that describe this way to buy.
    fn answers(self) -> [(u8, u8); 2] {
        match self {
            BuyWay::Online => [
                (q::BILLING_TOPIC, v::billing_topic::BUY_PLAN),
                (q::PURCHASE_CHANNEL, v::purchase_channel::ONLINE),
            ],
            BuyWay::EnterpriseAgreement => [
                (q::BILLING_TOPIC, v::billing_topic::BUY_PLAN),
                (q::PURCHASE_CHANNEL, v::purchase_channel::EA),
            ],
            BuyWay::Premier => [
                (q::BILLING_TOPIC, v::billing_topic::BUY_PREMIER),
                (q::PURCHASE_CHANNEL, v::purchase_channel::NONE_YET),
            ],
        }
    }
}

/// How to buy one way: where to go, and the first two explanations of the billing rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuyOption {
    pub way: BuyWay,
    /// The route row (None when the billing rules name no place).
    pub route: Option<Row>,
    pub explanations: Vec<TextId>,
}

/// How to buy or upgrade, as the billing journey's rules answer it for the visitor's product
/// (for no product in particular when none was given).
pub fn how_to_buy(answers: &Answers) -> Vec<BuyOption> {
    BuyWay::ALL
        .into_iter()
        .map(|way| {
            let mut a = Answers::new();
            if let Some(product) = answers.get(q::PRODUCT) {
                a.set_index(q::PRODUCT, product);
            }
            for (question, option) in way.answers() {
                a.set_index(question, Answer::Choice(option));
            }
            let out = evaluate_with(&a, &Context::default());
            BuyOption {
                way,
                route: rows(&out).into_iter().find(|r| r.kind() == RowKind::Route),
                explanations: out
                    .shown_in(Section::Billing)
                    .chain(out.shown_in(Section::Where))
                    .map(|(i, _)| TextId::rule(i))
                    .take(2)
                    .collect(),
            }
        })
        .collect()
}
