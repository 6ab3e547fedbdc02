#!/usr/bin/env python3
"""Prints the raw, gzip (-9) and brotli (-q 11) size of every file in dist/ and the totals.

Usage: python3 scripts/size_report.py [DIST_DIR]
Brotli sizes need the `brotli` command (Debian package brotli, installed by scripts/setup.sh).
"""
import gzip
import os
import shutil
import subprocess
import sys


def brotli_size(data: bytes):
    if shutil.which("brotli") is None:
        return None
    out = subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True)
    return len(out.stdout)


def main() -> int:
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    if not os.path.isdir(dist):
        print(f"size report: no {dist}/ (build first)", file=sys.stderr)
        return 1
    rows = []
    for root, _, files in os.walk(dist):
        for name in sorted(files):
            path = os.path.join(root, name)
            data = open(path, "rb").read()
            rows.append((os.path.relpath(path, dist), len(data), len(gzip.compress(data, 9)), brotli_size(data)))
    rows.sort()
    width = max([len(r[0]) for r in rows] + [5])
    fmt = lambda v: "n/a" if v is None else f"{v:,}"
    print(f"{'file':<{width}}  {'raw':>10}  {'gzip':>10}  {'brotli':>10}")
    for name, raw, gz, br in rows:
        print(f"{name:<{width}}  {raw:>10,}  {gz:>10,}  {fmt(br):>10}")
    tot = lambda i: None if any(r[i] is None for r in rows) else sum(r[i] for r in rows)
    print(f"{'total':<{width}}  {tot(1):>10,}  {tot(2):>10,}  {fmt(tot(3)):>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
