//! A visitor's answers, keyed by question. Values are validated on the way in, so the engine
//! only ever sees well-formed answers; anything else is reported, never guessed.

use crate::engine::iso_date;
use crate::hours::CustomerZone;
use crate::policy::data::{option_index, question_index, QUESTIONS, QUESTION_COUNT};
use crate::policy::model::QuestionKind;
use chrono::NaiveDate;

/// One answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Index into the question's options.
    Choice(u8),
    Date(NaiveDate),
    Count(u32),
    Zone(CustomerZone),
}

/// Why the question page does not accept what was entered, one case per message: each says what
/// to do instead ("Enter the number in figures, such as 3"), not only that something is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    ChooseAnOption,
    EnterANumber,
    NotAWholeNumber,
    EnterADate,
    NotADate,
    ChooseAZone,
    DateInFuture,
}

/// Why `raw` is not an answer to question `q` (whose parse failed): nothing entered, or
/// something that is not a value of the question's kind.
pub fn refusal(q: u8, raw: &str) -> Refusal {
    let empty = raw.trim().is_empty();
    match QUESTIONS.get(usize::from(q)).map(|d| d.kind) {
        Some(QuestionKind::Count) if empty => Refusal::EnterANumber,
        Some(QuestionKind::Count) => Refusal::NotAWholeNumber,
        Some(QuestionKind::Date) if empty => Refusal::EnterADate,
        Some(QuestionKind::Date) => Refusal::NotADate,
        Some(QuestionKind::Zone) => Refusal::ChooseAZone,
        Some(QuestionKind::Choice) | None => Refusal::ChooseAnOption,
    }
}

impl From<Implausible> for Refusal {
    fn from(i: Implausible) -> Self {
        match i {
            Implausible::DateInFuture => Refusal::DateInFuture,
        }
    }
}

/// Why an answer that fits its question still cannot be right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implausible {
    /// Every date the wizard asks for (when an incident was closed, when an agreement was
    /// activated or a 5-pack bought) lies in the past, or is today.
    DateInFuture,
}

/// Whether `answer` can be right on `today` (the customer's date). The question page refuses an
/// implausible answer with its own message; the engine, given one through a link, treats the
/// date as unknown (`engine::derived`).
pub fn implausible(answer: Answer, today: NaiveDate) -> Option<Implausible> {
    match answer {
        Answer::Date(d) if d > today => Some(Implausible::DateInFuture),
        _ => None,
    }
}

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion(String),
    UnknownOption { question: String, value: String },
    BadDate { question: String, value: String },
    BadCount { question: String, value: String },
    UnknownZone { question: String, value: String },
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::UnknownQuestion(q) => write!(f, "unknown question `{q}`"),
            AnswerError::UnknownOption { question, value } => {
                write!(f, "`{value}` is not an option of `{question}`")
            }
            AnswerError::BadDate { question, value } => {
                write!(f, "`{value}` is not a date (yyyy-mm-dd) for `{question}`")
            }
            AnswerError::BadCount { question, value } => {
                write!(f, "`{value}` is not a whole number for `{question}`")
            }
            AnswerError::UnknownZone { question, value } => {
                write!(f, "`{value}` is not a supported time zone for `{question}`")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// All answers given so far. Unanswered questions are `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answers {
    values: [Option<Answer>; QUESTION_COUNT],
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            values: [None; QUESTION_COUNT],
        }
    }
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds answers from `(question id, value)` pairs; the first bad pair is reported.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Answers, AnswerError> {
        let mut answers = Answers::new();
        for (q, v) in pairs {
            answers.set(q, v)?;
        }
        Ok(answers)
    }

    /// Sets a question from its textual value (option id, `yyyy-mm-dd`, number or zone name).
    pub fn set(&mut self, question: &str, value: &str) -> Result<(), AnswerError> {
        let q = question_index(question)
            .ok_or_else(|| AnswerError::UnknownQuestion(question.to_string()))?;
        let answer = parse_answer(q, value)?;
        self.values[usize::from(q)] = Some(answer);
        Ok(())
    }

    /// Sets a question by index. Returns false (and changes nothing) if the answer does not fit
    /// the question's kind or options.
    pub fn set_index(&mut self, question: u8, answer: Answer) -> bool {
        let Some(def) = QUESTIONS.get(usize::from(question)) else {
            return false;
        };
        let fits = match (def.kind, answer) {
            (QuestionKind::Choice, Answer::Choice(o)) => usize::from(o) < def.options.len(),
            (QuestionKind::Date, Answer::Date(_))
            | (QuestionKind::Count, Answer::Count(_))
            | (QuestionKind::Zone, Answer::Zone(_)) => true,
            _ => false,
        };
        if fits {
            self.values[usize::from(question)] = Some(answer);
        }
        fits
    }

    pub fn clear(&mut self, question: u8) {
        if let Some(v) = self.values.get_mut(usize::from(question)) {
            *v = None;
        }
    }

    #[inline]
    pub fn get(&self, question: u8) -> Option<Answer> {
        self.values.get(usize::from(question)).copied().flatten()
    }

    #[inline]
    pub fn choice(&self, question: u8) -> Option<u8> {
        match self.get(question) {
            Some(Answer::Choice(o)) => Some(o),
            _ => None,
        }
    }

    pub fn date(&self, question: u8) -> Option<NaiveDate> {
        match self.get(question) {
            Some(Answer::Date(d)) => Some(d),
            _ => None,
        }
    }

    pub fn count(&self, question: u8) -> Option<u32> {
        match self.get(question) {
            Some(Answer::Count(n)) => Some(n),
            _ => None,
        }
    }

    pub fn zone(&self, question: u8) -> Option<CustomerZone> {
        match self.get(question) {
            Some(Answer::Zone(z)) => Some(z),
            _ => None,
        }
    }

    /// The option id chosen for a question, if any (for display and tests).
    pub fn choice_id(&self, question: &str) -> Option<&'static str> {
        let q = question_index(question)?;
        let o = self.choice(q)?;
        QUESTIONS
            .get(usize::from(q))?
            .options
            .get(usize::from(o))
            .copied()
    }

    /// Answered questions in vocabulary order, as `(question id, textual value)`.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        QUESTIONS
            .iter()
            .zip(self.values.iter())
            .filter_map(|(q, v)| {
                let text = match (*v)? {
                    Answer::Choice(o) => q.options.get(usize::from(o))?.to_string(),
                    Answer::Date(d) => iso_date::format(d),
                    Answer::Count(n) => n.to_string(),
                    Answer::Zone(z) => z.name().to_string(),
                };
                Some((q.id, text))
            })
            .collect()
    }
}

/// Parses a textual answer for question index `q`.
pub fn parse_answer(q: u8, value: &str) -> Result<Answer, AnswerError> {
    let Some(def) = QUESTIONS.get(usize::from(q)) else {
        return Err(AnswerError::UnknownQuestion(q.to_string()));
    };
    let err_q = def.id.to_string();
    let value_s = value.to_string();
    match def.kind {
        QuestionKind::Choice => {
            option_index(q, value)
                .map(Answer::Choice)
                .ok_or(AnswerError::UnknownOption {
                    question: err_q,
                    value: value_s,
                })
        }
        QuestionKind::Date => {
            iso_date::parse(value)
                .map(Answer::Date)
                .ok_or(AnswerError::BadDate {
                    question: err_q,
                    value: value_s,
                })
        }
        QuestionKind::Count => {
            value
                .parse::<u32>()
                .map(Answer::Count)
                .map_err(|_| AnswerError::BadCount {
                    question: err_q,
                    value: value_s,
                })
        }
        QuestionKind::Zone => {
            CustomerZone::parse(value)
                .map(Answer::Zone)
                .ok_or(AnswerError::UnknownZone {
                    question: err_q,
                    value: value_s,
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: &str) -> u8 {
        question_index(id).expect("question exists")
    }

    #[test]
    fn each_refusal_says_what_to_enter_for_the_questions_kind() {
        // "three" in a number field is not "missing": it asks for figures.
        assert_eq!(
            refusal(q("incidents_left"), "three"),
            Refusal::NotAWholeNumber
        );
        assert_eq!(refusal(q("incidents_left"), "-3"), Refusal::NotAWholeNumber);
        assert_eq!(refusal(q("incidents_left"), "  "), Refusal::EnterANumber);
        assert_eq!(refusal(q("closed_date"), ""), Refusal::EnterADate);
        assert_eq!(refusal(q("closed_date"), "31/02/2026"), Refusal::NotADate);
        assert_eq!(
            refusal(q("time_zone"), "Mars/Olympus"),
            Refusal::ChooseAZone
        );
        assert_eq!(refusal(q("impact"), ""), Refusal::ChooseAnOption);
        assert_eq!(refusal(u8::MAX, "x"), Refusal::ChooseAnOption);
        assert_eq!(
            Refusal::from(Implausible::DateInFuture),
            Refusal::DateInFuture
        );
        // Each is a refusal only because the parse failed.
        assert!(parse_answer(q("incidents_left"), "three").is_err());
        assert!(parse_answer(q("closed_date"), "31/02/2026").is_err());
    }
}
