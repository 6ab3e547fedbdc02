//! The interface language: chosen once at start-up (URL `lang`, else the browser's preferred
//! languages, else English), switchable on every page, mirrored into `<html lang>`.

use crate::i18n::Locale;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// The current interface language, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct CurrentLanguage(pub RwSignal<UiLanguage>);

/// The current interface language. Panics only if called outside `App`, which is a programming
/// error caught by every test that renders a page.
pub fn use_language() -> RwSignal<UiLanguage> {
    expect_context::<CurrentLanguage>().0
}

/// The catalogue locale for an interface language.
pub fn locale(language: UiLanguage) -> Locale {
    match language {
        UiLanguage::English => Locale::en,
        UiLanguage::Dutch => Locale::nl,
        UiLanguage::NorwegianBokmal => Locale::nb,
        UiLanguage::Indonesian => Locale::id,
    }
}

/// The first of the browser's preferred languages that the interface speaks.
pub fn browser_language() -> Option<UiLanguage> {
    let navigator = window().navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .find_map(|tag| UiLanguage::from_tag(&tag))
}

/// Keeps `<html lang>` in step with the interface language, for screen readers and hyphenation.
pub fn mirror_into_document(language: RwSignal<UiLanguage>) {
    Effect::new(move |_| {
        let tag = language.get().tag();
        if let Some(root) = document().document_element() {
            // Setting an attribute on <html> cannot fail for a valid name; ignore the Result.
            let _ = root.set_attribute("lang", tag);
        }
    });
}
