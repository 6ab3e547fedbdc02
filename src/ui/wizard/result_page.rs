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
use crate::policy::text::index::page;
use crate::policy::text::TextId;
use crate::policy::Journey;
use crate::result::alternatives::options_in;
use crate::result::{
    result_view, CellValue, ClockStatus, PlanMatrix, Reason, ResultView, Row, RowKind, RowValue,
    Sentence, Step, SummaryLine,
};
use crate::state::Page;
use crate::ui::format::{date_text, day_text, instant_text, short_instant_text, time_text};
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::{use_navigation, RouteLink};
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
    let texts = use_policy_texts();
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

    let decision = move || {
        let l = loc();
        view.with(|v| decision_text(l, texts, &v.decision, v.zone))
    };
    let headline_rows = move || {
        let l = loc();
        view.with(|v| {
            v.facts
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
    // The decision, announced once when the page shows (not again when the clock ticks).
    if let Some(announcer) = use_context::<crate::ui::a11y::Announcer>() {
        let (l, text) = untrack(|| (loc(), decision()));
        announcer.say(format!("{}. {text}", td_string!(l, result.title)));
    }
    let on_kiosk = use_context::<crate::state::KioskConfig>().is_some_and(|k| k.enabled);
    let steps = move || {
        let l = loc();
        let answers = answers;
        view.with(|v| {
            v.steps
                .iter()
                .map(|step| view! { <li>{step_view(l, texts, step, &answers, on_kiosk)}</li> })
                .collect_view()
        })
    };

    let summary_text = Memo::new(move |_| {
        let l = loc();
        view.with(|v| ticket_summary(l, &answers, &v.summary, v.zone))
    });
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
    let nav = use_navigation();
    let printed = move || {
        let l = loc();
        // The app's own encoding of this page, not the address bar: no kiosk or unknown
        // parameters, nothing a crafted link put there.
        let query = nav.route.with(crate::state::Route::to_query);
        let link = format!("{}{query}", crate::ui::kiosk::qr::own_address());
        fill(
            td_string!(l, result.printed),
            &[
                ("date", &date_text(l, now.get().date_naive())),
                ("link", &link),
            ],
        )
    };

    // The page is built in three stages, each in the task after the one before was painted, so
    // that "See your answer" paints the answer itself quickly: (1) the decision, the steps, the
    // summary with Copy and the key facts, the first screenful (Copy comes before the facts so
    // that it is within the first two screens of a phone); (2) the closed sections below;
    // (3) the rules for support staff inside their closed disclosure (at once if the visitor
    // opens it first). A later stage only adds content below all that is shown, so nothing the
    // visitor is reading moves; focus (on the h1) and the announcement are not affected.
    let stage = RwSignal::new(1u8);
    next_stage_after_paint(stage);
    let below_answer = Memo::new(move |_| stage.get() >= 2);

    view! {
        <div class="back-link"><RouteLink route=back_route>{move || td_string!(loc(), wizard.back)}</RouteLink></div>
        // Not a live region: the app's announcer says the decision once (above), and while
        // support is open "expect contact by" changes every minute.
        <h1 tabindex="-1" class="decision">
            <span class="decision__caption">{move || td_string!(loc(), result.title)}</span>
            " " <span class="decision__text">{decision}</span>
        </h1>
        // On paper only: when it was printed and the link back to this answer.
        <p class="print-only">{printed}</p>
        <section class="next-steps" aria-labelledby="steps-title">
            <h2 id="steps-title">{move || texts.page(page::STEPS_TITLE)}</h2>
            <ol class="steps">{steps}</ol>
            // Kiosk mode only: the links as a QR code to take along.
            {on_kiosk.then(|| view! { <p class="steps__kiosk">{move || texts.page(page::KIOSK_SCAN)}</p> })}
            <crate::ui::kiosk::ContinueOnPhone />
        </section>
        <section class="result-section summary" aria-labelledby="summary-title" id="summary">
            <h2 id="summary-title">{move || td_string!(loc(), result.summary_title)}</h2>
            // On a kiosk the clipboard and the printer are shared with the next visitor: the
            // summary travels by the QR code instead.
            {(!on_kiosk).then(|| view! {
                <div class="button-group">
                    <button type="button" class="button" on:click=copy>{move || td_string!(loc(), result.copy)}</button>
                    <button type="button" class="button button--secondary" on:click=print>{move || td_string!(loc(), result.print)}</button>
                </div>
            })}
            <p role="status" class="copy-status">{move || copied.get().map(|ok| if ok { td_string!(loc(), result.copied) } else { td_string!(loc(), result.copy_failed) })}</p>
            <details class="summary__text">
                <summary>{move || texts.page(page::SUMMARY_SHOW)}</summary>
                <pre class="ticket-summary" tabindex="0">{move || summary_text.get()}</pre>
            </details>
        </section>
        // No key facts when the decision says everything (the language journey's answer).
        {move || view.with(|v| !v.facts.is_empty()).then(|| view! {
            <section class="answer" aria-labelledby="facts-title">
                <h2 id="facts-title">{move || texts.page(page::FACTS_TITLE)}</h2>
                <dl class="answer__list">{headline}</dl>
            </section>
        })}
        {move || below_answer.get().then(|| view! { <ResultDetails journey answers=answers view stage /> })}
    }
}

/// The decision, sentence by sentence, in the reader's language.
fn decision_text(
    l: Locale,
    texts: crate::ui::policy_text::PolicyTexts,
    sentences: &[Sentence],
    zone: Option<CustomerZone>,
) -> String {
    let time = |at| short_instant_text(l, at, zone);
    sentences
        .iter()
        .map(|sentence| {
            let text = sentence.text().map(|t| texts.get(t)).unwrap_or_default();
            match *sentence {
                Sentence::NotCovered => texts.page(page::DECISION_NOT_COVERED),
                Sentence::NeedsPlan => texts.page(page::DECISION_NEEDS_PLAN),
                Sentence::Choose(_) => {
                    fill(&texts.page(page::DECISION_CHOOSE), &[("severity", &text)])
                }
                Sentence::ContactBy {
                    at,
                    in_english_until: None,
                } => fill(
                    &texts.page(page::DECISION_CONTACT_BY),
                    &[("time", &time(at))],
                ),
                Sentence::ContactBy {
                    at,
                    in_english_until: Some(opens),
                } => fill(
                    &texts.page(page::DECISION_CONTACT_ENGLISH),
                    &[("time", &time(at)), ("opens", &time(opens))],
                ),
                Sentence::LanguageOpens(at) => fill(
                    &texts.page(page::DECISION_LANGUAGE_OPENS),
                    &[("time", &time(at))],
                ),
                // A route's action or a slot value's name, made a sentence.
                _ => fill(&texts.page(page::DECISION_SENTENCE), &[("text", &text)]),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One next step: its text, with its link (an outside address, this page's summary, or another
/// journey). On a kiosk an outside address is not a link: the QR code carries the page instead.
fn step_view(
    l: Locale,
    texts: crate::ui::policy_text::PolicyTexts,
    step: &Step,
    answers: &Answers,
    on_kiosk: bool,
) -> AnyView {
    match *step {
        Step::Open { route, url } => outside_link(
            String::new(),
            texts.get(TextId::route_open(route)),
            Some(url),
            on_kiosk,
        ),
        Step::Lifecycle { url } => outside_link(
            String::new(),
            texts.page(page::STEP_LIFECYCLE),
            Some(url),
            on_kiosk,
        ),
        Step::IfAnswer { alternative, url } => {
            // "If your answer is “A” or “B”: Do this." (or "For any other answer: …"), then the link.
            // With a second unknown answer: "If your answer is “A”, and for “Release status” it
            // is “B”: …".
            let or = texts.page(page::STEP_OR);
            let listed = |question: u8, options: u32| {
                let mut answers = String::new();
                for o in options_in(options) {
                    if !answers.is_empty() {
                        answers.push_str(&or);
                    }
                    answers.push_str(&texts.get(TextId::option(question, o)));
                }
                answers
            };
            let mut lead = if alternative.otherwise {
                texts.page(page::STEP_OTHERWISE)
            } else {
                let answers = listed(alternative.question, alternative.options);
                match alternative.and {
                    Some((second, options)) => fill(
                        &texts.page(page::STEP_IF_AND),
                        &[
                            ("answers", &answers),
                            ("question", &texts.get(TextId::question_summary(second))),
                            ("second", &listed(second, options)),
                        ],
                    ),
                    None => fill(&texts.page(page::STEP_IF), &[("answers", &answers)]),
                }
            };
            lead.push(' ');
            lead.push_str(&fill(
                &texts.page(page::DECISION_SENTENCE),
                &[("text", &texts.get(TextId::route_action(alternative.route)))],
            ));
            lead.push(' ');
            outside_link(
                lead,
                texts.get(TextId::route_open(alternative.route)),
                url,
                on_kiosk,
            )
        }
        Step::Documented(e) => view! { {explanation_text(e.text)} }.into_any(),
        Step::ReopenThere => texts.page(page::STEP_REOPEN_THERE).into_any(),
        Step::PasteSummary => {
            view! { <a href="#summary">{texts.page(page::STEP_PASTE)}</a> }.into_any()
        }
        Step::Journey(j) => {
            let label = if j == Journey::ComparePlans {
                texts.page(page::STEP_COMPARE)
            } else {
                texts.page(page::STEP_FIND_ROUTE)
            };
            let route = route_to(j, Page::Next, *answers);
            let _ = l;
            view! { <RouteLink route=route>{label}</RouteLink> }.into_any()
        }
    }
}

/// `prefix`, then a link to an outside address, if there is one. On a kiosk it is not a link:
/// the QR code carries the page instead, and the address is printed. Inside an embed the site
/// cannot open in the frame, so it opens in a new tab. (One function for every step with an
/// outside address: each distinct view type costs wasm bytes.)
fn outside_link(
    prefix: String,
    label: String,
    url: Option<&'static str>,
    on_kiosk: bool,
) -> AnyView {
    match url {
        Some(url) if on_kiosk => view! {
            {prefix} <span class="step__link">{label}</span> " " <span class="step__url">{url}</span>
        }
        .into_any(),
        Some(url) => {
            let target = crate::ui::embed::is_widget().then_some("_blank");
            view! { {prefix} <a href=url target=target rel="noopener">{label}</a> }.into_any()
        }
        None => prefix.into_any(),
    }
}

/// Everything below the summary (stage 2 of `ResultPage`), each part closed under a one-line
/// title: the plan matrix or live clock of some journeys, the notices, the explanations by
/// section with their numbered sources, where Microsoft's pages differ, and the rules for support
/// staff (their list in stage 3); then "Start again".
#[component]
fn ResultDetails(
    journey: Journey,
    answers: Answers,
    view: Memo<ResultView>,
    stage: RwSignal<u8>,
) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let texts = use_policy_texts();
    let restart = route_to(journey, Page::Next, Answers::new());
    let _ = &answers;
    let sections = move || {
        let l = loc();
        view.with(|v| {
            v.sections
                .iter()
                .map(|section| {
                    let id = section.section.id();
                    let gist = section.gist.map(|row| format!(": {}", row_text(l, &row, v.zone)));
                    let items = section
                        .items
                        .iter()
                        .zip(&section.notes)
                        .map(|(e, notes)| {
                            let refs = notes
                                .iter()
                                .map(|n| {
                                    let href = format!("#src-{id}-{n}");
                                    let label = fill(&texts.page(page::NOTE_LABEL), &[("n", &n.to_string())]);
                                    view! { <sup><a href=href aria-label=label>{n.to_string()}</a></sup> }
                                })
                                .collect_view();
                            view! { <li>{explanation_text(e.text)} {refs}</li> }
                        })
                        .collect_view();
                    let sources = section
                        .sources
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let anchor = format!("src-{id}-{}", i + 1);
                            view! { <li id=anchor><Source cite=*c /></li> }
                        })
                        .collect_view();
                    // "This follows from your answers: Business impact: Critical", read off the
                    // rules in the core (`result::why`).
                    let because = (!section.because.is_empty()).then(|| {
                        let answered = section
                            .because
                            .iter()
                            .map(|reason| {
                                let (label, value) = match *reason {
                                    Reason::Answered { question, answer } => {
                                        (texts.get(question).to_owned(), texts.get(answer).to_owned())
                                    }
                                    Reason::Follows(row) => {
                                        (row_label(l, row.kind()).to_owned(), row_text(l, &row, v.zone))
                                    }
                                };
                                view! { <li>{label} ": " {value}</li> }
                            })
                            .collect_view();
                        view! {
                            <p class="because__intro">{texts.page(page::BECAUSE_INTRO)}</p>
                            <ul class="because">{answered}</ul>
                        }
                    });
                    view! {
                        <details class="result-section">
                            <summary>{section_title(l, section.section)}{gist}</summary>
                            {because}
                            <ul class="result-list">{items}</ul>
                            <h3 class="sources__title">{texts.page(page::SOURCES_TITLE)}</h3>
                            <ol class="sources">{sources}</ol>
                        </details>
                    }
                })
                .collect_view()
        })
    };

    let differ = move || {
        let notes = view.with(|v| v.sources_differ.clone());
        (!notes.is_empty()).then(|| {
            let items = notes
                .into_iter()
                .map(|note| view! { <li>{texts.get(note.text)}</li> })
                .collect_view();
            view! {
                <details class="result-section notice--differ">
                    <summary>{texts.page(page::DIFFER_TITLE)}</summary>
                    <ul>{items}</ul>
                </details>
            }
        })
    };

    // Notices that make the answer itself less certain (a wrong clock, no time zone) come first;
    // the holiday caveat, which only qualifies a business-hours time, after the sections.
    let notices = move |caveat: bool| {
        let l = loc();
        view.with(|v| {
            v.notices
                .iter()
                .filter(|n| (**n == Notice::HolidaysUnknown) == caveat)
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

    // The rules for support staff: their list is stage 3, or built at once if opened first.
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
                                " " <StaffSources cites=entry.explanation.cites />
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

    let extra = match journey {
        // Closed like the sections: the decision above answers for the visitor's own plan.
        Journey::ComparePlans => view! {
            <details class="result-section">
                <summary>{move || td_string!(loc(), result.matrix_caption)}</summary>
                <PlanMatrixTable view />
            </details>
            <details class="result-section">
                <summary>{move || td_string!(loc(), result.finder_title)}</summary>
                <crate::ui::wizard::plan_finder::PlanFinder view />
            </details>
        }
        .into_any(),
        Journey::LanguageHours => view! { <LanguageClock view /> }.into_any(),
        _ => ().into_any(),
    };
    let checked = move || {
        crate::result::portals::checked().map(|d| {
            fill(
                &texts.page(page::LINKS_CHECKED),
                &[("date", &date_text(loc(), d))],
            )
        })
    };
    view! {
        {move || notices(false)}
        {extra}
        <h2 class="details__title">{move || texts.page(page::DETAILS_TITLE)}</h2>
        {sections}
        {move || notices(true)}
        {differ}
        <details class="trace" on:toggle=open_trace>
            <summary>{move || texts.page(page::STAFF_TITLE)}</summary>
            <ol class="trace__list">{trace}</ol>
        </details>
        <p class="links-checked">{checked}</p>
        <p class="start-again"><RouteLink route=restart>{move || td_string!(loc(), result.start_again)}</RouteLink></p>
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

/// A numbered source of a section: the document's title and section, in the reader's language,
/// with the cited lines in the original ("Original text").
#[component]
fn Source(cite: Citation) -> impl IntoView {
    let texts = use_policy_texts();
    let title = move || texts.get(TextId::document(usize::from(cite.seed)));
    let section = move || section_of(&cite).map(|i| texts.get(TextId::section(i)));
    view! {
        <cite>{title} " — " {section}</cite>
        <crate::ui::wizard::original_text::OriginalText cite=cite />
    }
}

/// The citations of a rule, for support staff: document, section and the lines cited.
#[component]
fn StaffSources(cites: &'static [Citation]) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let items = cites
        .iter()
        .map(|c| {
            let texts = use_policy_texts();
            let title = move || texts.get(TextId::document(usize::from(c.seed)));
            let label = citation_label(c);
            view! {
                <span class="source">
                    <cite>{title}</cite> " " <span class="source__lines">"(" {label} ")"</span>
                    <crate::ui::wizard::original_text::OriginalText cite=*c />
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
            SummaryLine::Said(sentence) => decision_text(l, texts, &[sentence], zone),
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
                                {differs.then(|| view! { <span class="matrix__note">{td_string!(l, result.differs)}</span> })}
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
                &[
                    ("h", &(minutes / 60).to_string()),
                    ("mm", &format!("{:02}", minutes % 60)),
                ],
            )),
            ClockStatus::NoOpening => None,
        }
    };
    let week = move || {
        let l = loc();
        let (runs, zone) = view.with(|v| (v.clock.as_ref().map(|c| c.runs.clone()), v.zone));
        // One line per run of days with the same hours: "Mon 3 Feb – Fri 7 Feb, 09:00 – 17:30";
        // a day on its own: "Wed 5 Feb, 06:00 – 18:00".
        let items = runs?
            .into_iter()
            .map(|r| {
                let days = if r.first == r.last {
                    day_text(l, r.first.start, zone)
                } else {
                    format!(
                        "{} – {}",
                        day_text(l, r.first.start, zone),
                        day_text(l, r.last.start, zone)
                    )
                };
                let hours = format!(
                    "{} – {}",
                    time_text(l, r.first.start, zone),
                    time_text(l, r.first.end, zone)
                );
                view! { <li>{days} ", " {hours}</li> }
            })
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
