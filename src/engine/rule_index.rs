//! Which rules can fire for a set of answers, found with a few AND operations instead of testing
//! every rule: the verifier evaluates millions of answer sets, and most of an evaluation's time
//! went into testing the conditions of rules that an answer already rules out.
//!
//! For each question and each of its possible values (or no answer), the index holds the set of
//! rules (one bit each) whose conditions on that question hold for it. The rules that can fire
//! for some answers are the intersection over all questions; only they are then tested in full
//! (their slot conditions depend on the rules before them). Answers do not change during an
//! evaluation, so the result is exactly the one of testing every rule.
//!
//! Native only: the browser evaluates once per page, and the index would cost wasm bytes for
//! nothing there.

use crate::engine::evaluate::holds_for;
use crate::policy::data::{QUESTION_COUNT, RULES};
use crate::policy::model::{Rule, Var};
use std::sync::OnceLock;

/// 64 rules per word.
const WORD: usize = 64;
/// Values an atom can name (its mask is 32 bits), plus "no answer".
const VALUES: usize = 33;
/// The most words the index serves (1,024 rules): the candidates of one evaluation then fit in an
/// array on the stack, with no allocation per evaluation. A larger rule set is evaluated rule by
/// rule (`for_rules`), correct but slower.
const MAX_WORDS: usize = 16;

/// The index of one rule set.
pub struct RuleIndex {
    words: usize,
    /// `[question][value][word]`, flattened; value 32 is "no answer".
    compatible: Vec<u64>,
}

impl RuleIndex {
    fn build(rules: &[Rule]) -> Self {
        let words = rules.len().div_ceil(WORD);
        let mut compatible = vec![u64::MAX; QUESTION_COUNT * VALUES * words];
        for (r, rule) in rules.iter().enumerate() {
            for atom in rule.when {
                let Var::Question(q) = atom.var else {
                    continue;
                };
                for value in 0..VALUES {
                    let v = u8::try_from(value).ok().filter(|&v| v < 32);
                    if !holds_for(atom, v) {
                        let at = (usize::from(q) * VALUES + value) * words + r / WORD;
                        if let Some(word) = compatible.get_mut(at) {
                            *word &= !(1u64 << (r % WORD));
                        }
                    }
                }
            }
        }
        RuleIndex { words, compatible }
    }

    /// The rules that can fire for these question values (`u8::MAX` = no answer), in order, as
    /// bit words: rule `i` is bit `i % 64` of word `i / 64` (words past the rules are unused).
    pub fn candidates(&self, questions: &[u8]) -> [u64; MAX_WORDS] {
        let mut out = [u64::MAX; MAX_WORDS];
        for (q, &value) in questions.iter().enumerate().take(QUESTION_COUNT) {
            let value = if value < 32 {
                usize::from(value)
            } else {
                VALUES - 1
            };
            let start = (q * VALUES + value) * self.words;
            if let Some(row) = self.compatible.get(start..start + self.words) {
                for (o, w) in out[..self.words].iter_mut().zip(row) {
                    *o &= w;
                }
            }
        }
        out
    }
}

/// The indices of the rules to test, in order: every rule, or with the compiled rules only those
/// the answers leave possible.
pub enum RuleOrder {
    All(std::ops::Range<usize>),
    Candidates {
        words: [u64; MAX_WORDS],
        /// How many of `words` hold rules.
        len: usize,
        word: usize,
        bits: u64,
    },
}

impl RuleOrder {
    /// `questions`: the answers' values, one per question (`u8::MAX` = none).
    pub fn new(rules: &[Rule], questions: Option<&[u8]>) -> Self {
        match (for_rules(rules), questions) {
            (Some(index), Some(questions)) => {
                let words = index.candidates(questions);
                RuleOrder::Candidates {
                    // No rules: nothing to test (the word past them is unused, all ones).
                    bits: if index.words > 0 { words[0] } else { 0 },
                    words,
                    len: index.words,
                    word: 0,
                }
            }
            _ => RuleOrder::All(0..rules.len()),
        }
    }
}

impl Iterator for RuleOrder {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            RuleOrder::All(range) => range.next(),
            RuleOrder::Candidates {
                words,
                len,
                word,
                bits,
            } => loop {
                if *bits != 0 {
                    let bit = bits.trailing_zeros() as usize;
                    *bits &= *bits - 1;
                    return Some(*word * WORD + bit);
                }
                *word += 1;
                if *word >= *len {
                    return None;
                }
                *bits = words[*word];
            },
        }
    }
}

/// The index of the compiled rules, or `None` for another rule set (a test's planted copy is
/// evaluated rule by rule) or more rules than `MAX_WORDS` words hold.
pub fn for_rules(rules: &[Rule]) -> Option<&'static RuleIndex> {
    static INDEX: OnceLock<RuleIndex> = OnceLock::new();
    (std::ptr::eq(rules, RULES) && RULES.len() <= MAX_WORDS * WORD)
        .then(|| INDEX.get_or_init(|| RuleIndex::build(RULES)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::answers::Answers;
    use crate::engine::evaluate::{evaluate_in, Context};

    /// The index never drops a rule that fires: evaluating with it and rule by rule (a copy of
    /// the rules, which has no index) gives the same outcome on every scenario-like answer set.
    #[test]
    fn the_index_gives_the_same_outcomes_as_testing_every_rule() {
        let copy: Vec<Rule> = RULES.to_vec();
        let now = chrono::DateTime::parse_from_rfc3339("2025-02-04T18:00:00Z")
            .map(|d| d.with_timezone(&chrono::Utc))
            .ok();
        let ctx = Context { now, holidays: &[] };
        let sets: [&[(&str, &str)]; 4] = [
            &[
                ("product", "ce_app"),
                ("issue", "break_fix"),
                ("preview", "ga"),
                ("plan", "subscription"),
                ("role", "admin"),
                ("impact", "moderate"),
                ("region", "north_america"),
                ("language", "english"),
            ],
            &[
                ("product", "ce_onprem"),
                ("onprem_offer", "gold20"),
                ("have_ids", "yes"),
                ("lifecycle", "not_sure"),
                ("version", "not_sure"),
                ("impact", "critical"),
            ],
            &[
                ("product", "power_apps"),
                ("issue", "outage"),
                ("service_health", "not_listed"),
                ("plan", "unified_core"),
                ("role", "admin"),
                ("ea_enrollment", "not_sure"),
                ("impact", "critical"),
            ],
            &[],
        ];
        for pairs in sets {
            let answers = Answers::from_pairs(pairs.iter().copied()).expect("valid answers");
            let indexed = evaluate_in(RULES, &answers, &ctx);
            let plain = evaluate_in(&copy, &answers, &ctx);
            assert_eq!(indexed.fired, plain.fired, "{pairs:?}");
            assert_eq!(indexed.slots, plain.slots, "{pairs:?}");
        }
    }
}
