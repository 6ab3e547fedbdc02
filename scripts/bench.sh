#!/usr/bin/env bash
# Measures the app's performance in one run and prints one report (README.md, "Performance"):
#   1. the gzip and brotli size of every file of the build, and the first-load total;
#   2. navigation → interactive start page and → first question (deep link), median of 5 cold
#      loads in headless Chromium, unthrottled and at 4× CPU slowdown;
#   3. the slowest interaction (Event Timing) of a scripted walk through journey 1 at 4× CPU;
#   4. Lighthouse 12 (mobile preset), 3 runs on the start page: scores and the median run's
#      LCP, TBT and CLS;
#   5. the native time of one evaluation and of the full verification;
# then the budgets (scripts/budgets.py). The report goes to stdout, every figure also to
# .reports/bench.json; progress and tool output go to stderr.
#
#   scripts/bench.sh               build (trunk build --release → dist/), then measure
#   scripts/bench.sh --no-build    measure dist/ as it is
#   DIST_DIR=/path scripts/bench.sh   measure that build (no build)
#
# Environment: BENCH_PORT (default 8131) for the local server, BENCH_RUNS (5) cold loads per
# figure, BENCH_LIGHTHOUSE_RUNS (3). Exit code 1 if a step fails or the budget check's first-load
# set disagrees with what the browser downloaded; budget breaches and missed acceptance targets
# are reported, not failed on (scripts/budgets.py is the check that fails).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

BUILD=1
case "${1:-}" in
  --no-build) BUILD=0 ;;
  "") ;;
  *) echo "usage: scripts/bench.sh [--no-build]   (or DIST_DIR=... scripts/bench.sh)" >&2; exit 2 ;;
esac
if [[ -n "${DIST_DIR:-}" ]]; then
  BUILD=0
  DIST="$(cd "$DIST_DIR" && pwd)"
else
  DIST="$ROOT/dist"
fi
PORT="${BENCH_PORT:-8131}"
RUNS="${BENCH_RUNS:-5}"
LH_RUNS="${BENCH_LIGHTHOUSE_RUNS:-3}"
WORK="$ROOT/.reports/bench"
log() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }

# Tools: the project's (trunk, wasm-opt, Chromium, Playwright for the e2e helpers) and the bench's
# own npm packages (Lighthouse, playwright-core) from bench/package-lock.json, without install
# scripts. Idempotent, like setup.sh.
scripts/setup.sh --test >&2
source scripts/env.sh
if [[ ! -e bench/node_modules/lighthouse/package.json ]] || [[ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]]; then
  log "installing npm packages in bench (from package-lock.json)"
  npm ci --prefix bench --no-audit --no-fund --ignore-scripts --loglevel=error >&2
fi

if ((BUILD)); then
  log "trunk build --release"
  trunk build --release >&2
fi
if [[ ! -f "$DIST/index.html" ]]; then
  echo "bench: no $DIST/index.html (build first, or drop --no-build)" >&2
  exit 1
fi
mkdir -p "$WORK"

log "native: support-navigator-cli bench (native profile: release, optimised for speed)"
cargo run --profile native -q --no-default-features --features cli --bin support-navigator-cli -- bench >"$WORK/native.txt"

log "sizes and budgets: scripts/budgets.py"
rc=0
python3 scripts/budgets.py "$DIST" --native "$WORK/native.txt" --json "$WORK/static.json" >"$WORK/budgets.txt" || rc=$?
# 1 = a budget is breached, which the report shows; anything else is a failure to measure.
if ((rc != 0 && rc != 1)); then
  cat "$WORK/budgets.txt" >&2
  exit 1
fi

# The app served with gzip on 127.0.0.1 (bench/serve.mjs); only our own server process is stopped.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench: port $PORT is in use; choose another with BENCH_PORT=..." >&2
  exit 1
fi
node bench/serve.mjs "$DIST" "$PORT" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: the server did not start" >&2; exit 1; }
  sleep 0.2
done

log "browser: first load, $RUNS cold loads per figure, journey 1 walk"
node bench/browser.mjs "http://127.0.0.1:$PORT" "$WORK/browser.json" --runs "$RUNS"

log "lighthouse: $LH_RUNS runs"
node bench/lighthouse.mjs "http://127.0.0.1:$PORT/" "$WORK/lighthouse.json" --runs "$LH_RUNS"

node bench/report.mjs --static "$WORK/static.json" --budgets "$WORK/budgets.txt" \
  --browser "$WORK/browser.json" --lighthouse "$WORK/lighthouse.json" --out "$ROOT/.reports/bench.json"
log "figures written to .reports/bench.json"
