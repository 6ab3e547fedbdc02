//! Catalogue lookups for values that come from the policy vocabulary (journeys now; questions,
//! options and rule explanations later). Each match is exhaustive, so adding a journey without
//! its text is a compile error, and `td_string!` checks every key against every locale file.

use crate::i18n::{td_string, Locale};
use crate::policy::Journey;

pub fn journey_title(locale: Locale, journey: Journey) -> &'static str {
    match journey {
        Journey::OpenRequest => td_string!(locale, journeys.open_request.title),
        Journey::Coverage => td_string!(locale, journeys.coverage.title),
        Journey::ComparePlans => td_string!(locale, journeys.compare_plans.title),
        Journey::LanguageHours => td_string!(locale, journeys.language_hours.title),
        Journey::OnPremises => td_string!(locale, journeys.on_premises.title),
        Journey::Reopen => td_string!(locale, journeys.reopen.title),
        Journey::Billing => td_string!(locale, journeys.billing.title),
    }
}

pub fn journey_summary(locale: Locale, journey: Journey) -> &'static str {
    match journey {
        Journey::OpenRequest => td_string!(locale, journeys.open_request.summary),
        Journey::Coverage => td_string!(locale, journeys.coverage.summary),
        Journey::ComparePlans => td_string!(locale, journeys.compare_plans.summary),
        Journey::LanguageHours => td_string!(locale, journeys.language_hours.summary),
        Journey::OnPremises => td_string!(locale, journeys.on_premises.summary),
        Journey::Reopen => td_string!(locale, journeys.reopen.summary),
        Journey::Billing => td_string!(locale, journeys.billing.summary),
    }
}
