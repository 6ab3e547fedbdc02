#!/usr/bin/env bash
# How small could the first download get with this app's stack? Two reference builds, made the way
# Trunk makes the shipped one (cargo --release for wasm32, wasm-bindgen --target web, wasm-opt -Oz)
# and measured the way scripts/budgets.py measures it (gzip -9):
#
#   leptos counter   a Leptos counter (one signal, one button) with the app's Leptos and
#                    wasm-bindgen versions (from Cargo.lock), release profile and rustflags: what
#                    Leptos, std and the JS glue cost before any code of ours.
#   start page only  this app (the committed HEAD) with the journey pages cut away: `App` shows
#                    nothing for a journey and the start page no longer prepares the question page
#                    (`ui::warm_up`). If a wasm splitter moved every journey page into chunks loaded
#                    later, the start page's module could not be smaller than this.
#
# It then adds what the first load downloads besides the wasm (index.html, CSS, the English
# content pack, from the shipped build in DIST_DIR, default dist/) to show the first-load floor.
#
#   bench/size-floor.sh        (first run about 5 minutes: compiles the dependencies once, in
#                               target/size-floor, so the shared target directory is left alone)
#
# Analysis only: nothing of the shipped build or the working tree is changed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source scripts/env.sh
DIST="${DIST_DIR:-$ROOT/dist}"
WORK="$ROOT/target/size-floor"
export CARGO_TARGET_DIR="$WORK/target"
mkdir -p "$WORK"
[ -f "$DIST/index.html" ] || { echo "size-floor: no build in $DIST (run trunk build --release first)" >&2; exit 2; }

# wasm-bindgen, then wasm-opt -Oz as Trunk runs it (data-wasm-opt="z"); prints the two outputs.
bindgen_and_opt() { # $1 = cargo's wasm, $2 = output directory
  rm -rf "$2"
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name app "$1"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$2/app_bg.wasm" -o "$2/app_bg.opt.wasm"
}

echo "size-floor: the Leptos counter" >&2
COUNTER="$WORK/leptos-counter"
mkdir -p "$COUNTER/src" "$COUNTER/.cargo"
version() { # the locked version of crate $1
  awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
cat >"$COUNTER/Cargo.toml" <<EOF
[package]
name = "leptos-counter"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
leptos = { version = "=$(version leptos)", features = ["csr"] }
wasm-bindgen = "=$(version wasm-bindgen)"

[profile.release]
$(sed -n '/^\[profile.release\]/,/^$/p' Cargo.toml | grep -E '^(opt-level|lto|codegen-units|panic) =')

[workspace]
EOF
cp Cargo.lock "$COUNTER/Cargo.lock"
cp .cargo/config.toml "$COUNTER/.cargo/config.toml"
cat >"$COUNTER/src/main.rs" <<'EOF'
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! { <button on:click=move |_| *count.write() += 1>"Clicked " {count} " times"</button> }
    })
}
EOF
(cd "$COUNTER" && cargo build --release --target wasm32-unknown-unknown -q)
bindgen_and_opt "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/leptos-counter.wasm" "$WORK/out-counter"

echo "size-floor: the start page only (HEAD, journey pages cut away)" >&2
APP="$WORK/start-page-only"
rm -rf "$APP"
mkdir -p "$APP"
git archive HEAD | tar -x -C "$APP"
python3 - "$APP" <<'EOF'
import sys
root = sys.argv[1]
cuts = [
    ("src/ui/app.rs", "Some(journey) => view! { <Wizard journey /> }.into_any(),", "Some(_) => ().into_any(),"),
    ("src/ui/app.rs", "use crate::ui::wizard::Wizard;\n", ""),
    ("src/ui/start_page.rs", "crate::ui::warm_up::question_page_code();", ""),
]
# What only the journey pages used is dead code now: not worth a screenful of warnings.
with open(f"{root}/src/lib.rs") as f:
    lib = f.read()
with open(f"{root}/src/lib.rs", "w") as f:
    f.write("#![allow(dead_code)]\n" + lib)
for path, old, new in cuts:
    with open(f"{root}/{path}") as f:
        text = f.read()
    if text.count(old) != 1:
        sys.exit(f"size-floor: {path} no longer contains {old!r} once; update the cut")
    with open(f"{root}/{path}", "w") as f:
        f.write(text.replace(old, new))
EOF
(cd "$APP" && cargo build --release --target wasm32-unknown-unknown --bin support-navigator -q)
bindgen_and_opt "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/support-navigator.wasm" "$WORK/out-start"

python3 - "$DIST" "$WORK" <<'EOF'
import glob, gzip, os, sys
dist, work = sys.argv[1:]
gz = lambda p: len(gzip.compress(open(p, "rb").read(), 9))
one = lambda pattern: (glob.glob(os.path.join(dist, pattern)) or [None])[0]
shipped_wasm = one("support-navigator-*_bg.wasm")
others = {
    "index.html": one("index.html"),
    "CSS": one("*.css"),
    "English content pack": one("content/en.*.txt"),
}
missing = [k for k, v in others.items() if v is None] + ([] if shipped_wasm else ["wasm"])
if missing:
    sys.exit(f"size-floor: {dist} lacks {', '.join(missing)}")
rest = sum(gz(p) for p in others.values())
rows = [
    ("shipped build", shipped_wasm, shipped_wasm[: -len("_bg.wasm")] + ".js"),
    ("start page only", f"{work}/out-start/app_bg.opt.wasm", f"{work}/out-start/app.js"),
    ("Leptos counter", f"{work}/out-counter/app_bg.opt.wasm", f"{work}/out-counter/app.js"),
]
print("size floor (gzip -9, KB = 1000 B); budgets: wasm <= 110,000 B, first load <= 120,000 B")
print(f"besides wasm and JS, the first load has {rest:,} B: "
      + ", ".join(f"{k} {gz(v):,} B" for k, v in others.items()))
print(f"  {'build':<18}{'wasm':>10}{'JS glue':>10}{'first load':>12}")
for name, wasm, js in rows:
    w, j = gz(wasm), gz(js)
    first = w + j + rest
    print(f"  {name:<18}{w:>10,}{j:>10,}{first:>12,}")
start_js = gz(rows[1][2])
fits = min(110_000, 120_000 - rest - start_js)
print(f"for both budgets, the start page's wasm module may be at most {fits:,} B "
      f"(120,000 B less the files above and its JS glue, and <= 110,000 B)")
EOF
