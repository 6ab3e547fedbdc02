// The last step of `scripts/bench.sh`: merges the measurements into one readable report on stdout
// and one JSON file (.reports/bench.json), and checks that the first-load set the budget check
// computes from the files (scripts/budgets.py) is exactly what Chromium downloaded. Exits 1 if it
// is not, so a new start-page fetch cannot slip past the budget unnoticed.
//
//   node bench/report.mjs --static S.json --budgets B.txt --browser BR.json --lighthouse L.json --out bench.json
//
// Nothing is measured here; every figure comes from the inputs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) {
    console.error(`report: missing --${name}`);
    process.exit(2);
  }
  return process.argv[i + 1];
};
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const stat = readJson(arg('static'));
const budgetsText = fs.readFileSync(arg('budgets'), 'utf8').trimEnd();
const browser = readJson(arg('browser'));
const lh = readJson(arg('lighthouse'));
const out = arg('out');

// Acceptance criteria of issue 8 that are not budgets of the test command.
const LIGHTHOUSE_PERFORMANCE_MIN = 95;
const LIGHTHOUSE_ACCESSIBILITY_MIN = 100;
const SLOWEST_INTERACTION_MAX_MS = 50;

const KB = stat.kb;
const n = (v) => (v == null ? 'n/a' : v.toLocaleString('en-US'));
const kb = (v) => (v == null ? 'n/a' : `${(v / KB).toFixed(1)} KB`);
const ms = (v) => (v == null ? 'n/a' : `${Math.round(v)} ms`);
const pad = (s, w) => String(s).padStart(w);
const padEnd = (s, w) => String(s).padEnd(w);
const mark = (ok) => (ok ? 'pass' : 'FAIL');
const lines = [];
const say = (s = '') => lines.push(s);

function git() {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${rev} + uncommitted changes` : rev;
  } catch {
    return 'unknown';
  }
}

// --- first load: the static set against what the browser fetched ---
const staticPaths = stat.first_load.files.map((f) => f.path).sort();
const browserFiles = browser.first_load.files;
const browserPaths = [...new Set(browserFiles.map((f) => f.path))].sort();
const onlyStatic = staticPaths.filter((p) => !browserPaths.includes(p));
const onlyBrowser = browserPaths.filter((p) => !staticPaths.includes(p));
const agree = onlyStatic.length === 0 && onlyBrowser.length === 0;
const notOk = browserFiles.filter((f) => f.status !== 200);
// With gzip on, the bytes received must be the gzip bytes the budget counts (PNGs go uncompressed).
const bytesMatch = browserFiles.every((f) => f.received === stat.files[f.path]?.gzip || f.path.endsWith('.png'));
const swFiles = browser.first_load.service_worker;
const swGzip = swFiles.reduce((s, p) => s + (stat.files[p]?.gzip ?? 0), 0);
const swAgain = swFiles.filter((p) => browserPaths.includes(p));
const swAgainGzip = swAgain.reduce((s, p) => s + (stat.files[p]?.gzip ?? 0), 0);

const acceptance = {
  lighthouse_performance: { value: lh.median.performance, limit: `>= ${LIGHTHOUSE_PERFORMANCE_MIN}`, ok: lh.median.performance >= LIGHTHOUSE_PERFORMANCE_MIN },
  lighthouse_accessibility: { value: lh.median.accessibility, limit: `= ${LIGHTHOUSE_ACCESSIBILITY_MIN}`, ok: lh.median.accessibility >= LIGHTHOUSE_ACCESSIBILITY_MIN },
  slowest_interaction_ms: {
    value: browser.walk.slowest?.duration_ms ?? 0,
    limit: `<= ${SLOWEST_INTERACTION_MAX_MS}`,
    ok: (browser.walk.slowest?.duration_ms ?? 0) <= SLOWEST_INTERACTION_MAX_MS,
  },
};

// --- the report ---
say(`Support Navigator bench: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, revision ${git()}`);
say(`Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; Chromium ${browser.chromium}, Lighthouse ${lh.lighthouse}`);
say(`Build: ${stat.dist}`);
say('Sizes are of the files compressed (gzip -9 as Python gzip.compress, brotli -q 11); KB = 1000 bytes.');
say('Load times are over a loopback server (bench/serve.mjs, sends gzip), so they contain no network');
say('time: they are download-free CPU time (decompress, compile, run, render) on this machine.');

say();
say('1. Sizes of every file');
const width = Math.max(...Object.keys(stat.files).map((p) => p.length), 10);
say(`   ${padEnd('file', width)}  ${pad('raw', 10)}  ${pad('gzip', 9)}  ${pad('brotli', 9)}`);
let tot = { raw: 0, gzip: 0, brotli: 0 };
for (const [path, s] of Object.entries(stat.files)) {
  say(`   ${padEnd(path, width)}  ${pad(n(s.raw), 10)}  ${pad(n(s.gzip), 9)}  ${pad(n(s.brotli), 9)}`);
  tot = { raw: tot.raw + s.raw, gzip: tot.gzip + s.gzip, brotli: tot.brotli + (s.brotli ?? NaN) };
}
say(`   ${padEnd('all files', width)}  ${pad(n(tot.raw), 10)}  ${pad(n(tot.gzip), 9)}  ${pad(n(tot.brotli), 9)}`);

say();
say(`2. First load: what a cold start-page load downloads (recorded in Chromium; interactive at ${ms(browser.first_load.interactive_ms)})`);
say(`   ${padEnd('file', width)}  ${pad('gzip', 9)}  ${pad('brotli', 9)}  arrived`);
for (const f of stat.first_load.files) {
  const seen = browserFiles.find((b) => b.path === f.path);
  const when = !seen ? 'NOT FETCHED by the browser'
    : `${ms(seen.end_ms)}, ${seen.before_interactive ? 'before' : 'after'} interactive (${f.why})`;
  say(`   ${padEnd(f.path, width)}  ${pad(n(f.gzip), 9)}  ${pad(n(f.brotli), 9)}  ${when}`);
}
for (const p of onlyBrowser) say(`   ${padEnd(p, width)}  fetched by the browser but MISSING from scripts/budgets.py's first-load set`);
say(`   ${padEnd('first-load total', width)}  ${pad(n(stat.first_load.gzip), 9)}  ${pad(n(stat.first_load.brotli), 9)}  = ${kb(stat.first_load.gzip)} gzip, ${kb(stat.first_load.brotli)} brotli`);
say(`   Static set (scripts/budgets.py: index.html + the start page's own fetches) and browser agree: ${agree ? 'yes' : 'NO'}`);
say(`   Bytes received equal the gzip sizes counted: ${bytesMatch ? 'yes' : 'no (server not sending gzip?)'}`);
if (notOk.length) say(`   Responses other than 200: ${notOk.map((f) => `${f.path} ${f.status}`).join(', ')}`);
say(`   Not in the first load: the service worker (sw.js, registered once the app runs) then downloads`);
say(`   ${swFiles.length} files, ${n(swGzip)} B gzip, for offline use; ${swAgain.length} of them (${n(swAgainGzip)} B gzip) were`);
say('   already downloaded by the page and are fetched again (cache: \'reload\').');

say();
say(`3. Load times: median of ${browser.runs} cold loads in headless Chromium (new context each: empty cache, no`);
say('   service worker), ms from navigation start. "Interactive": the first frame in which the wasm has');
say('   rendered the start page\'s h1 and journey 1\'s link. "First question": loading /?j=open-request,');
say('   the first frame showing its first question\'s h1 (needs the content pack).');
const L = browser.loads;
say(`   ${padEnd('', 30)}  ${pad('unthrottled', 12)}  ${pad('4x CPU', 10)}`);
say(`   ${padEnd('start page interactive', 30)}  ${pad(ms(L.interactive_cpu1x.median_ms), 12)}  ${pad(ms(L.interactive_cpu4x.median_ms), 10)}`);
say(`   ${padEnd('first question (deep link)', 30)}  ${pad(ms(L.first_question_cpu1x.median_ms), 12)}  ${pad(ms(L.first_question_cpu4x.median_ms), 10)}`);
for (const [key, v] of Object.entries(L)) say(`   runs ${padEnd(key, 24)}  ${v.runs_ms.map((x) => Math.round(x)).join(', ')}`);

say();
const W = browser.walk;
say(`4. Slowest interaction: journey 1 (open-request) clicked through to its result at ${W.cpu_slowdown}x CPU slowdown,`);
say(`   ${W.steps} steps; Event Timing (PerformanceObserver 'event', durationThreshold 16 ms, + 'first-input').`);
const walks = browser.walks ?? [];
if (walks.length > 1) {
  say(`   ${walks.length} walks, each in a fresh browser context; their slowest: ${walks.map((w) => `${ms(w.slowest_ms)} (${w.step ?? '-'})`).join(', ')}.`);
  say('   Below: the median walk.');
}
if (W.slowest) {
  const describe = (i) => {
    const presentation = i.duration_ms - i.input_delay_ms - i.processing_ms;
    const main = i.main_thread
      ? `\n            long frames: script ${ms(i.main_thread.script_ms)}, rendering ${ms(i.main_thread.rendering_ms)}; longest: ${i.main_thread.longest_scripts.join(', ') || '-'}`
      : '';
    return `${ms(i.duration_ms)}  ${i.step}  [${i.events.join('/')}; input delay ${ms(i.input_delay_ms)}, handlers ${ms(i.processing_ms)}, until next paint ${ms(presentation)}]${main}`;
  };
  say(`   slowest: ${describe(W.slowest)}`);
  for (const i of W.top.slice(1)) say(`   next:    ${describe(i)}`);
  say(`   ${W.interactions_over_16ms} interactions took 16 ms or more.`);
} else {
  say('   every interaction took less than 16 ms (none reported).');
}
say(`   acceptance (<= ${SLOWEST_INTERACTION_MAX_MS} ms): ${mark(acceptance.slowest_interaction_ms.ok)}`);

say();
say(`5. Lighthouse ${lh.lighthouse}, ${lh.preset}, ${lh.url}, ${lh.runs.length} runs`);
lh.runs.forEach((r, i) => {
  const why = r.failed_accessibility_audits.length ? ` (failed: ${r.failed_accessibility_audits.join(', ')})` : '';
  say(`   run ${i + 1}: performance ${r.performance}, accessibility ${r.accessibility}${why}; LCP ${ms(r.lcp_ms)}, TBT ${ms(r.tbt_ms)}, CLS ${r.cls}`);
});
const M = lh.median;
say(`   median run (by performance): performance ${M.performance}, accessibility ${M.accessibility}; LCP ${ms(M.lcp_ms)}, TBT ${ms(M.tbt_ms)}, CLS ${M.cls}, FCP ${ms(M.fcp_ms)}, ${n(M.total_bytes)} B transferred`);
say(`   acceptance: performance >= ${LIGHTHOUSE_PERFORMANCE_MIN}: ${mark(acceptance.lighthouse_performance.ok)}, accessibility = 100: ${mark(acceptance.lighthouse_accessibility.ok)}`);
say(`   full reports: ${lh.runs.map((r) => r.report).join(', ')}`);

say();
say('6. Native (release build, support-navigator-cli bench)');
for (const line of stat.native.output.split('\n')) say(`   ${line}`);

say();
say('7. Budgets (scripts/budgets.py; the test command runs it with --ceilings: the unmet size budgets are held to a ratchet)');
for (const line of budgetsText.split('\n')) say(`   ${line}`);

console.log(lines.join('\n'));

fs.writeFileSync(out, `${JSON.stringify({
  generated: new Date().toISOString(),
  revision: git(),
  machine: { cpus: os.cpus().length, load_average: os.loadavg() },
  kb: KB,
  notes: 'sizes: gzip -9 / brotli -q 11 of each file; load times: loopback server sending gzip (no network time)',
  dist: stat.dist,
  files: stat.files,
  first_load: {
    ...stat.first_load,
    browser: browser.first_load,
    static_and_browser_agree: agree,
    only_static: onlyStatic,
    only_browser: onlyBrowser,
  },
  service_worker: { files: swFiles, gzip: swGzip, fetched_twice: swAgain, fetched_twice_gzip: swAgainGzip },
  loads: browser.loads,
  walk: browser.walk,
  lighthouse: lh,
  native: stat.native,
  budgets: stat.budgets,
  budgets_ok: stat.ok,
  acceptance,
}, null, 2)}\n`);

if (!agree) {
  console.error(`report: the first-load set of scripts/budgets.py and the browser disagree: only in budgets.py: [${onlyStatic}], only in the browser: [${onlyBrowser}]`);
  process.exit(1);
}
