//! Presentation parameters: how the app is shown, as opposed to where the visitor is (the
//! route, `state::route`). They come from the URL of the page or of an embedding iframe:
//!
//! `?embed=1&theme=dark&accent=0a5fff&holidays=2026-12-25,2026-12-26&origin=https%3A//example.com`
//!
//! * `embed` `1`: drop the site header and footer and fit the container (an iframe);
//! * `theme` `light`, `dark` or `contrast`; absent: follow the browser's colour scheme;
//! * `accent` 3 or 6 hex digits (no `#`), the colour of links, buttons and borders; rejected
//!   when it is too faint on the theme's background (WCAG 2.2 AA 1.4.3: 4.5:1, and 7:1 for the
//!   contrast theme). Without `theme` it is checked against the light background and CSS uses it
//!   only in the light scheme;
//! * `holidays` public holidays of the support region as `yyyy-mm-dd`, comma-separated: business
//!   hours (the engine's `Context::holidays`) skip them;
//! * `origin` the embedding page's origin, used as the `postMessage` target.
//!
//! Language, starting journey and preset answers are route parameters (`lang`, `j`, question ids)
//! and are not repeated here.
//!
//! They belong to the visit, not to a page: `ui::navigation` copies them from the current URL
//! onto every link it makes, so they survive navigation, while the route stored for "Continue
//! where you left off" stays free of them. A later mode (a kiosk, say) adds its parameters here:
//! a field, a constant in `PARAMS`, an arm in `parse` and a line in `to_query`.
//!
//! Parsing is total: a value that is not understood is dropped with a `ConfigProblem` naming the
//! parameter and the safe default used instead, never a panic or a broken page.

use crate::engine::iso_date;
use crate::state::route::{percent_encode, query_pairs};
use crate::state::url::{self, quoted};
use chrono::NaiveDate;
use std::fmt;

pub const EMBED_PARAM: &str = "embed";
pub const THEME_PARAM: &str = "theme";
pub const ACCENT_PARAM: &str = "accent";
pub const HOLIDAYS_PARAM: &str = "holidays";
pub const ORIGIN_PARAM: &str = "origin";
/// Every parameter this config owns. None may be a question id (a test checks it).
pub const PARAMS: [&str; 5] = [
    EMBED_PARAM,
    THEME_PARAM,
    ACCENT_PARAM,
    HOLIDAYS_PARAM,
    ORIGIN_PARAM,
];
/// More holidays than this are ignored: a few years of any region's public holidays fit, and a
/// URL cannot make the business-hours calendar do unbounded work.
pub const MAX_HOLIDAYS: usize = 100;

/// A colour theme the page can be forced into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
    /// High contrast: light text on black.
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Contrast];

    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The name in URLs and in `<html data-theme>`.
    pub const fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    /// The page background (`--bg` in style/main.css; keep the two in step).
    pub const fn background(self) -> Rgb {
        match self {
            Theme::Light => Rgb::new(0xff, 0xff, 0xff),
            Theme::Dark => Rgb::new(0x12, 0x14, 0x16),
            Theme::Contrast => Rgb::new(0x00, 0x00, 0x00),
        }
    }

    /// The least contrast an accent needs against the background. Text on accent-coloured
    /// buttons uses the background colour, so the same ratio holds there too.
    pub const fn min_accent_contrast(self) -> f64 {
        match self {
            Theme::Light | Theme::Dark => 4.5,
            // Someone who asks for high contrast gets the enhanced level (WCAG 1.4.6).
            Theme::Contrast => 7.0,
        }
    }

    /// `min_accent_contrast` as written in warnings (formatting an `f64` would pull the float
    /// printing code into the wasm).
    const fn min_accent_contrast_text(self) -> &'static str {
        match self {
            Theme::Light | Theme::Dark => "4.5",
            Theme::Contrast => "7",
        }
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    pub const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// Parses exactly 3 or 6 hex digits (`0af` means `00aaff`), without `#`: a `#` in a URL
    /// starts the fragment, so it would never reach the query anyway.
    pub fn from_hex(s: &str) -> Option<Rgb> {
        let digits: Vec<u8> = s
            .chars()
            .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
            .collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(Rgb::new(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some(Rgb::new(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        }
    }

    /// Six lowercase hex digits, without `#`.
    pub fn to_hex(self) -> String {
        format!("{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG 2.2 relative luminance, 0 (black) to 1 (white).
    pub fn relative_luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// The colour a `t` (0 to 1) of the way from this one to `to`, channel by channel.
    fn toward(self, to: Rgb, t: f64) -> Rgb {
        // `as` saturates; the mix stays between the two channels anyway.
        let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb::new(mix(self.r, to.r), mix(self.g, to.g), mix(self.b, to.b))
    }

    /// The nearest colour of the same hue with at least `min` contrast on `background`: this one
    /// moved step by step toward black on a light background, toward white on a dark one (the
    /// far end always passes: black on white is 21:1, white on the dark theme 18:1).
    pub fn nearest_with_contrast(self, background: Rgb, min: f64) -> Rgb {
        let far = if background.relative_luminance() > 0.5 {
            Rgb::new(0, 0, 0)
        } else {
            Rgb::new(0xff, 0xff, 0xff)
        };
        (0..=64)
            .map(|step| self.toward(far, f64::from(step) / 64.0))
            .find(|c| c.contrast_ratio(background) >= min)
            .unwrap_or(far)
    }

    /// WCAG 2.2 contrast ratio, 1 to 21, the same whichever colour is the foreground.
    pub fn contrast_ratio(self, other: Rgb) -> f64 {
        let (a, b) = (self.relative_luminance(), other.relative_luminance());
        let (light, dark) = if a >= b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

/// The presentation parameters of this visit. The default is the ordinary full page.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    /// `embed=1`: no site header or footer, fit the container, talk to the parent window.
    pub embedded: bool,
    /// `None`: follow the browser's colour scheme.
    pub theme: Option<Theme>,
    /// Checked against `accent_background()`, so it is always readable when set.
    pub accent: Option<Rgb>,
    /// Sorted, without duplicates, at most `MAX_HOLIDAYS`.
    pub holidays: Vec<NaiveDate>,
    /// The embedding page's origin (`https://example.com`), normalised; `None`: unknown.
    pub origin: Option<String>,
}

/// A parameter that was not understood and was therefore ignored (see `message` for the text a
/// site owner sees in the console). Values are quoted shortened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// `embed` other than `1` or `0`.
    Embed(String),
    /// `theme` other than `light`, `dark` or `contrast`.
    Theme(String),
    /// `accent` that is not 3 or 6 hex digits.
    AccentSyntax(String),
    /// `accent` too faint on the theme's background; the ratio in hundredths (rounded down), and
    /// the nearest colour that passes, which is used instead.
    AccentContrast {
        value: String,
        theme: Theme,
        ratio_hundredths: u32,
        used: Rgb,
    },
    /// A `holidays` entry that is not a real `yyyy-mm-dd` date.
    Holiday(String),
    /// More than `MAX_HOLIDAYS` distinct holidays; the earliest are kept.
    TooManyHolidays,
    /// `origin` that is not an `http(s)://host[:port]` origin.
    Origin(String),
}

impl ConfigProblem {
    /// The URL parameter the problem is about.
    pub fn param(&self) -> &'static str {
        match self {
            ConfigProblem::Embed(_) => EMBED_PARAM,
            ConfigProblem::Theme(_) => THEME_PARAM,
            ConfigProblem::AccentSyntax(_) | ConfigProblem::AccentContrast { .. } => ACCENT_PARAM,
            ConfigProblem::Holiday(_) | ConfigProblem::TooManyHolidays => HOLIDAYS_PARAM,
            ConfigProblem::Origin(_) => ORIGIN_PARAM,
        }
    }
}

/// The console warning for a site owner (English: it is a developer message, not interface
/// text). It names the parameter, what was wrong and the default used instead.
impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let param = self.param();
        // A faint accent is not dropped but replaced by a readable one: say so.
        let verb = match self {
            ConfigProblem::AccentContrast { .. } => "adjusted",
            _ => "ignored",
        };
        write!(f, "Support Navigator: {verb} {param}")?;
        match self {
            ConfigProblem::Embed(v) => write!(
                f,
                "=\"{v}\": expected 1 or 0. Using the default: the full page (not embedded)."
            ),
            ConfigProblem::Theme(v) => write!(
                f,
                "=\"{v}\": expected light, dark or contrast. Using the default: the browser's colour scheme."
            ),
            ConfigProblem::AccentSyntax(v) => write!(
                f,
                "=\"{v}\": expected 3 or 6 hex digits without #, such as 0a5fff. Using the default accent colour."
            ),
            ConfigProblem::AccentContrast {
                value,
                theme,
                ratio_hundredths,
                used,
            } => write!(
                f,
                "=\"{value}\": its contrast with the {} background is {}.{:02}:1, below the {}:1 that keeps text readable (WCAG 2.2 AA). Using {}, the nearest colour of the same hue that passes.",
                theme.name(),
                ratio_hundredths / 100,
                ratio_hundredths % 100,
                theme.min_accent_contrast_text(),
                used.to_hex()
            ),
            ConfigProblem::Holiday(v) => write!(
                f,
                " entry \"{v}\": expected a real date as yyyy-mm-dd. The other dates are kept; this one is not a holiday."
            ),
            ConfigProblem::TooManyHolidays => write!(
                f,
                " beyond {MAX_HOLIDAYS} dates. Using the earliest {MAX_HOLIDAYS}."
            ),
            ConfigProblem::Origin(v) => write!(
                f,
                "=\"{v}\": expected an origin such as https://example.com. Using the default: messages to the embedding page name no target origin (\"*\") and carry nothing private."
            ),
        }
    }
}

impl EmbedConfig {
    /// Reads the presentation parameters from a URL query (with or without `?`). Other
    /// parameters (the route's) are ignored; for a repeated parameter the last one counts.
    pub fn parse(query: &str) -> (EmbedConfig, Vec<ConfigProblem>) {
        let mut config = EmbedConfig::default();
        let mut problems = Vec::new();
        // The accent is checked against the theme, which may come later in the query.
        let mut accent = None;
        let mut holidays = None;
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                EMBED_PARAM => match value.as_str() {
                    "1" => config.embedded = true,
                    "0" => config.embedded = false,
                    _ => problems.push(ConfigProblem::Embed(quoted(&value))),
                },
                THEME_PARAM => match Theme::from_name(&value) {
                    Some(t) => config.theme = Some(t),
                    None => problems.push(ConfigProblem::Theme(quoted(&value))),
                },
                ACCENT_PARAM => accent = Some(value),
                HOLIDAYS_PARAM => holidays = Some(value),
                ORIGIN_PARAM => match parse_origin(&value) {
                    Some(o) => config.origin = Some(o),
                    None => problems.push(ConfigProblem::Origin(quoted(&value))),
                },
                _ => {}
            }
        }
        if let Some(value) = accent {
            match Rgb::from_hex(&value) {
                None => problems.push(ConfigProblem::AccentSyntax(quoted(&value))),
                Some(rgb) => {
                    let theme = config.accent_background();
                    let ratio = rgb.contrast_ratio(theme.background());
                    if ratio >= theme.min_accent_contrast() {
                        config.accent = Some(rgb);
                    } else {
                        // A brand colour a little too light is made readable, not dropped: the
                        // site keeps its colour, and the console says which one is used.
                        let used = rgb
                            .nearest_with_contrast(theme.background(), theme.min_accent_contrast());
                        config.accent = Some(used);
                        problems.push(ConfigProblem::AccentContrast {
                            value: quoted(&value),
                            theme,
                            // `as` saturates; the ratio is between 1 and 21.
                            ratio_hundredths: (ratio * 100.0).floor() as u32,
                            used,
                        });
                    }
                }
            }
        }
        if let Some(value) = holidays {
            let (dates, mut holiday_problems) = parse_holidays(&value);
            config.holidays = dates;
            problems.append(&mut holiday_problems);
        }
        (config, problems)
    }

    /// The theme whose background the accent must contrast with: the chosen theme, or light
    /// (the only scheme in which CSS applies an accent when no theme is chosen).
    pub fn accent_background(&self) -> Theme {
        self.theme.unwrap_or(Theme::Light)
    }

    /// The parameters as a query without `?` (`""` for the default), in a fixed order. Parsing it
    /// gives this config back with no problem (tests/embed_config.rs checks it).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.embedded {
            parts.push(format!("{EMBED_PARAM}=1"));
        }
        if let Some(t) = self.theme {
            parts.push(format!("{THEME_PARAM}={}", t.name()));
        }
        if let Some(a) = self.accent {
            parts.push(format!("{ACCENT_PARAM}={}", a.to_hex()));
        }
        if !self.holidays.is_empty() {
            let dates: Vec<String> = self
                .holidays
                .iter()
                // Escaped for the `+` of years after 9999 (a raw `+` reads as a space).
                .map(|d| percent_encode(&iso_date::format(*d)))
                .collect();
            parts.push(format!("{HOLIDAYS_PARAM}={}", dates.join(",")));
        }
        if let Some(o) = &self.origin {
            parts.push(format!("{ORIGIN_PARAM}={}", percent_encode(o)));
        }
        parts.join("&")
    }

    /// Appends these parameters to a route query (`Route::to_query`: `""` or `?…`).
    pub fn append_to_query(&self, route_query: &str) -> String {
        url::append_query(route_query, &self.to_query())
    }
}

/// Splits `2026-12-25,2026-12-26`, keeps the real dates (sorted, once each, the earliest
/// `MAX_HOLIDAYS`) and reports the rest. Empty entries (a trailing comma) are skipped quietly.
fn parse_holidays(value: &str) -> (Vec<NaiveDate>, Vec<ConfigProblem>) {
    let mut dates: Vec<NaiveDate> = Vec::new();
    let mut problems = Vec::new();
    let mut too_many = false;
    for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        // The route's date format: `yyyy-mm-dd` naming a day that exists (`2026-02-30` does
        // not), and a sign on years outside 0 to 9999 (`+12345-01-01`), so `to_query`
        // round-trips any date.
        let Some(date) = iso_date::parse(entry) else {
            problems.push(ConfigProblem::Holiday(quoted(entry)));
            continue;
        };
        // Insertion into the sorted list, dropping the latest beyond the limit: the list never
        // grows past MAX_HOLIDAYS + 1 however long the URL, and no sort routine is compiled in.
        if let Err(at) = dates.binary_search(&date) {
            dates.insert(at, date);
            if dates.len() > MAX_HOLIDAYS {
                dates.pop();
                too_many = true;
            }
        }
    }
    if too_many {
        problems.push(ConfigProblem::TooManyHolidays);
    }
    (dates, problems)
}

/// `http(s)://host[:port]` with an optional trailing `/`, normalised to lowercase without the
/// scheme's default port, as browsers serialise an origin. Anything else (a path, a query,
/// credentials, another scheme) is not an origin.
fn parse_origin(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let (scheme, default_port, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", "443", rest)
    } else {
        ("http", "80", lower.strip_prefix("http://")?)
    };
    let authority = url::authority(rest.strip_suffix('/').unwrap_or(rest), default_port)?;
    Some(format!("{scheme}://{authority}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn accent(query: &str) -> Option<Rgb> {
        EmbedConfig::parse(query).0.accent
    }

    #[test]
    fn no_parameters_is_the_full_page() {
        assert_eq!(EmbedConfig::parse(""), (EmbedConfig::default(), vec![]));
        assert_eq!(EmbedConfig::default().to_query(), "");
    }

    #[test]
    fn a_full_configuration_is_read_and_route_parameters_are_left_alone() {
        let (config, problems) = EmbedConfig::parse(
            "?j=open-request&lang=nl&product=ce_app&embed=1&theme=dark&accent=8AB4F8\
             &holidays=2026-12-26,2026-12-25,2026-12-25&origin=HTTPS%3A%2F%2FExample.com%3A443%2F",
        );
        assert_eq!(problems, vec![]);
        assert_eq!(
            config,
            EmbedConfig {
                embedded: true,
                theme: Some(Theme::Dark),
                accent: Some(Rgb::new(0x8a, 0xb4, 0xf8)),
                holidays: vec![date(2026, 12, 25), date(2026, 12, 26)],
                origin: Some("https://example.com".into()),
            }
        );
        assert_eq!(
            config.to_query(),
            "embed=1&theme=dark&accent=8ab4f8&holidays=2026-12-25,2026-12-26\
             &origin=https%3A//example.com"
        );
    }

    #[test]
    fn three_digit_accents_expand() {
        assert_eq!(Rgb::from_hex("05f"), Some(Rgb::new(0x00, 0x55, 0xff)));
        for bad in ["", "0a5ff", "#0a5fff", "0a5fffff", "zzz", "0a5ffg", "٣٣٣"] {
            assert_eq!(Rgb::from_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_ratios_match_wcag() {
        let white = Rgb::new(255, 255, 255);
        let black = Rgb::new(0, 0, 0);
        assert!((white.contrast_ratio(black) - 21.0).abs() < 1e-9);
        assert!((black.contrast_ratio(white) - 21.0).abs() < 1e-9);
        assert!((white.contrast_ratio(white) - 1.0).abs() < 1e-9);
        // #767676 is the classic lightest grey that passes AA on white (4.54:1).
        let grey = Rgb::new(0x76, 0x76, 0x76);
        assert!((grey.contrast_ratio(white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn an_accent_too_faint_for_its_theme_is_adjusted_and_the_ratio_reported() {
        // Yellow on white: 1.07:1. The nearest yellow that passes 4.5:1 is used instead.
        let (config, problems) = EmbedConfig::parse("theme=light&accent=ffff00");
        assert_eq!(config.theme, Some(Theme::Light));
        let used = config.accent.expect("an adjusted accent");
        assert!(used.contrast_ratio(Theme::Light.background()) >= 4.5);
        assert!(used.r == used.g && used.b == 0, "still a yellow: {used:?}");
        assert!(matches!(
            problems.as_slice(),
            [ConfigProblem::AccentContrast {
                theme: Theme::Light,
                ratio_hundredths: 107,
                ..
            }]
        ));
        // The README's own snippet: 0a5fff on the dark theme (3.59:1) becomes a lighter blue.
        let (config, problems) = EmbedConfig::parse("theme=dark&accent=0a5fff");
        let used = config.accent.expect("an adjusted accent");
        assert!(used.contrast_ratio(Theme::Dark.background()) >= 4.5);
        assert!(used.b > used.r, "still a blue: {used:?}");
        assert_eq!(problems.len(), 1);
        // Only as far as needed: a colour just short of 4.5:1 moves little.
        let near = Rgb::new(0x77, 0x77, 0x77).nearest_with_contrast(Theme::Light.background(), 4.5);
        assert!(near.r >= 0x70, "{near:?}");
        // The same yellow is fine as it is on dark and on black.
        assert_eq!(
            accent("theme=dark&accent=ff0"),
            Some(Rgb::new(0xff, 0xff, 0))
        );
        assert_eq!(
            accent("theme=contrast&accent=ff0"),
            Some(Rgb::new(0xff, 0xff, 0))
        );
        // The theme may come after the accent.
        assert!(EmbedConfig::parse("accent=ff0&theme=dark").1.is_empty());
        // Without a theme, the light background counts.
        assert_eq!(accent("accent=0a5fff"), Rgb::from_hex("0a5fff"));
        assert_ne!(accent("accent=8ab4f8"), Rgb::from_hex("8ab4f8"));
    }

    #[test]
    fn the_contrast_theme_asks_for_seven_to_one() {
        // Pure red on black is 5.25:1: enough for AA, not for the high-contrast theme.
        let red = Rgb::new(0xff, 0, 0);
        let ratio = red.contrast_ratio(Theme::Contrast.background());
        assert!((ratio - 5.25).abs() < 0.01, "{ratio}");
        // So red is lightened until it reaches 7:1, and a yellow that already does is kept.
        let used = accent("theme=contrast&accent=f00").expect("an adjusted accent");
        assert_ne!(used, red);
        assert!(used.contrast_ratio(Theme::Contrast.background()) >= 7.0);
        assert_eq!(
            accent("theme=contrast&accent=ffcc00"),
            Rgb::from_hex("ffcc00")
        );
    }

    #[test]
    fn bad_values_fall_back_and_name_their_parameter() {
        let (config, problems) = EmbedConfig::parse(
            "embed=yes&theme=purple&accent=zzz&holidays=2026-02-30,2026-12-25,,25-12-2026&origin=javascript:alert(1)",
        );
        assert_eq!(
            config,
            EmbedConfig {
                holidays: vec![date(2026, 12, 25)],
                ..EmbedConfig::default()
            }
        );
        let params: Vec<&str> = problems.iter().map(ConfigProblem::param).collect();
        assert_eq!(
            params,
            vec!["embed", "theme", "origin", "accent", "holidays", "holidays"]
        );
        for p in &problems {
            let text = p.to_string();
            assert!(text.contains(p.param()), "{text}");
            assert!(text.contains("default") || text.contains("kept"), "{text}");
        }
    }

    #[test]
    fn holidays_outside_four_digit_years_keep_their_sign() {
        let (config, problems) = EmbedConfig::parse("holidays=%2B12345-01-01,-0001-12-31");
        assert_eq!(problems, vec![]);
        assert_eq!(config.holidays, vec![date(-1, 12, 31), date(12345, 1, 1)]);
        let query = config.to_query();
        assert_eq!(query, "holidays=-0001-12-31,%2B12345-01-01");
        assert_eq!(EmbedConfig::parse(&query), (config, vec![]));
    }

    #[test]
    fn dates_are_strict() {
        assert_eq!(iso_date::parse("2024-02-29"), Some(date(2024, 2, 29)));
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-2-3",
            "2026/02/03",
            "20260203",
            "+026-02-03",
            "2026-02-03T00",
            "2026-13-01",
            "2026-00-10",
            "",
        ] {
            assert_eq!(iso_date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn too_many_holidays_keeps_the_earliest() {
        let start = date(2030, 1, 1);
        let list: Vec<String> = (0..150)
            .rev()
            .filter_map(|i| start.checked_add_days(chrono::Days::new(i)))
            .map(iso_date::format)
            .collect();
        let (config, problems) = EmbedConfig::parse(&format!("holidays={}", list.join(",")));
        assert_eq!(config.holidays.len(), MAX_HOLIDAYS);
        assert_eq!(config.holidays.first(), Some(&start));
        assert_eq!(problems, vec![ConfigProblem::TooManyHolidays]);
    }

    #[test]
    fn origins_are_validated_and_normalised() {
        for (given, expected) in [
            ("https://example.com", "https://example.com"),
            ("https://Example.COM/", "https://example.com"),
            ("http://localhost:8080", "http://localhost:8080"),
            ("http://127.0.0.1:80", "http://127.0.0.1"),
            ("https://[::1]:8443", "https://[::1]:8443"),
            (
                "https://sub-domain.example.co.uk:443",
                "https://sub-domain.example.co.uk",
            ),
        ] {
            assert_eq!(parse_origin(given).as_deref(), Some(expected), "{given}");
        }
        for bad in [
            "",
            "example.com",
            "ftp://example.com",
            "https://",
            "https://example.com/path",
            "https://example.com?x=1",
            "https://user@example.com",
            "https://exa mple.com",
            "https://-bad.com",
            "https://example.com:0",
            "https://example.com:99999",
            "https://example.com:",
            "https://[zz]",
            "https://[:]",
            "https://[1:2:3]:8443",
            "https://[::1::2]",
            "https://example..com",
            "*",
            "null",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn warnings_quote_values_shortened_and_without_control_characters() {
        let long = format!("{}\n", "a".repeat(100));
        let (_, problems) = EmbedConfig::parse(&format!("theme={}", percent_encode(&long)));
        let text = problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            text.contains(&format!("\"{}…\"", "a".repeat(url::MAX_QUOTED))),
            "{text}"
        );
        assert!(!text.contains('\n'));
    }

    #[test]
    fn appended_to_a_route_query() {
        let c = EmbedConfig {
            embedded: true,
            ..EmbedConfig::default()
        };
        assert_eq!(c.append_to_query(""), "?embed=1");
        assert_eq!(c.append_to_query("?j=reopen"), "?j=reopen&embed=1");
        assert_eq!(
            EmbedConfig::default().append_to_query("?j=reopen"),
            "?j=reopen"
        );
        assert_eq!(EmbedConfig::default().append_to_query(""), "");
    }

    #[test]
    fn no_presentation_parameter_is_a_route_parameter_or_a_question() {
        use crate::policy::data::question_index;
        use crate::state::route::{
            JOURNEY_PARAM, LANGUAGE_PARAM, PAGE_PARAM, RULES_PARAM, VERSION_PARAM,
        };
        for p in PARAMS {
            assert_eq!(question_index(p), None, "{p} is also a question id");
            assert!(
                ![
                    JOURNEY_PARAM,
                    PAGE_PARAM,
                    LANGUAGE_PARAM,
                    VERSION_PARAM,
                    RULES_PARAM
                ]
                .contains(&p),
                "{p} is also a route parameter"
            );
        }
    }
}
