//! The answer at the top of a result page: typed rows, in the order the page lists them.
//!
//! Each row holds the value of one outcome field, as an index into its slot's values (compare
//! with `policy::data::v::<slot>::<VALUE>`), an instant or a date. The page names a row by its
//! [`RowKind`] and writes its [`RowValue`]; it never reads a slot by name.

use crate::engine::outcome::Outcome;
use crate::policy::data::{s, v};
use crate::policy::text::TextId;
use chrono::{DateTime, NaiveDate, Utc};

/// The initial response time of a table cell, and the clock it counts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ResponseTime {
    pub minutes: u32,
    pub around_the_clock: bool,
}

impl ResponseTime {
    /// "Around the clock" or "Business hours only", as the `clock` slot's values name them.
    pub fn clock_text(self) -> TextId {
        let clock = if self.around_the_clock {
            v::clock::AROUND_THE_CLOCK
        } else {
            v::clock::BUSINESS_HOURS
        };
        TextId::slot_value(s::CLOCK, clock)
    }
}

/// One row of the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Where to go (`v::route`).
    Route(u8),
    /// Reopen or file a new request (`v::reopen`).
    Reopen(u8),
    /// What the on-premises offer allows (`v::offer_state`).
    OfferState(u8),
    /// Whether the plan covers it (`v::coverage`).
    Coverage(u8),
    /// Who files (`v::filer`).
    Filer(u8),
    /// The severity to choose (`v::severity`).
    Severity(u8),
    /// The response: the `response` slot's value (a table cell, or `silent` when the documents
    /// state no time), with the cell's time when it has one.
    Response {
        value: u8,
        time: Option<ResponseTime>,
    },
    /// When to expect contact.
    ContactBy(DateTime<Utc>),
    /// Whether support is in the requested language now (`v::language_now`).
    LanguageNow(u8),
    /// When the requested language is next staffed.
    LanguageOpens(DateTime<Utc>),
    /// When the agreement or pack expires.
    AgreementExpires(NaiveDate),
}

/// What a row is about: its heading on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowKind {
    Route,
    Reopen,
    OfferState,
    Coverage,
    Filer,
    Severity,
    Response,
    ContactBy,
    LanguageNow,
    LanguageOpens,
    AgreementExpires,
}

impl RowKind {
    /// Every kind, in page order.
    pub const ALL: [RowKind; 11] = [
        RowKind::Route,
        RowKind::Reopen,
        RowKind::OfferState,
        RowKind::Coverage,
        RowKind::Filer,
        RowKind::Severity,
        RowKind::Response,
        RowKind::ContactBy,
        RowKind::LanguageNow,
        RowKind::LanguageOpens,
        RowKind::AgreementExpires,
    ];

    /// The kind's id: the outcome field it shows, as the CLI's JSON and the scenarios name it.
    pub const fn id(self) -> &'static str {
        match self {
            RowKind::Route => "route",
            RowKind::Reopen => "reopen",
            RowKind::OfferState => "offer_state",
            RowKind::Coverage => "coverage",
            RowKind::Filer => "filer",
            RowKind::Severity => "severity",
            RowKind::Response => "response",
            RowKind::ContactBy => "contact_by",
            RowKind::LanguageNow => "language_now",
            RowKind::LanguageOpens => "language_opens",
            RowKind::AgreementExpires => "agreement_expires",
        }
    }

    /// The outcome slot a rule sets for this row; `None` for the rows the engine computes after
    /// the rules (instants and the agreement's expiry).
    pub const fn slot(self) -> Option<u8> {
        Some(match self {
            RowKind::Route => s::ROUTE,
            RowKind::Reopen => s::REOPEN,
            RowKind::OfferState => s::OFFER_STATE,
            RowKind::Coverage => s::COVERAGE,
            RowKind::Filer => s::FILER,
            RowKind::Severity => s::SEVERITY,
            RowKind::Response => s::RESPONSE,
            RowKind::LanguageNow => s::LANGUAGE_NOW,
            RowKind::ContactBy | RowKind::LanguageOpens | RowKind::AgreementExpires => return None,
        })
    }
}

/// How a row's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowValue {
    /// A policy text (a slot value's name).
    Text(TextId),
    /// A duration and the clock it counts on ("within 2 hours (around the clock)").
    Duration(ResponseTime),
    /// An instant, written in the customer's time zone.
    Instant(DateTime<Utc>),
    Date(NaiveDate),
}

impl Row {
    pub fn kind(&self) -> RowKind {
        match self {
            Row::Route(_) => RowKind::Route,
            Row::Reopen(_) => RowKind::Reopen,
            Row::OfferState(_) => RowKind::OfferState,
            Row::Coverage(_) => RowKind::Coverage,
            Row::Filer(_) => RowKind::Filer,
            Row::Severity(_) => RowKind::Severity,
            Row::Response { .. } => RowKind::Response,
            Row::ContactBy(_) => RowKind::ContactBy,
            Row::LanguageNow(_) => RowKind::LanguageNow,
            Row::LanguageOpens(_) => RowKind::LanguageOpens,
            Row::AgreementExpires(_) => RowKind::AgreementExpires,
        }
    }

    pub fn value(&self) -> RowValue {
        let text = |slot: u8, value: u8| RowValue::Text(TextId::slot_value(slot, value));
        match *self {
            Row::Route(x) => text(s::ROUTE, x),
            Row::Reopen(x) => text(s::REOPEN, x),
            Row::OfferState(x) => text(s::OFFER_STATE, x),
            Row::Coverage(x) => text(s::COVERAGE, x),
            Row::Filer(x) => text(s::FILER, x),
            Row::Severity(x) => text(s::SEVERITY, x),
            Row::Response { time: Some(t), .. } => RowValue::Duration(t),
            Row::Response { value, time: None } => text(s::RESPONSE, value),
            Row::ContactBy(at) | Row::LanguageOpens(at) => RowValue::Instant(at),
            Row::LanguageNow(x) => text(s::LANGUAGE_NOW, x),
            Row::AgreementExpires(d) => RowValue::Date(d),
        }
    }
}

/// Makes a row from a slot's value.
type MakeRow = fn(u8) -> Row;

/// The slots the answer leads with, in page order, and the row each becomes.
const SLOT_ROWS: [(u8, MakeRow); 6] = [
    (s::ROUTE, Row::Route),
    (s::REOPEN, Row::Reopen),
    (s::OFFER_STATE, Row::OfferState),
    (s::COVERAGE, Row::Coverage),
    (s::FILER, Row::Filer),
    (s::SEVERITY, Row::Severity),
];

/// The answer's rows for an outcome: each concluded headline slot, then the response and when
/// to expect contact, the language now and when it opens, and the agreement's expiry.
pub fn rows(out: &Outcome) -> Vec<Row> {
    let slot = |s: u8| out.slot_value(s);
    let mut rows: Vec<Row> = SLOT_ROWS
        .iter()
        .filter_map(|&(s, row)| slot(s).map(row))
        .collect();
    let time = out.response.map(|r| ResponseTime {
        minutes: r.minutes,
        around_the_clock: r.around_the_clock,
    });
    if let Some(value) = slot(s::RESPONSE) {
        rows.push(Row::Response { value, time });
    }
    if let Some(by) = out.response.and_then(|r| r.contact_by) {
        rows.push(Row::ContactBy(by));
    }
    if let Some(x) = slot(s::LANGUAGE_NOW) {
        rows.push(Row::LanguageNow(x));
    }
    if let Some(at) = out.language_window_opens {
        rows.push(Row::LanguageOpens(at));
    }
    if let Some(d) = out.agreement_expires {
        rows.push(Row::AgreementExpires(d));
    }
    rows
}
