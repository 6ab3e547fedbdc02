#!/usr/bin/env python3
"""Checks policy/seed_tables.toml against the seed documents and exits 1 on any mismatch.

    python3 scripts/check_seed_tables.py [TOML]      (default: policy/seed_tables.toml)

The file says which lines of a seed form a table and where its cell boundaries are; the cells
must be the seed's own text. For every table this checks:

  - the seed file exists in policy/seeds and `first` <= `last` lie inside it;
  - the header's cells, joined by single spaces, equal line `first`;
  - each row's cells, joined by single spaces, equal the row's lines joined by single spaces;
  - the rows run in order, don't overlap, stay inside first+1..=last, start and end on a
    non-blank line, and together cover every non-blank line of first+1..=last (blank lines
    between rows are skipped); line `last` is not blank;
  - each row has one cell per header cell, or, with `spans`, cells whose spans add up to it;
  - no two tables of the same seed share a line.

"Equal" means after whitespace normalisation: runs of whitespace (Python's str.split(), so a
no-break space counts too) become one space, and both ends are stripped.

A table with `pipes = true` is a Markdown pipe table kept as such in the seed: the header and
each row must read "| " + cells joined by " | " + " |", no cell may contain "|", and the line
after `first` must be the |---|---| delimiter with one column per header cell (it is part of
no row).

Lines are numbered from 1 as `cat -n` numbers them (a last line without a newline counts).
Prints "seed tables: N tables, M rows, ok" and exits 0, or lists every problem and exits 1.
"""
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "policy" / "seeds"
DEFAULT_TOML = ROOT / "policy" / "seed_tables.toml"

TABLE_KEYS = {"seed", "first", "last", "header", "row", "pipes"}
ROW_KEYS = {"lines", "cells", "spans"}
DELIMITER = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$")


def norm(s: str) -> str:
    return " ".join(s.split())


def seed_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()  # a trailing newline ends the last line; it does not start another
    return lines


def is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def is_str_list(v) -> bool:
    return isinstance(v, list) and all(isinstance(c, str) for c in v)


def joined_cells(cells: list[str], pipes: bool) -> str:
    if pipes:
        return "| " + " | ".join(cells) + " |"
    return " ".join(cells)


def check_cells(cells, pipes, where, errors):
    for i, c in enumerate(cells, 1):
        if c != c.strip():
            errors.append(f"{where}: cell {i} has leading or trailing whitespace: {c!r}")
        if pipes and "|" in c:
            errors.append(f"{where}: cell {i} contains '|' in a pipe table: {c!r}")


def show(s: str, limit: int = 160) -> str:
    return repr(s if len(s) <= limit else s[:limit] + "…")


def check(toml_path: Path):
    errors: list[str] = []
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [f"{toml_path}: file not found"], 0, 0
    except tomllib.TOMLDecodeError as e:
        return [f"{toml_path}: not valid TOML: {e}"], 0, 0

    extra = set(data) - {"table"}
    if extra:
        errors.append(f"{toml_path.name}: unknown top-level keys {sorted(extra)}")
    tables = data.get("table", [])
    if not isinstance(tables, list) or not tables:
        return errors + [f"{toml_path.name}: no [[table]] entries"], 0, 0

    n_rows = 0
    taken: dict[str, list[tuple[int, int, str]]] = {}  # seed -> [(first, last, label)]
    cache: dict[str, list[str]] = {}

    for ti, t in enumerate(tables, 1):
        seed = t.get("seed")
        first, last = t.get("first"), t.get("last")
        label = f"{seed} table at line {first}" if seed else f"table #{ti}"
        extra = set(t) - TABLE_KEYS
        if extra:
            errors.append(f"{label}: unknown keys {sorted(extra)}")
        if not isinstance(seed, str) or not seed:
            errors.append(f"{label}: `seed` must be a file name in policy/seeds")
            continue
        if not is_int(first) or not is_int(last):
            errors.append(f"{label}: `first` and `last` must be integers")
            continue
        pipes = t.get("pipes", False)
        if not isinstance(pipes, bool):
            errors.append(f"{label}: `pipes` must be true or false")
            pipes = False
        path = SEEDS / seed
        if Path(seed).name != seed or not path.is_file():
            errors.append(f"{label}: seed file policy/seeds/{seed} does not exist")
            continue
        if seed not in cache:
            cache[seed] = seed_lines(path)
        lines = cache[seed]
        if not (1 <= first < last <= len(lines)):
            errors.append(f"{label}: need 1 <= first < last <= {len(lines)} (the seed's line count), "
                          f"got first = {first}, last = {last}")
            continue
        blank = lambda n: not lines[n - 1].split()  # noqa: E731
        if blank(last):
            errors.append(f"{label}: line `last` ({last}) is blank")

        # ---- overlap with earlier tables of the same seed
        for (f2, l2, lab2) in taken.get(seed, []):
            if first <= l2 and f2 <= last:
                errors.append(f"{label}: lines {first}-{last} overlap {lab2} (lines {f2}-{l2})")
        taken.setdefault(seed, []).append((first, last, f"the table at line {first}"))

        # ---- header
        header = t.get("header")
        if not is_str_list(header) or len(header) < 2:
            errors.append(f"{label}: `header` must be a list of at least two strings")
            continue
        ncols = len(header)
        check_cells(header, pipes, f"{label}, header", errors)
        want = norm(lines[first - 1])
        got = norm(joined_cells(header, pipes))
        if got != want:
            errors.append(f"{label}, header: cells do not match line {first}\n"
                          f"    line {first}: {show(want)}\n    cells:   {show(got)}")

        body_from = first + 1
        if pipes:
            delim = norm(lines[first]).replace(" ", "")
            if not DELIMITER.match(delim) or delim.count("|") - 1 != ncols:
                errors.append(f"{label}: line {first + 1} should be the |---| delimiter row of a pipe "
                              f"table with {ncols} columns, found {show(lines[first])}")
            body_from = first + 2

        # ---- rows
        rows = t.get("row")
        if not isinstance(rows, list) or not rows:
            errors.append(f"{label}: no [[table.row]] entries")
            continue
        covered: set[int] = set()
        prev_end = body_from - 1
        for ri, r in enumerate(rows, 1):
            n_rows += 1
            rng = r.get("lines")
            rlabel = f"{label}, row {ri}" + (f" (lines {rng[0]}-{rng[1]})" if (
                isinstance(rng, list) and len(rng) == 2 and all(is_int(x) for x in rng)) else "")
            extra = set(r) - ROW_KEYS
            if extra:
                errors.append(f"{rlabel}: unknown keys {sorted(extra)}")
            if not (isinstance(rng, list) and len(rng) == 2 and all(is_int(x) for x in rng)):
                errors.append(f"{rlabel}: `lines` must be [from, to]")
                continue
            a, b = rng
            if a > b:
                errors.append(f"{rlabel}: `lines` runs backwards")
                continue
            if a < body_from or b > last:
                errors.append(f"{rlabel}: lines {a}-{b} fall outside the table body "
                              f"({body_from}-{last})")
                continue
            if a <= prev_end:
                errors.append(f"{rlabel}: starts at line {a}, but the previous row "
                              f"(or the header) already reaches line {prev_end}")
            # a gap of non-blank lines before this row is reported once, below, for the table
            if blank(a) or blank(b):
                errors.append(f"{rlabel}: a row must start and end on a non-blank line")
            prev_end = max(prev_end, b)
            covered.update(range(a, b + 1))

            cells = r.get("cells")
            if not is_str_list(cells) or not cells:
                errors.append(f"{rlabel}: `cells` must be a non-empty list of strings")
                continue
            check_cells(cells, pipes, rlabel, errors)
            spans = r.get("spans")
            if spans is None:
                if len(cells) != ncols:
                    errors.append(f"{rlabel}: {len(cells)} cell(s), but the header has {ncols}")
            elif not (isinstance(spans, list) and spans and all(is_int(s) and s >= 1 for s in spans)):
                errors.append(f"{rlabel}: `spans` must be a list of integers >= 1")
            elif len(spans) != len(cells):
                errors.append(f"{rlabel}: {len(spans)} spans for {len(cells)} cells")
            elif sum(spans) != ncols:
                errors.append(f"{rlabel}: spans add up to {sum(spans)}, but the header has {ncols} cells")

            want = norm(" ".join(lines[a - 1:b]))
            got = norm(joined_cells(cells, pipes))
            if got != want:
                # point at the first difference, which is usually all one needs
                k = next((i for i, (x, y) in enumerate(zip(want, got)) if x != y), min(len(want), len(got)))
                errors.append(f"{rlabel}: cells do not match the lines (first difference at "
                              f"character {k})\n    lines: …{show(want[max(0, k - 40):k + 80])}\n"
                              f"    cells: …{show(got[max(0, k - 40):k + 80])}")

        missing = [n for n in range(body_from, last + 1) if not blank(n) and n not in covered]
        if missing:
            errors.append(f"{label}: non-blank line(s) {missing} belong to no row")

    return errors, len(tables), n_rows


def main(argv: list[str]) -> int:
    toml_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_TOML
    errors, n_tables, n_rows = check(toml_path)
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        print(f"seed tables: {len(errors)} problem(s) in {toml_path}", file=sys.stderr)
        return 1
    print(f"seed tables: {n_tables} tables, {n_rows} rows, ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
