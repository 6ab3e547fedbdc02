//! What a result page shows, decided in the policy core: `result_view(journey, &answers, &ctx)`.
//!
//! The Leptos page renders a [`ResultView`]: it maps text ids to strings in the reader's language,
//! formats instants and dates, and writes markup. It decides nothing. Everything a customer can
//! read on a result page (which rows the answer has and in which order, which explanations,
//! which notes, the plan matrix and its "differs" marks, the plan finder, the language clock and
//! the ticket summary) is computed here, so it is tested natively, by id, and the page cover
//! (`page_cover`) checks the same rows the page shows.

pub mod alternatives;
pub mod clock;
pub mod decision;
pub mod explanations;
pub mod headline;
pub mod matrix;
pub mod next_steps;
pub mod page_cover;
pub mod plan_finder;
pub mod portals;
pub mod summary;
pub mod why;

pub use alternatives::Alternative;
pub use clock::{ClockStatus, LanguageClock, WindowRun};
pub use decision::Sentence;
pub use explanations::{ConflictNote, Explanation, SectionView, TraceEntry};
pub use headline::{ResponseTime, Row, RowKind, RowValue};
pub use matrix::{CellValue, MatrixCell, MatrixRow, PlanMatrix};
pub use next_steps::Step;
pub use plan_finder::{BuyOption, BuyWay, Wish, WishAnswer};
pub use summary::SummaryLine;
pub use why::Reason;

use crate::engine::outcome::Notice;
use crate::engine::{evaluate_with, Answers, Context};
use crate::hours::CustomerZone;
use crate::policy::data::q;
use crate::policy::Journey;

/// Everything a result page shows, in the order it shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultView {
    pub journey: Journey,
    /// What to do, as the page's title: sentence by sentence.
    pub decision: Vec<Sentence>,
    /// The numbered next steps, at least one with a link.
    pub steps: Vec<Step>,
    /// The answer: its rows, in order (the ticket summary and the page cover read them).
    pub headline: Vec<Row>,
    /// The key facts under the steps: the rows the decision does not say.
    pub facts: Vec<Row>,
    /// The customer's time zone, for writing the rows' instants (None: UTC).
    pub zone: Option<CustomerZone>,
    /// Compare plans only: every plan × business impact.
    pub matrix: Option<PlanMatrix>,
    /// Compare plans only: "which plans give me …?", one answer per wish.
    pub plan_finder: Vec<WishAnswer>,
    /// Compare plans only: how to buy or upgrade, as the billing journey's rules answer it.
    pub how_to_buy: Vec<BuyOption>,
    /// The language journey only: open now or when it opens, and this week's windows.
    pub clock: Option<LanguageClock>,
    /// Where the sources disagree in a way that affected this answer.
    pub sources_differ: Vec<ConflictNote>,
    pub notices: Vec<Notice>,
    /// The explanations, by section, in the page's section order.
    pub sections: Vec<SectionView>,
    /// The ticket summary, line by line.
    pub summary: Vec<SummaryLine>,
    /// "Why this answer": every rule that fired, in evaluation order.
    pub trace: Vec<TraceEntry>,
}

/// The result page of `journey` for `answers`, in `ctx` (the instant and the embedding page's
/// public holidays: the headline and the live clock count the same ones).
pub fn result_view(journey: Journey, answers: &Answers, ctx: &Context) -> ResultView {
    let out = evaluate_with(answers, ctx);
    let compare = journey == Journey::ComparePlans;
    let rows = headline::rows(&out);
    let sections = explanations::sections(&out, answers, &rows);
    let documented = sections
        .iter()
        .find(|s| s.section == crate::policy::model::Section::Steps);
    let decision = decision::sentences(&rows);
    let summary = summary::lines(answers, &rows, &decision);
    let alternatives = alternatives::of(&rows, answers, ctx);
    ResultView {
        journey,
        facts: decision::key_facts(&rows, &decision),
        decision,
        steps: next_steps::steps(journey, &rows, documented, &alternatives),
        zone: answers.zone(q::TIME_ZONE),
        matrix: compare.then(|| matrix::plan_matrix(answers, ctx)),
        plan_finder: if compare {
            plan_finder::answers(answers, ctx)
        } else {
            Vec::new()
        },
        how_to_buy: if compare {
            plan_finder::how_to_buy(answers)
        } else {
            Vec::new()
        },
        clock: (journey == Journey::LanguageHours)
            .then(|| clock::language_clock(answers, ctx))
            .flatten(),
        sources_differ: explanations::sources_differ(&out),
        notices: out.notices.clone(),
        summary,
        trace: explanations::trace(&out),
        headline: rows,
        sections,
    }
}
