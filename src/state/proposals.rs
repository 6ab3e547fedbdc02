//! Answers the app proposes instead of asking: the support region from the visitor's time zone,
//! and the support language from the language they are reading. A new user was asked for a time
//! zone, then for a region it already settles, then for a language the page already shows.
//!
//! A proposal is an ordinary answer, written into the link like any other, so a shared link gives
//! the same result in every interface language. "Check your answers" shows each with where it
//! came from and a Change link ([`proposal`]). Only the question about to be asked is filled in,
//! in asking order, so nothing is proposed on a path that would not ask it.

use crate::engine::answers::{Answer, Answers};
use crate::engine::flow::{next_question, prune};
use crate::policy::data::{q, v, zone_region, QUESTIONS};
use crate::policy::Journey;
use crate::state::ui_language::UiLanguage;

/// Where a proposed answer came from, for "Check your answers".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proposal {
    /// The region the time zone lies in.
    FromTimeZone,
    /// The support language that is the language of the page.
    FromPageLanguage,
}

/// The region the answered time zone proposes, if its place settles it (Europe/Paris: EMEA;
/// Asia/Kolkata proposes nothing, see policy/facts/zone_regions.toml).
pub fn region_for(answers: &Answers) -> Option<u8> {
    zone_region(answers.zone(q::TIME_ZONE)?.0)
}

/// The support language the interface language proposes. English is one of the nine support
/// languages; Dutch, Norwegian and Indonesian are not, so their readers are asked.
pub fn language_for(ui: UiLanguage) -> Option<u8> {
    match ui {
        UiLanguage::English | UiLanguage::Pseudo => Some(v::language::ENGLISH),
        UiLanguage::Dutch | UiLanguage::NorwegianBokmal | UiLanguage::Indonesian => None,
    }
}

/// The answers after one was given (`before` → `after`), with what the app proposes filled in:
/// while the next question to ask is the region or the language and there is a proposal for it,
/// it is answered. A changed time zone replaces the region it had proposed (a region the visitor
/// picked that differs from it stays).
pub fn propose(journey: Journey, before: &Answers, after: Answers, ui: UiLanguage) -> Answers {
    let mut answers = after;
    let region = before.choice(q::REGION);
    if answers.get(q::TIME_ZONE) != before.get(q::TIME_ZONE)
        && region.is_some()
        && region == region_for(before)
    {
        answers.clear(q::REGION);
    }
    // Each pass answers one more question, so this ends within one pass per question.
    for _ in 0..QUESTIONS.len() {
        let next = next_question(&answers, journey);
        let proposed = match next {
            Some(x) if x == q::REGION => region_for(&answers),
            Some(x) if x == q::LANGUAGE => language_for(ui),
            _ => None,
        };
        let (Some(question), Some(option)) = (next, proposed) else {
            break;
        };
        answers.set_index(question, Answer::Choice(option));
    }
    prune(&answers, journey)
}

/// Whether the answer to `question` is what the app would propose, and from what: shown on
/// "Check your answers" beside it. (An answer picked by hand that equals the proposal reads the
/// same; it is still true that the page's language or the zone gives it.)
pub fn proposal(answers: &Answers, question: u8, ui: UiLanguage) -> Option<Proposal> {
    let given = answers.choice(question)?;
    if question == q::REGION && region_for(answers) == Some(given) {
        Some(Proposal::FromTimeZone)
    } else if question == q::LANGUAGE && language_for(ui) == Some(given) {
        Some(Proposal::FromPageLanguage)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers::from_pairs(pairs.iter().copied()).expect("valid")
    }

    #[test]
    fn a_settled_zone_answers_the_region_and_english_the_language() {
        let before = answers(&[]);
        let after = answers(&[("time_zone", "Europe/Prague")]);
        let got = propose(Journey::LanguageHours, &before, after, UiLanguage::English);
        assert_eq!(got.choice_id("region"), Some("emea"));
        assert_eq!(got.choice_id("language"), Some("english"));
        for (zone, region) in [
            ("Asia/Tokyo", Some("japan")),
            ("America/Chicago", Some("north_america")),
            ("America/Sao_Paulo", Some("south_america")),
            ("Australia/Sydney", Some("apac")),
            ("Africa/Nairobi", Some("emea")),
            ("Asia/Kolkata", None),
            ("UTC", None),
        ] {
            let a = answers(&[("time_zone", zone)]);
            let want = region.and_then(|r| crate::policy::data::option_index(q::REGION, r));
            assert_eq!(region_for(&a), want, "{zone}");
        }
        // The impact is still asked: nothing is proposed for it.
        assert_eq!(next_question(&got, Journey::LanguageHours), Some(q::IMPACT));
        assert_eq!(
            proposal(&got, q::REGION, UiLanguage::English),
            Some(Proposal::FromTimeZone)
        );
        assert_eq!(
            proposal(&got, q::LANGUAGE, UiLanguage::English),
            Some(Proposal::FromPageLanguage)
        );
    }

    #[test]
    fn an_unsettled_zone_and_a_non_support_language_are_asked() {
        let after = answers(&[("time_zone", "Asia/Kolkata")]);
        let got = propose(
            Journey::LanguageHours,
            &answers(&[]),
            after,
            UiLanguage::Dutch,
        );
        assert_eq!(got.choice(q::REGION), None);
        assert_eq!(next_question(&got, Journey::LanguageHours), Some(q::REGION));
        // Once the region is picked, the Dutch reader is asked for the language too.
        let before = got;
        let mut after = got;
        after.set("region", "apac").expect("valid");
        let got = propose(Journey::LanguageHours, &before, after, UiLanguage::Dutch);
        assert_eq!(
            next_question(&got, Journey::LanguageHours),
            Some(q::LANGUAGE)
        );
    }

    #[test]
    fn a_new_zone_replaces_its_own_proposal_but_not_a_chosen_region() {
        let proposed = answers(&[("time_zone", "Asia/Tokyo"), ("region", "japan")]);
        let mut moved = proposed;
        moved.set("time_zone", "Europe/Oslo").expect("valid");
        let got = propose(
            Journey::LanguageHours,
            &proposed,
            moved,
            UiLanguage::English,
        );
        assert_eq!(got.choice_id("region"), Some("emea"));

        let chosen = answers(&[("time_zone", "Asia/Tokyo"), ("region", "apac")]);
        let mut moved = chosen;
        moved.set("time_zone", "Europe/Oslo").expect("valid");
        let got = propose(Journey::LanguageHours, &chosen, moved, UiLanguage::English);
        assert_eq!(got.choice_id("region"), Some("apac"));
        assert_eq!(proposal(&got, q::REGION, UiLanguage::English), None);
    }

    #[test]
    fn nothing_is_proposed_where_the_question_is_not_asked() {
        // A reopened request never asks region or language.
        let after = answers(&[("same_build", "yes")]);
        let got = propose(Journey::Reopen, &answers(&[]), after, UiLanguage::English);
        assert_eq!(got.choice(q::LANGUAGE), None);
        assert_eq!(got.choice(q::REGION), None);
    }
}
