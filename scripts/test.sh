#!/usr/bin/env bash
# Runs every check and test, on a fresh machine too (installs what it needs first):
#   formatting, supply chain (cargo deny: licences, bans, sources; advisories offline from a snapshot), clippy (native, core-only and wasm32), native tests (full crate and the policy
#   core alone), wasm tests in headless Chromium, a release build, browser end-to-end tests with
#   axe-core, the size report and the performance budgets (scripts/budgets.py --ceilings).
# Every step runs even if an earlier one failed; the last line is the summary and the exit code
# is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .reports
LOG_DIR="$PWD/.reports"

scripts/setup.sh --test || { echo "summary: 0 passed, 1 failed (setup failed)"; exit 1; }
source scripts/env.sh

passed=0; failed=0; failed_steps=()
start_all=$(date +%s)

# step NAME COMMAND... : runs a step, echoes its output, and adds up the tests it reports.
step() {
  local name="$1"; shift
  local log="$LOG_DIR/${name// /_}.log" t0=$(date +%s)
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  # Test counts: cargo ("test result: ok. N passed; M failed") and Playwright ("N passed", "N failed").
  local p f
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' "$log" | grep -Eo '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
  if [[ "$name" == e2e* ]]; then
    p=$(grep -Eo '^ *[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(grep -Eo '^ *[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
  fi
  passed=$((passed + p)); failed=$((failed + f))
  if [[ $rc -ne 0 ]]; then
    failed_steps+=("$name")
    # A failing step that reported no failing test (clippy, fmt, build) still counts once.
    [[ $f -eq 0 ]] && failed=$((failed + 1))
  fi
  printf '\033[1m<== %s: %s in %ss\033[0m\n' "$name" "$([[ $rc -eq 0 ]] && echo ok || echo FAILED)" "$(( $(date +%s) - t0 ))"
}

step "fmt"                 cargo fmt --all -- --check
step "clippy native"       cargo clippy --workspace --all-targets --features cli --locked -- -D warnings
step "clippy core"         cargo clippy --all-targets --no-default-features --locked -- -D warnings
step "clippy wasm32"       cargo clippy --all-targets --target wasm32-unknown-unknown --locked -- -D warnings
step "test native"         cargo test --workspace --features cli --locked
# The policy core alone, without any web crate: it must build and pass its tests. The three walks
# over every answer path (the page cover, every result's steps, every "not sure") test the same
# engine code as "test native" just did, so they are not run a second time (about 8 minutes on
# a 2-core machine).
step "test core only"      cargo test --no-default-features --locked -- --skip page_cover:: --skip not_sure_never_invents_or_hides_a_place --skip every_result_has_a_decision_and_a_step_with_a_link
step "test wasm"           cargo test --target wasm32-unknown-unknown --locked
# After the builds: --offline needs every crate's manifest already fetched.
step "supply chain"        cargo deny --offline check licenses bans sources
# Known vulnerabilities and unmaintained crates, against the RustSec snapshot beside the clone
# (../shared/advisory-db); skipped with a message when there is none.
step "advisories"          scripts/advisories.sh
step "build release"       trunk build --release
# The same release build with the crash test's hook (`test-hooks`), in a dist of its own: the
# crash page's browser test is the only one served from it (e2e/playwright.config.mjs).
step "build test hooks"    trunk build --release --features test-hooks --dist target/dist-test-hooks
step "e2e"                 bash -c 'cd e2e && npx playwright test'
step "size report"         python3 scripts/size_report.py dist
# Performance budgets (README "Performance"): evaluation and verification times as the issue sets
# them; the download sizes against their ratchet until they meet their budgets (scripts/budgets.py).
step "budgets"             python3 scripts/budgets.py dist --ceilings

echo
echo "took $(( $(date +%s) - start_all ))s"
if ((${#failed_steps[@]})); then
  echo "failed steps: ${failed_steps[*]}"
fi
echo "summary: ${passed} passed, ${failed} failed"
[[ ${#failed_steps[@]} -eq 0 ]]
