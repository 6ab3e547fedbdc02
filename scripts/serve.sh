#!/usr/bin/env bash
# Builds the app in release mode and serves it on http://127.0.0.1:${PORT:-8080}/.
# Installs what it needs first (scripts/setup.sh). Ctrl+C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
trunk build --release
echo
echo "Support Navigator is being served at: http://127.0.0.1:${PORT}/"
echo "(Ctrl+C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
