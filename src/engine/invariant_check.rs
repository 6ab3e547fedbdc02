//! What an invariant reads of one outcome, and which invariants can apply to it.
//!
//! The verifier checks every invariant (`policy/invariants.toml`) on every evaluation of every
//! path, millions of times. Two things keep that cheap:
//!
//! * [`CheckValues`]: the values an invariant's atoms can read, in one flat table, so an atom is
//!   one lookup rather than a walk through the answers and the outcome;
//! * [`InvariantIndex`]: for each variable some invariant's `when` reads and each of its values,
//!   the set of invariants (one bit each) whose `when` atoms on that variable hold for it. The
//!   invariants that can apply to an outcome are the intersection over those variables, a few
//!   AND operations; only they are then checked in full. Most invariants speak of one situation
//!   (a plan, a topic), so most are ruled out this way, and the full check of the rest is the
//!   same as before: the index only skips invariants whose `when` would fail.

use crate::engine::answers::{Answer, Answers};
use crate::engine::outcome::Outcome;
use crate::policy::data::{QUESTION_COUNT, RESPONSE_MINUTES, SLOT_COUNT};
use crate::policy::model::{CheckAtom, CheckVar, Invariant};

/// Cells of the table: per question whether it is answered and its choice, per slot its value,
/// the response clock and the response minutes.
const CHECK_VARS: usize = 2 * QUESTION_COUNT + SLOT_COUNT + 2;

/// No value in a cell.
const NONE: u8 = u8::MAX;

/// The values an invariant's atoms can read, for one outcome (no value = `u8::MAX`).
pub struct CheckValues([u8; CHECK_VARS]);

impl CheckValues {
    pub fn new(answers: &Answers, out: &Outcome) -> Self {
        let mut values = [NONE; CHECK_VARS];
        for q in 0..QUESTION_COUNT {
            let Ok(q8) = u8::try_from(q) else { break };
            let answer = answers.get(q8);
            if let Some(cell) = values.get_mut(q) {
                *cell = answer.map_or(NONE, |_| 0);
            }
            if let (Some(Answer::Choice(o)), Some(cell)) =
                (answer, values.get_mut(QUESTION_COUNT + q))
            {
                *cell = o;
            }
        }
        for (s, slot) in out.slots.iter().enumerate() {
            if let (Some(v), Some(cell)) = (slot, values.get_mut(2 * QUESTION_COUNT + s)) {
                *cell = v.value;
            }
        }
        if let Some(r) = out.response {
            let clock = 2 * QUESTION_COUNT + SLOT_COUNT;
            if let Some(cell) = values.get_mut(clock) {
                *cell = u8::from(!r.around_the_clock);
            }
            let minutes = RESPONSE_MINUTES
                .iter()
                .position(|&m| m == r.minutes)
                .and_then(|i| u8::try_from(i).ok());
            if let (Some(m), Some(cell)) = (minutes, values.get_mut(clock + 1)) {
                *cell = m;
            }
        }
        CheckValues(values)
    }

    /// Whether `atom` holds.
    pub fn holds(&self, atom: &CheckAtom) -> bool {
        holds_for(atom, self.0.get(cell(atom.var)).copied().unwrap_or(NONE))
    }
}

/// The table cell that holds `var`'s value.
fn cell(var: CheckVar) -> usize {
    match var {
        CheckVar::Answered(q) => usize::from(q),
        CheckVar::Question(q) => QUESTION_COUNT + usize::from(q),
        CheckVar::Slot(s) => 2 * QUESTION_COUNT + usize::from(s),
        CheckVar::ResponseClock => 2 * QUESTION_COUNT + SLOT_COUNT,
        CheckVar::ResponseMinutes => 2 * QUESTION_COUNT + SLOT_COUNT + 1,
    }
}

/// Whether `atom` holds for a cell's value. A value has a bit in the mask; no value (and a value
/// past the mask's 64 bits) is in no mask, so only a negated atom holds for it.
fn holds_for(atom: &CheckAtom, value: u8) -> bool {
    (value < 64 && atom.mask >> value & 1 == 1) != atom.negated
}

/// 64 invariants per word.
const WORD: usize = 64;
/// Values a cell can have that a mask can name, plus one row for "none (or past the mask)".
const VALUES: usize = 65;

/// The cells that hold answers (whether answered, and the choice): the same for every instant a
/// path is evaluated at.
const ANSWER_CELLS: usize = 2 * QUESTION_COUNT;

/// The invariants (of one list, by position) that can apply to an outcome.
pub struct InvariantIndex {
    /// How many invariants the index was built for.
    count: usize,
    words: usize,
    /// The cells some `when` reads, in order: the answer cells (`ANSWER_CELLS`) first.
    cells: Vec<usize>,
    /// How many of `cells` are answer cells.
    answer_cells: usize,
    /// `[cells position][value][word]`, flattened: the invariants whose `when` atoms on that
    /// cell hold for that value. Value `VALUES - 1` is "none".
    compatible: Vec<u64>,
    /// The intersection over the answer cells for the last answers seen (`last_answers`): a path
    /// is evaluated at two instants with the same answers.
    last_answers: Option<[u8; ANSWER_CELLS]>,
    answer_words: Vec<u64>,
    /// The working space of [`Self::applying`].
    words_buf: Vec<u64>,
}

impl InvariantIndex {
    pub fn new(invariants: &[&Invariant]) -> Self {
        let count = invariants.len();
        let words = count.div_ceil(WORD);
        let mut cells: Vec<usize> = invariants
            .iter()
            .flat_map(|i| i.when.iter().map(|a| cell(a.var)))
            .collect();
        cells.sort_unstable();
        cells.dedup();
        let answer_cells = cells.iter().filter(|&&c| c < ANSWER_CELLS).count();
        let mut compatible = vec![u64::MAX; cells.len() * VALUES * words];
        for (i, invariant) in invariants.iter().enumerate() {
            for atom in invariant.when {
                let Ok(at) = cells.binary_search(&cell(atom.var)) else {
                    continue;
                };
                for value in 0..VALUES {
                    // Row `VALUES - 1` is "none"; the others are the values a mask can name.
                    let v = u8::try_from(value).ok().filter(|&v| v < 64).unwrap_or(NONE);
                    if !holds_for(atom, v) {
                        if let Some(word) =
                            compatible.get_mut((at * VALUES + value) * words + i / WORD)
                        {
                            *word &= !(1u64 << (i % WORD));
                        }
                    }
                }
            }
        }
        InvariantIndex {
            count,
            words,
            cells,
            answer_cells,
            compatible,
            last_answers: None,
            answer_words: vec![u64::MAX; words],
            words_buf: vec![u64::MAX; words],
        }
    }

    /// ANDs into `out` the rows of `cells[range]` for `values`.
    fn intersect(&self, values: &CheckValues, range: std::ops::Range<usize>, out: &mut [u64]) {
        for k in range {
            let Some(&c) = self.cells.get(k) else {
                break;
            };
            let value = values.0.get(c).copied().unwrap_or(NONE);
            let value = if value < 64 {
                usize::from(value)
            } else {
                VALUES - 1
            };
            let start = (k * VALUES + value) * self.words;
            if let Some(row) = self.compatible.get(start..start + self.words) {
                for (o, w) in out.iter_mut().zip(row) {
                    *o &= w;
                }
            }
        }
    }

    /// The positions (in the list the index was built for), in order, of the invariants whose
    /// `when` holds for `values`.
    pub fn applying(&mut self, values: &CheckValues) -> impl Iterator<Item = usize> + '_ {
        let answers = values.0.get(..ANSWER_CELLS).and_then(|a| a.try_into().ok());
        if answers.is_none() || answers != self.last_answers {
            let mut words = std::mem::take(&mut self.answer_words);
            words.fill(u64::MAX);
            self.intersect(values, 0..self.answer_cells, &mut words);
            self.answer_words = words;
            self.last_answers = answers;
        }
        let mut words = std::mem::take(&mut self.words_buf);
        words.copy_from_slice(&self.answer_words);
        self.intersect(values, self.answer_cells..self.cells.len(), &mut words);
        self.words_buf = words;
        let count = self.count;
        self.words_buf
            .iter()
            .enumerate()
            .flat_map(move |(w, &bits)| {
                (0..WORD)
                    .filter(move |b| bits >> b & 1 == 1)
                    .map(move |b| w * WORD + b)
                    .filter(move |&i| i < count)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluate;
    use crate::engine::verifier::sample_instants;
    use crate::policy::data::INVARIANTS;

    /// The index must name exactly the invariants whose `when` holds, on real outcomes.
    #[test]
    fn the_index_names_exactly_the_invariants_whose_when_holds() {
        let all: Vec<&Invariant> = INVARIANTS.iter().collect();
        let mut index = InvariantIndex::new(&all);
        let now = sample_instants()[0];
        let cases = [
            vec![],
            vec![("issue", "break_fix"), ("plan", "unified_core")],
            vec![("issue", "onsite"), ("plan", "premier"), ("region", "emea")],
            vec![
                ("onprem_offer", "gold20"),
                ("activation_date", "2024-01-10"),
            ],
        ];
        let mut applying_somewhere = 0;
        for pairs in cases {
            let Ok(answers) = Answers::from_pairs(pairs.iter().copied()) else {
                continue;
            };
            let out = evaluate(&answers, now);
            let values = CheckValues::new(&answers, &out);
            let by_index: Vec<usize> = index.applying(&values).collect();
            let by_test: Vec<usize> = all
                .iter()
                .enumerate()
                .filter(|(_, i)| i.when.iter().all(|a| values.holds(a)))
                .map(|(n, _)| n)
                .collect();
            assert_eq!(by_index, by_test, "answers {pairs:?}");
            applying_somewhere += by_test.len();
        }
        assert!(applying_somewhere > 0, "no case exercised an invariant");
    }
}
