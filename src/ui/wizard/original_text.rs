//! "Original text": the cited lines in the source document's own language, fetched on demand from
//! the copy of the seeds that ships beside the app (`dist/seeds/`), so the wasm does not carry
//! ~100 KB of Dutch, Norwegian and Indonesian text that most visitors never open.

use crate::i18n::td_string;
use crate::policy::data::SEEDS;
use crate::policy::model::Citation;
use crate::ui::language::{locale, use_language};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Seed documents already fetched during this visit, by file name.
    static CACHE: RefCell<HashMap<&'static str, std::rc::Rc<str>>> = RefCell::new(HashMap::new());
}

#[derive(Clone, PartialEq)]
enum State {
    Closed,
    Loading,
    Loaded(String),
    Failed,
}

async fn fetch_seed(file: &'static str) -> Option<std::rc::Rc<str>> {
    if let Some(text) = CACHE.with(|c| c.borrow().get(file).cloned()) {
        return Some(text);
    }
    let text: std::rc::Rc<str> = crate::ui::fetch::fetch_text(&format!("seeds/{file}"))
        .await?
        .into();
    CACHE.with(|c| c.borrow_mut().insert(file, text.clone()));
    Some(text)
}

/// The cited lines of a citation, `first..=last` (1-based), joined by newlines.
fn cited_lines(text: &str, c: &Citation) -> String {
    text.lines()
        .skip(usize::from(c.first).saturating_sub(1))
        .take(usize::from(c.last.saturating_sub(c.first)) + 1)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[component]
pub fn OriginalText(cite: Citation) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let Some(seed) = SEEDS.get(usize::from(cite.seed)) else {
        return ().into_any();
    };
    // A document fetched before is shown at once: the result page rebuilds its lists each tick
    // of its clock, and an "Original text" the visitor opened must keep its text.
    let cached = CACHE.with(|c| c.borrow().get(seed.file).cloned());
    let state = RwSignal::new(cached.map_or(State::Closed, |text| {
        State::Loaded(cited_lines(&text, &cite))
    }));
    let on_toggle = move |_| {
        if state.get_untracked() != State::Closed {
            return;
        }
        state.set(State::Loading);
        leptos::task::spawn_local(async move {
            match fetch_seed(seed.file).await {
                Some(text) => state.set(State::Loaded(cited_lines(&text, &cite))),
                None => state.set(State::Failed),
            }
        });
    };
    view! {
        <details class="original" on:toggle=on_toggle>
            <summary>{move || td_string!(loc(), result.original_text)}</summary>
            {move || match state.get() {
                State::Closed => ().into_any(),
                State::Loading => view! { <p role="status">{td_string!(loc(), result.original_loading)}</p> }.into_any(),
                State::Failed => view! { <p role="status">{td_string!(loc(), result.original_failed)}</p> }.into_any(),
                State::Loaded(text) => view! { <blockquote class="original__text" lang=seed.language>{text}</blockquote> }.into_any(),
            }}
        </details>
    }
    .into_any()
}
