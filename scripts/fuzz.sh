#!/usr/bin/env bash
# Fuzzes the decoders that read outside input (issue 7, "Hardening"):
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      default: 300 seconds, every target
#   scripts/fuzz.sh 60 deep_link kiosk_config
#
# Targets (fuzz/fuzz_targets/*.rs; the invariants are in src/fuzz_checks.rs): deep_link,
# embed_config, kiosk_config, content_pack, stored_state. Each runs for SECONDS, one after the
# other (libFuzzer uses one core), and the script prints per target how many inputs it executed
# and how many crashes it found; the exit code is non-zero if any target crashed.
#
# Stable Rust is enough: `-s none` builds without a sanitizer, so cargo-fuzz passes no -Z flag
# (no nightly, no RUSTC_BOOTSTRAP). Targets are built as `cargo build --release` with debug
# assertions and overflow checks on (cargo-fuzz's default), in fuzz/target/.
#
# Corpora: the committed seeds in fuzz/corpus/<target>/ are only read; what the fuzzer finds is
# written to fuzz/target/corpus/<target>/ (not committed; it grows across runs). A crash input
# lands in fuzz/artifacts/<target>/: reproduce it with
#   cargo fuzz run -s none <target> fuzz/artifacts/<target>/crash-…
# then fix the bug and move the input (minimised: `cargo fuzz tmin -s none <target> <file>`) to
# fuzz/regressions/<target>/ with a readable name, where `cargo test` (tests/fuzz_corpus.rs)
# replays it from then on.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export PATH="$HOME/.cargo/bin:$PATH"

SECONDS_PER_TARGET="${1:-300}"
if ! [[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi
shift $(( $# > 0 ? 1 : 0 ))
ALL_TARGETS=()
for f in fuzz/fuzz_targets/*.rs; do ALL_TARGETS+=("$(basename "$f" .rs)"); done
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=("${ALL_TARGETS[@]}")
for t in "${TARGETS[@]}"; do
  [[ -f "fuzz/fuzz_targets/$t.rs" ]] || { echo "unknown target: $t (known: ${ALL_TARGETS[*]})" >&2; exit 2; }
done

# cargo-fuzz, pinned (idempotent: skipped when this version is installed).
if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz 0.13.2" ]]; then
  cargo install cargo-fuzz --version 0.13.2 --locked || exit 1
fi

echo "==> building fuzz targets (fuzz/target/)"
cargo fuzz build -s none 2>&1 | tail -n 3
[[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "fuzz build failed" >&2; exit 1; }

# The content pack target needs a pack of this build to get past the header check: the
# committed seeds carry the texts' version of the day they were written, which changes with
# every text edit. Write the current packs into the generated corpus.
if [[ " ${TARGETS[*]} " == *" content_pack "* ]]; then
  mkdir -p fuzz/target/corpus/content_pack
  cargo run --quiet --no-default-features --features cli --bin support-navigator-cli -- \
    content-packs fuzz/target/corpus/content_pack >/dev/null ||
    echo "warning: could not write this build's content packs; fuzzing with the seeds only" >&2
fi

declare -A EXECS CRASHES
failed=0
for t in "${TARGETS[@]}"; do
  work="fuzz/target/corpus/$t"
  artifacts="fuzz/artifacts/$t"
  log="fuzz/target/fuzz-$t.log"
  mkdir -p "$work" "$artifacts"
  before=$(find "$artifacts" -type f | wc -l)
  args=(-max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -timeout=10)
  [[ -f "fuzz/dict/$t.dict" ]] && args+=(-dict="fuzz/dict/$t.dict")
  echo "==> $t for ${SECONDS_PER_TARGET}s (log: $log)"
  cargo fuzz run -s none "$t" "$work" "fuzz/corpus/$t" -- "${args[@]}" >"$log" 2>&1
  rc=$?
  # libFuzzer's final statistics; `Done N runs` is the same number on a run without a crash.
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
  [[ -n "$execs" ]] || execs=$(grep -Eo '^#[0-9]+' "$log" | tr -d '#' | tail -n 1)
  crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
  # A crash that wrote no artifact (the build failed, or libFuzzer died) still counts.
  if [[ $rc -ne 0 && $crashes -eq 0 ]]; then crashes=1; fi
  EXECS[$t]="${execs:-0}"
  CRASHES[$t]=$crashes
  if ((crashes)); then
    failed=1
    grep -E 'panicked at|invariant violated|SUMMARY|Test unit written' "$log" | head -n 8
  fi
  printf '<== %s: %s execs, %s crashes\n' "$t" "${EXECS[$t]}" "$crashes"
done

echo
printf '%-14s %14s %8s\n' target execs crashes
for t in "${TARGETS[@]}"; do
  printf '%-14s %14s %8s\n' "$t" "${EXECS[$t]}" "${CRASHES[$t]}"
done
echo "seconds per target: $SECONDS_PER_TARGET; crash inputs: $ROOT/fuzz/artifacts/<target>/"
exit $failed
