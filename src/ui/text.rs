//! Interface-catalogue lookups for values of the policy vocabulary: journeys and result
//! sections. Each lookup is a `td_string!`, so a text missing from any
//! locale file is a compile error. Questions, options and outcome values are policy texts
//! (`ui::policy_text`).

use crate::i18n::{td_string, Locale};
use crate::policy::model::Section;
use crate::policy::Journey;

pub fn section_title(l: Locale, section: Section) -> &'static str {
    match section {
        Section::Where => td_string!(l, section.where_title),
        Section::Steps => td_string!(l, section.steps_title),
        Section::Who => td_string!(l, section.who_title),
        Section::Coverage => td_string!(l, section.coverage_title),
        Section::Severity => td_string!(l, section.severity_title),
        Section::Response => td_string!(l, section.response_title),
        Section::Language => td_string!(l, section.language_title),
        Section::Caveats => td_string!(l, section.caveats_title),
        Section::Billing => td_string!(l, section.billing_title),
        Section::Agreement => td_string!(l, section.agreement_title),
        Section::Background => td_string!(l, section.background_title),
    }
}

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

/// Fills `{name}` placeholders in a catalogue text. (leptos_i18n's own interpolation cannot produce
/// strings with `load_locales!`, and several texts are needed as strings: attributes, the copied
/// summary.) Unknown placeholders are left as they are, so a translation error stays visible.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
