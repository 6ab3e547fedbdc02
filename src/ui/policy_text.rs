//! Policy texts in the browser: the content pack of the interface language, downloaded once per
//! language and visit (`content/<lang>.<version>.txt`, written next to the app at build time).
//!
//! Why a download and not the wasm: the policy texts are most of the words of the app (questions,
//! options and 373 rule explanations) and there are four languages of them. Carrying all four in
//! the wasm would cost every visitor about 75 KB gzip for three languages they do not read; a pack
//! is about 25 KB gzip and only the one in use is fetched. The interface chrome (buttons,
//! headings, notices) stays in the leptos_i18n catalogues, compiled in and key-checked.
//!
//! If the pack of the chosen language cannot be loaded, English is shown with a notice; if none
//! can be loaded, pages that need policy texts say so and offer to try again. The start page
//! never waits for a pack.

use crate::i18n::td_string;
use crate::policy::text::{Pack, TextId};
use crate::state::UiLanguage;
use crate::ui::language::{locale, use_language};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// Packs already downloaded during this visit.
    static CACHE: RefCell<Vec<Arc<Pack>>> = const { RefCell::new(Vec::new()) };
}

/// Where loading stands, for the pages that need policy texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Loading,
    Ready,
    Failed,
}

/// The policy texts of the current language, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct PolicyTexts {
    /// The pack on screen: the interface language's, or English when that one failed. While a
    /// new language loads, the previous pack stays on screen (no flash of empty text).
    pack: RwSignal<Option<Arc<Pack>>>,
    status: RwSignal<Status>,
    /// Bumped by "Try again".
    attempt: RwSignal<u32>,
}

impl PolicyTexts {
    /// Starts loading the pack of `language` now and whenever it changes.
    pub fn provide(language: RwSignal<UiLanguage>) -> PolicyTexts {
        let texts = PolicyTexts {
            pack: RwSignal::new(None),
            status: RwSignal::new(Status::Loading),
            attempt: RwSignal::new(0),
        };
        provide_context(texts);
        Effect::new(move |_| {
            let wanted = language.get();
            texts.attempt.track();
            leptos::task::spawn_local(async move {
                let pack = match load(wanted.tag()).await {
                    Some(pack) => Some(pack),
                    None if wanted != UiLanguage::English => load("en").await,
                    None => None,
                };
                // A slower download for a language the visitor has already left is dropped.
                if language.get_untracked() != wanted {
                    return;
                }
                match pack {
                    Some(pack) => {
                        texts.pack.set(Some(pack));
                        texts.status.set(Status::Ready);
                    }
                    None if texts.pack.with_untracked(Option::is_none) => {
                        texts.status.set(Status::Failed)
                    }
                    // Keep what is on screen; the fallback notice names the problem.
                    None => {}
                }
            });
        });
        texts
    }

    /// Whether a pack is on screen (tracked).
    pub fn is_ready(&self) -> bool {
        self.status.get() == Status::Ready
    }

    /// A policy text in the language on screen ("" until the first pack has arrived; pages
    /// that show policy texts are wrapped in [`WithPolicyTexts`], so that is never seen).
    pub fn get(&self, id: TextId) -> String {
        self.pack
            .with(|p| p.as_ref().map(|p| p.get(id).to_string()))
            .unwrap_or_default()
    }

    pub fn question_title(&self, q: u8) -> String {
        self.get(TextId::question_title(q))
    }
    pub fn question_hint(&self, q: u8) -> String {
        self.get(TextId::question_hint(q))
    }
    pub fn question_summary(&self, q: u8) -> String {
        self.get(TextId::question_summary(q))
    }
    pub fn option(&self, q: u8, o: u8) -> String {
        self.get(TextId::option(q, o))
    }
    /// One of the result page's own sentences (`[page]` in `policy/text/<lang>.toml`).
    pub fn page(&self, n: u16) -> String {
        self.get(TextId::page(n))
    }

    /// The language tag of the texts on screen, when it differs from the interface language
    /// (English shown as a fallback): used for `lang` attributes so screen readers switch voice.
    pub fn lang_if_other(&self, interface: UiLanguage) -> Option<String> {
        self.pack.with(|p| {
            p.as_ref()
                .map(|p| p.language())
                .filter(|&l| l != interface.tag())
                .map(str::to_string)
        })
    }
}

/// The policy texts of the current language. Panics only if called outside `App`, which is a
/// programming error caught by every test that renders a page.
pub fn use_policy_texts() -> PolicyTexts {
    expect_context::<PolicyTexts>()
}

async fn load(tag: &str) -> Option<Arc<Pack>> {
    if let Some(pack) = CACHE.with(|c| c.borrow().iter().find(|p| p.language() == tag).cloned()) {
        return Some(pack);
    }
    let raw = crate::ui::fetch::fetch_text(&Pack::path(tag)).await?;
    let pack = Arc::new(Pack::parse(tag, raw).ok()?);
    CACHE.with(|c| c.borrow_mut().push(pack.clone()));
    Some(pack)
}

/// Renders its children once policy texts are available; until then a short status line, and if
/// nothing could be loaded an explanation with a "Try again" button. The children are built once
/// and stay when the language changes (only their texts change).
#[component]
pub fn WithPolicyTexts(children: ChildrenFn) -> impl IntoView {
    let texts = use_policy_texts();
    let language = use_language();
    let loc = move || locale(language.get());
    let status = Memo::new(move |_| texts.status.get());
    let shown_lang = move || texts.lang_if_other(language.get());
    let fallback = move || {
        let other = shown_lang().is_some() && language.get() != UiLanguage::English;
        other.then(|| view! { <p class="notice" role="status">{td_string!(loc(), policy_text.fallback)}</p> })
    };
    move || match status.get() {
        Status::Ready => view! {
            {fallback}
            <div class="policy-texts" lang=shown_lang>{children()}</div>
        }
        .into_any(),
        Status::Loading => view! {
            <p class="notice" role="status">{move || td_string!(loc(), policy_text.loading)}</p>
        }
        .into_any(),
        Status::Failed => view! {
            <div class="notice notice--error" role="alert">
                <p>{move || td_string!(loc(), policy_text.failed)}</p>
                <button type="button" class="button" on:click=move |_| {
                    texts.status.set(Status::Loading);
                    texts.attempt.update(|n| *n += 1);
                }>{move || td_string!(loc(), policy_text.retry)}</button>
            </div>
        }
        .into_any(),
    }
}
