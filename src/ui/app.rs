//! The page shell: skip link, header with the language switcher, the current page, footer.

use crate::i18n::td_string;
use crate::state::{Route, UiLanguage};
use crate::ui::language::{browser_language, locale, mirror_into_document, CurrentLanguage};
use crate::ui::navigation::Navigation;
use crate::ui::start_page::StartPage;
use crate::ui::wizard::Wizard;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    crate::ui::offline::register_service_worker();
    let nav = Navigation::new(crate::ui::embed::is_widget());
    provide_context(nav);

    // Presentation parameters (embed mode, theme, accent, holidays): read once, with a console
    // warning for each one ignored, and applied to <html>. In embed mode inside an iframe, the
    // embedding page is told the content height and which journey and result are shown.
    let display = crate::ui::embed::read_config();
    crate::ui::embed::apply_to_document(&display);
    crate::ui::embed::talk_to_host(nav, &display);
    let embedded = display.embedded;
    provide_context(display);
    // Kiosk mode (kiosk=1; embed mode wins): large touch targets, a QR code instead of any way
    // out of the app, and the visit erased after a while without input (`ui::kiosk`).
    let kiosk = crate::ui::kiosk::read_config();
    crate::ui::kiosk::apply_to_document(&kiosk);
    provide_context(kiosk);

    // What this device kept from earlier visits: read once, older schemas migrated, anything
    // unreadable or from a newer version set aside with one notice.
    let set_aside = RwSignal::new(crate::ui::storage::open());
    provide_context(crate::ui::storage::SetAside(set_aside));

    let initial = nav
        .route
        .get_untracked()
        .language
        .or_else(crate::ui::language::saved_language)
        .or_else(browser_language)
        .unwrap_or_default();
    let language = RwSignal::new(initial);
    provide_context(CurrentLanguage(language));
    mirror_into_document(language);
    // The crash page speaks the visitor's language, though the app is gone by then.
    Effect::new(move |_| crate::ui::crash::remember_language(language.get()));
    crate::ui::policy_text::PolicyTexts::provide(language);

    let loc = move || locale(language.get());

    let announcer = crate::ui::a11y::Announcer::provide();

    // Each page change moves focus to the new page's h1, so screen-reader and keyboard users
    // start reading at the top of the new content (design guide, UX conventions).
    let main_ref = NodeRef::<html::Main>::new();
    let first_render = StoredValue::new(true);
    let focus_pending = StoredValue::new(false);
    // Focuses the page's h1 once the browser is about to paint, when every effect of the change
    // (the new page, or the policy texts it waited for) has reached the DOM; effects run in no
    // guaranteed order, so an earlier attempt could find no h1, or the old page's. Until an h1
    // is there (a journey page waiting for its policy texts), the focus stays pending.
    let focus_heading = move || {
        request_animation_frame(move || {
            if !focus_pending.get_value() {
                return;
            }
            let focused = main_ref
                .get()
                .and_then(|m| m.query_selector("h1").ok().flatten())
                .and_then(|h1| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1).ok())
                .is_some_and(|h1| h1.focus().is_ok());
            focus_pending.set_value(!focused);
        });
    };
    Effect::new(move |_| {
        nav.route.with(|r| (r.journey, r.page, r.answers));
        if first_render.get_value() {
            first_render.set_value(false);
            return;
        }
        announcer.clear();
        // The notice about stored data set aside belongs to the page it was found on.
        if set_aside.get_untracked().is_some() {
            set_aside.set(None);
        }
        focus_pending.set_value(true);
        focus_heading();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    let texts = crate::ui::policy_text::use_policy_texts();
    Effect::new(move |_| {
        if texts.is_ready() {
            focus_heading();
        }
    });

    // Keep the journey in progress so a later visit can resume it; if storage is blocked or full,
    // say so once and carry on from the URL.
    let storage_failed = RwSignal::new(false);
    provide_context(crate::ui::storage::StorageHealth(storage_failed));
    Effect::new(move |_| {
        let route = nav.route.get();
        if route.journey.is_some() {
            // Written once the new page is painted: the page does not need it, and the visitor's
            // click should not wait for storage.
            let era = crate::ui::storage::era();
            crate::ui::idle::after_next_paint(move || {
                // Only if this is still the visit and the page it was scheduled for: a kiosk
                // reset may have erased storage in between (its `history.go` can land on a
                // journey page when the browser dropped the visit's oldest entries), and writing
                // this route then would offer the visit to the next visitor.
                let current = nav.route.try_with_untracked(|r| *r == route) == Some(true);
                if !current || crate::ui::storage::era() != era {
                    return;
                }
                // Set once: the notice is shown (and announced) once, not again on every page.
                if !crate::ui::storage::keep(|kept| {
                    kept.remember_route(&route);
                }) && !storage_failed.get_untracked()
                {
                    storage_failed.set(true);
                }
            });
        }
    });

    // Each page has its own title (WCAG 2.4.2): the page's heading, then the app's name, so a
    // tab, a bookmark and a screen reader's window list say where the visitor is.
    Effect::new(move |_| {
        let l = loc();
        let heading = nav.shown.get().map(|shown| {
            let journey = shown.journey;
            match shown.page {
                crate::state::Page::Question(q) => {
                    Some(texts.question_title(q)).filter(|t| !t.is_empty())
                }
                crate::state::Page::Check => Some(td_string!(l, wizard.check_title).to_string()),
                crate::state::Page::Result => Some(td_string!(l, result.title).to_string()),
                crate::state::Page::Next => None,
            }
            // Until the policy texts arrive, the journey's name.
            .unwrap_or_else(|| crate::ui::text::journey_title(l, journey).to_string())
        });
        let app_name = td_string!(l, app_name);
        let title = match heading {
            Some(h) => format!("{h} – {app_name}"),
            None => app_name.to_string(),
        };
        // Set once the page is painted (in order, so the last page's title stays): the browser
        // updates its tab and window list for it, which the new page need not wait for.
        crate::ui::idle::after_next_paint(move || document().set_title(&title));
    });

    // Only a change of journey swaps the page component: within a journey, `Wizard` follows the
    // route itself, so a step does not build the whole wizard again.
    let journey = Memo::new(move |_| nav.route.with(|r| r.journey));
    let page = move || match journey.get() {
        None => view! { <StartPage /> }.into_any(),
        Some(journey) => view! { <Wizard journey /> }.into_any(),
    };

    view! {
        <a class="skip-link" href="#main">{move || td_string!(loc(), skip_link)}</a>
        // At the top: absolutely positioned at the end, it would stick out below the content by
        // a pixel and give an embedded frame a scrollbar.
        {announcer.region()}
        // Embedded, the host page is the site: no site header or footer of our own.
        {(!embedded).then(|| view! {
            <header class="site-header">
                <div class="site-header__inner">
                    <p class="site-header__name">{move || td_string!(loc(), app_name)}</p>
                    <LanguageSwitcher />
                </div>
            </header>
        })}
        <main id="main" class="page" tabindex="-1" node_ref=main_ref>
            <crate::ui::notices::Notices />
            {page}
        </main>
        {(!embedded).then(|| view! {
            <footer class="site-footer">
                <div class="site-footer__inner">
                    <p>{move || td_string!(loc(), footer_sources)}</p>
                    <p>{move || td_string!(loc(), footer_independent)}</p>
                </div>
            </footer>
        })}
        <crate::ui::kiosk::IdleGuard />
    }
}

/// One link per interface language, each labelled in its own language, on every page. Switching
/// keeps the page (and, later, the answers): only the `lang` parameter of the URL changes.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let storage_failed = expect_context::<crate::ui::storage::StorageHealth>().0;
    let nav = crate::ui::navigation::use_navigation();
    let language = crate::ui::language::use_language();
    let loc = move || locale(language.get());
    let items = UiLanguage::ALL
        .into_iter()
        .map(|l| {
            let is_current = move || language.get() == l;
            let target = move || Route {
                language: Some(l),
                ..nav.route.get()
            };
            let on_click = move |e: leptos::ev::MouseEvent| {
                if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                    e.prevent_default();
                    language.set(l);
                    // Remembered for the next visit; if storage is unavailable the URL still
                    // carries the choice for this one, and the storage notice says (once) that
                    // nothing will be kept.
                    if !crate::ui::language::save_language(l) && !storage_failed.get_untracked() {
                        storage_failed.set(true);
                    }
                    nav.replace(target());
                }
            };
            view! {
                <li>
                    <a
                        href=move || crate::ui::navigation::href(&target())
                        hreflang=l.tag()
                        lang=l.tag()
                        aria-current=move || is_current().then_some("true")
                        on:click=on_click
                    >
                        {l.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=move || td_string!(loc(), language_nav_label)>
            <ul>{items}</ul>
        </nav>
    }
}
