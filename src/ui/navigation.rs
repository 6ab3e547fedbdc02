//! Client-side navigation without a router crate: the route lives in the URL query, links push a
//! history entry, Back/Forward (popstate) re-read it. A router would cost wasm for features this
//! app does not use (nested routes, path params).

use crate::engine::Answers;
use crate::policy::Journey;
use crate::state::wizard::resolve;
use crate::state::{EmbedConfig, KioskConfig, Page, Route, RouteNotice};
use leptos::ev;
use leptos::prelude::*;

/// The current route and what was ignored when it was decoded, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct Navigation {
    pub route: RwSignal<Route>,
    pub notices: RwSignal<Vec<RouteNotice>>,
    /// The journey page the route shows, after `state::wizard::resolve` (a deep link to a page
    /// its answers do not reach shows the page they do): computed once per navigation for the
    /// wizard, the page title and the embed's result event. `None` on the start page.
    pub shown: Memo<Option<ShownPage>>,
    /// An embedded widget (embed mode in a frame): its pages replace their history entry instead
    /// of adding one, because a frame's entries join the host page's history, and the host's
    /// Back button would step through the widget's pages before leaving the host page. The
    /// widget's own Back links still go back a page.
    widget: bool,
}

/// A journey page as the wizard shows it: the answers it keeps and the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShownPage {
    pub journey: Journey,
    pub answers: Answers,
    pub page: Page,
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
    /// `widget`: the app runs embedded in a host page's frame (`ui::embed::is_widget`).
    pub fn new(widget: bool) -> Self {
        let (route, notices) = current_route();
        let route = RwSignal::new(route);
        let shown = Memo::new(move |_| {
            route.with(|r| {
                let journey = r.journey?;
                let (answers, page) = resolve(journey, &r.answers, r.page);
                Some(ShownPage {
                    journey,
                    answers,
                    page,
                })
            })
        });
        let nav = Navigation {
            route,
            notices: RwSignal::new(notices),
            shown,
            widget,
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
        // Let go of focus first. It is usually on the link or button just used, in the page that
        // is about to go, and removing a focused element makes the browser recompute the styles
        // of the whole document at once, the new page's included (measured: about 5 ms of the
        // click at 4× CPU slowdown). The new page's heading takes focus when it is painted
        // (`ui::app`), as it did after the old focus vanished with its page.
        if let Some(focused) = document()
            .active_element()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = focused.blur();
        }
        let url = href(&route);
        if let Ok(history) = window().history() {
            // pushState only fails for cross-origin URLs; ours is always same-document. The
            // entry's state is its depth (see `history_depth`).
            if self.widget {
                let depth = wasm_bindgen::JsValue::from(history_depth());
                let _ = history.replace_state_with_url(&depth, "", Some(&url));
            } else {
                let depth = wasm_bindgen::JsValue::from(history_depth().saturating_add(1));
                let _ = history.push_state_with_url(&depth, "", Some(&url));
            }
        }
        // Notices belong to the link they were found in. (Cleared only when there are some: an
        // unchanged signal would still redraw them.)
        if self.notices.with_untracked(|n| !n.is_empty()) {
            self.notices.set(Vec::new());
        }
        self.route.set(route);
    }

    /// Rewrites the URL of the current history entry without changing the page shown, so the
    /// browser's Back button later returns to it as it is now (e.g. a question with its answer).
    /// Nothing is written when the entry already has that URL.
    pub fn replace_url(self, route: &Route) {
        let url = href(route);
        // `location.search` is empty for both no query and a bare `?`.
        let current = window().location().search().unwrap_or_default();
        if current == url || (current.is_empty() && url == "?") {
            return;
        }
        if let Ok(history) = window().history() {
            // The entry keeps its state (its depth).
            let _ = history.replace_state_with_url(
                &history.state().unwrap_or(wasm_bindgen::JsValue::NULL),
                "",
                Some(&url),
            );
        }
    }

    /// `replace_url`, once the current change is painted, and only if the page shown is still
    /// the one it was asked for: a choice made on a question goes into its history entry while
    /// the visitor reads, so that "Continue" has one history write to make instead of two (each
    /// is a few milliseconds on a slow device, spent before the next page can be painted).
    pub fn replace_url_after_paint(self, route: Route) {
        let asked_on = self.route.get_untracked();
        crate::ui::idle::after_next_paint(move || {
            if self.route.try_with_untracked(|r| *r == asked_on) == Some(true) {
                self.replace_url(&route);
            }
        });
    }

    /// Rewrites the current history entry (used when only the language changes).
    pub fn replace(self, route: Route) {
        self.replace_url(&route);
        self.route.set(route);
    }
}

/// The same-document URL for a route: only a query (`?j=…`, or `?` for none), followed by the
/// presentation parameters of the current URL (embed mode, theme, ...: `state::embed_config`;
/// kiosk mode: `state::kiosk_config`).
/// Those belong to the visit rather than to a page, so every link carries them along while
/// `Route` (and the route kept for "Continue where you left off") stays free of them.
///
/// No path: a query-only reference resolves against the page's own address and can never leave
/// its origin. The page's path cannot be trusted to do the same: on a host that answers every path
/// with index.html, `https://host//evil.example/` has the path `//evil.example/`, and a link
/// written with it would lead to evil.example.
pub fn href(route: &Route) -> String {
    let query = VISIT.with(|visit| {
        let (display, kiosk) = visit.get_or_init(|| {
            let search = window().location().search().unwrap_or_default();
            (EmbedConfig::parse(&search).0, KioskConfig::parse(&search).0)
        });
        kiosk.append_to_query(&display.append_to_query(&route.to_query()))
    });
    if query.is_empty() {
        "?".to_string()
    } else {
        query
    }
}

thread_local! {
    /// The presentation parameters of this visit, read from the URL the first time a link is
    /// made. Every URL the app writes has these parameters (that is what `href` is for), so
    /// reading them again for each of the dozen links a page makes (the language switcher alone
    /// has five) would only cost time.
    static VISIT: std::cell::OnceCell<(EmbedConfig, KioskConfig)> =
        const { std::cell::OnceCell::new() };
}

/// How many pages the app has pushed onto the history since the first page of this visit: each
/// entry pushed by `Navigation::go` holds its depth as its history state, and the first page has
/// none (0). A kiosk reset (`ui::kiosk`) goes back this many entries to erase a visit.
pub fn history_depth() -> u32 {
    let state = window().history().ok().and_then(|h| h.state().ok());
    match state.and_then(|s| s.as_f64()) {
        // Ours are small whole numbers; anything else is not a depth we wrote.
        Some(d) if d.is_finite() && d >= 0.0 && d <= f64::from(u16::MAX) => d as u32,
        _ => 0,
    }
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
