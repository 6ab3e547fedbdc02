//! Notices about the page itself: what in the link was not understood, that the rules changed
//! since the link was made, that storage is unavailable. Shown once, above the page, as status
//! messages (announced politely, never stealing focus).

use crate::i18n::td_string;
use crate::state::RouteNotice;
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::use_navigation;
use crate::ui::storage::StorageHealth;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let language = use_language();
    let loc = move || locale(language.get());
    let nav = use_navigation();
    let storage_failed = expect_context::<StorageHealth>().0;
    let route_notices = move || {
        let mut notices = nav.notices.get();
        // One notice per kind is enough.
        notices.sort_by_key(|n| format!("{n:?}").chars().take(6).collect::<String>());
        notices.dedup_by(|a, b| std::mem::discriminant(a) == std::mem::discriminant(b));
        notices
            .into_iter()
            .map(|n| {
                let text = move || match n {
                    RouteNotice::UnknownJourney => td_string!(loc(), start.route_notice_journey),
                    RouteNotice::UnknownLanguage => td_string!(loc(), start.route_notice_language),
                    RouteNotice::UnknownPage | RouteNotice::BadAnswer(_) => {
                        td_string!(loc(), wizard.bad_answer)
                    }
                    RouteNotice::NewerLink => td_string!(loc(), wizard.newer_link),
                    RouteNotice::RulesChanged => td_string!(loc(), wizard.rules_changed),
                };
                view! { <p class="notice" role="status">{text}</p> }
            })
            .collect_view()
    };
    view! {
        {route_notices}
        {move || storage_failed.get().then(|| view! {
            <p class="notice" role="status">{move || td_string!(loc(), wizard.storage_unavailable)}</p>
        })}
    }
}
