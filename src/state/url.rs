//! Pieces of URLs that the visit's settings accept (`embed_config`, `kiosk_config`): a host and
//! port, an IPv6 literal, a query with parameters appended, and a parameter's value as a warning
//! quotes it. One reading for both settings, so `origin=` and `base=` cannot drift apart.

/// The longest value a warning quotes, in characters.
pub(crate) const MAX_QUOTED: usize = 40;

/// A value as quoted in a warning: at most `MAX_QUOTED` characters (then `…`), control
/// characters replaced by U+FFFD, so a warning can neither grow without bound nor break a line.
pub(crate) fn quoted(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(MAX_QUOTED)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if value.chars().nth(MAX_QUOTED).is_some() {
        out.push('…');
    }
    out
}

/// `query` (`""` or `?…`) with the parameters `own` (`a=1&b=2`, or nothing) appended.
pub(crate) fn append_query(query: &str, own: &str) -> String {
    match (query.is_empty(), own.is_empty()) {
        (_, true) => query.to_string(),
        (true, false) => format!("?{own}"),
        (false, false) => format!("{query}&{own}"),
    }
}

/// The `host[:port]` of an http(s) URL, normalised as browsers serialise it: lowercase, without
/// the scheme's `default_port`. The host is a DNS name (labels of 1 to 63 letters, digits and
/// inner hyphens, at most 253 characters) or a bracketed IPv6 address; the port is 1 to 65535
/// in decimal digits. Anything else (credentials, spaces, non-ASCII) is refused.
pub(crate) fn authority(text: &str, default_port: &str) -> Option<String> {
    let text = text.to_ascii_lowercase();
    let (host, port) = if let Some(v6) = text.strip_prefix('[') {
        let (addr, after) = v6.split_once(']')?;
        // A real IPv6 address, not merely its characters: `[:]` would make a link no browser
        // can parse (and so a QR code that leads nowhere).
        if !is_ipv6(addr) {
            return None;
        }
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (format!("[{addr}]"), port)
    } else {
        let (host, port) = match text.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (text.as_str(), None),
        };
        let label_ok = |l: &str| {
            (1..=63).contains(&l.len())
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        if host.len() > 253 || !host.split('.').all(label_ok) {
            return None;
        }
        (host.to_string(), port)
    };
    let port = match port {
        None => String::new(),
        Some(p) if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) => return None,
        Some(p) => match p.parse::<u16>() {
            Ok(0) | Err(_) => return None,
            Ok(n) if n.to_string() == default_port => String::new(),
            Ok(n) => format!(":{n}"),
        },
    };
    Some(format!("{host}{port}"))
}

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
