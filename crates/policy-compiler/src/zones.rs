//! Time-zone rules: compiles the IANA rules of the supported zones (tzdata/zones.txt) from the
//! tz source files in tzdata/ into compact tables that src/hours/iana.rs reads.
//!
//! Why not chrono-tz in the app: it stores every span of every zone as a Rust struct with its
//! abbreviation, about 230 KB of data (44 KB gzip) for our 60 zones. The same transitions as
//! zig-zag varint deltas with a one-byte offset index are about 50 KB raw and compress far
//! better, because the deltas repeat year after year. The transitions are computed by
//! `parse-zoneinfo`, the crate chrono-tz's own build uses, from the same tz release, so they are
//! identical by construction; `src/hours/iana.rs` tests that against chrono-tz (a
//! dev-dependency) at every transition and every day from 1800 to 2200.

use std::fmt::Write as _;
use std::path::Path;

use parse_zoneinfo::line::Line;
use parse_zoneinfo::table::TableBuilder;
use parse_zoneinfo::transitions::TableTransitions;

/// The tz source files, as chrono-tz reads them (`parse_zoneinfo::FILES`).
const TZ_FILES: &[&str] = parse_zoneinfo::FILES;

/// Rust source for `OUT_DIR/zone_table.rs`: `TZDB_VERSION`, `SUPPORTED_ZONES`, `ZONE_RULES`.
/// Problems go to `errors` (the caller fails the build with all of them).
pub fn compile(tzdata: &Path, errors: &mut Vec<String>) -> String {
    let version = match std::fs::read_to_string(tzdata.join("VERSION")) {
        Ok(text) => text.trim().to_string(),
        Err(e) => {
            errors.push(format!("tzdata/VERSION: {e}"));
            String::new()
        }
    };
    let names = match std::fs::read_to_string(tzdata.join("zones.txt")) {
        Ok(text) => zone_names(&text),
        Err(e) => {
            errors.push(format!("tzdata/zones.txt: {e}"));
            Vec::new()
        }
    };
    if names.is_empty() || names.len() > usize::from(u8::MAX) {
        errors.push(format!(
            "tzdata/zones.txt: {} zones; 1 to 255 are supported (a zone is a u8)",
            names.len()
        ));
    }

    let mut builder = TableBuilder::new();
    for file in TZ_FILES {
        let path = tzdata.join(file);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("tzdata/{file}: {e}"));
                continue;
            }
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("");
            let added = Line::new(line)
                .map_err(|e| format!("{e:?}"))
                .and_then(|line| builder.add_line(line).map_err(|e| format!("{e:?}")));
            if let Err(e) = added {
                errors.push(format!("tzdata/{file}:{}: {e}", n + 1));
            }
        }
    }
    let table = builder.build();

    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// The IANA tz release the zone rules come from (tzdata/VERSION).\npub const TZDB_VERSION: &str = {version:?};"
    );
    let _ = writeln!(
        code,
        "/// The zones offered to customers and compiled in (tzdata/zones.txt), west to east.\npub const SUPPORTED_ZONES: &[&str] = &{names:?};"
    );
    let _ = writeln!(code, "static ZONE_RULES: [ZoneRules; {}] = [", names.len());
    for name in &names {
        let Some(spans) = table.timespans(name) else {
            errors.push(format!(
                "tzdata/zones.txt: {name} is not a zone in the tz files"
            ));
            continue;
        };
        let mut offsets: Vec<i64> = Vec::new();
        let mut index_of = |offset: i64| match offsets.iter().position(|&o| o == offset) {
            Some(i) => i,
            None => {
                offsets.push(offset);
                offsets.len() - 1
            }
        };
        let first = index_of(spans.first.total_offset());
        let mut bytes = Vec::new();
        let mut previous = 0i64;
        for (start, span) in &spans.rest {
            write_varint(&mut bytes, zigzag(start - previous));
            previous = *start;
            let index = index_of(span.total_offset());
            bytes.push(u8::try_from(index).unwrap_or(u8::MAX));
        }
        if offsets.len() > usize::from(u8::MAX) {
            errors.push(format!("{name}: more than 255 distinct offsets"));
        }
        if offsets.iter().any(|o| o.abs() >= 86_400) {
            errors.push(format!("{name}: an offset of a day or more"));
        }
        let _ = writeln!(
            code,
            "    ZoneRules {{ offsets: &{offsets:?}, first: {first}, transitions: &{bytes:?} }}, // {name}: {} transitions",
            spans.rest.len()
        );
    }
    code.push_str("];\n");
    code
}

/// Whether `name` is listed in tzdata/zones.txt (false if the list cannot be read; `compile`
/// reports that).
/// The zones offered (tzdata/zones.txt), in file order.
pub fn supported(tzdata: &Path) -> Vec<String> {
    std::fs::read_to_string(tzdata.join("zones.txt"))
        .map(|text| zone_names(&text))
        .unwrap_or_default()
}

pub fn is_supported(tzdata: &Path, name: &str) -> bool {
    std::fs::read_to_string(tzdata.join("zones.txt"))
        .map(|text| zone_names(&text).iter().any(|n| n == name))
        .unwrap_or(false)
}

/// The zone names of zones.txt: one per line, `#` starts a comment.
fn zone_names(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// Signed → unsigned so that small negative deltas stay short (0, -1, 1, -2 … → 0, 1, 2, 3 …).
fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

/// LEB128: seven bits per byte, low bits first, high bit set on every byte but the last.
fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
