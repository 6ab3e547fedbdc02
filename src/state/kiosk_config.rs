//! Kiosk mode: the app on a shared public screen. Its parameters come from the page URL:
//!
//! `?kiosk=1&idle=120&base=https%3A//support.example.com/navigator/`
//!
//! * `kiosk` `1`: large touch targets, no way out of the app (a result travels on as a QR code),
//!   and the visit is cleared after a while without input;
//! * `idle` whole seconds without input before the "Are you still there?" warning, `30` to
//!   `3600`, default `120`. The warning then counts down `WARNING_SECS` more;
//! * `base` the public address of the app (absolute `http://` or `https://`, no query or
//!   fragment) that the QR code's link starts with. Absent or invalid: the kiosk's own address.
//!
//! Like the embed parameters (`state::embed_config`) they belong to the visit, not to a page:
//! `ui::navigation` carries them onto every link, and they never reach the shareable link in
//! the QR code or the route kept for "Continue where you left off". With `embed=1` as well,
//! embed mode wins: a kiosk is a whole screen, never a frame inside another site.
//!
//! Also here, because it is pure and worth testing natively: `IdleClock`, the rule for when the
//! warning opens and when the visit is cleared. The browser side is `ui::kiosk`.
//!
//! Parsing is total: a value that is not understood is dropped with a `KioskProblem` naming the
//! parameter and the default used instead, never a panic.

use crate::state::embed_config::EMBED_PARAM;
use crate::state::route::{percent_encode, query_pairs};
use crate::state::url::{self, quoted};
use std::fmt;
use std::ops::RangeInclusive;

pub const KIOSK_PARAM: &str = "kiosk";
pub const IDLE_PARAM: &str = "idle";
pub const BASE_PARAM: &str = "base";
/// Every parameter this config owns. None may be a question id (a test checks it).
pub const PARAMS: [&str; 3] = [KIOSK_PARAM, IDLE_PARAM, BASE_PARAM];
pub const DEFAULT_IDLE_SECS: u32 = 120;
/// Shorter than half a minute interrupts people who are reading; longer than an hour leaves one
/// visitor's answers on a public screen for too long.
pub const IDLE_SECS: RangeInclusive<u32> = 30..=3600;
/// How long the warning counts down before the visit is cleared. WCAG 2.2.1 (Timing Adjustable)
/// asks for at least 20 seconds to extend with a simple action.
pub const WARNING_SECS: u32 = 30;
/// A longer `base` would leave too little of the QR code's capacity for the answers.
pub const MAX_BASE_LEN: usize = 300;

/// The kiosk parameters of this visit. The default is the ordinary page (no kiosk).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskConfig {
    /// `kiosk=1`, and no `embed=1`.
    pub enabled: bool,
    /// Seconds without input before the warning; within `IDLE_SECS`.
    pub idle_secs: u32,
    /// The public address shared links start with (`https://host/path`, normalised);
    /// `None`: the kiosk's own address.
    pub base: Option<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            enabled: false,
            idle_secs: DEFAULT_IDLE_SECS,
            base: None,
        }
    }
}

/// A kiosk parameter that was not understood and therefore ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KioskProblem {
    /// `kiosk` other than `1` or `0`.
    Kiosk(String),
    /// `idle` that is not a whole number of seconds within `IDLE_SECS`.
    Idle(String),
    /// `base` that is not an absolute http(s) URL without query or fragment.
    Base(String),
    /// `kiosk=1` together with `embed=1`.
    EmbedWins,
}

impl KioskProblem {
    /// The URL parameter the problem is about.
    pub fn param(&self) -> &'static str {
        match self {
            KioskProblem::Kiosk(_) | KioskProblem::EmbedWins => KIOSK_PARAM,
            KioskProblem::Idle(_) => IDLE_PARAM,
            KioskProblem::Base(_) => BASE_PARAM,
        }
    }
}

/// The console warning for whoever set up the kiosk (English: a developer message, not
/// interface text). It names the parameter, what was wrong and the default used instead.
impl fmt::Display for KioskProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let param = self.param();
        write!(f, "Support Navigator: ignored {param}")?;
        match self {
            KioskProblem::Kiosk(v) => write!(
                f,
                "=\"{v}\": expected 1 or 0. Using the default: the ordinary page (not a kiosk)."
            ),
            KioskProblem::Idle(v) => write!(
                f,
                "=\"{v}\": expected whole seconds from {} to {}. Using the default: {DEFAULT_IDLE_SECS} seconds.",
                IDLE_SECS.start(),
                IDLE_SECS.end()
            ),
            KioskProblem::Base(v) => write!(
                f,
                "=\"{v}\": expected an absolute http:// or https:// URL without query or fragment, such as https://example.com/support/. Using the default: the kiosk's own address."
            ),
            KioskProblem::EmbedWins => write!(
                f,
                "=1: {EMBED_PARAM}=1 is given too, and embed mode wins (a kiosk is a whole screen, not a frame). Showing the embedded page without kiosk mode."
            ),
        }
    }
}

impl KioskConfig {
    /// Reads the kiosk parameters from a URL query (with or without `?`). Other parameters are
    /// ignored, except `embed`, which wins over `kiosk`; for a repeated parameter the last one
    /// counts. `idle` and `base` are only checked (and warned about) in kiosk mode.
    pub fn parse(query: &str) -> (KioskConfig, Vec<KioskProblem>) {
        let mut config = KioskConfig::default();
        let mut problems = Vec::new();
        let mut embedded = false;
        let mut idle = None;
        let mut base = None;
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                KIOSK_PARAM => match value.as_str() {
                    "1" => config.enabled = true,
                    "0" => config.enabled = false,
                    _ => problems.push(KioskProblem::Kiosk(quoted(&value))),
                },
                IDLE_PARAM => idle = Some(value),
                BASE_PARAM => base = Some(value),
                // The same reading as `EmbedConfig::parse`: only `1` embeds.
                EMBED_PARAM => embedded = value == "1",
                _ => {}
            }
        }
        if !config.enabled {
            return (config, problems);
        }
        if embedded {
            problems.push(KioskProblem::EmbedWins);
            return (KioskConfig::default(), problems);
        }
        if let Some(value) = idle {
            match value.parse::<u32>() {
                Ok(secs) if IDLE_SECS.contains(&secs) && !value.starts_with('+') => {
                    config.idle_secs = secs;
                }
                _ => problems.push(KioskProblem::Idle(quoted(&value))),
            }
        }
        if let Some(value) = base {
            match parse_base(&value) {
                Some(b) => config.base = Some(b),
                None => problems.push(KioskProblem::Base(quoted(&value))),
            }
        }
        (config, problems)
    }

    /// The parameters as a query without `?` (`""` outside kiosk mode), in a fixed order. Parsing
    /// it gives this config back with no problem.
    pub fn to_query(&self) -> String {
        if !self.enabled {
            return String::new();
        }
        let mut parts = vec![format!("{KIOSK_PARAM}=1")];
        if self.idle_secs != DEFAULT_IDLE_SECS {
            parts.push(format!("{IDLE_PARAM}={}", self.idle_secs));
        }
        if let Some(b) = &self.base {
            parts.push(format!("{BASE_PARAM}={}", percent_encode(b)));
        }
        parts.join("&")
    }

    /// Appends these parameters to a query (`""` or `?…`), as `EmbedConfig::append_to_query`.
    pub fn append_to_query(&self, query: &str) -> String {
        url::append_query(query, &self.to_query())
    }

    /// The link a visitor takes with them: the public address (`base`, else `own_address`, the
    /// kiosk's origin and path) followed by a route query (`Route::to_query`). The caller passes
    /// the route's query only, so no kiosk or embed parameter can get in.
    pub fn share_link(&self, own_address: &str, route_query: &str) -> String {
        format!(
            "{}{route_query}",
            self.base.as_deref().unwrap_or(own_address)
        )
    }
}

/// `http(s)://host[:port][/path]`, normalised: scheme and host in lowercase, the scheme's
/// default port left out, `/` for an empty path. Refused: other schemes, credentials
/// (`user@host`, a classic way to disguise where a link leads), a query or fragment (the route
/// query is appended), spaces, non-ASCII and other characters a URL path cannot hold unescaped.
fn parse_base(value: &str) -> Option<String> {
    if value.len() > MAX_BASE_LEN {
        return None;
    }
    let lower_scheme = value.get(..8).map(str::to_ascii_lowercase);
    let (scheme, default_port, rest) = match lower_scheme.as_deref() {
        Some("https://") => ("https", "443", value.get(8..)?),
        _ if value.get(..7).map(str::to_ascii_lowercase).as_deref() == Some("http://") => {
            ("http", "80", value.get(7..)?)
        }
        _ => return None,
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let path_ok = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/%".contains(&b));
    if !path_ok {
        return None;
    }
    let authority = url::authority(authority, default_port)?;
    let path = if path.is_empty() { "/" } else { path };
    Some(format!("{scheme}://{authority}{path}"))
}

/// Where a kiosk visit stands after a tick of the idle clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePhase {
    /// Someone used the kiosk recently, or there is nothing to clear.
    Active,
    /// "Are you still there?" is open, with this many whole seconds left (rounded up).
    Warning { seconds_left: u32 },
    /// The countdown ran out: clear the visit now. Reported once; the clock is then reset.
    Expired,
}

/// When the warning opens and when the visit is cleared, from timestamps in milliseconds
/// (`Date.now()`). Pure: the browser side feeds it input events and a one-second tick.
///
/// Input counts only while the warning is closed: once it is open, only an explicit "Continue"
/// (`keep`) keeps the visit, so a stray touch on the backdrop does not silently cancel it.
#[derive(Clone, Debug, PartialEq)]
pub struct IdleClock {
    idle_ms: f64,
    last_input: f64,
    /// When the open warning runs out; `None`: closed.
    warning_until: Option<f64>,
}

impl IdleClock {
    pub fn new(idle_secs: u32, now: f64) -> IdleClock {
        IdleClock {
            idle_ms: f64::from(idle_secs) * 1000.0,
            last_input: now,
            warning_until: None,
        }
    }

    /// Pointer, key or touch input at `now`.
    pub fn input(&mut self, now: f64) {
        if self.warning_until.is_none() && now.is_finite() {
            self.last_input = now;
        }
    }

    /// "Continue": closes the warning and starts a new idle period.
    pub fn keep(&mut self, now: f64) {
        self.warning_until = None;
        if now.is_finite() {
            self.last_input = now;
        }
    }

    /// The phase at `now`. `visitor` says whether there is anything to clear (answers, a
    /// language chosen, pages to go Back to); without it the kiosk is already clean and no
    /// warning opens. A clock that jumped backwards counts as input, so it can never make the
    /// kiosk clear a visit early.
    pub fn tick(&mut self, now: f64, visitor: bool) -> IdlePhase {
        if !now.is_finite() {
            return IdlePhase::Active;
        }
        if let Some(until) = self.warning_until {
            if now >= until {
                self.keep(now);
                return IdlePhase::Expired;
            }
            // Whole seconds, rounded up, so the count shows WARNING_SECS first and 1 last.
            let left = ((until - now) / 1000.0).ceil();
            let seconds_left = if left < 1.0 {
                1
            } else if left > f64::from(WARNING_SECS) {
                WARNING_SECS
            } else {
                // Within 1..=WARNING_SECS, so the conversion is exact.
                left as u32
            };
            return IdlePhase::Warning { seconds_left };
        }
        if now < self.last_input || !visitor {
            self.last_input = now;
            return IdlePhase::Active;
        }
        if now - self.last_input >= self.idle_ms {
            self.warning_until = Some(now + f64::from(WARNING_SECS) * 1000.0);
            return IdlePhase::Warning {
                seconds_left: WARNING_SECS,
            };
        }
        IdlePhase::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::data::question_index;

    fn parse(q: &str) -> KioskConfig {
        KioskConfig::parse(q).0
    }

    #[test]
    fn no_parameter_is_also_a_question_id() {
        for p in PARAMS {
            assert_eq!(question_index(p), None, "{p} is also a question id");
        }
    }

    #[test]
    fn kiosk_with_idle_and_base() {
        let (c, problems) =
            KioskConfig::parse("?j=open-request&kiosk=1&idle=60&base=https%3A//Example.COM/nav/");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            c,
            KioskConfig {
                enabled: true,
                idle_secs: 60,
                base: Some("https://example.com/nav/".into()),
            }
        );
        assert_eq!(
            c.to_query(),
            "kiosk=1&idle=60&base=https%3A//example.com/nav/"
        );
        assert_eq!(KioskConfig::parse(&c.to_query()), (c, vec![]));
    }

    #[test]
    fn off_by_default_and_silent_about_idle_and_base_then() {
        assert_eq!(
            KioskConfig::parse("?idle=5&base=nope"),
            (KioskConfig::default(), vec![])
        );
        assert_eq!(KioskConfig::default().to_query(), "");
        assert_eq!(KioskConfig::default().append_to_query("?j=x"), "?j=x");
    }

    #[test]
    fn embed_wins_with_a_warning() {
        let (c, problems) = KioskConfig::parse("kiosk=1&embed=1");
        assert!(!c.enabled);
        assert_eq!(problems, vec![KioskProblem::EmbedWins]);
        assert!(problems[0].to_string().contains("embed=1"));
        assert!(parse("kiosk=1&embed=1&embed=0").enabled);
    }

    #[test]
    fn idle_outside_the_range_falls_back_to_the_default() {
        for bad in [
            "29",
            "3601",
            "0",
            "-60",
            "+60",
            "60s",
            "",
            "1e3",
            "99999999999",
        ] {
            let (c, problems) = KioskConfig::parse(&format!("kiosk=1&idle={bad}"));
            assert_eq!(c.idle_secs, DEFAULT_IDLE_SECS, "{bad}");
            assert_eq!(problems.len(), 1, "{bad}");
            assert_eq!(problems[0].param(), IDLE_PARAM);
            assert!(problems[0].to_string().contains("120 seconds"));
        }
        assert_eq!(parse("kiosk=1&idle=30").idle_secs, 30);
        assert_eq!(parse("kiosk=1&idle=3600").idle_secs, 3600);
    }

    #[test]
    fn base_must_be_an_absolute_http_url() {
        let ok = [
            ("https://example.com", "https://example.com/"),
            ("HTTP://Example.com:80/a/b", "http://example.com/a/b"),
            (
                "https://kiosk.example.org:8443/nav/",
                "https://kiosk.example.org:8443/nav/",
            ),
            ("http://[::1]:8080/", "http://[::1]:8080/"),
            ("https://example.com/a%20b/", "https://example.com/a%20b/"),
        ];
        for (input, expected) in ok {
            assert_eq!(parse_base(input).as_deref(), Some(expected), "{input}");
        }
        let bad = [
            "example.com",
            "/relative/path",
            "javascript:alert(1)",
            "ftp://example.com/",
            "https://",
            "https://user:pw@example.com/",
            "https://example.com/?a=1",
            "https://example.com/#top",
            "https://exa mple.com/",
            "https://example.com/a b",
            "https://example.com:0/",
            "https://example.com:99999/",
            "https://-bad-.com/",
            "https://example.com/\u{e9}",
            // Characters of an IPv6 address, but none: a browser cannot parse such a link.
            "https://[:]/",
            "http://[1:2:3]/",
            "https://[::1::2]:8080/",
            "https://[]/",
        ];
        for input in bad {
            assert_eq!(parse_base(input), None, "{input}");
            let (c, problems) =
                KioskConfig::parse(&format!("kiosk=1&base={}", percent_encode(input)));
            assert_eq!(c.base, None);
            assert_eq!(problems.len(), 1, "{input}");
            assert!(problems[0]
                .to_string()
                .starts_with("Support Navigator: ignored base="));
        }
        assert_eq!(
            parse_base(&format!("https://e.com/{}", "a".repeat(400))),
            None
        );
    }

    #[test]
    fn a_bad_kiosk_value_is_reported() {
        let (c, problems) = KioskConfig::parse("kiosk=yes");
        assert!(!c.enabled);
        assert_eq!(problems, vec![KioskProblem::Kiosk("yes".into())]);
    }

    #[test]
    fn the_shared_link_is_the_base_plus_the_route_query_only() {
        let c = parse("kiosk=1&base=https%3A//example.com/nav/");
        assert_eq!(
            c.share_link("http://127.0.0.1:8080/", "?j=open-request&p=result&v=1"),
            "https://example.com/nav/?j=open-request&p=result&v=1"
        );
        let own = parse("kiosk=1");
        assert_eq!(
            own.share_link("http://127.0.0.1:8080/", "?j=x"),
            "http://127.0.0.1:8080/?j=x"
        );
    }

    #[test]
    fn warns_after_idle_and_expires_after_the_countdown() {
        let mut clock = IdleClock::new(60, 0.0);
        assert_eq!(clock.tick(59_999.0, true), IdlePhase::Active);
        clock.input(30_000.0);
        assert_eq!(clock.tick(89_000.0, true), IdlePhase::Active);
        assert_eq!(
            clock.tick(90_000.0, true),
            IdlePhase::Warning {
                seconds_left: WARNING_SECS
            }
        );
        // Input no longer counts once the warning is open.
        clock.input(95_000.0);
        assert_eq!(
            clock.tick(100_500.0, true),
            IdlePhase::Warning { seconds_left: 20 }
        );
        assert_eq!(
            clock.tick(119_999.0, true),
            IdlePhase::Warning { seconds_left: 1 }
        );
        assert_eq!(clock.tick(120_000.0, true), IdlePhase::Expired);
        // Reported once, then a new idle period starts.
        assert_eq!(clock.tick(120_001.0, true), IdlePhase::Active);
    }

    #[test]
    fn continue_keeps_the_visit() {
        let mut clock = IdleClock::new(30, 0.0);
        assert!(matches!(
            clock.tick(30_000.0, true),
            IdlePhase::Warning { .. }
        ));
        clock.keep(40_000.0);
        assert_eq!(clock.tick(69_999.0, true), IdlePhase::Active);
        assert!(matches!(
            clock.tick(70_000.0, true),
            IdlePhase::Warning { .. }
        ));
    }

    #[test]
    fn a_clean_kiosk_never_warns() {
        let mut clock = IdleClock::new(30, 0.0);
        assert_eq!(clock.tick(1_000_000.0, false), IdlePhase::Active);
        // The idle period starts when the first visitor arrives, not at start-up.
        assert_eq!(clock.tick(1_000_001.0, true), IdlePhase::Active);
    }

    #[test]
    fn a_clock_jumping_back_or_broken_never_clears_early() {
        let mut clock = IdleClock::new(30, 1_000_000.0);
        assert_eq!(clock.tick(5.0, true), IdlePhase::Active);
        assert_eq!(clock.tick(29_000.0, true), IdlePhase::Active);
        assert_eq!(clock.tick(f64::NAN, true), IdlePhase::Active);
        assert_eq!(clock.tick(f64::INFINITY, true), IdlePhase::Active);
    }
}
