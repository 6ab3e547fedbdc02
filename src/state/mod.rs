//! What the app remembers between pages and visits: the route in the URL (every answer), the
//! presentation parameters of the visit, and the small record kept on the device (`stored`).
//! Decoders here are total: any input yields a usable value plus notices about what was
//! ignored, never a panic.

pub mod embed_config;
pub mod kiosk_config;
pub mod page_cover;
pub mod route;
pub mod stored;
pub mod ui_language;
pub mod wizard;

pub use embed_config::{ConfigProblem, EmbedConfig, Theme};
pub use kiosk_config::{IdleClock, IdlePhase, KioskConfig};
pub use route::{Page, Route, RouteNotice};
pub use stored::{StoredProblem, StoredState};
pub use ui_language::UiLanguage;

/// Whether `text` is an IPv6 address as a URL's host may hold it between brackets (RFC 4291
/// text form: eight groups of 1 to 4 hex digits, one `::` for a run of zero groups, the last two
/// groups optionally as a dotted IPv4 address). Not `std::net::Ipv6Addr`'s parser: this answers
/// the same for every input (tested natively against it) at a fraction of the wasm.
pub(crate) fn is_ipv6(text: &str) -> bool {
    /// The number of 16-bit groups `part` (colon-separated) stands for, if it is well formed.
    fn groups(part: &str, dotted_tail: bool) -> Option<u32> {
        if part.is_empty() {
            return Some(0);
        }
        let digits = |s: &str, max: usize, ok: fn(&u8) -> bool| {
            (1..=max).contains(&s.len()) && s.bytes().all(|b| ok(&b))
        };
        let mut count = 0;
        let mut pieces = part.split(':').peekable();
        while let Some(piece) = pieces.next() {
            if dotted_tail && pieces.peek().is_none() && piece.contains('.') {
                // A dotted IPv4 address: four decimal octets, no leading zeros.
                let mut octets = 0;
                for octet in piece.split('.') {
                    let canonical = octet.len() == 1 || !octet.starts_with('0');
                    if !digits(octet, 3, u8::is_ascii_digit) || !canonical {
                        return None;
                    }
                    // Checked first: at most three decimal digits, so the value cannot overflow.
                    let value = octet
                        .bytes()
                        .fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
                    if value > 255 {
                        return None;
                    }
                    octets += 1;
                }
                if octets != 4 {
                    return None;
                }
                count += 2;
            } else if digits(piece, 4, u8::is_ascii_hexdigit) {
                count += 1;
            } else {
                return None;
            }
        }
        Some(count)
    }
    match text.split_once("::") {
        None => groups(text, true) == Some(8),
        Some((_, tail)) if tail.contains("::") => false,
        Some((head, tail)) => match (groups(head, false), groups(tail, true)) {
            (Some(h), Some(t)) => h + t < 8,
            _ => false,
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ipv6_text_is_checked_as_the_standard_library_does() {
        let cases = [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":",
            ":::",
            "[::1]",
            "",
            "1:2:3",
            "::ffff:1.2.3.4",
            "::1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1.2.3",
            "::1.2.3.256",
            "::01.2.3.4",
            "::1.2.3.4:5",
            "1.2.3.4::",
            "fe80::1%eth0",
            "12345::",
            "abcd::EF01",
            "g::",
            ":1::",
            "1::2:",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7",
            // Octets too long to be one, or not digits at all: refused before their value is
            // computed (a proptest found the overflow this once caused).
            "::1.2.3.99999999999999",
            "::1.2.3.4444",
            "::1.2.3.xyz",
        ];
        for case in cases {
            assert_eq!(
                super::is_ipv6(case),
                case.parse::<std::net::Ipv6Addr>().is_ok(),
                "{case:?}"
            );
        }
    }
}
