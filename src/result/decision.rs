//! The decision: what the customer should do, as the page's title, built from the answer's rows.
//! "File a request in the Power Platform admin center. Choose Severity A. Expect contact by
//! 01:07." Each sentence is typed here; the page words it in the reader's language.

use crate::policy::data::{s, v};
use crate::policy::text::TextId;
use crate::result::headline::Row;
use chrono::{DateTime, Utc};

/// One sentence of the decision, in the order the page writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sentence {
    /// Reopen the original incident or open a new one (`v::reopen`).
    Reopen(u8),
    /// What the on-premises offer allows, when it does not simply work (`v::offer_state`).
    Offer(u8),
    /// The plan does not cover this request.
    NotCovered,
    /// Nothing to file, and coverage is neither "not covered" nor absent: what the coverage is
    /// ("the documents do not say", "not a support-plan matter"; `v::coverage`).
    Coverage(u8),
    /// Not covered, and the route is where such a request would be filed under a plan that covers
    /// it: filing it needs such a plan first. (Never "file it there" next to "not covered".)
    NeedsPlan,
    /// What to do for a route (`v::route`): "File a request in …", "Contact your …".
    Go(u8),
    /// The severity to choose (`v::severity`).
    Choose(u8),
    /// When to expect contact; `in_english_until`: the requested language opens only later, so
    /// this first contact will be in English.
    ContactBy {
        at: DateTime<Utc>,
        in_english_until: Option<DateTime<Utc>>,
    },
    /// Whether the requested language is served now (`v::language_now`).
    Language(u8),
    /// When the requested language is next served.
    LanguageOpens(DateTime<Utc>),
}

impl Sentence {
    /// The policy text the sentence says: a slot value's name ("Reopen the original incident",
    /// "Severity A (critical business impact)") or the route's action ("File a request in …").
    /// `None` for the sentences the page words alone (not covered, needs a plan, times).
    pub fn text(&self) -> Option<TextId> {
        Some(match *self {
            Sentence::Reopen(x) => TextId::slot_value(s::REOPEN, x),
            Sentence::Offer(x) => TextId::slot_value(s::OFFER_STATE, x),
            Sentence::Coverage(x) => TextId::slot_value(s::COVERAGE, x),
            Sentence::Language(x) => TextId::slot_value(s::LANGUAGE_NOW, x),
            Sentence::Go(r) => TextId::route_action(r),
            Sentence::Choose(x) => TextId::slot_value(s::SEVERITY, x),
            _ => return None,
        })
    }

    /// The sentence's kind, as a number (the page cover opens a page for each kind).
    pub fn kind(&self) -> u8 {
        match self {
            Sentence::Reopen(_) => 0,
            Sentence::Offer(_) => 1,
            Sentence::NotCovered => 2,
            Sentence::Coverage(_) => 3,
            Sentence::NeedsPlan => 4,
            Sentence::Go(_) => 5,
            Sentence::Choose(_) => 6,
            Sentence::ContactBy {
                in_english_until: None,
                ..
            } => 7,
            Sentence::ContactBy { .. } => 8,
            Sentence::Language(_) => 9,
            Sentence::LanguageOpens(_) => 10,
        }
    }
}

/// The routes where a plan's request is filed: "not covered" there means "you need a plan".
const FILING_ROUTES: [u8; 5] = [
    v::route::PPAC,
    v::route::LCS,
    v::route::SUPPORT_FOR_BUSINESS,
    v::route::SERVICES_HUB,
    v::route::PREMIER_PORTAL,
];

/// The decision for an answer's rows. Never empty: every result has a route or a language
/// (tested over every path in tests/next_steps.rs).
pub fn sentences(rows: &[Row]) -> Vec<Sentence> {
    let find = |f: fn(&Row) -> Option<u8>| rows.iter().find_map(f);
    let route = find(|r| match r {
        Row::Route(x) => Some(*x),
        _ => None,
    });
    let coverage = find(|r| match r {
        Row::Coverage(x) => Some(*x),
        _ => None,
    });
    let opens = rows.iter().find_map(|r| match r {
        Row::LanguageOpens(at) => Some(*at),
        _ => None,
    });
    let not_covered = coverage == Some(v::coverage::NOT_COVERED);
    let mut out = Vec::new();
    for row in rows {
        match *row {
            Row::Reopen(x) => out.push(Sentence::Reopen(x)),
            Row::OfferState(x) if x != v::offer_state::USABLE => out.push(Sentence::Offer(x)),
            _ => {}
        }
    }
    if not_covered {
        out.push(Sentence::NotCovered);
    }
    match route {
        Some(r) if not_covered && FILING_ROUTES.contains(&r) => out.push(Sentence::NeedsPlan),
        Some(v::route::NONE) | None => {
            if let Some(c) = coverage.filter(|_| !not_covered) {
                out.push(Sentence::Coverage(c));
            }
        }
        Some(r) => out.push(Sentence::Go(r)),
    }
    for row in rows {
        match *row {
            Row::Severity(x) if !not_covered => out.push(Sentence::Choose(x)),
            Row::ContactBy(at) => out.push(Sentence::ContactBy {
                at,
                in_english_until: opens.filter(|&o| o > at),
            }),
            Row::LanguageNow(x) if route.is_none() => out.push(Sentence::Language(x)),
            Row::LanguageOpens(at) if route.is_none() => out.push(Sentence::LanguageOpens(at)),
            _ => {}
        }
    }
    out
}

/// The key facts under the decision: the answer's rows the decision does not already say, in
/// row order. (The ticket summary still lists every row.)
pub fn key_facts(rows: &[Row], decision: &[Sentence]) -> Vec<Row> {
    let said = |row: &Row| {
        decision.iter().any(|s| match (s, row) {
            (Sentence::Reopen(_), Row::Reopen(_))
            | (Sentence::Offer(_), Row::OfferState(_))
            | (Sentence::NotCovered | Sentence::Coverage(_), Row::Coverage(_))
            | (Sentence::Go(_), Row::Route(_))
            | (Sentence::Choose(_), Row::Severity(_))
            | (Sentence::ContactBy { .. }, Row::ContactBy(_))
            | (Sentence::Language(_), Row::LanguageNow(_))
            | (Sentence::LanguageOpens(_), Row::LanguageOpens(_)) => true,
            (
                Sentence::ContactBy {
                    in_english_until, ..
                },
                Row::LanguageOpens(_),
            ) => in_english_until.is_some(),
            _ => false,
        })
    };
    rows.iter().copied().filter(|r| !said(r)).collect()
}
