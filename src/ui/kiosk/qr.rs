//! "Continue on your phone": the shareable link of the page on screen as a QR code, drawn as
//! inline SVG from Leptos nodes, with the link written under it. A kiosk never opens another
//! site; the visitor takes the result along instead.
//!
//! The link is the public address (`base=`, else the kiosk's own address) plus the route's
//! query: the answers, page and language, never the kiosk or embed parameters, so the phone
//! opens an ordinary page.

use crate::i18n::td_string;
use crate::state::Route;
use crate::ui::language::{locale, use_language};
use crate::ui::navigation::use_navigation;
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code: the 4 the QR specification asks for, so a scanner finds the
/// code's edge even on a dark theme.
const QUIET_ZONE: i32 = 4;

#[component]
pub fn ContinueOnPhone() -> impl IntoView {
    let Some(config) = super::use_kiosk() else {
        return ().into_any();
    };
    let nav = use_navigation();
    let language = use_language();
    let loc = move || locale(language.get());
    let link = Memo::new(move |_| {
        let query = nav.route.with(Route::to_query);
        config.share_link(&own_address(), &query)
    });
    let code = move || qr_code(&link.get(), td_string!(loc(), kiosk.qr_label));
    view! {
        <section class="result-section kiosk-share" aria-labelledby="kiosk-share-title">
            <h2 id="kiosk-share-title">{move || td_string!(loc(), kiosk.share_title)}</h2>
            <p>{move || td_string!(loc(), kiosk.share_text)}</p>
            {code}
            <p class="kiosk-share__link">{move || link.get()}</p>
        </section>
    }
    .into_any()
}

/// This page's address without query or fragment: `https://host/path/`.
pub(crate) fn own_address() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    format!("{origin}{path}")
}

/// The QR code of `text` as an SVG image named `label`; nothing if the text is too long for
/// any QR code (a link never is: answers are short codes).
fn qr_code(text: &str, label: &'static str) -> Option<impl IntoView> {
    // Low error correction gives the fewest, largest modules, which scan best from a screen; the
    // encoder raises the level by itself when the version has room to spare.
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let side = code.size() + 2 * QUIET_ZONE;
    let modules = dark_modules_path(code.size(), QUIET_ZONE, |x, y| code.get_module(x, y));
    Some(view! {
        <svg
            class="kiosk-qr"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {side} {side}")
            role="img"
            aria-label=label
            shape-rendering="crispEdges"
        >
            <rect width=side height=side fill="#ffffff" />
            <path d=modules fill="#000000" />
        </svg>
    })
}

/// An SVG path drawing the dark modules of a `size`×`size` code, shifted by `offset` modules:
/// one rectangle per horizontal run of dark modules (`M x,y h run v 1 h -run z`), which keeps
/// the path a few kilobytes even for long links.
fn dark_modules_path(size: i32, offset: i32, dark: impl Fn(i32, i32) -> bool) -> String {
    let mut d = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && dark(x, y) {
                x += 1;
            }
            let run = x - start;
            d.push_str(&format!(
                "M{},{}h{run}v1h-{run}z",
                start + offset,
                y + offset
            ));
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rectangle_per_run_of_dark_modules() {
        // ##.
        // .#.
        // #.#
        let grid = ["##.", ".#.", "#.#"];
        let dark = |x: i32, y: i32| grid[y as usize].as_bytes()[x as usize] == b'#';
        assert_eq!(
            dark_modules_path(3, 4, dark),
            "M4,4h2v1h-2zM5,5h1v1h-1zM4,6h1v1h-1zM6,6h1v1h-1z"
        );
    }

    #[test]
    fn a_long_result_link_fits_a_code() {
        let link = format!("https://support.example.com/navigator/?j=open-request&p=result&{}&v=1&r=0123abcd&lang=nb", "question_id=option_value&".repeat(12));
        let code = QrCode::encode_text(&link, QrCodeEcc::Low).ok();
        assert!(
            code.is_some_and(|c| c.size() <= 77),
            "small enough to scan from a screen"
        );
    }
}
