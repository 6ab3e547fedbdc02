//! How an answer reads on the check-your-answers page and in the copied summary.

use crate::engine::{Answer, Answers};
use crate::i18n::Locale;
use crate::ui::text::option_label;

pub fn answer_text(locale: Locale, answers: &Answers, q: u8) -> String {
    match answers.get(q) {
        Some(Answer::Choice(o)) => option_label(locale, q, o).to_string(),
        Some(Answer::Date(d)) => d.format("%Y-%m-%d").to_string(),
        Some(Answer::Count(n)) => n.to_string(),
        Some(Answer::Zone(z)) => z.name().replace('_', " "),
        None => String::new(),
    }
}
