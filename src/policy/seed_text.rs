//! The cited lines of a seed document as the "Original text" view shows them: paragraphs as
//! text, and the seeds' tables as tables. The app fetches a copy of the seed written by
//! `scripts/seed_copies.py`, in which every table row is one line starting with a tab (the header
//! row with a tab and U+001E), cells separated by tabs, a cell covering n columns followed by
//! U+001F and n, and a row's other lines left empty, so line numbers, and so citations, hold.

/// One cell: its text and how many columns it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub span: u8,
}

/// A run of the cited lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines of text, joined by newlines.
    Text(String),
    /// A table: the header row (when the cited lines are in a table, its header is shown with
    /// them) and the body rows.
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
}

const HEADER: &str = "\t\u{1e}";

fn cells(line: &str) -> Vec<Cell> {
    line.split('\t')
        .map(|c| match c.split_once('\u{1f}') {
            Some((text, n)) => Cell {
                text: text.to_string(),
                span: n.parse().unwrap_or(1),
            },
            None => Cell {
                text: c.to_string(),
                span: 1,
            },
        })
        .collect()
}

/// Lines `first..=last` (1-based) of a seed copy as blocks. Blank lines are dropped. A range that
/// starts inside a table starts at that table's header, and at the start of the row its first
/// line belongs to (a row's later lines are empty in the copy).
pub fn blocks(text: &str, first: u16, last: u16) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let end = usize::from(last).min(lines.len());
    let mut start = usize::from(first).saturating_sub(1).min(end);
    // Back over the empty lines of a row and the rows above, to the header.
    let mut i = start;
    while i > 0 && lines.get(i).is_some_and(|l| l.is_empty()) {
        i -= 1;
    }
    if lines.get(i).is_some_and(|l| l.starts_with('\t')) {
        while i > 0 && !lines.get(i).is_some_and(|l| l.starts_with(HEADER)) {
            i -= 1;
        }
        start = i;
    }
    let mut out: Vec<Block> = Vec::new();
    for line in lines.get(start..end).unwrap_or_default() {
        if let Some(header) = line.strip_prefix(HEADER) {
            out.push(Block::Table {
                header: cells(header),
                rows: Vec::new(),
            });
        } else if let Some(row) = line.strip_prefix('\t') {
            match out.last_mut() {
                Some(Block::Table { rows, .. }) => rows.push(cells(row)),
                _ => out.push(Block::Table {
                    header: Vec::new(),
                    rows: vec![cells(row)],
                }),
            }
        } else if !line.trim().is_empty() {
            match out.last_mut() {
                Some(Block::Text(t)) => {
                    t.push('\n');
                    t.push_str(line);
                }
                _ => out.push(Block::Text(line.to_string())),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, span: u8) -> Cell {
        Cell {
            text: text.into(),
            span,
        }
    }

    // Lines 1-9: a paragraph, the header, a two-line row (its second line empty), a row with a
    // merged cell, a blank line, a paragraph.
    const COPY: &str = "Intro line\n\t\u{1e}Region\tHours\n\tJapan\t09:00 - 17:30\n\n\tEMEA\u{1f}2\n\nAfter the table\nMore";

    #[test]
    fn paragraphs_and_tables_come_apart() {
        assert_eq!(
            blocks(COPY, 1, 8),
            vec![
                Block::Text("Intro line".into()),
                Block::Table {
                    header: vec![cell("Region", 1), cell("Hours", 1)],
                    rows: vec![
                        vec![cell("Japan", 1), cell("09:00 - 17:30", 1)],
                        vec![cell("EMEA", 2)],
                    ],
                },
                Block::Text("After the table\nMore".into()),
            ]
        );
    }

    #[test]
    fn a_citation_inside_a_table_shows_its_header_and_whole_rows() {
        // Line 4 is the second line of the Japan row: the row and the header come with it.
        let got = blocks(COPY, 4, 5);
        assert_eq!(
            got,
            vec![Block::Table {
                header: vec![cell("Region", 1), cell("Hours", 1)],
                rows: vec![
                    vec![cell("Japan", 1), cell("09:00 - 17:30", 1)],
                    vec![cell("EMEA", 2)],
                ],
            }]
        );
        // A range after a table's blank line stays text.
        assert_eq!(
            blocks(COPY, 7, 7),
            vec![Block::Text("After the table".into())]
        );
    }

    #[test]
    fn the_shipped_copies_mark_a_real_table() {
        // The hours table of the Dutch page (000:34-49), as scripts/seed_copies.py writes it.
        let out = std::env::temp_dir().join(format!("seed-copies-{}", std::process::id()));
        let status = std::process::Command::new("python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/scripts/seed_copies.py"
            ))
            .arg(&out)
            .status()
            .expect("python3 runs");
        assert!(status.success(), "scripts/seed_copies.py failed");
        let copy = std::fs::read_to_string(out.join("000_71765d8511679954.txt")).expect("copy");
        let got = blocks(&copy, 38, 40);
        let Some(Block::Table { header, rows }) = got.first() else {
            panic!("a table: {got:?}");
        };
        assert_eq!(header.len(), 4, "{header:?}");
        assert!(
            rows.iter()
                .any(|r| r.first().is_some_and(|c| c.text == "Japan")),
            "{rows:?}"
        );
        let _ = std::fs::remove_dir_all(out);
    }
}
