#!/usr/bin/env bash
# Trunk "build" hook: writes the policy texts of every language (content packs) and the seed
# copies (scripts/seed_copies.py) into the build,
# under content/<lang>.<version>.txt. They come from the native CLI so they are the same compiled,
# checked texts the wasm was built against (policy/text/*.toml via build.rs); the web app
# downloads only the pack of the language on screen.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml hook)}"
cargo run --quiet --no-default-features --features cli --bin support-navigator-cli -- \
  content-packs "$TRUNK_STAGING_DIR/content" >/dev/null
# The seed documents for "Original text", with their tables marked (checked against the seeds
# first: policy/seed_tables.toml holds the cells to the seed's own words).
python3 scripts/seed_copies.py "$TRUNK_STAGING_DIR/seeds" >/dev/null
