//! Which rules can fire for a set of answers, found with a few AND operations instead of testing
//! every rule: the verifier evaluates millions of answer sets, and most of an evaluation's time
//! went into testing the conditions of rules that an answer already rules out.
//!
//! For each question and each of its possible values (or no answer), the index holds the set of
//! rules (one bit each) whose conditions on that question hold for it. The rules that can fire
//! for some answers are the intersection over all questions; only their atoms on slots are then
//! tested (slots depend on the rules before them). Answers do not change during an evaluation,
//! so the result is exactly the one of testing every rule. The candidates of the last answers
//! are kept per thread: the verifier evaluates each complete path at two instants with the same
//! answers.
//!
//! Native only: the browser evaluates once per page, and the index would cost wasm bytes for
//! nothing there.

use crate::engine::evaluate::holds_for;
use crate::policy::data::{QUESTION_COUNT, RULES};
use crate::policy::model::{Atom, Rule, Var};
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
    /// Each rule's atoms on slots, flattened (`slot_starts[r]..slot_starts[r + 1]`): a candidate
    /// already meets its atoms on questions, so only these are left to test.
    slot_atoms: Vec<Atom>,
    slot_starts: Vec<usize>,
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
        let mut slot_atoms = Vec::new();
        let mut slot_starts = vec![0];
        for rule in rules {
            slot_atoms.extend(rule.when.iter().filter(|a| matches!(a.var, Var::Slot(_))));
            slot_starts.push(slot_atoms.len());
        }
        RuleIndex {
            words,
            compatible,
            slot_atoms,
            slot_starts,
        }
    }

    /// The atoms of rule `r` the index has not already decided: those on slots.
    fn undecided(&self, r: usize) -> Option<&[Atom]> {
        let start = *self.slot_starts.get(r)?;
        let end = *self.slot_starts.get(r + 1)?;
        self.slot_atoms.get(start..end)
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

impl RuleIndex {
    /// [`Self::candidates`], remembered for the last answers seen on this thread: the verifier
    /// evaluates each complete path at two instants (the region open and closed) with the same
    /// answers, and the candidates depend on the answers only.
    fn candidates_cached(&self, questions: &[u8]) -> [u64; MAX_WORDS] {
        thread_local! {
            static LAST: std::cell::Cell<Option<([u8; QUESTION_COUNT], [u64; MAX_WORDS])>> =
                const { std::cell::Cell::new(None) };
        }
        let Ok(key) = <[u8; QUESTION_COUNT]>::try_from(questions) else {
            return self.candidates(questions);
        };
        LAST.with(|last| match last.get() {
            Some((k, words)) if k == key => words,
            _ => {
                let words = self.candidates(questions);
                last.set(Some((key, words)));
                words
            }
        })
    }
}

/// The rules to test, in order, each as its index and the atoms of its condition still to test:
/// every rule with all its atoms, or with the compiled rules only those the answers leave
/// possible, with their atoms on slots (a candidate already meets its atoms on questions, and
/// answers do not change during an evaluation).
pub struct RuleOrder<'r> {
    rules: &'r [Rule],
    next: Next,
}

enum Next {
    All(std::ops::Range<usize>),
    Candidates {
        index: &'static RuleIndex,
        words: [u64; MAX_WORDS],
        /// How many of `words` hold rules.
        len: usize,
        word: usize,
        bits: u64,
    },
}

impl<'r> RuleOrder<'r> {
    /// `questions`: the answers' values, one per question (`u8::MAX` = none).
    pub fn new(rules: &'r [Rule], questions: Option<&[u8]>) -> Self {
        let next = match (for_rules(rules), questions) {
            (Some(index), Some(questions)) => {
                let words = index.candidates_cached(questions);
                Next::Candidates {
                    index,
                    // No rules: nothing to test (the word past them is unused, all ones).
                    bits: if index.words > 0 { words[0] } else { 0 },
                    words,
                    len: index.words,
                    word: 0,
                }
            }
            _ => Next::All(0..rules.len()),
        };
        RuleOrder { rules, next }
    }
}

impl<'r> Iterator for RuleOrder<'r> {
    type Item = (usize, &'r [Atom]);

    fn next(&mut self) -> Option<Self::Item> {
        let all = |r: usize| self.rules.get(r).map_or(&[][..], |rule| rule.when);
        match &mut self.next {
            Next::All(range) => range.next().map(|r| (r, all(r))),
            Next::Candidates {
                index,
                words,
                len,
                word,
                bits,
            } => loop {
                if *bits != 0 {
                    let r = *word * WORD + bits.trailing_zeros() as usize;
                    *bits &= *bits - 1;
                    return Some((r, index.undecided(r).unwrap_or_else(|| all(r))));
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

    /// The same on every path of the smaller journeys, at both instants of each: one after the
    /// other, so the cached candidates of one path are tested against the next.
    #[test]
    fn the_index_gives_the_same_outcomes_on_every_path_of_three_journeys() {
        use crate::engine::outcome::Outcome;
        use crate::engine::paths::{sample_instants, PathVisitor, PathWalk};
        use crate::policy::Journey;
        use chrono::{DateTime, Utc};

        struct Compare {
            copy: Vec<Rule>,
            paths: usize,
        }
        impl PathVisitor for Compare {
            fn leaf(&mut self, answers: &Answers, _: &[u8], now: DateTime<Utc>, out: &Outcome) {
                let ctx = Context {
                    now: Some(now),
                    holidays: &[],
                };
                let plain = evaluate_in(&self.copy, answers, &ctx);
                assert_eq!(out.fired, plain.fired, "{:?}", answers.pairs());
                assert_eq!(out.slots, plain.slots, "{:?}", answers.pairs());
                assert_eq!(out.overrides, plain.overrides, "{:?}", answers.pairs());
                self.paths += 1;
            }
        }
        let instants = sample_instants();
        let mut compare = Compare {
            copy: RULES.to_vec(),
            paths: 0,
        };
        for journey in [Journey::Reopen, Journey::Billing, Journey::LanguageHours] {
            PathWalk::new(RULES, journey, &instants).run(&mut Answers::new(), &mut compare);
        }
        assert!(compare.paths > 100, "only {} paths", compare.paths);
    }
}
