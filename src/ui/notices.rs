//! Notices about the page itself: what in the link was not understood, that the rules changed
//! since the link was made, that the rules are older than the build allows (`state::rules_age`),
//! that storage is unavailable. Shown once, above the page, as status
//! messages (announced politely, never stealing focus).

use crate::i18n::td_string;
use crate::state::RouteNotice;
use crate::state::StoredProblem;
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::use_navigation;
use crate::ui::storage::{SetAside, StorageHealth};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let nav = use_navigation();
    let storage_failed = expect_context::<StorageHealth>().0;
    let set_aside = expect_context::<SetAside>().0;
    // Read once per visit: a page left open past the limit says so on the next visit.
    let old_rules = crate::state::rules_age::old_rules(crate::ui::format::device_now());
    // One line per distinct message: that the rules are old, then what the link produced, in
    // its order.
    let route_notices = move || {
        let l = loc();
        let mut texts: Vec<String> = Vec::new();
        if let Some(old) = old_rules {
            texts.push(crate::ui::text::fill(
                td_string!(l, wizard.rules_old),
                &[
                    ("date", &crate::ui::format::date_text(l, old.built_on)),
                    ("days", &old.max_age_days.to_string()),
                ],
            ));
        }
        for notice in nav.notices.get() {
            let text = match notice {
                RouteNotice::UnknownJourney => td_string!(l, start.route_notice_journey),
                RouteNotice::UnknownLanguage => td_string!(l, start.route_notice_language),
                RouteNotice::UnknownPage | RouteNotice::BadAnswer(_) => {
                    td_string!(l, wizard.bad_answer)
                }
                RouteNotice::NewerLink => td_string!(l, wizard.newer_link),
                RouteNotice::RulesChanged => td_string!(l, wizard.rules_changed),
            };
            if !texts.iter().any(|t| t == text) {
                texts.push(text.to_string());
            }
        }
        texts
            .into_iter()
            .map(|text| view! { <p class="notice" role="status">{text}</p> })
            .collect_view()
    };
    let set_aside_notice = move || {
        set_aside.get().map(|problem| {
            let text = match problem {
                StoredProblem::Unreadable => td_string!(loc(), wizard.storage_set_aside),
                StoredProblem::Newer => td_string!(loc(), wizard.storage_newer),
            };
            view! { <p class="notice" role="status">{text}</p> }
        })
    };
    let embedded = use_context::<crate::state::EmbedConfig>().is_some_and(|c| c.embedded);
    view! {
        {route_notices}
        {set_aside_notice}
        // Not in an embed: a cross-site frame's storage is partitioned or blocked by design, the
        // answers travel in the URL as everywhere, and a docs visitor cannot act on the notice.
        {move || (storage_failed.get() && !embedded).then(|| view! {
            <p class="notice" role="status">{move || td_string!(loc(), wizard.storage_unavailable)}</p>
        })}
    }
}
