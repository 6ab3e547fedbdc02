#!/usr/bin/env bash
# Checks Cargo.lock against the RustSec advisory database, offline, from a snapshot beside the
# clone (CI: ../shared/advisory-db; ADVISORY_DB=path to use another). The snapshot is a plain
# copy of the database's files, so it is made a git repository in a temporary directory, where
# cargo-deny opens it without fetching (`--offline`). No snapshot: skipped, said loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
SNAPSHOT="${ADVISORY_DB:-../shared/advisory-db}"
if [[ ! -d "$SNAPSHOT/crates" ]]; then
  echo "advisories: SKIPPED: no advisory database at $SNAPSHOT (set ADVISORY_DB to a RustSec snapshot)"
  exit 0
fi
grep -E '^(commit|date):' "$SNAPSHOT/SNAPSHOT" 2>/dev/null | sed 's/^/advisories: snapshot /' || true

ROOT="$(mktemp -d)"
trap 'rm -rf "$ROOT"' EXIT
# cargo-deny looks for the database of each URL in a directory named after the URL
# (tame-index's url_to_local_dir) under db-path; ask it where, then put the snapshot there.
export SUPPORT_NAVIGATOR_ADVISORY_DBS="$ROOT/dbs"
where="$(cargo deny --log-level debug --offline check advisories 2>&1 \
  | grep -o "$ROOT/dbs/[A-Za-z0-9._-]*" | head -1 || true)"
if [[ -z "$where" ]]; then
  echo "advisories: cargo-deny did not say where it looks for the database" >&2
  exit 1
fi
mkdir -p "$(dirname "$where")"
cp -r "$SNAPSHOT" "$where"
chmod -R u+w "$where"
(cd "$where" && git init -q && git add -A && git -c user.name=snapshot -c user.email=snapshot@localhost commit -qm snapshot)
cargo deny --offline check advisories
