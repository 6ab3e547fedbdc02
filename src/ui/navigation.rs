//! Client-side navigation without a router crate: the route lives in the URL query, links push a
//! history entry, Back/Forward (popstate) re-read it. A router would cost wasm for features this
//! app does not use (nested routes, path params).

use crate::state::{Route, RouteNotice};
use leptos::ev;
use leptos::prelude::*;

/// The current route and what was ignored when it was decoded, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct Navigation {
    pub route: RwSignal<Route>,
    pub notices: RwSignal<Vec<RouteNotice>>,
}

pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}

/// Reads the route from the current URL.
pub fn current_route() -> (Route, Vec<RouteNotice>) {
    let search = window().location().search().unwrap_or_default();
    Route::from_query(&search)
}

impl Navigation {
    pub fn new() -> Self {
        let (route, notices) = current_route();
        let nav = Navigation {
            route: RwSignal::new(route),
            notices: RwSignal::new(notices),
        };
        // Back/Forward: the browser already changed the URL; re-read it.
        // A same-page fragment link (such as the error summary's link to a field) also fires
        // popstate; the route is unchanged then, and re-rendering would lose the page's state.
        let handle = window_event_listener(ev::popstate, move |_| {
            let (route, notices) = current_route();
            if nav.route.with_untracked(|r| *r != route) {
                nav.route.set(route);
                nav.notices.set(notices);
            }
        });
        on_cleanup(move || handle.remove());
        nav
    }

    /// Goes to `route`, adding a history entry so Back returns here.
    pub fn go(self, route: Route) {
        let url = href(&route);
        if let Ok(history) = window().history() {
            // pushState only fails for cross-origin URLs; ours is always same-document.
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        self.notices.set(Vec::new());
        self.route.set(route);
    }

    /// Rewrites the URL of the current history entry without changing the page shown, so the
    /// browser's Back button later returns to it as it is now (e.g. a question with its answer).
    pub fn replace_url(self, route: &Route) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&href(route)),
            );
        }
    }

    /// Rewrites the current history entry (used when only the language changes).
    pub fn replace(self, route: Route) {
        self.replace_url(&route);
        self.route.set(route);
    }
}

/// The same-document URL for a route: the current path plus the route's query.
pub fn href(route: &Route) -> String {
    let path = window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into());
    format!("{path}{}", route.to_query())
}

/// An ordinary link to another page of the app. A plain click navigates in place; modified
/// clicks (new tab, new window) are left to the browser, so links behave as people expect.
#[component]
pub fn RouteLink(route: Route, children: Children) -> impl IntoView {
    let nav = use_navigation();
    let url = href(&route);
    let on_click = move |e: ev::MouseEvent| {
        if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
            e.prevent_default();
            nav.go(route.clone());
        }
    };
    view! { <a href=url on:click=on_click>{children()}</a> }
}
