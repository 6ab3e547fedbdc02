#!/usr/bin/env python3
"""Where the wasm's bytes go, grouped by crate (analysis for the 110 KB gzip budget).

    python3 bench/wasm_breakdown.py NAMED.wasm [LINKER.map] [--twiggy PATH]

NAMED.wasm is the release wasm as shipped (wasm-bindgen, then wasm-opt -Oz) but with names kept
(`wasm-opt -g`), so every function has its Rust name. LINKER.map is wasm-ld's --Map output of the
same build: it names the static data (rodata) by symbol, which the wasm itself does not (the
data segments are anonymous). bench/wasm-breakdown.sh makes both and calls this.

Prints:
  * per crate group: code bytes (function bodies), data bytes (rodata/data by the symbol that owns
    them) and an estimated gzip share (each group's bytes gzipped on their own, scaled so the
    groups add up to the gzip of the stripped module);
  * the 30 largest items by retained size (twiggy dominators) and by own size (twiggy top).

Attribution rules, and their limits: a function belongs to the first crate named in its path
(`<leptos::View<T> as tachys::Render>::rebuild` is leptos); generic std code instantiated for a
crate's type (`core::ptr::drop_in_place<reactive_graph::…>`) belongs to that crate. Generic code of a
library monomorphised for our components (tachys' `Render for F` closures are our view code) is
counted under the library: the library decides its shape, our views decide how many copies.
Data named by a symbol is attributed like a function; anonymous constants (string literals,
`.Lanon`/`alloc_…`) are attributed by their content where it is recognisable, otherwise "other".
"""
import gzip
import re
import subprocess
import sys
from collections import defaultdict

# --- reading the wasm -------------------------------------------------------------------------


def leb(b, i):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return result, i


def sleb(b, i):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            if x & 0x40:
                result -= 1 << shift
            return result, i


def read_module(data):
    """Function bodies by index, their names, data segments (address, bytes) and section sizes."""
    i = 8
    imported_funcs = 0
    bodies = {}
    names = {}
    segments = []
    sections = defaultdict(int)
    while i < len(data):
        sid = data[i]
        i += 1
        size, i = leb(data, i)
        start, end = i, i + size
        if sid == 0:
            nlen, j = leb(data, start)
            cname = data[j:j + nlen].decode("utf-8", "replace")
            sections[f"custom section {cname!r} (not shipped: stripped in the release build)"] += size
            if cname == "name":
                j += nlen
                while j < end:
                    sub = data[j]
                    j += 1
                    slen, j = leb(data, j)
                    if sub == 1:  # function names
                        k = j
                        count, k = leb(data, k)
                        for _ in range(count):
                            idx, k = leb(data, k)
                            ln, k = leb(data, k)
                            names[idx] = data[k:k + ln].decode("utf-8", "replace")
                            k += ln
                    j += slen
        elif sid == 2:  # imports: count the imported functions (they come first in the index space)
            sections["import section"] += size
            j = start
            count, j = leb(data, j)
            for _ in range(count):
                for _ in range(2):
                    ln, j = leb(data, j)
                    j += ln
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported_funcs += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
                else:
                    raise SystemExit(f"unknown import kind {kind}")
        elif sid == 10:  # code
            j = start
            count, j = leb(data, j)
            for n in range(count):
                blen, j = leb(data, j)
                bodies[imported_funcs + n] = data[j:j + blen]
                j += blen
        elif sid == 11:  # data
            j = start
            count, j = leb(data, j)
            for _ in range(count):
                flag, j = leb(data, j)
                addr = None
                if flag in (0, 2):
                    if flag == 2:
                        _, j = leb(data, j)
                    if data[j] != 0x41:
                        raise SystemExit("data segment offset is not an i32.const")
                    addr, j = sleb(data, j + 1)
                    if data[j] != 0x0B:
                        raise SystemExit("data segment offset expression too long")
                    j += 1
                ln, j = leb(data, j)
                segments.append((addr, data[j:j + ln]))
                j += ln
        else:
            sections[{1: "type section", 3: "function section", 4: "table section", 5: "memory section",
                      6: "global section", 7: "export section", 8: "start section", 9: "element section",
                      12: "data count section"}.get(sid, f"section {sid}")] += size
        i = end
    return bodies, names, segments, sections


# --- crate groups -----------------------------------------------------------------------------

STD = {"core", "alloc", "std", "dlmalloc", "compiler_builtins", "panic_abort", "hashbrown", "libm"}
GROUPS = [
    ("leptos / reactive_graph / tachys", {"leptos", "leptos_dom", "leptos_macro", "leptos_config", "leptos_meta",
                                          "leptos_server", "reactive_graph", "reactive_stores", "tachys",
                                          "any_spawner", "oco_ref", "or_poisoned", "throw_error", "hydration_context",
                                          "either_of", "next_tuple", "send_wrapper", "slotmap", "html_escape",
                                          "drain_filter_polyfill", "guardian", "server_fn", "wasm_split_helpers",
                                          "async_lock", "event_listener", "indexmap", "futures", "futures_util", "futures_core",
                                          "futures_channel", "futures_executor", "futures_task", "pin_project",
                                          "slab", "async_once_cell", "paste", "const_str"}),
    ("leptos_i18n (+ icu, our generated catalogues)", {"leptos_i18n", "icu_locale_core", "icu_locale", "icu_plurals",
                                                       "icu_provider", "icu_plurals_data", "icu_locale_data",
                                                       "fixed_decimal", "tinystr", "zerovec", "zerotrie", "yoke",
                                                       "zerofrom", "writeable", "litemap", "potential_utf",
                                                       "icu_collections", "icu_normalizer", "icu_properties",
                                                       "support_navigator::i18n"}),
    ("leptos_use / codee", {"leptos_use", "codee", "default_struct_builder", "cookie"}),
    ("chrono", {"chrono"}),
    ("chrono-tz (zone data + lookup)", {"chrono_tz", "phf", "phf_shared", "siphasher"}),
    ("serde / serde_json", {"serde", "serde_core", "serde_json", "ryu", "itoa", "zmij"}),
    ("server_fn / gloo-net / url / wasm-streams",
     {"server_fn", "gloo_net", "gloo_utils", "wasm_streams", "url", "idna", "idna_adapter", "percent_encoding",
      "form_urlencoded", "utf8_iter", "http", "serde_qs"}),
    ("web-sys / js-sys / wasm-bindgen glue", {"wasm_bindgen", "js_sys", "web_sys", "wasm_bindgen_futures",
                                              "console_error_panic_hook", "wasm_streams"}),
    ("qrcodegen", {"qrcodegen"}),
    ("core::fmt (formatting machinery)", set()),
    ("std: core / alloc / dlmalloc / compiler_builtins", STD),
    ("ours: ui (components)", {"support_navigator::ui"}),
    ("ours: engine (evaluate, next_question, verifier)", {"support_navigator::engine"}),
    ("ours: policy data (rules, questions, slots, facts)", {"support_navigator::policy"}),
    ("ours: state (route codec, configs)", {"support_navigator::state"}),
    ("ours: hours (business hours)", {"support_navigator::hours"}),
    ("ours: other", {"support_navigator"}),
]
ALL_CRATES_RE = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::([A-Za-z_][A-Za-z0-9_]*)?")


# Functions of std's primitive types and runtime, which carry no crate path in their names.
STD_PRIMITIVE_RE = re.compile(r"^(<(char|str|bool|[ui](8|16|32|64|128|size)|f32|f64|\[.*\])>::|__rustc::|__rdl_|__rust_|"
                              r"mem(cmp|cpy|set|move)$|__(multi|divti|udivti|umodti|modti|ashlti|lshrti)3$|main$)")
# wasm-bindgen's generated shims and exports: closures, externref table, and the exports of
# wasm-streams (IntoUnderlyingSource/Sink), which server_fn brings in.
WBG_RE = re.compile(r"(externref shim|^Closure\(|^__externref|^__wbg|^__wbindgen|^\w+ -> \w+)")
STREAMS_RE = re.compile(r"^intounderlying")


def group_of(name):
    """The crate group of a (demangled) function or data symbol name."""
    name = re.sub(r"\[[0-9a-f]{16}\]", "", name)
    if STREAMS_RE.match(name):
        return "server_fn / gloo-net / url / wasm-streams"
    if WBG_RE.search(name):
        return "web-sys / js-sys / wasm-bindgen glue"
    if STD_PRIMITIVE_RE.match(name):
        return "core::fmt (formatting machinery)" if "fmt" in name else "std: core / alloc / dlmalloc / compiler_builtins"
    hits = []
    for m in ALL_CRATES_RE.finditer(name):
        crate, module = m.group(1), m.group(2) or ""
        if crate == "support_navigator":
            hits.append(f"support_navigator::{module}")
        else:
            hits.append(crate)
    known = [h for h in hits if any(h in members for _, members in GROUPS) or h.startswith("support_navigator")]
    non_std = [h for h in known if h not in STD]
    pick = non_std[0] if non_std else (known[0] if known else None)
    if pick is None:
        if name.startswith("__wbg") or name.startswith("__wbindgen") or "wbg" in name:
            return "web-sys / js-sys / wasm-bindgen glue"
        return "other / unnamed"
    if pick in STD and "core::fmt" in name:
        return "core::fmt (formatting machinery)"
    for title, members in GROUPS:
        if pick in members:
            return title
    if pick.startswith("support_navigator"):
        return "ours: other"
    return "other / unnamed"


# --- data: the linker map names the rodata -------------------------------------------------------
#
# With LTO nearly all static data is anonymous (`.rodata..Lanon.<module hash>.<n>`): string literals
# and constant tables have no symbol. The module hash groups them by the LLVM module they came from,
# which after fat LTO is mostly one big module (every crate together) plus a few that kept their own
# (chrono-tz's zone tables, parts of core). So each anonymous item is attributed by what it
# contains; the rules are in CONTENT_RULES and are necessarily approximate.

REPO = __import__("os").path.dirname(__import__("os").path.dirname(__import__("os").path.abspath(__file__)))


def _corpus(globs):
    import glob
    import os
    text = []
    for pattern in globs:
        for path in glob.glob(os.path.join(REPO, pattern), recursive=True):
            with open(path, encoding="utf-8", errors="replace") as f:
                text.append(f.read())
    return "\n".join(text).encode("utf-8")


LOCALE_TEXT = None
POLICY_TEXT = None

CONTENT_RULES = [
    (rb"numeric names are not used|\b(PST|PDT|CEST|AEDT|NZDT|HKT|IST|EET|WET)\b", "chrono-tz (zone data + lookup)"),
    (rb"\bC-\d\d\b|\b00\d:\d+\b", "ours: policy data (rules, questions, slots, facts)"),
    (rb"ssr|reactive|hydrat|Owner|[Ss]ignal|SendWrapper|Executor::|spawn_local|polled after|Arena|disposed",
     "leptos / reactive_graph / tachys"),
    (rb"closure invoked recursively|wasm-bindgen|JsValue|externref|wbg", "web-sys / js-sys / wasm-bindgen glue"),
    (rb"Illegal argument|Degree out of range|Version number|Mask value|0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ \$%",
     "qrcodegen"),
    (rb"DateTime|TimeDelta|NaiveDate|NaiveTime|%Y|%H:%M|\brfc3339\b|out-of-range date", "chrono"),
    (rb"invalid type|invalid value|missing field|unknown variant|trailing characters|EOF while parsing", "serde / serde_json"),
    (rb"aria-|class|notice|button|\bnav\b|footer|header|hreflang|details|summary|dialog|svg|support-navigator",
     "ours: ui (components)"),
]


def classify_content(blob, binary_default, text_default="std: core / alloc / dlmalloc / compiler_builtins"):
    """The group of one anonymous data item, by its content."""
    global LOCALE_TEXT, POLICY_TEXT
    if LOCALE_TEXT is None:
        LOCALE_TEXT = _corpus(["locales/*.json"])
        POLICY_TEXT = _corpus(["policy/*.toml", "policy/rules/*.toml", "policy/facts/*.toml", "policy/catalogue_ids.txt"])
    runs = re.findall(rb"[ -~\x80-\xff]{6,}", blob)
    printable = sum(len(r) for r in runs)
    if printable < len(blob.rstrip(b"\0")) // 3:
        return binary_default
    # Interface strings compiled in by leptos_i18n: found verbatim in a locales/*.json file.
    in_locales = sum(len(r) for r in runs if r in LOCALE_TEXT)
    if in_locales * 2 >= printable:
        return "leptos_i18n (+ icu, our generated catalogues)"
    in_policy = sum(len(r) for r in runs if r in POLICY_TEXT)
    if in_policy * 2 >= printable:
        return "ours: policy data (rules, questions, slots, facts)"
    joined = b" ".join(runs)
    for pattern, group in CONTENT_RULES:
        if re.search(pattern, joined):
            return group
    return text_default


def read_map(path):
    """[(address, size, input section, symbol)] of every data item wasm-ld placed."""
    items = []
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    for k, line in enumerate(lines):
        m = re.match(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+:\((\.(?:rodata|data|bss|tdata)\S*)\)$", line)
        if m:
            sym = lines[k + 1].split()[-1] if k + 1 < len(lines) and lines[k + 1].split() else ""
            items.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3), sym))
    return items


def demangle(sym):
    """Enough of Rust's legacy mangling (_ZN…E) to read the crate and path."""
    m = re.match(r"^_ZN(.*)E$", sym)
    if not m:
        return sym
    parts, rest = [], m.group(1)
    while rest:
        n = re.match(r"^(\d+)", rest)
        if not n:
            break
        rest = rest[len(n.group(1)):]
        parts.append(rest[:int(n.group(1))])
        rest = rest[int(n.group(1)):]
    return "::".join(p for p in parts if not re.fullmatch(r"h[0-9a-f]{16}", p))


def symbol_group(sym):
    """The group of a named data symbol (legacy _ZN… or v0 _R… mangling), or None."""
    crates = []
    # v0: crate roots are C[s<disambiguator>_]<len><ident>; our crate's next path element is the module.
    for m in re.finditer(r"C(?:s[0-9A-Za-z]*_)?(\d+)", sym):
        n, at = int(m.group(1)), m.end()
        ident = sym[at:at + n]
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", ident):
            crates.append(ident)
    pseudo = "::".join(f"{c}::" for c in crates) or demangle(sym).replace("$LT$", "<").replace("..", "::")
    if "support_navigator" in pseudo:
        mod = re.search(r"17support_navigator(\d+)([a-z_]+)", sym)
        if mod:
            pseudo = f"support_navigator::{mod.group(2)[:int(mod.group(1))]}::x"
    g = group_of(pseudo)
    return None if g == "other / unnamed" else g


def attribute_data(segments, map_items):
    """{group: bytearray} of the shipped data bytes (wasm-opt drops zero runs but keeps addresses,
    so each byte still sits where the linker put it)."""
    import bisect
    memory = {}
    for addr, blob in segments:
        if addr is not None:
            memory[addr] = blob
    seg_starts = sorted(memory)

    def shipped(addr, size):
        """The bytes of [addr, addr+size) that are still in the shipped data segments."""
        out = bytearray()
        k = max(0, bisect.bisect_right(seg_starts, addr) - 1)
        while k < len(seg_starts) and seg_starts[k] < addr + size:
            a = seg_starts[k]
            blob = memory[a]
            lo, hi = max(addr, a), min(addr + size, a + len(blob))
            if lo < hi:
                out += blob[lo - a:hi - a]
            k += 1
        return bytes(out)

    # The module the big LTO'd rodata came from: its anonymous binary tables are mostly our
    # statics (the rules, atoms and fact tables); elsewhere unrecognised binary data is std's.
    sizes = defaultdict(int)
    for _, size, section, _ in map_items:
        h = re.search(r"\.Lanon\.([0-9a-f]+)\.", section)
        if h:
            sizes[h.group(1)] += size
    by_group = defaultdict(bytearray)
    pending = []
    for addr, size, section, sym in map_items:
        blob = shipped(addr, size)
        if not blob:
            continue
        h = re.search(r"\.Lanon\.([0-9a-f]+)\.", section)
        if h is None:
            group = symbol_group(sym) or classify_content(blob, "std: core / alloc / dlmalloc / compiler_builtins")
            by_group[group] += blob
            continue
        pending.append((h.group(1), blob))
    # A module whose readable content is chrono-tz's keeps all of its tables there; of the others,
    # the largest is the LTO'd rest of the program.
    chrono_tz_modules = {module for module, blob in pending
                         if classify_content(blob, "") == "chrono-tz (zone data + lookup)"}
    rest = {m: n for m, n in sizes.items() if m not in chrono_tz_modules}
    main_module = max(rest, key=rest.get) if rest else None
    for module, blob in pending:
        if module in chrono_tz_modules:
            group = "chrono-tz (zone data + lookup)"
        elif module == main_module:
            # Unrecognised text there is mostly ours (warnings, CSS classes, context type names).
            group = classify_content(blob, "ours: policy data (rules, questions, slots, facts)", "ours: other")
        else:
            group = classify_content(blob, "std: core / alloc / dlmalloc / compiler_builtins")
        by_group[group] += blob
    attributed = sum(len(b) for b in by_group.values())
    total = sum(len(b) for _, b in segments)
    if total > attributed:
        by_group["other / unnamed"] += b"\0" * (total - attributed)
    return by_group


# --- report -----------------------------------------------------------------------------------


def twiggy_csv(twiggy, wasm, kind):
    """twiggy's `top` or `dominators` as a list of dicts (all rows)."""
    import csv
    import io
    args = [twiggy, kind, "-f", "csv", wasm] + (["-n", "1000000"] if kind == "top" else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


# twiggy's own rows that are not code or data of a crate.
NOT_AN_ITEM = re.compile(r'^(<meta root>|\[\d+ Unreachable Items\]|table\[\d+\]|elem\[\d+\]|".*" subsection|custom section)')


def print_twiggy(twiggy, wasm):
    dom = [r for r in twiggy_csv(twiggy, wasm, "dominators") if not NOT_AN_ITEM.match(r["Name"])]
    dom.sort(key=lambda r: -int(r["RetainedSize"] or 0))
    print("twiggy dominators: the 30 largest items by retained size (own bytes plus everything reachable")
    print("only through them). Most closures are reached through the indirect-call table, so retained")
    print("sizes of Rust functions stay close to their own size:")
    print(f"  {'retained':>9} {'own':>8}  {'group':<28} item")
    for r in dom[:30]:
        g = group_of(r["Name"])
        if g == "other / unnamed" and r["Name"].startswith("data segment"):
            g = "data (see groups above)"
        print(f"  {int(r['RetainedSize']):>9,} {int(r['ShallowSize']):>8,}  {g[:28]:<28} {r['Name'][:110]}")
    top = [r for r in twiggy_csv(twiggy, wasm, "top") if not NOT_AN_ITEM.match(r["Name"])]
    top.sort(key=lambda r: -int(r["ShallowSize"]))
    print()
    print("twiggy top: the 30 largest functions by own size:")
    fns = [r for r in top if not r["Name"].startswith("data segment")]
    for r in fns[:30]:
        print(f"  {int(r['ShallowSize']):>8,}  {group_of(r['Name'])[:28]:<28} {r['Name'][:110]}")


def print_leptos_split(bodies, names):
    """The leptos group split into view-tree code (tachys' Render/Mountable/attribute impls,
    monomorphised once per view type of our components) and the reactive system."""
    parts = defaultdict(bytearray)
    for idx, body in bodies.items():
        name = re.sub(r"\[[0-9a-f]{16}\]", "", names.get(idx, ""))
        if group_of(name) != "leptos / reactive_graph / tachys":
            continue
        if re.search(r"Render|Mountable|IntoAny|AddAnyAttr|any_view|::build|rebuild|attribute|tachys::html", name):
            part = "view tree (tachys render/rebuild/attributes, per view type of ours)"
        elif name.startswith("reactive_graph") or re.search(r"Effect|Memo|Signal|Owner|Arena|Subscriber", name):
            part = "reactive system (signals, memos, effects, owners)"
        else:
            part = "rest (indexmap, futures, executor, leptos_dom, ...)"
        parts[part] += body
    print("Inside the leptos group (code only):")
    for part, body in sorted(parts.items(), key=lambda kv: -len(kv[1])):
        print(f"  {part:<72} {len(body):>9,} B raw, {len(gzip.compress(bytes(body), 9)):>7,} B gzip alone")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    twiggy = sys.argv[sys.argv.index("--twiggy") + 1] if "--twiggy" in sys.argv else "twiggy"
    if twiggy in args:
        args.remove(twiggy)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    wasm_path = args[0]
    map_path = args[1] if len(args) > 1 else None
    data = open(wasm_path, "rb").read()
    bodies, names, segments, sections = read_module(data)

    code = defaultdict(bytearray)
    code_fns = defaultdict(int)
    for idx, body in bodies.items():
        g = group_of(names.get(idx, ""))
        code[g] += body
        code_fns[g] += 1
    if map_path:
        dat = attribute_data(segments, read_map(map_path))
    else:
        dat = defaultdict(bytearray)
        for _, blob in segments:
            dat[classify_content(blob, "other / unnamed")] += blob

    shipped = sum(len(b) for b in bodies.values()) + sum(len(b) for _, b in segments)
    # The module as shipped: no custom sections. Its gzip is what the budget counts.
    stripped_gzip = len(gzip.compress(strip_custom(data), 9))
    structure = sum(v for k, v in sections.items() if not k.startswith("custom"))
    groups = sorted(set(code) | set(dat), key=lambda g: -(len(code[g]) + len(dat[g])))
    raw_gz = {g: len(gzip.compress(bytes(code[g]), 9)) + (len(gzip.compress(bytes(dat[g]), 9)) if dat[g] else 0)
              for g in groups}
    scale = stripped_gzip / max(1, sum(raw_gz.values()))

    total_raw = len(strip_custom(data))
    print("Where the wasm's bytes go (bench/wasm-breakdown.sh; rules and limits: bench/wasm_breakdown.py).")
    print(f"wasm: {wasm_path} (release, wasm-opt -Oz, names kept for this analysis)")
    print(f"shipped size (custom sections stripped): {total_raw:,} B raw, {stripped_gzip:,} B gzip -9")
    print(f"  function bodies {sum(len(b) for b in bodies.values()):,} B, data segments "
          f"{sum(len(b) for _, b in segments):,} B, other sections {structure:,} B")
    print()
    print("By crate group (code = function bodies, data = static data; gzip share estimated: each group")
    print("compressed on its own, scaled so the groups add up to the module's gzip):")
    print(f"  {'group':<52} {'code':>9} {'fns':>5} {'data':>9} {'raw':>9} {'gzip≈':>8} {'share':>6}")
    for g in groups:
        raw = len(code[g]) + len(dat[g])
        gz = raw_gz[g] * scale
        print(f"  {g:<52} {len(code[g]):>9,} {code_fns[g]:>5} {len(dat[g]):>9,} {raw:>9,} {gz:>8,.0f} {100 * gz / stripped_gzip:>5.1f}%")
    print(f"  {'(module structure: types, imports, exports, table)':<52} {'':>9} {'':>5} {'':>9} {structure:>9,}")
    print(f"  {'total':<52} {sum(len(code[g]) for g in groups):>9,} {sum(code_fns.values()):>5} "
          f"{sum(len(dat[g]) for g in groups):>9,} {shipped + structure:>9,} {stripped_gzip:>8,}")
    print()
    print_leptos_split(bodies, names)
    print()
    print("Not shipped (names kept for this analysis only):")
    for k, v in sorted(sections.items()):
        if k.startswith("custom"):
            print(f"  {k}: {v:,} B")
    print()
    try:
        print_twiggy(twiggy, wasm_path)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"(twiggy not run: {e})")
    return 0


def strip_custom(data):
    """The module without custom sections (names, producers): what the release build ships."""
    out = bytearray(data[:8])
    i = 8
    while i < len(data):
        sid = data[i]
        size, j = leb(data, i + 1)
        if sid != 0:
            out += data[i:j + size]
        i = j + size
    return bytes(out)


if __name__ == "__main__":
    sys.exit(main())
