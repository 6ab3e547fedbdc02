//! The ticket summary: plain lines to paste into the portal's form. Which answers and which
//! parts of the result it lists, and which answer justifies the severity, is decided here.

use crate::engine::Answers;
use crate::policy::data::q;
use crate::result::decision::Sentence;
use crate::result::headline::{Row, RowKind};

/// One line of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryLine {
    /// "Product: Power Apps": a question's short name and the visitor's answer.
    Answer { question: u8 },
    /// A row of the answer. `because`: the question whose answer justifies it (the business
    /// impact, for the severity), written after it.
    Row { row: Row, because: Option<u8> },
    /// A sentence of the decision, as the page's title says it: the contact that will come in
    /// English before the language window opens, which the agent should know too.
    Said(Sentence),
}

/// The answers a summary starts with, in this order, when given.
const SITUATION: [u8; 5] = [
    q::PRODUCT,
    q::DEPLOYMENT,
    q::ISSUE,
    q::PLAN,
    q::ONPREM_OFFER,
];

/// The summary of an answer whose rows and decision `result_view` has already built.
pub fn lines(answers: &Answers, rows: &[Row], decision: &[Sentence]) -> Vec<SummaryLine> {
    let given = |question: u8| answers.get(question).is_some();
    let answer = |question: u8| SummaryLine::Answer { question };
    let row = |kind: RowKind| rows.iter().copied().find(|r| r.kind() == kind);
    let mut lines: Vec<SummaryLine> = SITUATION
        .into_iter()
        .filter(|&x| given(x))
        .map(answer)
        .collect();
    if let Some(severity) = row(RowKind::Severity) {
        lines.push(SummaryLine::Row {
            row: severity,
            because: given(q::IMPACT).then_some(q::IMPACT),
        });
    }
    if let Some(r) = row(RowKind::Response) {
        lines.push(SummaryLine::Row {
            row: r,
            because: None,
        });
    }
    // "Expect contact by 01:00, in English: your language is offered only from 09:00" when
    // that is the case; otherwise the plain row.
    let in_english = decision.iter().copied().find(|s| {
        matches!(
            s,
            Sentence::ContactBy {
                in_english_until: Some(_),
                ..
            }
        )
    });
    match (in_english, row(RowKind::ContactBy)) {
        (Some(said), _) => lines.push(SummaryLine::Said(said)),
        (None, Some(r)) => lines.push(SummaryLine::Row {
            row: r,
            because: None,
        }),
        (None, None) => {}
    }
    lines.extend(
        [q::TIME_ZONE, q::LANGUAGE]
            .into_iter()
            .filter(|&x| given(x))
            .map(answer),
    );
    if let Some(route) = row(RowKind::Route) {
        lines.push(SummaryLine::Row {
            row: route,
            because: None,
        });
    }
    lines
}
