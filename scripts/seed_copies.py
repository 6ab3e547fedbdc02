#!/usr/bin/env python3
"""Writes the copies of the seed documents the web app fetches for "Original text", with the
tables of policy/seed_tables.toml marked so the app can draw them as tables.

    python3 scripts/seed_copies.py OUTDIR      (run by scripts/content_packs.sh into the build)

The seeds were saved from web pages whose tables were flattened into lines. A copy keeps every
line where it was (citations are line numbers), and rewrites each table:

  - the header row's line becomes  TAB RS cell TAB cell ...   (RS = U+001E)
  - a body row's first line becomes TAB cell TAB cell ...; its other lines become empty;
  - a cell covering n > 1 columns is written  text US n      (US = U+001F);
  - the |---| line of a Markdown pipe table becomes empty.

No seed line starts with a tab, so a line that does is a table row (src/policy/seed_text.rs
reads them). The table file is checked first (scripts/check_seed_tables.py): the cells are the
seed's own words. Everything else is copied byte for byte.
"""
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_seed_tables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "policy" / "seeds"
TABLES = ROOT / "policy" / "seed_tables.toml"


def row_line(cells, spans):
    spans = spans or [1] * len(cells)
    return "\t".join(c if s == 1 else f"{c}\x1f{s}" for c, s in zip(cells, spans))


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    errors, _, _ = check_seed_tables.check(TABLES)
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        return 1
    tables = tomllib.loads(TABLES.read_text(encoding="utf-8")).get("table", [])
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        lines = text.split("\n")
        for t in (t for t in tables if t["seed"] == seed.name):
            first = t["first"]
            lines[first - 1] = "\t\x1e" + row_line(t["header"], None)
            if t.get("pipes"):
                lines[first] = ""
            for row in t.get("row", []):
                start, end = row["lines"]
                lines[start - 1] = "\t" + row_line(row["cells"], row.get("spans"))
                for n in range(start + 1, end + 1):
                    lines[n - 1] = ""
        (out / seed.name).write_text("\n".join(lines), encoding="utf-8")
    for other in SEEDS.iterdir():
        if other.suffix != ".txt":
            (out / other.name).write_bytes(other.read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
