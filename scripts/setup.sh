#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: each step checks first and is
# skipped when its tool is already present at the right version. Safe to run on every invocation.
#
#   scripts/setup.sh          build tools only (what `scripts/serve.sh` needs)
#   scripts/setup.sh --test   build tools plus the browser test tools (and nginx)
#   scripts/setup.sh --nginx  only nginx (Debian's), for the README recipe's test
#
# Sources: Debian packages (chromium, chromium-driver, brotli), crates.io (trunk,
# wasm-bindgen-cli, cargo-deny, built from source), the npm registry (wasm-opt from `binaryen`, Playwright,
# axe-core; exact versions from the committed lockfiles). Nothing else is downloaded; no
# browser is downloaded by Playwright.
#
# Never Debian's `binaryen`: its wasm-opt 108 corrupts wasm-bindgen 0.2.130 output (the build
# "succeeds" and the page dies on load). Trunk.toml pins wasm-opt version_132.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

WANT_TEST_TOOLS=0
[[ "${1:-}" == "--test" ]] && WANT_TEST_TOOLS=1

TRUNK_VERSION="0.21.14"
CARGO_DENY_VERSION="0.20.2"
log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

# 1. Debian packages.
missing=()
command -v brotli >/dev/null || missing+=(brotli)
if ((WANT_TEST_TOOLS)); then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
fi
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 1b. nginx (test tools only, or `--nginx` alone, which e2e/tests/nginx-recipe.spec.mjs runs when
#     it finds none): the README's nginx recipe is tested with a real Debian nginx. Debian starts
#     a package's service on install; where nothing forbids that (no policy-rc.d, as in Docker),
#     one is put in place for the install so no nginx listens on port 80 of every address.
install_nginx() {
  [[ -x /usr/sbin/nginx ]] && return 0
  log "installing Debian package: nginx"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  local own_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nginx
  ((own_policy)) && $SUDO rm -f /usr/sbin/policy-rc.d
  return 0
}
if [[ "${1:-}" == "--nginx" ]]; then
  install_nginx
  exit 0
fi
((WANT_TEST_TOOLS)) && install_nginx

# 2. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 3. trunk (compiled from crates.io; about 15 minutes the first time).
if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
  log "installing trunk $TRUNK_VERSION from crates.io (slow the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli at exactly the version Cargo.lock resolved for the wasm-bindgen crate.
#    Not --locked: its own lockfile pins a webpki-roots release the registry here does not have.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
if [[ -z "$WBG_VERSION" ]]; then
  echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]]; then
  log "installing wasm-bindgen-cli $WBG_VERSION from crates.io"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# 4b. cargo-deny (test tools only): licences, bans and sources, checked offline (deny.toml).
if ((WANT_TEST_TOOLS)) && [[ "$(cargo deny --version 2>/dev/null || true)" != "cargo-deny $CARGO_DENY_VERSION" ]]; then
  log "installing cargo-deny $CARGO_DENY_VERSION from crates.io"
  cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
fi

# 5. npm packages from the committed lockfiles, without running any install scripts.
npm_ci() {  # $1 = folder, $2 = a file that exists once installed
  if [[ ! -e "$1/node_modules/$2" ]] || [[ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]]; then
    log "installing npm packages in $1 (from package-lock.json)"
    npm ci --prefix "$1" --no-audit --no-fund --ignore-scripts --loglevel=error
  fi
}
npm_ci tools .bin/wasm-opt
((WANT_TEST_TOOLS)) && npm_ci e2e @playwright/test/package.json

# 6. Check the wasm-opt that trunk will find first.
export PATH="$ROOT/tools/node_modules/.bin:$PATH"
if [[ "$(wasm-opt --version)" != "wasm-opt version 132 (version_132)" ]]; then
  echo "setup: wrong wasm-opt first on PATH: $(command -v wasm-opt) ($(wasm-opt --version))" >&2
  exit 1
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
