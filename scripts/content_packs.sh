#!/usr/bin/env bash
# Trunk "build" hook: writes the policy texts of every language (content packs) into the build,
# under content/<lang>.<version>.txt. They come from the native CLI so they are the same compiled,
# checked texts the wasm was built against (policy/text/*.toml via build.rs); the web app
# downloads only the pack of the language on screen.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml hook)}"
cargo run --quiet --no-default-features --features cli --bin support-navigator-cli -- \
  content-packs "$TRUNK_STAGING_DIR/content" >/dev/null
