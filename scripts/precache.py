#!/usr/bin/env python3
"""Writes sw.js, the service worker, with the list of every file of a finished build.

Usage: python3 scripts/precache.py [DIR]
DIR defaults to $TRUNK_STAGING_DIR: Trunk runs this as a post_build hook (Trunk.toml), after it has
written index.html and every asset into its staging directory and before it moves them to dist/.

Every file under DIR is listed (path relative to DIR, as a URL, and the SHA-256 of its bytes),
except sw.js itself, sw-retire.js, source maps and dot-files. The build id is a hash of that list and of the
template, so any change to any file, or to the worker's code, gives a new id, a new cache name and a
new sw.js: the browser sees a byte change and installs the new build. static/sw.template.js says
how the worker uses them.

Python standard library only, so it runs wherever Trunk does.
"""
import hashlib
import json
import os
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import csp  # noqa: E402  (scripts/csp.py, beside this file)

TEMPLATE = Path(__file__).resolve().parent.parent / "static" / "sw.template.js"
OUTPUT_NAME = "sw.js"
RETIRE_NAME = "sw-retire.js"


def precached_files(root: Path):
    """(url path, sha256 hex) for every file to precache, sorted so the output is reproducible."""
    entries = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for name in files:
            path = Path(directory, name)
            rel = path.relative_to(root).as_posix()
            # sw-retire.js is for the server to serve as sw.js one day, never for the app.
            if rel in (OUTPUT_NAME, RETIRE_NAME) or name.endswith(".map") or name.startswith("."):
                continue
            entries.append((quote(rel), hashlib.sha256(path.read_bytes()).hexdigest()))
    entries.sort()
    return entries


def build_id(template: str, entries) -> str:
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(template.encode("utf-8")).hexdigest().encode("ascii"))
    for url, sha in entries:
        digest.update(f"\n{sha} {url}".encode("utf-8"))
    return digest.hexdigest()[:16]


def render(template: str, entries) -> str:
    for placeholder in ("'__BUILD_ID__'", "__PRECACHE__"):
        if template.count(placeholder) != 1:
            raise SystemExit(f"precache: {TEMPLATE} must contain {placeholder} exactly once")
    listing = "[\n" + "".join(f"  {json.dumps([url, sha])},\n" for url, sha in entries) + "]"
    return (template
            .replace("'__BUILD_ID__'", json.dumps(build_id(template, entries)))
            .replace("__PRECACHE__", listing))


def main() -> int:
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not target or not Path(target).is_dir():
        print("precache: pass the built directory, or run as a Trunk hook (TRUNK_STAGING_DIR)",
              file=sys.stderr)
        return 1
    root = Path(target)
    # The CSP goes into index.html first, so the worker precaches (and hashes) the final file.
    if (root / "index.html").is_file():
        csp.apply(root / "index.html")
    entries = precached_files(root)
    if not any(url == "index.html" for url, _ in entries):
        print(f"precache: no index.html in {root}", file=sys.stderr)
        return 1
    template = TEMPLATE.read_text(encoding="utf-8")
    (root / OUTPUT_NAME).write_text(render(template, entries), encoding="utf-8")
    print(f"precache: {OUTPUT_NAME} lists {len(entries)} files, build {build_id(template, entries)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
