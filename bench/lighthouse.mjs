// Lighthouse for `scripts/bench.sh`: the pinned lighthouse@12 (bench/package-lock.json) against the
// system Chromium, on the start page, N runs (3 by default). Mobile preset: Lighthouse's default
// form factor (Moto G Power-sized screen) with its default simulated throttling (slow 4G, 4× CPU).
// Writes each run's full report next to OUT and a summary to OUT: the performance and
// accessibility score of every run, and the median run (median by performance score) with its
// LCP, TBT, CLS and FCP.
//
//   node bench/lighthouse.mjs URL OUT.json [--runs 3]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [url, out] = process.argv.slice(2);
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
if (!url || !out) {
  console.error('usage: node bench/lighthouse.mjs URL OUT.json [--runs 3]');
  process.exit(2);
}
const LIGHTHOUSE = path.join(import.meta.dirname, 'node_modules', '.bin', 'lighthouse');

// The machine may have no internet: everything in Chromium that phones home is switched off, so
// no run waits on a DNS timeout (background networking also covers the variations and safe
// browsing updates). --disable-dev-shm-usage: Debian's wrapper does not add it here
// (/work/shared/toolchain.md §6.12).
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
  '--metrics-recording-only', '--mute-audio',
].join(' ');

const runs = [];
for (let i = 1; i <= RUNS; i += 1) {
  const report = out.replace(/\.json$/, `-run${i}.json`);
  console.error(`bench: lighthouse run ${i}/${RUNS}`);
  execFileSync(LIGHTHOUSE, [
    url, '--quiet', '--output=json', `--output-path=${report}`,
    '--only-categories=performance,accessibility', `--chrome-flags=${CHROME_FLAGS}`,
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const lhr = JSON.parse(fs.readFileSync(report, 'utf8'));
  if (lhr.runtimeError) throw new Error(`lighthouse run ${i}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  runs.push({
    report,
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcp_ms: audit('largest-contentful-paint'),
    tbt_ms: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    fcp_ms: audit('first-contentful-paint'),
    speed_index_ms: audit('speed-index'),
    total_bytes: audit('total-byte-weight'),
    warnings: lhr.runWarnings ?? [],
    // A failed accessibility audit is named, so "99" comes with its reason.
    failed_accessibility_audits: Object.values(lhr.audits)
      .filter((a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
      .map((a) => a.id),
  });
}
const sorted = [...runs].sort((a, b) => a.performance - b.performance);
const summary = {
  lighthouse: lhrVersion(runs[0].report),
  preset: 'mobile (default form factor, simulated throttling)',
  url,
  runs,
  median: sorted[Math.floor((sorted.length - 1) / 2)],
};
fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);

function lhrVersion(report) {
  return JSON.parse(fs.readFileSync(report, 'utf8')).lighthouseVersion;
}
