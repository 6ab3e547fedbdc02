//! The result page below the answer: the explanations by section, the "sources differ" notes and
//! the "Why this answer" trace. Each statement is a policy text with its citations.

use crate::engine::outcome::Outcome;
use crate::policy::data::{rule_label, CONFLICTS, RULES};
use crate::policy::model::{Citation, Section};
use crate::policy::text::TextId;

/// One statement: its text and where the sources say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub text: TextId,
    pub cites: &'static [Citation],
}

/// A section of explanations, in the page's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionView {
    pub section: Section,
    pub items: Vec<Explanation>,
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
pub fn sections(out: &Outcome) -> Vec<SectionView> {
    Section::ALL
        .into_iter()
        .map(|section| SectionView {
            section,
            items: out
                .shown_in(section)
                .map(|(i, r)| Explanation {
                    text: TextId::rule(i),
                    cites: r.cite,
                })
                .collect(),
        })
        .filter(|s| !s.items.is_empty())
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
