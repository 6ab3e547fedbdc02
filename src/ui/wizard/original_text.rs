//! "Original text": the cited lines in the source document's own language, fetched on demand from
//! the copy of the seeds that ships beside the app (`dist/seeds/`), so the wasm does not carry
//! ~100 KB of Dutch, Norwegian and Indonesian text that most visitors never open. The copy marks
//! the pages' tables (`scripts/seed_copies.py`), and they are shown as tables
//! (`policy::seed_text`).

use crate::i18n::td_string;
use crate::policy::data::SEEDS;
use crate::policy::model::Citation;
use crate::policy::seed_text::{blocks, Block, Cell};
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
    /// Shown: the quote is filled by [`fill`] once it is in the page.
    Loaded,
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

/// The cited lines of a citation, `first..=last` (1-based), as text and tables.
fn cited_lines(text: &str, c: &Citation) -> Vec<Block> {
    blocks(text, c.first, c.last)
}

/// Writes the blocks into the quote with DOM calls. Built once and never changed, they need none
/// of Leptos's diffing, and a `view!` of these nested lists cost the download about 3 KB
/// (measured); the nodes are still made one by one from text, never from markup.
fn fill(quote: &web_sys::HtmlElement, blocks: &[Block], label: &str) {
    let Some(doc) = quote.owner_document() else {
        return;
    };
    let add = |parent: &web_sys::Element, tag: &str| -> Option<web_sys::Element> {
        let el = doc.create_element(tag).ok()?;
        parent.append_child(&el).ok()?;
        Some(el)
    };
    let cells = |row: &web_sys::Element, cells: &[Cell], tag: &str| {
        for c in cells {
            if let Some(cell) = add(row, tag) {
                cell.set_text_content(Some(&c.text));
                if c.span > 1 {
                    let _ = cell.set_attribute("colspan", &c.span.to_string());
                }
                if tag == "th" {
                    let _ = cell.set_attribute("scope", "col");
                }
            }
        }
    };
    for block in blocks {
        match block {
            Block::Text(text) => {
                if let Some(p) = add(quote, "p") {
                    p.set_text_content(Some(text));
                }
            }
            Block::Table { header, rows } => {
                // Wide tables scroll on a phone; the box takes focus so a keyboard can scroll it.
                let Some(wrap) = add(quote, "div") else {
                    continue;
                };
                let _ = wrap.set_attribute("class", "table-wrap");
                let _ = wrap.set_attribute("tabindex", "0");
                let _ = wrap.set_attribute("role", "group");
                let _ = wrap.set_attribute("aria-label", label);
                let Some(table) = add(&wrap, "table") else {
                    continue;
                };
                let _ = table.set_attribute("class", "original__table");
                if let Some(row) = add(&table, "thead").and_then(|h| add(&h, "tr")) {
                    cells(&row, header, "th");
                }
                if let Some(body) = add(&table, "tbody") {
                    for r in rows {
                        if let Some(row) = add(&body, "tr") {
                            cells(&row, r, "td");
                        }
                    }
                }
            }
        }
    }
}

#[component]
pub fn OriginalText(cite: Citation) -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let Some(seed) = SEEDS.get(usize::from(cite.seed)) else {
        return ().into_any();
    };
    let state = RwSignal::new(State::Closed);
    let quote = NodeRef::<leptos::html::Blockquote>::new();
    // Fills the quote in the frame after it is shown (the view below puts it in the page).
    let show = move |text: &str| {
        let blocks = cited_lines(text, &cite);
        let label = td_string!(loc(), result.original_text).to_string();
        state.set(State::Loaded);
        request_animation_frame(move || {
            // The result page rebuilds its lists at each tick of its clock: by this frame the
            // quote may belong to a list already replaced (disposed), which is then left alone.
            if let Some(el) = quote.try_get_untracked().flatten() {
                fill(&el, &blocks, &label);
            }
        });
    };
    // A document fetched before is shown at once: the result page rebuilds its lists each tick
    // of its clock, and an "Original text" the visitor opened must keep its text.
    if let Some(text) = CACHE.with(|c| c.borrow().get(seed.file).cloned()) {
        show(&text);
    }
    let on_toggle = move |_| {
        if state.get_untracked() != State::Closed {
            return;
        }
        state.set(State::Loading);
        leptos::task::spawn_local(async move {
            match fetch_seed(seed.file).await {
                Some(text) => show(&text),
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
                State::Loaded => view! { <blockquote class="original__text" lang=seed.language node_ref=quote></blockquote> }.into_any(),
            }}
        </details>
    }
    .into_any()
}
