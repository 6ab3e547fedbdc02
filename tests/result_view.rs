//! The result page's view (`result::result_view`), natively and by id: what the customer sees is
//! decided here, so it is tested here. The 60 scenarios also run through it (tests/scenarios.rs).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use support_navigator::engine::{Answers, Context};
use support_navigator::policy::data::{q, v, QUESTIONS};
use support_navigator::policy::text::TextId;
use support_navigator::policy::Journey;
use support_navigator::result::alternatives::options_in;
use support_navigator::result::*;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    match Answers::from_pairs(pairs.iter().copied()) {
        Ok(a) => a,
        Err(e) => panic!("{pairs:?}: {e:?}"),
    }
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Option<DateTime<Utc>> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single()
}

fn kinds(view: &ResultView) -> Vec<RowKind> {
    view.headline.iter().map(Row::kind).collect()
}

/// Power Apps online, on a subscription, with a severity B problem: the compare-plans journey.
fn power_apps_plans() -> Answers {
    answers(&[
        ("product", "power_apps"),
        ("deployment", "online"),
        ("plan", "subscription"),
        ("impact", "moderate"),
    ])
}

#[test]
fn around_the_clock_for_severity_b_is_granted_by_the_premier_contracts() {
    // Premier and the Unified Core/Advanced/Performance tables work B ("standard") around the
    // clock (000:170-176); Premier Support for Partners is a Premier contract (000:289-291).
    // Subscription, ProDirect and Unified Enterprise work B in business hours unless the customer
    // opts in at submission (003:20-21), so they do not grant it by themselves.
    let ctx = Context {
        now: at(2026, 12, 2, 15, 0),
        holidays: &[],
    };
    let granted = plan_finder::plans_granting(&power_apps_plans(), Wish::AroundTheClockB, &ctx);
    assert_eq!(
        granted,
        vec![
            v::plan::PREMIER,
            v::plan::UNIFIED_CORE,
            v::plan::UNIFIED_ADVANCED,
            v::plan::UNIFIED_PERFORMANCE,
            v::plan::PSFP,
        ]
    );
    // Advisory work: only the Premier and Unified contracts (ADVISORY rules).
    let advisory = plan_finder::plans_granting(&power_apps_plans(), Wish::Advisory, &ctx);
    assert_eq!(
        advisory,
        vec![
            v::plan::PREMIER,
            v::plan::UNIFIED_CORE,
            v::plan::UNIFIED_ADVANCED,
            v::plan::UNIFIED_PERFORMANCE,
            v::plan::UNIFIED_ENTERPRISE,
        ]
    );
    // Japanese is staffed in Japan's business hours only; at 02:00 in Tokyo no plan gives it.
    let night = plan_finder::plans_granting(&power_apps_plans(), Wish::JapaneseAtNight, &ctx);
    assert_eq!(night, Vec::<u8>::new());
}

#[test]
fn the_plan_finder_answers_every_wish_and_names_the_plans() {
    let ctx = Context {
        now: at(2026, 12, 2, 15, 0),
        holidays: &[],
    };
    let view = result_view(Journey::ComparePlans, &power_apps_plans(), &ctx);
    let wishes: Vec<Wish> = view.plan_finder.iter().map(|a| a.wish).collect();
    assert_eq!(wishes, Wish::ALL.to_vec());
    for answer in &view.plan_finder {
        assert_eq!(answer.plans.len(), answer.plan_names.len());
    }
    // The what-ifs keep the week of the visitor's clock: the same answers on another weekday of
    // that week give the same plans.
    let thursday = Context {
        now: at(2026, 12, 3, 23, 0),
        holidays: &[],
    };
    assert_eq!(
        view.plan_finder,
        plan_finder::answers(&power_apps_plans(), &thursday)
    );
}

#[test]
fn how_to_buy_follows_the_billing_rules_for_the_product_and_without_one() {
    let with_product = plan_finder::how_to_buy(&power_apps_plans());
    let ways: Vec<BuyWay> = with_product.iter().map(|o| o.way).collect();
    assert_eq!(ways, BuyWay::ALL.to_vec());
    for option in &with_product {
        assert!(option.route.is_some(), "{option:?}");
        assert!(!option.explanations.is_empty(), "{option:?}");
    }
    // No product given: the billing rules answer for no product in particular, not for an
    // invented one.
    let without = plan_finder::how_to_buy(&Answers::new());
    assert_eq!(without.len(), 3);
    assert!(without.iter().all(|o| o.route.is_some()), "{without:?}");
}

#[test]
fn the_matrix_marks_exactly_the_cells_that_differ_from_the_visitors_plan() {
    let ctx = Context {
        now: at(2026, 12, 2, 15, 0),
        holidays: &[],
    };
    let view = result_view(Journey::ComparePlans, &power_apps_plans(), &ctx);
    let matrix = view.matrix.expect("compare plans has a matrix");
    let impacts = QUESTIONS[usize::from(q::IMPACT)].options.len();
    let plans = QUESTIONS[usize::from(q::PLAN)].options.len();
    assert_eq!(matrix.impacts.len(), impacts);
    // "Unified, tier unknown" and "no plan" are answers, not plans: they are not rows unless
    // they are the visitor's own answer (a subscription here).
    assert_eq!(matrix.rows.len(), plans - 2);
    for not_a_plan in [v::plan::UNIFIED_ENTERPRISE, v::plan::NONE] {
        let id = TextId::option(q::PLAN, not_a_plan);
        assert!(matrix.rows.iter().all(|r| r.plan != id), "{not_a_plan}");
    }
    let mine: Vec<&MatrixRow> = matrix.rows.iter().filter(|r| r.mine).collect();
    assert_eq!(mine.len(), 1);
    let mine = mine[0];
    assert!(mine.cells.iter().all(|c| !c.differs));
    let mut differing = 0;
    for row in &matrix.rows {
        assert_eq!(row.cells.len(), impacts);
        differing += row.cells.iter().filter(|c| c.differs).count();
    }
    assert!(differing > 0, "some plan differs from a subscription");
    let critical = usize::from(v::impact::CRITICAL);
    let moderate = usize::from(v::impact::MODERATE);
    let row = |plan: u8| {
        let id = TextId::option(q::PLAN, plan);
        matrix
            .rows
            .iter()
            .find(|r| r.plan == id)
            .expect("a row per plan")
    };
    let one_hour_around_the_clock = |cell: &MatrixCell| {
        matches!(
            cell.value,
            CellValue::Severity {
                response: Some(Row::Response {
                    time: Some(ResponseTime {
                        minutes: 60,
                        around_the_clock: true
                    }),
                    ..
                }),
                ..
            }
        )
    };
    // Critical: Subscription A and ProDirect A come from different response tables but both
    // read "A: within 1 hour (around the clock)", so ProDirect's cell is not marked.
    let own_critical = &row(v::plan::SUBSCRIPTION).cells[critical];
    let prodirect_critical = &row(v::plan::PRODIRECT).cells[critical];
    assert!(one_hour_around_the_clock(own_critical), "{own_critical:?}");
    assert!(
        one_hour_around_the_clock(prodirect_critical),
        "{prodirect_critical:?}"
    );
    assert_ne!(
        own_critical.value, prodirect_critical.value,
        "two response tables"
    );
    assert!(!prodirect_critical.differs);
    // Moderate: Premier B is 2 hours around the clock, Subscription B 4 business hours.
    let own_moderate = &row(v::plan::SUBSCRIPTION).cells[moderate];
    let premier_moderate = &row(v::plan::PREMIER).cells[moderate];
    assert_ne!(own_moderate.value.shown(), premier_moderate.value.shown());
    assert!(premier_moderate.differs);
}

/// Japanese support in Japan, asked on a Wednesday at 10:00 in Tokyo.
fn japanese_in_tokyo() -> (Answers, Option<DateTime<Utc>>) {
    (
        answers(&[
            ("impact", "moderate"),
            ("region", "japan"),
            ("time_zone", "Asia/Tokyo"),
            ("language", "japanese"),
        ]),
        at(2026, 12, 2, 1, 0),
    )
}

#[test]
fn the_headline_and_the_live_clock_count_the_same_holidays() {
    let (a, now) = japanese_in_tokyo();
    let view = |holidays: &[NaiveDate]| {
        result_view(Journey::LanguageHours, &a, &Context { now, holidays })
    };
    // A working day: open now, in the headline and on the clock.
    let open = view(&[]);
    assert!(open.headline.contains(&Row::LanguageNow(
        v::language_now::REQUESTED_MAY_BE_AVAILABLE
    )));
    assert_eq!(
        open.clock.as_ref().map(|c| c.status),
        Some(ClockStatus::OpenNow)
    );

    // The host page says that Wednesday is a public holiday: both say closed, and both name the
    // same opening, Thursday 09:00 in Tokyo (00:00 UTC).
    let holiday = [NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date")];
    let closed = view(&holiday);
    let thursday_nine = at(2026, 12, 3, 0, 0).expect("an instant");
    assert!(closed
        .headline
        .contains(&Row::LanguageNow(v::language_now::REQUESTED_OUTSIDE_HOURS)));
    assert!(closed.headline.contains(&Row::LanguageOpens(thursday_nine)));
    let clock = closed.clock.expect("the language journey has a clock");
    assert_eq!(
        clock.status,
        ClockStatus::OpensIn {
            at: thursday_nine,
            minutes: 23 * 60,
        }
    );
    // The week's windows skip the holiday too.
    assert!(
        clock.week.iter().all(|w| w.start >= thursday_nine),
        "{:?}",
        clock.week
    );
}

/// An admin with a critical break-fix problem in Power Apps online, on ProDirect.
fn critical_with_prodirect() -> Answers {
    answers(&[
        ("product", "power_apps"),
        ("deployment", "online"),
        ("issue", "break_fix"),
        ("preview", "ga"),
        ("plan", "prodirect"),
        ("role", "admin"),
        ("impact", "critical"),
    ])
}

#[test]
fn rows_come_in_page_order_and_each_kind_at_most_once() {
    let ctx = Context {
        now: at(2026, 12, 2, 15, 0),
        holidays: &[],
    };
    let mut open_request = critical_with_prodirect();
    for (q, a) in [("region", "emea"), ("language", "german")] {
        open_request.set(q, a).expect("a known answer");
    }
    let view = result_view(Journey::OpenRequest, &open_request, &ctx);
    let got = kinds(&view);
    let mut sorted = got.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(got, sorted, "rows in RowKind order, each once");
    for kind in [
        RowKind::Route,
        RowKind::Coverage,
        RowKind::Severity,
        RowKind::Response,
        RowKind::ContactBy,
    ] {
        assert!(got.contains(&kind), "{kind:?} in {got:?}");
    }
    // Only compare plans has a matrix and a finder; only the language journey a clock.
    assert!(view.matrix.is_none() && view.plan_finder.is_empty() && view.clock.is_none());
}

#[test]
fn the_summary_justifies_the_severity_with_the_business_impact() {
    let ctx = Context {
        now: at(2026, 12, 2, 15, 0),
        holidays: &[],
    };
    let view = result_view(Journey::OpenRequest, &critical_with_prodirect(), &ctx);
    let first: Vec<SummaryLine> = view.summary.iter().copied().take(4).collect();
    assert_eq!(
        first,
        vec![
            SummaryLine::Answer {
                question: q::PRODUCT
            },
            SummaryLine::Answer {
                question: q::DEPLOYMENT
            },
            SummaryLine::Answer { question: q::ISSUE },
            SummaryLine::Answer { question: q::PLAN },
        ]
    );
    assert!(view.summary.contains(&SummaryLine::Row {
        row: Row::Severity(v::severity::A),
        because: Some(q::IMPACT),
    }));
    // The last line says where to go.
    assert!(matches!(
        view.summary.last(),
        Some(SummaryLine::Row {
            row: Row::Route(_),
            because: None
        })
    ));
}

/// "Why this answer" is read off the rules: the severity follows from the business impact the
/// visitor chose, and a section never claims an answer the visitor did not give.
#[test]
fn each_section_says_which_of_the_visitors_answers_led_to_it() {
    let ctx = Context {
        now: at(2025, 2, 4, 18, 0),
        holidays: &[],
    };
    let given = answers(&[
        ("product", "ce_app"),
        ("issue", "break_fix"),
        ("preview", "ga"),
        ("plan", "subscription"),
        ("role", "admin"),
        ("impact", "critical"),
        ("region", "north_america"),
        ("time_zone", "America/Los_Angeles"),
        ("language", "english"),
    ]);
    let view = result_view(Journey::OpenRequest, &given, &ctx);
    let severity = view
        .sections
        .iter()
        .find(|s| s.gist.is_some_and(|g| g.kind() == RowKind::Severity))
        .expect("a severity section");
    let impact = Reason::Answered {
        question: TextId::question_summary(q::IMPACT),
        answer: TextId::option(q::IMPACT, v::impact::CRITICAL),
    };
    assert!(severity.because.contains(&impact), "{:?}", severity.because);
    // The response time follows from the severity: the chain reads Critical → A → 1 hour.
    let response = view
        .sections
        .iter()
        .find(|s| s.gist.is_some_and(|g| g.kind() == RowKind::Response))
        .expect("a response section");
    let severity_a = Reason::Follows(Row::Severity(v::severity::A));
    assert!(
        response.because.contains(&severity_a),
        "{:?}",
        response.because
    );
    // Every reason is one of the visitor's own answers or another row of this answer.
    for section in &view.sections {
        for reason in &section.because {
            let ok = match reason {
                Reason::Answered { question, answer } => (0..QUESTIONS.len()).any(|q| {
                    let q = q as u8;
                    given.choice(q).is_some_and(|o| {
                        *question == TextId::question_summary(q) && *answer == TextId::option(q, o)
                    })
                }),
                Reason::Follows(row) => view.headline.contains(row) && Some(*row) != section.gist,
            };
            assert!(ok, "{reason:?} in {:?}", section.section);
        }
    }
}

/// A Premier customer in Tokyo at midnight asks for Japanese: contact within the hour will be in
/// English, and the ticket summary says so, as the page's title does (not only "contact by").
#[test]
fn the_summary_says_when_the_contact_will_come_in_english() {
    let given = answers(&[
        ("product", "ce_app"),
        ("issue", "break_fix"),
        ("preview", "ga"),
        ("plan", "premier"),
        ("role", "admin"),
        ("ea_enrollment", "not_ea"),
        ("impact", "critical"),
        ("region", "japan"),
        ("time_zone", "Asia/Tokyo"),
        ("language", "japanese"),
    ]);
    let ctx = Context {
        now: at(2025, 2, 4, 15, 0),
        holidays: &[],
    };
    let view = result_view(Journey::OpenRequest, &given, &ctx);
    let in_english = |s: &Sentence| {
        matches!(
            s,
            Sentence::ContactBy {
                in_english_until: Some(_),
                ..
            }
        )
    };
    let said = view.decision.iter().copied().find(in_english);
    assert!(said.is_some(), "{:?}", view.decision);
    assert!(view
        .summary
        .contains(&SummaryLine::Said(said.expect("checked"))));
    // The plain "contact by" row is not repeated beside it.
    assert!(!view.summary.iter().any(|l| matches!(
        l,
        SummaryLine::Row {
            row: Row::ContactBy(_),
            ..
        }
    )));

    // In Tokyo's working hours the language is open: the summary has the plain row.
    let day = Context {
        now: at(2025, 2, 5, 1, 0),
        holidays: &[],
    };
    let view = result_view(Journey::OpenRequest, &given, &day);
    assert!(!view
        .summary
        .iter()
        .any(|l| matches!(l, SummaryLine::Said(_))));
    assert!(view.summary.iter().any(|l| matches!(
        l,
        SummaryLine::Row {
            row: Row::ContactBy(_),
            ..
        }
    )));
}

/// The open-request result for `pairs` from a visitor in Paris who wants English, on Tuesday
/// 4 February 2025 at 10:00 UTC (EMEA business hours).
fn in_paris(pairs: &[(&str, &str)]) -> ResultView {
    let mut all = pairs.to_vec();
    all.extend([
        ("time_zone", "Europe/Paris"),
        ("region", "emea"),
        ("language", "english"),
    ]);
    let ctx = Context {
        now: at(2025, 2, 4, 10, 0),
        holidays: &[],
    };
    result_view(Journey::OpenRequest, &answers(&all), &ctx)
}

/// An admin with an outage who does not know the plan: not "not covered" (a plan is needed and
/// every listed plan covers the product), but "depends on your plan", the severity to choose,
/// no response time (it depends on the plan), and the plan comparison as a next step.
#[test]
fn an_unknown_plan_depends_on_the_plan_and_points_to_the_comparison() {
    let view = in_paris(&[
        ("product", "power_apps"),
        ("issue", "outage"),
        ("service_health", "not_listed"),
        ("plan", "not_sure"),
        ("role", "admin"),
        ("impact", "critical"),
    ]);
    assert!(view
        .headline
        .contains(&Row::Coverage(v::coverage::DEPENDS_ON_PLAN)));
    assert!(view.headline.contains(&Row::Severity(v::severity::A)));
    assert!(kinds(&view)
        .iter()
        .all(|k| *k != RowKind::Response && *k != RowKind::ContactBy));
    assert!(!view
        .headline
        .contains(&Row::Coverage(v::coverage::NOT_COVERED)));
    assert!(view.steps.contains(&Step::Journey(Journey::ComparePlans)));
    assert!(
        matches!(view.steps.first(), Some(Step::Open { route, .. }) if *route == v::route::PPAC)
    );
}

/// A Global administrator, or someone who does not know their role: the sources name only the
/// Power Platform admin roles, so the answer neither says yes nor no ("check in the admin
/// center"), and everything else is answered as for a filer.
#[test]
fn a_role_the_sources_do_not_name_is_neither_allowed_nor_refused() {
    for role in ["other_admin", "not_sure"] {
        let view = in_paris(&[
            ("product", "ce_app"),
            ("issue", "break_fix"),
            ("preview", "ga"),
            ("plan", "subscription"),
            ("role", role),
            ("impact", "moderate"),
            ("b_clock", "business_hours"),
        ]);
        assert!(
            view.headline.contains(&Row::Filer(v::filer::UNCONFIRMED)),
            "{role}"
        );
        assert!(
            view.headline.contains(&Row::Severity(v::severity::B)),
            "{role}"
        );
        assert!(kinds(&view).contains(&RowKind::ContactBy), "{role}");
    }
}

/// Not sure whether the feature is released: released features are covered as usual, previews
/// are capped or go through the preview's contact, so the coverage depends on it; the severity
/// still follows the impact, and no response time is promised.
#[test]
fn an_unknown_release_status_depends_on_it() {
    let view = in_paris(&[
        ("product", "ce_app"),
        ("issue", "break_fix"),
        ("preview", "not_sure"),
        ("plan", "prodirect"),
        ("role", "admin"),
        ("ea_enrollment", "not_ea"),
        ("impact", "moderate"),
        ("b_clock", "business_hours"),
    ]);
    assert!(view
        .headline
        .contains(&Row::Coverage(v::coverage::DEPENDS_ON_PREVIEW)));
    assert!(view.headline.contains(&Row::Severity(v::severity::B)));
    assert!(!kinds(&view).contains(&RowKind::ContactBy));
    assert!(
        matches!(view.steps.first(), Some(Step::Open { route, .. }) if *route == v::route::PPAC)
    );
}

/// The billing journey's result when the visitor does not know how they bought.
fn billing_not_sure(topic: &str) -> ResultView {
    let ctx = Context {
        now: at(2026, 12, 7, 10, 0),
        holidays: &[],
    };
    let a = answers(&[
        ("product", "power_apps"),
        ("purchase_channel", "not_sure"),
        ("billing_topic", topic),
    ]);
    result_view(Journey::Billing, &a, &ctx)
}

/// The steps of a "depends" answer: (answers as option ids, "any other answer"?, place).
fn places(view: &ResultView) -> Vec<(Vec<&'static str>, bool, u8)> {
    view.steps
        .iter()
        .filter_map(|s| match s {
            Step::IfAnswer { alternative, url } => {
                assert!(url.is_some_and(|u| u.starts_with("https://")), "{url:?}");
                let q = usize::from(alternative.question);
                let options = alternative
                    .option_list()
                    .map(|o| QUESTIONS[q].options[usize::from(o)])
                    .collect();
                Some((options, alternative.otherwise, alternative.route))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn an_unknown_purchase_channel_lists_each_channels_place() {
    // Every channel but an Enterprise Agreement: one place for buying a plan or Premier.
    let not_ea = vec![
        "online",
        "csp",
        "volume_licensing",
        "premier_contract",
        "none_yet",
    ];
    let buy_plan = billing_not_sure("buy_plan");
    assert!(buy_plan
        .headline
        .contains(&Row::Route(v::route::DEPENDS_ON_CHANNEL)));
    assert_eq!(
        places(&buy_plan),
        [
            (vec!["ea"], false, v::route::RESELLER_LAR),
            (not_ea.clone(), true, v::route::M365_ADMIN),
        ]
    );
    assert_eq!(
        places(&billing_not_sure("buy_premier")),
        [
            (vec!["ea"], false, v::route::RESELLER_LAR),
            (not_ea, true, v::route::ACCOUNT_MANAGER),
        ]
    );
    assert_eq!(
        places(&billing_not_sure("licensing")),
        [
            (vec!["ea", "volume_licensing"], false, v::route::VLSC),
            (vec!["csp"], false, v::route::CSP_PARTNER),
            (
                vec!["online", "premier_contract", "none_yet"],
                true,
                v::route::M365_ADMIN
            ),
        ]
    );
    // Where the place is the same for every channel, not knowing it changes nothing.
    let invoice = billing_not_sure("invoice");
    assert!(invoice.headline.contains(&Row::Route(v::route::M365_ADMIN)));
    assert!(places(&invoice).is_empty());
}

#[test]
fn an_unknown_plan_with_on_site_support_names_both_cases() {
    let ctx = Context {
        now: at(2026, 12, 7, 10, 0),
        holidays: &[],
    };
    let a = answers(&[
        ("product", "ce_app"),
        ("help_kind", "guidance"),
        ("issue", "onsite"),
        ("plan", "not_sure"),
    ]);
    let view = result_view(Journey::OpenRequest, &a, &ctx);
    assert!(view
        .headline
        .contains(&Row::Coverage(v::coverage::DEPENDS_ON_PLAN)));
    assert!(!view
        .headline
        .contains(&Row::Coverage(v::coverage::NOT_COVERED)));
    let steps: Vec<_> = view
        .steps
        .iter()
        .map(|s| match s {
            Step::IfAnswer { alternative, url } => {
                let q = usize::from(alternative.question);
                let options: Vec<&str> = alternative
                    .option_list()
                    .map(|o| QUESTIONS[q].options[usize::from(o)])
                    .collect();
                format!("{options:?} -> {} {}", alternative.route, url.is_some())
            }
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        steps,
        [
            format!(
                "{:?} -> {} false",
                ["subscription", "prodirect", "enhanced", "none"],
                v::route::NONE
            ),
            format!(
                "{:?} -> {} true",
                [
                    "premier",
                    "unified_core",
                    "unified_advanced",
                    "unified_performance",
                    "unified_enterprise"
                ],
                v::route::PPAC
            ),
            format!("{:?}", Step::Journey(Journey::ComparePlans)),
        ]
    );
}

#[test]
fn two_unknown_answers_name_a_place_for_each_pair() {
    // Neither the plan nor the release status is known, for a performance problem across the
    // business: Premier and Unified include the advisory work for a released feature, never for
    // a preview; the other plans include none. Each step names its place, none says "it
    // depends" again.
    let ctx = Context {
        now: at(2026, 12, 7, 10, 0),
        holidays: &[],
    };
    let a = answers(&[
        ("product", "ce_app"),
        ("help_kind", "problem"),
        ("issue", "performance"),
        ("perf_scope", "broad"),
        ("preview", "not_sure"),
        ("plan", "not_sure"),
    ]);
    let view = result_view(Journey::OpenRequest, &a, &ctx);
    assert!(view
        .headline
        .contains(&Row::Route(v::route::DEPENDS_ON_PLAN)));
    let ids = |q: u8, mask: u32| -> Vec<&str> {
        options_in(mask)
            .map(|o| QUESTIONS[usize::from(q)].options[usize::from(o)])
            .collect()
    };
    let steps: Vec<String> = view
        .steps
        .iter()
        .map(|s| match s {
            Step::IfAnswer { alternative, url } => format!(
                "{:?} {:?} -> {} {}",
                ids(alternative.question, alternative.options),
                alternative.and.map(|(q, m)| ids(q, m)),
                alternative.route,
                url.is_some()
            ),
            other => format!("{other:?}"),
        })
        .collect();
    let premier_unified = [
        "premier",
        "unified_core",
        "unified_advanced",
        "unified_performance",
        "unified_enterprise",
    ];
    assert_eq!(
        steps,
        [
            format!(
                "{:?} None -> {} true",
                ["subscription", "prodirect", "enhanced", "none"],
                v::route::PARTNER_OR_FORUMS
            ),
            format!(
                "{premier_unified:?} Some([\"ga\"]) -> {} true",
                v::route::PPAC
            ),
            format!(
                "{premier_unified:?} Some([\"public\"]) -> {} true",
                v::route::PARTNER_OR_FORUMS
            ),
            format!("{:?}", Step::Journey(Journey::ComparePlans)),
        ]
    );
}
