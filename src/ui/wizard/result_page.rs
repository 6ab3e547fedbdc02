//! The result: the answer first (where to go, coverage, severity, response and when to expect
//! contact, language), then the explanations by section, "sources differ" notes, sources and the
//! "Why this answer" trace. What it shows is decided in the policy core (`result::result_view`);
//! this page writes it in the reader's language and decides nothing.

use crate::engine::outcome::Notice;
use crate::engine::{Answers, Context};
use crate::hours::CustomerZone;
use crate::i18n::{td_string, Locale};
use crate::policy::data::{citation_label, section_of};
use crate::policy::model::Citation;
use crate::policy::text::TextId;
use crate::policy::Journey;
use crate::result::{
    result_view, CellValue, ClockStatus, PlanMatrix, ResultView, Row, RowKind, RowValue,
    SummaryLine,
};
use crate::state::Page;
use crate::ui::format::{date_text, instant_text};
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::RouteLink;
use crate::ui::policy_text::use_policy_texts;
use crate::ui::text::{fill, section_title};
use crate::ui::wizard::{answer_text, route_to};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The current instant, refreshed every 30 seconds while the result page is open (the live clock
/// of the language journey, "open now" and "expect contact by" depend on it).
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

/// What "See your answer" would otherwise do first, and slowly, done ahead while the check page
/// is idle (`ui::warm_up`): the result view (its wasm code compiled on first call) and the two
/// `Intl` formatters of the headline for the answers' time zone (each a new
/// `Intl.DateTimeFormat`, about 10 ms at 4× CPU slowdown). The results are thrown away; the
/// formatters stay in `ui::format`'s cache for the visit.
pub fn prepare(l: Locale, journey: Journey, answers: &Answers, holidays: &[chrono::NaiveDate]) {
    let now = crate::ui::format::device_now();
    let ctx = Context {
        now: Some(now),
        holidays,
    };
    let zone = result_view(journey, answers, &ctx).zone;
    drop(instant_text(l, now, zone));
    drop(date_text(l, now.date_naive()));
}

#[component]
pub fn ResultPage(journey: Journey, answers: Answers) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let now = use_now();
    // Rebuilt at each tick of the clock: the view is a pure function of the answers, the instant
    // and the holidays. Public holidays come from the embedding page (`holidays=`), if it gave any; the answer and
    // the live clock count the same ones.
    let holidays = crate::ui::embed::use_holidays();
    // Not compared with the last view: it depends only on the clock's tick (contact times move
    // with it), so each tick is a new view, and comparing whole views cost wasm for nothing.
    let view = Memo::new_with_compare(
        move |_| {
            let ctx = Context {
                now: Some(now.get()),
                holidays: &holidays,
            };
            result_view(journey, &answers, &ctx)
        },
        |_, _| true,
    );
    let back_route = route_to(journey, Page::Check, answers);

    let headline_rows = move || {
        let l = loc();
        view.with(|v| {
            v.headline
                .iter()
                .map(|row| (row_label(l, row.kind()), row_text(l, row, v.zone)))
                .collect::<Vec<_>>()
        })
    };
    let headline = move || {
        headline_rows()
            .into_iter()
            .map(|(k, v)| view! { <div class="answer__row"><dt>{k}</dt><dd>{v}</dd></div> })
            .collect_view()
    };
    // The answer, announced once when the page shows (not again when the clock ticks).
    if let Some(announcer) = use_context::<crate::ui::a11y::Announcer>() {
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
        {move || below_answer.get().then(|| view! { <ResultDetails journey answers view stage /> })}
    }
}

/// Everything below the answer (stage 2 of `ResultPage`): the plan matrix or live clock of some
/// journeys, "sources differ", notices, the explanations by section, the ticket summary with
/// Copy and Print, "Why this answer" (its list in stage 3) and "Start again".
#[component]
fn ResultDetails(
    journey: Journey,
    answers: Answers,
    view: Memo<ResultView>,
    stage: RwSignal<u8>,
) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let restart = route_to(journey, Page::Next, Answers::new());
    let sections = move || {
        let l = loc();
        view.with(|v| {
            v.sections
                .iter()
                .map(|section| {
                    let heading = format!("section-{}", section.section.id());
                    let labelled_by = heading.clone();
                    let items = section
                        .items
                        .iter()
                        .map(|e| view! { <li>{explanation_text(e.text)} " " <Sources cites=e.cites with_original=false /></li> })
                        .collect_view();
                    view! {
                        <section class="result-section" aria-labelledby=labelled_by>
                            <h2 id=heading>{section_title(l, section.section)}</h2>
                            <ul class="result-list">{items}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };

    let texts = use_policy_texts();
    let differ = move || {
        let l = loc();
        let notes = view.with(|v| v.sources_differ.clone());
        (!notes.is_empty()).then(|| {
            let items = notes
                .into_iter()
                .map(|note| view! { <li>{texts.get(note.text)} " (" {note.id} ")"</li> })
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
        let l = loc();
        view.with(|v| {
            v.notices
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
        })
    };

    // "Why this answer": its list is stage 3, or built at once if the visitor opens it first.
    let trace_built = Memo::new(move |_| stage.get() >= LAST_STAGE);
    let trace = move || {
        trace_built.get().then(|| {
            let l = loc();
            view.with(|v| {
                v.trace
                    .iter()
                    .map(|entry| {
                        let overridden = entry.overridden;
                        view! {
                            <li class:trace--overridden=overridden>
                                <span class="trace__id">{entry.label.clone()}</span> " "
                                {explanation_text(entry.explanation.text)}
                                {overridden.then(|| view! { " " <em>{td_string!(l, result.overridden)}</em> })}
                                " " <Sources cites=entry.explanation.cites with_original=true />
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let open_trace = move |_| {
        if stage.get_untracked() < LAST_STAGE {
            stage.set(LAST_STAGE);
        }
    };

    let summary_text = Memo::new(move |_| {
        let l = loc();
        view.with(|v| ticket_summary(l, &answers, &v.summary, v.zone))
    });
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
            <PlanMatrixTable view />
            <crate::ui::wizard::plan_finder::PlanFinder view />
        }
        .into_any(),
        Journey::LanguageHours => view! { <LanguageClock view /> }.into_any(),
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

/// A statement's text in the interface language.
fn explanation_text(text: TextId) -> impl IntoView {
    let texts = use_policy_texts();
    view! { <span class="rule-text">{move || texts.get(text)}</span> }
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

/// A row's heading.
fn row_label(l: Locale, kind: RowKind) -> &'static str {
    match kind {
        RowKind::Route => td_string!(l, result.go_to),
        RowKind::Reopen => td_string!(l, result.reopen_label),
        RowKind::OfferState => td_string!(l, result.offer_label),
        RowKind::Coverage => td_string!(l, result.coverage_label),
        RowKind::Filer => td_string!(l, result.filer_label),
        RowKind::Severity => td_string!(l, result.severity_label),
        RowKind::Response => td_string!(l, result.response_label),
        RowKind::ContactBy => td_string!(l, result.contact_by),
        RowKind::LanguageNow => td_string!(l, result.language_label),
        RowKind::LanguageOpens => td_string!(l, result.language_opens),
        RowKind::AgreementExpires => td_string!(l, result.agreement_expires),
    }
}

/// A row's value: a policy text, "within 2 hours (Business hours only)", an instant in the
/// customer's zone, or a date.
pub(crate) fn row_text(l: Locale, row: &Row, zone: Option<CustomerZone>) -> String {
    match row.value() {
        RowValue::Text(id) => use_policy_texts().get(id),
        RowValue::Duration(t) => format!(
            "{} ({})",
            duration_text(l, t.minutes),
            use_policy_texts().get(t.clock_text())
        ),
        RowValue::Instant(at) => instant_text(l, at, zone),
        RowValue::Date(d) => date_text(l, d),
    }
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

/// The ticket summary's lines as plain text to paste into the portal form.
fn ticket_summary(
    l: Locale,
    answers: &Answers,
    lines: &[SummaryLine],
    zone: Option<CustomerZone>,
) -> String {
    let texts = use_policy_texts();
    lines
        .iter()
        .map(|line| match *line {
            SummaryLine::Answer { question } => format!(
                "{}: {}",
                texts.get(TextId::question_summary(question)),
                answer_text(l, answers, question)
            ),
            SummaryLine::Row { row, because } => {
                let because = because
                    .map(|q| {
                        format!(
                            " ({}: {})",
                            texts.get(TextId::question_summary(q)),
                            answer_text(l, answers, q)
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{}: {}{because}",
                    row_label(l, row.kind()),
                    row_text(l, &row, zone)
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A matrix cell: "B: within 2 hours (around the clock)", or the coverage answer.
fn cell_text(l: Locale, cell: &CellValue) -> String {
    match cell {
        CellValue::Severity {
            severity,
            response: Some(response),
        } => format!(
            "{}: {}",
            row_text(l, severity, None),
            row_text(l, response, None)
        ),
        CellValue::Severity {
            severity,
            response: None,
        } => row_text(l, severity, None),
        CellValue::Coverage(coverage) => row_text(l, coverage, None),
        CellValue::Nothing => String::new(),
    }
}

/// Compare plans: for the visitor's situation, every plan × business impact, as the engine
/// evaluates it. Cells that differ from the visitor's plan are marked.
#[component]
fn PlanMatrixTable(view: Memo<ResultView>) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let texts = use_policy_texts();
    let table = move || {
        let l = loc();
        view.with(|v| {
            v.matrix
                .as_ref()
                .map(|matrix| matrix_table(l, texts, matrix))
        })
    };
    view! { <section class="result-section">{table}</section> }
}

fn matrix_table(
    l: Locale,
    texts: crate::ui::policy_text::PolicyTexts,
    matrix: &PlanMatrix,
) -> impl IntoView {
    {
        let header = matrix
            .impacts
            .iter()
            .map(|&id| view! { <th scope="col">{texts.get(id)}</th> })
            .collect_view();
        let rows = matrix
            .rows
            .iter()
            .map(|row| {
                let mine = row.mine;
                let cells = row
                    .cells
                    .iter()
                    .map(|cell| {
                        let differs = cell.differs;
                        view! {
                            <td class:matrix__differs=differs>
                                {cell_text(l, &cell.value)}
                                {differs.then(|| view! { <span class="visually-hidden">" " {td_string!(l, result.differs)}</span> })}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr class:matrix__mine=mine>
                        <th scope="row">
                            {texts.get(row.plan)}
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
                    <thead><tr><th scope="col">{texts.get(matrix.plan_heading)}</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}

/// The live clock of the language journey: is the region's support window open now, when does it
/// open next, and this week's windows in the visitor's own time zone. Updates every 30 seconds.
#[component]
fn LanguageClock(view: Memo<ResultView>) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let status = move || {
        let l = loc();
        match view.with(|v| v.clock.as_ref().map(|c| c.status))? {
            ClockStatus::OpenNow => Some(td_string!(l, result.open_now).to_string()),
            ClockStatus::OpensIn { minutes, .. } => Some(fill(
                td_string!(l, result.opens_in),
                &[("time", &format!("{}:{:02}", minutes / 60, minutes % 60))],
            )),
            ClockStatus::NoOpening => None,
        }
    };
    let week = move || {
        let l = loc();
        let (windows, zone) = view.with(|v| (v.clock.as_ref().map(|c| c.week.clone()), v.zone));
        let items = windows?
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
