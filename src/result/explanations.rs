//! The result page below the answer: the explanations by section, the "sources differ" notes and
//! the "Why this answer" trace. Each statement is a policy text with its citations.

use crate::engine::outcome::Outcome;
use crate::engine::Answers;
use crate::policy::data::{rule_label, section_of, CONFLICTS, RULES, SEEDS};
use crate::policy::model::{Citation, Section};
use crate::policy::text::TextId;
use crate::result::headline::{Row, RowKind};
use crate::result::why;

/// One statement: its text and where the sources say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub text: TextId,
    pub cites: &'static [Citation],
}

/// A section of explanations, in the page's order. The page shows it closed, under a one-line
/// gist; opened, each statement carries numbered notes that point into the section's sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionView {
    pub section: Section,
    pub items: Vec<Explanation>,
    /// The answer's row this section explains, shown next to its title while it is closed.
    pub gist: Option<Row>,
    /// The section's sources, each (document, section of it) once, in the order first cited. A
    /// page published in two languages counts once: a statement citing both copies cites the first.
    pub sources: Vec<Citation>,
    /// For each item, the 1-based numbers of its sources.
    pub notes: Vec<Vec<u8>>,
    /// What led to the gist: the visitor's answers, then the other rows it follows from.
    pub because: Vec<crate::result::why::Reason>,
}

/// The row a section explains.
fn gist_kind(section: Section) -> Option<RowKind> {
    Some(match section {
        Section::Where => RowKind::Route,
        Section::Who => RowKind::Filer,
        Section::Coverage => RowKind::Coverage,
        Section::Severity => RowKind::Severity,
        Section::Response => RowKind::Response,
        Section::Language => RowKind::LanguageNow,
        Section::Agreement => RowKind::AgreementExpires,
        _ => return None,
    })
}

/// A statement's citations without a second language copy of a page it already cites.
fn one_copy(cites: &[Citation]) -> Vec<Citation> {
    let title = |c: &Citation| SEEDS.get(usize::from(c.seed)).map(|s| s.title_en);
    let mut kept: Vec<Citation> = Vec::new();
    for c in cites {
        let other_copy = kept
            .iter()
            .any(|k| k.seed != c.seed && title(k) == title(c));
        if !other_copy {
            kept.push(*c);
        }
    }
    kept
}

/// The section's numbered sources and each item's notes.
fn footnotes(items: &[Explanation]) -> (Vec<Citation>, Vec<Vec<u8>>) {
    let mut sources: Vec<Citation> = Vec::new();
    let notes = items
        .iter()
        .map(|e| {
            let mut mine: Vec<u8> = Vec::new();
            for c in one_copy(e.cites) {
                let at = sources
                    .iter()
                    .position(|s| s.seed == c.seed && section_of(s) == section_of(&c))
                    .unwrap_or_else(|| {
                        sources.push(c);
                        sources.len() - 1
                    });
                let n = u8::try_from(at + 1).unwrap_or(u8::MAX);
                if !mine.contains(&n) {
                    mine.push(n);
                }
            }
            mine
        })
        .collect();
    (sources, notes)
}

/// A place where the sources disagree, and the reading this answer follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConflictNote {
    /// The conflict's id in `policy/conflicts.toml` (for tests and the trace, not the page).
    pub id: &'static str,
    pub text: TextId,
}

/// One rule that fired, for "Why this answer".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceEntry {
    pub explanation: Explanation,
    /// The rule's label (`PORTAL-3/b`).
    pub label: String,
    /// Its conclusion lost to a higher-priority rule, and is not part of the answer.
    pub overridden: bool,
}

/// The explanations of fired, not overridden rules, grouped by section in page order.
pub fn sections(out: &Outcome, answers: &Answers, rows: &[Row]) -> Vec<SectionView> {
    Section::ALL
        .into_iter()
        .filter_map(|section| {
            let items: Vec<Explanation> = out
                .shown_in(section)
                .map(|(i, r)| Explanation {
                    text: TextId::rule(i),
                    cites: r.cite,
                })
                .collect();
            if items.is_empty() {
                return None;
            }
            let (sources, notes) = footnotes(&items);
            let gist =
                gist_kind(section).and_then(|k| rows.iter().copied().find(|r| r.kind() == k));
            let because =
                gist.map_or_else(Vec::new, |g| why::because(out, answers, rows, g.kind()));
            Some(SectionView {
                section,
                items,
                gist,
                sources,
                notes,
                because,
            })
        })
        .collect()
}

pub fn sources_differ(out: &Outcome) -> Vec<ConflictNote> {
    out.sources_differ
        .iter()
        .filter_map(|&c| {
            let conflict = CONFLICTS.get(usize::from(c))?;
            Some(ConflictNote {
                id: conflict.id,
                text: TextId::conflict(usize::from(c)),
            })
        })
        .collect()
}

pub fn trace(out: &Outcome) -> Vec<TraceEntry> {
    out.fired
        .iter()
        .filter_map(|&i| {
            let rule = RULES.get(usize::from(i))?;
            Some(TraceEntry {
                explanation: Explanation {
                    text: TextId::rule(usize::from(i)),
                    cites: rule.cite,
                },
                label: rule_label(rule),
                overridden: out.is_overridden(i),
            })
        })
        .collect()
}
