#!/usr/bin/env bash
# Where the wasm's bytes go, by crate: writes .reports/twiggy.txt (bench/wasm_breakdown.py, with
# twiggy's largest items). Analysis only; the shipped build is not touched.
#
#   bench/wasm-breakdown.sh
#
# It builds the release wasm the way Trunk does (cargo --release, wasm-bindgen, wasm-opt -Oz) but
# keeps the function names (wasm-opt -g) and asks the linker for a map of the static data
# (-C link-arg=--Map), which names the rodata the wasm itself leaves anonymous. The extra link
# flag changes the build's fingerprint, so it uses its own target directory (target/breakdown; a
# first run compiles every dependency once) and never invalidates the shared one.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source scripts/env.sh
OUT="$ROOT/.reports/breakdown"
TARGET="${BREAKDOWN_TARGET_DIR:-$ROOT/target/breakdown}"
mkdir -p "$OUT"

command -v twiggy >/dev/null || cargo install twiggy --locked

echo "breakdown: cargo build (release, wasm32, own target dir $TARGET)" >&2
CARGO_TARGET_DIR="$TARGET" cargo rustc --release --target wasm32-unknown-unknown --bin support-navigator -q \
  -- -C "link-arg=--Map=$OUT/linker.map"
rm -rf "$OUT/bindgen"
wasm-bindgen --target web --no-typescript --out-dir "$OUT/bindgen" \
  "$TARGET/wasm32-unknown-unknown/release/support-navigator.wasm"
echo "breakdown: wasm-opt -Oz -g (names kept)" >&2
wasm-opt -Oz -g "$OUT/bindgen/support-navigator_bg.wasm" -o "$OUT/named.wasm"

python3 bench/wasm_breakdown.py "$OUT/named.wasm" "$OUT/linker.map" --twiggy "$(command -v twiggy)" \
  >"$ROOT/.reports/twiggy.txt"
echo "breakdown: written to .reports/twiggy.txt" >&2
