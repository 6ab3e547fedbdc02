//! The page shown if the app ever panics: instead of a frozen screen, a short explanation in the
//! visitor's language and a link that restarts the app at the same deep link (the answers are in
//! the URL, so nothing is lost).
//!
//! The release build aborts on panic, so the hook cannot hand control back to Leptos: it writes
//! the page itself with plain DOM calls, and none of them may panic (a panic inside the hook
//! would abort before anything is shown).

use crate::i18n::{td_string, Locale};
use crate::state::UiLanguage;
use std::sync::atomic::{AtomicU8, Ordering};

/// The interface language at the time of the panic (index into `LANGUAGES`), kept outside the
/// reactive system so the hook can read it when nothing else works.
static LANGUAGE: AtomicU8 = AtomicU8::new(0);
const LANGUAGES: [UiLanguage; 5] = [
    UiLanguage::English,
    UiLanguage::Dutch,
    UiLanguage::NorwegianBokmal,
    UiLanguage::Indonesian,
    UiLanguage::Pseudo,
];

/// Called whenever the interface language changes.
pub fn remember_language(language: UiLanguage) {
    let i = LANGUAGES.iter().position(|&l| l == language).unwrap_or(0);
    LANGUAGE.store(u8::try_from(i).unwrap_or(0), Ordering::Relaxed);
}

/// Installs the hook: log the panic for developers (console), then show the error page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_page();
    }));
}

fn show_error_page() {
    let language = LANGUAGES
        .get(usize::from(LANGUAGE.load(Ordering::Relaxed)))
        .copied()
        .unwrap_or_default();
    let l: Locale = crate::ui::language::locale(language);
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    // Restart at the same address: the route (journey, page, answers, language) is in it.
    let here = window
        .location()
        .href()
        .unwrap_or_else(|_| String::from("./"));
    let element = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let (Some(main), Some(h1), Some(p), Some(a)) = (
        document.create_element("main").ok(),
        element("h1", td_string!(l, crash.title)),
        element("p", td_string!(l, crash.body)),
        element("a", td_string!(l, crash.restart)),
    ) else {
        return;
    };
    let _ = main.set_attribute("class", "page crash");
    let _ = h1.set_attribute("tabindex", "-1");
    let _ = a.set_attribute("href", &here);
    let _ = a.set_attribute("class", "button");
    let _ = main.append_child(&h1);
    let _ = main.append_child(&p);
    let _ = main.append_child(&a);
    body.set_text_content(None);
    let _ = body.append_child(&main);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", language.tag());
    }
    if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
        let _ = h1.focus();
    }
}
