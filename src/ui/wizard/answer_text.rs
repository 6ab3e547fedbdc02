//! How an answer reads on the check-your-answers page and in the copied summary.

use crate::engine::{Answer, Answers};
use crate::i18n::Locale;
use crate::ui::format::date_text;
use crate::ui::policy_text::use_policy_texts;

pub fn answer_text(locale: Locale, answers: &Answers, q: u8) -> String {
    match answers.get(q) {
        Some(Answer::Choice(o)) => use_policy_texts().option(q, o),
        Some(Answer::Date(d)) => date_text(locale, d),
        Some(Answer::Count(n)) => n.to_string(),
        Some(Answer::Zone(z)) => crate::ui::format::zone_label(locale, z.name()),
        None => String::new(),
    }
}
