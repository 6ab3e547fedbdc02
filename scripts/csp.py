#!/usr/bin/env python3
"""Puts the Content-Security-Policy into a built index.html, as a <meta http-equiv> tag.

Trunk writes one inline <script type="module"> into index.html (it imports the wasm-bindgen glue
and starts the app). A strict policy allows it by its SHA-256 instead of 'unsafe-inline'; the hash
is computed here, from the file Trunk actually wrote, so it can never drift from the build.
Called by scripts/precache.py (the post_build hook) before it hashes the files, so the service
worker precaches the final index.html.

The policy (README "Content-Security-Policy" has the header form for hosts, which can add
frame-ancestors, a directive a <meta> tag cannot carry):
  default-src 'self'                       nothing from anywhere else
  script-src 'self' 'wasm-unsafe-eval' 'sha256-…'   our files, compiling our wasm, Trunk's loader
  style-src 'self'                         our style sheet only: no inline styles
  img-src 'self' data:                     our icons (the favicon is an empty data: URL)
  object-src 'none'; base-uri 'none'; form-action 'self'
"""
import base64
import hashlib
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
MARKER = 'http-equiv="Content-Security-Policy"'


def policy(script_hashes):
    sources = " ".join(f"'sha256-{h}'" for h in script_hashes)
    return ("default-src 'self'; "
            f"script-src 'self' 'wasm-unsafe-eval' {sources}; "
            "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'")


def apply(index: Path) -> str:
    html = index.read_text(encoding="utf-8")
    # Idempotent: a policy from an earlier run is replaced (the scripts may have changed).
    html = re.sub(r"\n?\s*<meta " + re.escape(MARKER) + r"[^>]*>", "", html)
    hashes = [base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")
              for s in INLINE_SCRIPT.findall(html)]
    value = policy(hashes)
    meta = f'<meta {MARKER} content="{value}" />'
    # First thing in <head>, so it governs everything after it. A minified page (Trunk.toml
    # `minify`) leaves out the optional <head> tag: the head then starts after <html>.
    html, n = re.subn(r"(<head[^>]*>)", lambda m: m.group(1) + "\n    " + meta, html, count=1)
    if n != 1:
        html, n = re.subn(r"(<html[^>]*>)", lambda m: m.group(1) + meta, html, count=1)
    if n != 1:
        raise SystemExit(f"csp: no <head> or <html> start tag in {index}")
    index.write_text(html, encoding="utf-8")
    return value


if __name__ == "__main__":
    print(apply(Path(sys.argv[1])))
