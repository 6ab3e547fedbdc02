//! The interface language: chosen once at start-up (URL `lang`, else the choice the visitor saved
//! with the switcher on an earlier visit, else the browser's preferred languages, else English),
//! switchable on every page, mirrored into `<html lang>` and `dir`.

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
        UiLanguage::Pseudo => Locale::en_XA,
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

/// The language the visitor chose with the switcher on an earlier visit, if storage works and
/// holds a language we speak (`state::stored` refuses anything else).
pub fn saved_language() -> Option<UiLanguage> {
    crate::ui::storage::kept().language
}

/// Remembers the switcher's choice. Returns false if storage refused (the choice still holds
/// for this visit, through the URL).
pub fn save_language(language: UiLanguage) -> bool {
    crate::ui::storage::keep(|kept| kept.language = Some(language))
}

/// Keeps `<html lang>` in step with the interface language, for screen readers and hyphenation.
pub fn mirror_into_document(language: RwSignal<UiLanguage>) {
    Effect::new(move |_| {
        let current = language.get();
        let tag = current.tag();
        if let Some(root) = document().document_element() {
            // Setting an attribute on <html> cannot fail for a valid name; ignore the Result.
            let _ = root.set_attribute("lang", tag);
            // All four languages are written left to right; set it anyway so a page that
            // embeds or restores us never inherits another direction.
            let _ = root.set_attribute("dir", "ltr");
        }
    });
}
