//! "Why this answer", from the reader's own answers: for a row of the answer (where to go, the
//! severity, ...), the answers the visitor gave that the deciding rule required. "You answered
//! Critical business impact, so: Severity A" reads better than a rule id, and it is true by
//! construction: it is read off the rule that set the slot, not written separately.
//!
//! A rule may test another slot rather than an answer (the response time tests the severity,
//! which tests the business impact). When that slot is a row of the answer, the reason is that
//! row ("Severity A"), whose own section gives its reasons; otherwise the walk follows the rule
//! that set it.
//! Negated conditions ("not a preview") are not reasons a visitor recognises as their choice and
//! are left out; so are slots the engine derives from dates, counts and the clock (their rows say
//! what they are on their own).

use crate::engine::outcome::Outcome;
use crate::engine::Answers;
use crate::policy::data::{QUESTIONS, RULES, SLOTS};
use crate::policy::model::{QuestionKind, Var};
use crate::policy::text::TextId;
use crate::result::headline::{Row, RowKind};

/// One reason for a row of the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// An answer the visitor gave: the question's short label and the option chosen, as on
    /// "Check your answers".
    Answered { question: TextId, answer: TextId },
    /// Another row of the same answer ("Severity A" for the response time): the chain reads
    /// "Critical → Severity A → within 1 hour", each row giving its own reasons.
    Follows(Row),
}

/// How many rules deep the walk follows slots that are not rows of the answer. Chains in the
/// rule base are short; the bound keeps the walk total whatever the data.
const MAX_DEPTH: usize = 6;

/// The reasons for `kind`'s row in question order, then the rows it follows from; empty when
/// the row does not come from a rule (the clock's instants) or the rule needs nothing the visitor
/// chose.
pub fn because(out: &Outcome, answers: &Answers, rows: &[Row], kind: RowKind) -> Vec<Reason> {
    let Some(slot) = kind.slot() else {
        return Vec::new();
    };
    let mut walk = Walk {
        out,
        rows,
        questions: Vec::new(),
        follows: Vec::new(),
        seen: vec![slot],
    };
    walk.rule_of(slot, 0);
    // In question order, then in row order, each once: read off by position rather than sorted
    // (a sort here would add its generic code to the wasm for a handful of items).
    let answered = (0..QUESTIONS.len())
        .filter_map(|q| u8::try_from(q).ok())
        .filter(|q| walk.questions.contains(q))
        .filter_map(|q| {
            let option = answers.choice(q)?;
            Some(Reason::Answered {
                question: TextId::question_summary(q),
                answer: TextId::option(q, option),
            })
        });
    let follows = RowKind::ALL
        .iter()
        .filter_map(|&k| walk.follows.iter().find(|r| r.kind() == k).copied())
        .map(Reason::Follows);
    answered.chain(follows).collect()
}

struct Walk<'a> {
    out: &'a Outcome,
    rows: &'a [Row],
    questions: Vec<u8>,
    follows: Vec<Row>,
    seen: Vec<u8>,
}

impl Walk<'_> {
    /// Reads the conditions of the rule that set `slot`: its choice questions are reasons, a slot
    /// that is a row of the answer is a reason as that row, any other slot is followed.
    fn rule_of(&mut self, slot: u8, depth: usize) {
        if depth >= MAX_DEPTH || SLOTS.get(usize::from(slot)).is_none_or(|s| s.derived) {
            return;
        }
        let Some(set) = self.out.slots.get(usize::from(slot)).copied().flatten() else {
            return;
        };
        let Some(rule) = RULES.get(usize::from(set.rule)) else {
            return;
        };
        for atom in rule.when.iter().filter(|a| !a.negated) {
            match atom.var {
                Var::Question(q) => {
                    let is_choice = QUESTIONS
                        .get(usize::from(q))
                        .is_some_and(|d| d.kind == QuestionKind::Choice);
                    if is_choice {
                        self.questions.push(q);
                    }
                }
                Var::Slot(s) if !self.seen.contains(&s) => {
                    self.seen.push(s);
                    match self.rows.iter().find(|r| r.kind().slot() == Some(s)) {
                        Some(row) => self.follows.push(*row),
                        None => self.rule_of(s, depth + 1),
                    }
                }
                Var::Slot(_) => {}
            }
        }
    }
}
