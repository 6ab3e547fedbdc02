//! The result: the answer first (where to go, coverage, severity, response and when to expect
//! contact, language), then the explanations by section, "sources differ" notes, sources and the
//! "Why this answer" trace. Everything shown comes from the engine's Outcome.

use crate::engine::derived::region_weekly_hours;
use crate::engine::outcome::{Notice, HEADLINE_LANGUAGE_SLOT, HEADLINE_SLOTS};
use crate::engine::{evaluate_with, outcomes_by_plan, Answer, Answers, Context, Outcome, Response};
use crate::hours::CustomerZone;
use crate::i18n::{td_string, Locale};
use crate::policy::data::{
    citation_label, q, rule_label, s, section_of, slot_index, CONFLICTS, QUESTIONS, RULES,
};
use crate::policy::model::{Citation, Rule, Section};
use crate::policy::text::TextId;
use crate::policy::Journey;
use crate::state::Page;
use crate::ui::format::{date_text, instant_text};
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::RouteLink;
use crate::ui::policy_text::use_policy_texts;
use crate::ui::text::{fill, section_title};
use crate::ui::wizard::{answer_text, route_to};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The current instant, refreshed every minute while the result page is open (the live clock of
/// the language journey and "open now" depend on it).
fn use_now() -> ReadSignal<DateTime<Utc>> {
    let (now, set_now) = signal(crate::ui::format::device_now());
    if let Ok(handle) = set_interval_with_handle(
        move || set_now.set(crate::ui::format::device_now()),
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }
    now
}

#[component]
pub fn ResultPage(journey: Journey, answers: Answers) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let now = use_now();
    // Re-evaluated only when the minute (or the answers) change: the outcome is a pure function.
    // Public holidays come from the embedding page (`holidays=`), if it gave any.
    let holidays = crate::ui::embed::use_holidays();
    let outcome = Memo::new(move |_| {
        let ctx = Context {
            now: Some(now.get()),
            holidays: &holidays,
        };
        evaluate_with(&answers, &ctx)
    });
    let back_route = route_to(journey, Page::Check, answers);
    let zone = answers.zone(q::TIME_ZONE);

    let headline_rows = move || {
        let out = outcome.get();
        let l = loc();
        let mut rows = Vec::new();
        for slot in HEADLINE_SLOTS {
            if let Some(text) = slot_text(&out, slot) {
                rows.push((slot_heading(l, slot), text));
            }
        }
        if let Some(r) = out.response {
            rows.push((
                td_string!(l, result.response_label).to_string(),
                response_text(l, &r),
            ));
            if let Some(by) = r.contact_by {
                rows.push((
                    td_string!(l, result.contact_by).to_string(),
                    instant_text(l, by, zone),
                ));
            }
        } else if let Some(text) = slot_text(&out, "response") {
            // `silent`: a request is filed, but the documents state no response time.
            rows.push((td_string!(l, result.response_label).to_string(), text));
        }
        if let Some(text) = slot_text(&out, HEADLINE_LANGUAGE_SLOT) {
            rows.push((td_string!(l, result.language_label).to_string(), text));
        }
        if let Some(at) = out.language_window_opens {
            rows.push((
                td_string!(l, result.language_opens).to_string(),
                instant_text(l, at, zone),
            ));
        }
        if let Some(d) = out.agreement_expires {
            rows.push((
                td_string!(l, result.agreement_expires).to_string(),
                date_text(l, d),
            ));
        }
        rows
    };
    let headline = move || {
        headline_rows()
            .into_iter()
            .map(|(k, v)| view! { <div class="answer__row"><dt>{k}</dt><dd>{v}</dd></div> })
            .collect_view()
    };
    // The answer, announced once when the page shows (not again when the clock ticks).
    if let Some(announcer) = use_context::<crate::ui::app::Announcer>() {
        let (l, rows) = untrack(|| (loc(), headline_rows()));
        let text = std::iter::once(td_string!(l, result.title).to_string())
            .chain(rows.into_iter().map(|(k, v)| format!("{k}: {v}")))
            .collect::<Vec<_>>()
            .join(". ");
        announcer.say(text);
    }

    // The page is built in three stages, each in the task after the one before was painted, so
    // that "See your answer" paints the answer itself quickly: (1) the back link, the heading and
    // the answer, the first screenful; (2) everything below it; (3) the "Why this answer" list
    // inside its closed disclosure, about 600 of the page's 1,000 nodes in journey 1 (at once if
    // the visitor opens it first). A later stage only adds content below all that is shown, so
    // nothing the visitor is reading moves; focus (on the h1) and the announcement of the answer
    // are not affected.
    let stage = RwSignal::new(1u8);
    next_stage_after_paint(stage);
    let below_answer = Memo::new(move |_| stage.get() >= 2);

    view! {
        <div class="back-link"><RouteLink route=back_route>{move || td_string!(loc(), wizard.back)}</RouteLink></div>
        <h1 tabindex="-1">{move || td_string!(loc(), result.title)}</h1>
        // Not a live region: the app's announcer says the answer once (above), and while
        // support is open "expect contact by" changes every minute, which a live region would
        // announce every minute.
        <div class="answer">
            <dl class="answer__list">{headline}</dl>
        </div>
        {move || below_answer.get().then(|| view! { <ResultDetails journey answers outcome now stage /> })}
    }
}

/// Everything below the answer (stage 2 of `ResultPage`): the plan matrix or live clock of some
/// journeys, "sources differ", notices, the explanations by section, the ticket summary with
/// Copy and Print, "Why this answer" (its list in stage 3) and "Start again".
#[component]
fn ResultDetails(
    journey: Journey,
    answers: Answers,
    outcome: Memo<Outcome>,
    now: ReadSignal<DateTime<Utc>>,
    stage: RwSignal<u8>,
) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let zone = answers.zone(q::TIME_ZONE);
    let restart = route_to(journey, Page::Next, Answers::new());
    let sections = move || {
        let out = outcome.get();
        let l = loc();
        Section::ALL
            .into_iter()
            .filter_map(|section| {
                let rules: Vec<(usize, &'static Rule)> = out.shown_in(section).collect();
                (!rules.is_empty()).then(|| {
                    let items = rules
                        .into_iter()
                        .map(|(i, r)| view! { <li>{rule_text(i)} " " <Sources cites=r.cite with_original=false /></li> })
                        .collect_view();
                    view! {
                        <section class="result-section" aria-labelledby=format!("section-{}", section.id())>
                            <h2 id=format!("section-{}", section.id())>{section_title(l, section)}</h2>
                            <ul class="result-list">{items}</ul>
                        </section>
                    }
                })
            })
            .collect_view()
    };

    let texts = use_policy_texts();
    let differ = move || {
        let out = outcome.get();
        let l = loc();
        (!out.sources_differ.is_empty()).then(|| {
            let items = out
                .sources_differ
                .iter()
                .filter_map(|&c| {
                    CONFLICTS
                        .get(usize::from(c))
                        .map(|conflict| (usize::from(c), conflict))
                })
                .map(|(i, c)| view! { <li>{texts.get(TextId::conflict(i))} " (" {c.id} ")"</li> })
                .collect_view();
            view! {
                <section class="notice notice--differ" aria-labelledby="sources-differ">
                    <h2 id="sources-differ">{td_string!(l, result.sources_differ)}</h2>
                    <ul>{items}</ul>
                </section>
            }
        })
    };

    let notices = move || {
        let out = outcome.get();
        let l = loc();
        out.notices
            .iter()
            .map(|n| {
                let text = match n {
                    Notice::HolidaysUnknown => td_string!(l, result.notice_holidays),
                    Notice::ClockLooksWrong => td_string!(l, result.notice_clock),
                    Notice::TimeZoneNeeded => td_string!(l, result.notice_zone),
                };
                view! { <p class="notice">{text}</p> }
            })
            .collect_view()
    };

    // "Why this answer": its list is stage 3, or built at once if the visitor opens it first.
    let trace_built = Memo::new(move |_| stage.get() >= LAST_STAGE);
    let trace = move || {
        trace_built.get().then(|| {
            let out = outcome.get();
            let l = loc();
            out.fired
                .iter()
                .filter_map(|&i| RULES.get(usize::from(i)).map(|r| (i, r)))
                .map(|(i, r)| {
                    let overridden = out.is_overridden(i);
                    view! {
                        <li class:trace--overridden=overridden>
                            <span class="trace__id">{rule_label(r)}</span> " "
                            {rule_text(usize::from(i))}
                            {overridden.then(|| view! { " " <em>{td_string!(l, result.overridden)}</em> })}
                            " " <Sources cites=r.cite with_original=true />
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let open_trace = move |_| {
        if stage.get_untracked() < LAST_STAGE {
            stage.set(LAST_STAGE);
        }
    };

    let summary_text = Memo::new(move |_| ticket_summary(loc(), &answers, &outcome.get(), zone));
    let on_kiosk = use_context::<crate::state::KioskConfig>().is_some_and(|k| k.enabled);
    // None until the first copy; then whether the browser accepted it (it may refuse: no
    // permission, an iframe without clipboard-write, an insecure origin).
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = summary_text.get_untracked();
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(ok));
        });
    };
    let print = move |_| {
        let _ = window().print();
    };

    let extra = match journey {
        Journey::ComparePlans => view! {
            <PlanMatrix answers />
            <crate::ui::wizard::plan_finder::PlanFinder answers />
        }
        .into_any(),
        Journey::LanguageHours => view! { <LanguageClock answers now /> }.into_any(),
        _ => ().into_any(),
    };
    view! {
        // Kiosk mode only: the result as a QR code to take along.
        <crate::ui::kiosk::ContinueOnPhone />
        {extra}
        {differ}
        {notices}
        {sections}
        <section class="result-section" aria-labelledby="summary-title">
            <h2 id="summary-title">{move || td_string!(loc(), result.summary_title)}</h2>
            <pre class="ticket-summary" tabindex="0">{move || summary_text.get()}</pre>
            // On a kiosk the clipboard and the printer are shared with the next visitor: the
            // summary travels by the QR code instead.
            {(!on_kiosk).then(|| view! {
                <div class="button-group">
                    <button type="button" class="button" on:click=copy>{move || td_string!(loc(), result.copy)}</button>
                    <button type="button" class="button button--secondary" on:click=print>{move || td_string!(loc(), result.print)}</button>
                </div>
            })}
            <p role="status" class="copy-status">{move || copied.get().map(|ok| if ok { td_string!(loc(), result.copied) } else { td_string!(loc(), result.copy_failed) })}</p>
        </section>
        <details class="trace" on:toggle=open_trace>
            <summary>{move || td_string!(loc(), result.why_title)}</summary>
            <ol class="trace__list">{trace}</ol>
        </details>
        <p><RouteLink route=restart>{move || td_string!(loc(), result.start_again)}</RouteLink></p>
    }
}

/// The result page's last stage (see `ResultPage`).
const LAST_STAGE: u8 = 3;

/// Moves `stage` on by one after each paint until `LAST_STAGE`. Stops if the page was left
/// meanwhile (the signal is gone) or a stage was skipped to the last.
fn next_stage_after_paint(stage: RwSignal<u8>) {
    crate::ui::idle::after_next_paint(move || {
        let Some(now) = stage.try_get_untracked() else {
            return;
        };
        if now < LAST_STAGE {
            stage.set(now + 1);
            next_stage_after_paint(stage);
        }
    });
}

/// A rule's explanation (`RULES[i]`) in the interface language.
fn rule_text(i: usize) -> impl IntoView {
    let texts = use_policy_texts();
    view! { <span class="rule-text">{move || texts.get(TextId::rule(i))}</span> }
}

/// The citations of a statement: document, section and lines. `with_original` adds the "Original
/// text" disclosure; it is used in the trace only, so the main result does not fill the keyboard
/// path with one tab stop per citation.
#[component]
fn Sources(cites: &'static [Citation], with_original: bool) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let items = cites
        .iter()
        .map(|c| {
            let texts = use_policy_texts();
            let title = move || texts.get(TextId::document(usize::from(c.seed)));
            let section = move || section_of(c).map(|i| texts.get(TextId::section(i)));
            let label = citation_label(c);
            view! {
                <span class="source">
                    <cite>{title} " — " {section}</cite> " " <span class="source__lines">"(" {label} ")"</span>
                    {with_original.then(|| view! { <crate::ui::wizard::original_text::OriginalText cite=*c /> })}
                </span>
            }
        })
        .collect_view();
    view! {
        <span class="sources"><span class="visually-hidden">{move || td_string!(loc(), result.source_label)}</span>"[" {items} "]"</span>
    }
}

fn slot_heading(l: Locale, slot: &str) -> String {
    match slot {
        "route" => td_string!(l, result.go_to),
        "reopen" => td_string!(l, result.reopen_label),
        "offer_state" => td_string!(l, result.offer_label),
        "coverage" => td_string!(l, result.coverage_label),
        "filer" => td_string!(l, result.filer_label),
        _ => td_string!(l, result.severity_label),
    }
    .to_string()
}

fn slot_text(out: &Outcome, slot: &str) -> Option<String> {
    let si = slot_index(slot)?;
    let v = out.slots.get(usize::from(si)).copied().flatten()?;
    Some(use_policy_texts().slot_value(si, v.value))
}

/// "within 2 hours (Business hours only)": the target and the clock it counts on.
fn response_text(l: Locale, r: &Response) -> String {
    let clock = use_policy_texts().slot_value(s::CLOCK, if r.around_the_clock { 0 } else { 1 });
    format!("{} ({clock})", duration_text(l, r.minutes))
}

fn duration_text(l: Locale, minutes: u32) -> String {
    if !minutes.is_multiple_of(60) {
        fill(
            td_string!(l, result.minutes),
            &[("n", &minutes.to_string())],
        )
    } else if minutes == 60 {
        td_string!(l, result.one_hour).to_string()
    } else {
        fill(
            td_string!(l, result.hours),
            &[("n", &(minutes / 60).to_string())],
        )
    }
}

/// Ticket-ready plain text to paste into the portal form.
fn ticket_summary(
    l: Locale,
    answers: &Answers,
    out: &Outcome,
    zone: Option<CustomerZone>,
) -> String {
    let mut lines = Vec::new();
    for q in [
        q::PRODUCT,
        q::DEPLOYMENT,
        q::ISSUE,
        q::PLAN,
        q::ONPREM_OFFER,
    ] {
        if answers.get(q).is_some() {
            lines.push(format!(
                "{}: {}",
                use_policy_texts().question_summary(q),
                answer_text(l, answers, q)
            ));
        }
    }
    if let Some(sev) = slot_text(out, "severity") {
        let because = answers
            .get(q::IMPACT)
            .map(|_| {
                format!(
                    " ({}: {})",
                    use_policy_texts().question_summary(q::IMPACT),
                    answer_text(l, answers, q::IMPACT)
                )
            })
            .unwrap_or_default();
        lines.push(format!(
            "{}: {sev}{because}",
            td_string!(l, result.severity_label)
        ));
    }
    if let Some(r) = out.response {
        lines.push(format!(
            "{}: {}",
            td_string!(l, result.response_label),
            response_text(l, &r)
        ));
        if let Some(by) = r.contact_by {
            lines.push(format!(
                "{}: {}",
                td_string!(l, result.contact_by),
                instant_text(l, by, zone)
            ));
        }
    }
    if out.response.is_none() {
        if let Some(text) = slot_text(out, "response") {
            lines.push(format!("{}: {text}", td_string!(l, result.response_label)));
        }
    }

    if let Some(z) = zone {
        lines.push(format!(
            "{}: {}",
            use_policy_texts().question_summary(q::TIME_ZONE),
            crate::ui::format::zone_label(l, z.name())
        ));
    }
    if answers.get(q::LANGUAGE).is_some() {
        lines.push(format!(
            "{}: {}",
            use_policy_texts().question_summary(q::LANGUAGE),
            answer_text(l, answers, q::LANGUAGE)
        ));
    }
    if let Some(route) = slot_text(out, "route") {
        lines.push(format!("{}: {route}", td_string!(l, result.go_to)));
    }
    lines.join("\n")
}

/// Compare plans: for the visitor's situation, every plan × business impact, as the engine
/// evaluates it (the reverse query `outcomes_by_plan`). Rows that differ from the visitor's plan
/// are marked.
#[component]
fn PlanMatrix(answers: Answers) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let impacts: Vec<u8> = (0..QUESTIONS
        .get(usize::from(q::IMPACT))
        .map_or(0, |d| d.options.len()))
        .filter_map(|i| u8::try_from(i).ok())
        .collect();
    let current_plan = answers.choice(q::PLAN);
    let holidays = crate::ui::embed::use_holidays();
    let table = move || {
        let l = loc();
        let now = crate::ui::format::device_now();
        let ctx = Context {
            now: Some(now),
            holidays: &holidays,
        };
        let header = impacts
            .iter()
            .map(|&i| view! { <th scope="col">{use_policy_texts().option(q::IMPACT, i)}</th> })
            .collect_view();
        // Every cell is the engine's outcome for that plan and impact: one reverse query
        // (`outcomes_by_plan`) per impact column. The visitor's own plan's row is the baseline the
        // other rows are compared with.
        let cell_text = |out: &Outcome| match (slot_text(out, "severity"), out.response) {
            (Some(sev), Some(r)) => format!("{sev}: {}", response_text(l, &r)),
            (Some(sev), None) => match slot_text(out, "response") {
                Some(silent) => format!("{sev}: {silent}"),
                None => sev,
            },
            _ => slot_text(out, "coverage").unwrap_or_default(),
        };
        let columns: Vec<Vec<(u8, String)>> = impacts
            .iter()
            .map(|&impact| {
                let mut what_if = answers;
                what_if.set_index(q::IMPACT, Answer::Choice(impact));
                outcomes_by_plan(&what_if, &ctx)
                    .iter()
                    .map(|(plan, out)| (*plan, cell_text(out)))
                    .collect()
            })
            .collect();
        let cell = |plan: u8, col: usize| -> String {
            columns
                .get(col)
                .and_then(|c| c.iter().find(|(p, _)| *p == plan))
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        };
        let plans: Vec<u8> = columns
            .first()
            .map(|c| c.iter().map(|(p, _)| *p).collect())
            .unwrap_or_default();
        let rows = plans
            .into_iter()
            .map(|plan| {
                let mine = current_plan == Some(plan);
                let cells = (0..impacts.len())
                    .map(|col| {
                        let text = cell(plan, col);
                        let differs = !mine && current_plan.is_some_and(|p| cell(p, col) != text);
                        view! {
                            <td class:matrix__differs=differs>
                                {text}
                                {differs.then(|| view! { <span class="visually-hidden">" " {td_string!(l, result.differs)}</span> })}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr class:matrix__mine=mine>
                        <th scope="row">
                            {use_policy_texts().option(q::PLAN, plan)}
                            {mine.then(|| view! { " " <strong>{td_string!(l, result.your_plan)}</strong> })}
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="matrix-caption">
                <table class="matrix">
                    <caption id="matrix-caption">{td_string!(l, result.matrix_caption)}</caption>
                    <thead><tr><th scope="col">{use_policy_texts().question_summary(q::PLAN)}</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    view! { <section class="result-section">{table}</section> }
}

/// The live clock of the language journey: is the region's support window open now, when does it
/// open next, and this week's windows in the visitor's own time zone. Updates every 30 seconds.
#[component]
fn LanguageClock(answers: Answers, now: ReadSignal<DateTime<Utc>>) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let zone = answers.zone(q::TIME_ZONE);
    let hours = region_weekly_hours(&answers);
    // The embedding page's public holidays, as the answer above the clock counts them: without
    // them the clock could say "Open now" on a holiday the answer skips.
    let holidays = std::sync::Arc::new(crate::ui::embed::use_holidays());
    let status_holidays = holidays.clone();
    let status = move || {
        let l = loc();
        let now = now.get();
        let hours = hours?;
        Some(if hours.is_open(now, &status_holidays) {
            td_string!(l, result.open_now).to_string()
        } else {
            let opens = hours.next_opening(now, &status_holidays)?;
            let mins = (opens - now).num_minutes().max(0);
            fill(
                td_string!(l, result.opens_in),
                &[("time", &format!("{}:{:02}", mins / 60, mins % 60))],
            )
        })
    };
    let week = move || {
        let l = loc();
        let hours = hours?;
        let now = now.get();
        let items = hours
            .windows_between(now, now + chrono::TimeDelta::days(7), &holidays)
            .into_iter()
            .map(|w| view! { <li>{instant_text(l, w.start, zone)} " – " {instant_text(l, w.end, zone)}</li> })
            .collect_view();
        Some(view! {
            <h3>{td_string!(l, result.week_title)}</h3>
            <ul class="windows">{items}</ul>
        })
    };
    view! {
        <section class="result-section clock" aria-labelledby="clock-title">
            <h2 id="clock-title">{move || td_string!(loc(), result.clock_title)}</h2>
            // Not announced: it counts down every minute, and a screen reader would interrupt the
            // visitor each time. It is read when the visitor reaches it.
            <p class="clock__status" role="status" aria-live="off">{status}</p>
            {week}
        </section>
    }
}
