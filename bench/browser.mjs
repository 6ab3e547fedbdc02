// The browser half of `scripts/bench.sh`: Playwright driving the system Chromium (headless) against
// the app served on 127.0.0.1 (bench/serve.mjs). Measures, and writes as JSON:
//
//   firstLoad   every file a cold start-page load fetches (the page's own requests), with the bytes
//               received and whether it arrived before the page was interactive; the service
//               worker's script and its install downloads are listed apart, because they start
//               after the page is interactive and are what makes the next visit work offline.
//   loads       navigation start → "interactive" for the start page (`/`) and → the first question
//               for journey 1's deep link (`/?j=open-request`); 5 cold loads each (a new browser
//               context each time: empty HTTP cache, no service worker), unthrottled and with 4×
//               CPU slowdown (CDP Emulation.setCPUThrottlingRate). Medians and every run.
//   walk        journey 1 clicked through to its result at 4× CPU slowdown, with every Event Timing
//               entry (PerformanceObserver 'event', durationThreshold 16 ms, and 'first-input'):
//               the slowest interaction, its events and the step of the walk it belongs to. One
//               walk's slowest interaction varies by a frame or two from walk to walk, so there
//               are 5 walks (each in a fresh context) and the report is the median walk's, with
//               every walk's slowest listed beside it (`walks`). Clicks are made the way a mouse
//               makes them (`press`): the pointer moves onto the target, rests a moment, and the
//               button goes down and up, as raw input events. Playwright's own `click()` first
//               injects listeners into the page that check the target on pointerdown, pointerup
//               and click; they run inside the interaction being timed, and at 4× slowdown they
//               added about 8 ms of the test driver's script to every click.
//
// "Interactive" means: the start page's h1 (rendered by the wasm; index.html has none) shows the
// start title and journey 1's link is in the document, both put there by the wasm, which attaches
// its event handlers as it creates the nodes. The time is performance.now() (milliseconds since
// navigation start) in the first animation frame after that DOM change, i.e. the frame that paints
// it. "First question" is the same for an h1 showing a question title of journey 1 (which needs the
// content pack, so it includes that download).
//
//   node bench/browser.mjs BASE_URL OUT.json [--runs 5] [--walks 5] [--walk-only]
//
// --walk-only skips the loads and the first-load listing (for comparing two builds' walks).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
// The English texts and journey 1's scripted answers, shared with the e2e tests.
import { EN, SC001, START_TITLE, CHECK_TITLE, RESULT_TITLE, JOURNEY_TITLES, optionLabel, zoneLabel }
  from '../e2e/tests/wizard-helpers.mjs';

const [base, out] = process.argv.slice(2);
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]) || fallback;
};
const RUNS = option('--runs', 5);
const WALKS = option('--walks', 5);
const WALK_ONLY = process.argv.includes('--walk-only');
if (!base || !out) {
  console.error('usage: node bench/browser.mjs BASE_URL OUT.json [--runs 5] [--walks 5] [--walk-only]');
  process.exit(2);
}

// The same flags as e2e/playwright.config.mjs: nothing that could reach the network.
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
};
const CONTEXT = { locale: 'en-GB', viewport: { width: 412, height: 823 } };
const JOURNEY = SC001.journey;
const JOURNEY_TITLE = JOURNEY_TITLES[JOURNEY];
const QUESTION_TITLES = Object.values(EN.q).map((q) => q.title);
const QUESTION_BY_TITLE = new Map(Object.entries(EN.q).map(([id, q]) => [q.title, id]));
const TIMEOUT = 60_000;

const log = (msg) => console.error(`bench: ${msg}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round1 = (x) => Math.round(x * 10) / 10;

/**
 * Runs in the page before any of its scripts: watches the DOM and stores in `window.__benchReady`
 * the performance.now() of the first animation frame in which `ready()` holds.
 */
function watchReady({ kind, startTitle, journeyTitle, questionTitles }) {
  const ready = () => {
    const h1 = document.querySelector('h1');
    const text = h1 ? h1.textContent.trim() : '';
    if (kind === 'question') return questionTitles.includes(text);
    return text === startTitle
      && [...document.querySelectorAll('a[href]')].some((a) => a.textContent.trim() === journeyTitle);
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__benchReady = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** A fresh context (empty cache, no service worker) and page, optionally with CPU slowdown. */
async function freshPage(browser, cpu) {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  if (cpu > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  return { context, page, problems };
}

/** One cold load; returns ms from navigation start to ready. */
async function timeLoad(browser, kind, cpu) {
  const { context, page, problems } = await freshPage(browser, cpu);
  try {
    await page.addInitScript(watchReady, {
      kind, startTitle: START_TITLE, journeyTitle: JOURNEY_TITLE, questionTitles: QUESTION_TITLES,
    });
    await page.goto(kind === 'question' ? `${base}/?j=${JOURNEY}` : `${base}/`);
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: TIMEOUT });
    // The same conditions as an accessibility-tree query, so the mark cannot be a false positive.
    if (kind === 'question') {
      const title = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
      if (!QUESTION_BY_TITLE.has(title)) throw new Error(`deep link shows "${title}", not a question`);
    } else {
      await page.getByRole('heading', { level: 1, name: START_TITLE }).waitFor();
      await page.getByRole('link', { name: JOURNEY_TITLE, exact: true }).waitFor();
    }
    if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
    return await page.evaluate(() => window.__benchReady);
  } finally {
    await context.close();
  }
}

/** The path of a URL of our server relative to the app root ("/" → "index.html"). */
function distPath(url) {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Every request of one cold start-page load, split into the page's own and the service worker's. */
async function firstLoad(browser) {
  const { context, page, problems } = await freshPage(browser, 1);
  try {
    const worker = [];
    context.on('request', (r) => { if (r.serviceWorker()) worker.push(distPath(r.url())); });
    const pageRequests = [];
    page.on('requestfinished', (r) => pageRequests.push(r));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.addInitScript(watchReady, {
      kind: 'start', startTitle: START_TITLE, journeyTitle: JOURNEY_TITLE, questionTitles: QUESTION_TITLES,
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: TIMEOUT });
    // Let whatever the start page starts after it is interactive finish (the content pack, the
    // service worker's install), then read the page's resource timing.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const timing = await page.evaluate(() => ({
      ready: window.__benchReady,
      entries: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd, encoded: e.encodedBodySize, initiator: e.initiatorType ?? 'navigation' })),
    }));
    if (problems.length) throw new Error(problems.join('; '));
    const files = pageRequests.map((r) => {
      const path = distPath(r.url());
      // Resource timing of the same URL (the navigation entry's name is the page's URL).
      const t = timing.entries.find((e) => distPath(e.url) === path);
      return {
        path,
        status: null,
        received: t ? t.encoded : null,
        start_ms: t ? round1(t.start) : null,
        end_ms: t ? round1(t.end) : null,
        before_interactive: t ? t.end <= timing.ready : null,
        initiator: t ? t.initiator : null,
      };
    });
    for (const [i, r] of pageRequests.entries()) {
      const response = await r.response();
      files[i].status = response ? response.status() : null;
    }
    return {
      interactive_ms: round1(timing.ready),
      files,
      service_worker: [...new Set(worker)].sort(),
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before its scripts: collects every Event Timing entry of ≥ 16 ms (the smallest
 * threshold the API allows) and the first input, with a readable description of the target.
 */
function watchEvents() {
  window.__benchEvents = [];
  const describe = (el) => {
    if (!el || !el.tagName) return null;
    const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ');
    return `${el.tagName.toLowerCase()}${text ? ` "${text.slice(0, 60)}"` : ''}`;
  };
  const record = (list) => {
    for (const e of list.getEntries()) {
      window.__benchEvents.push({
        type: e.entryType, name: e.name, start: e.startTime, duration: e.duration,
        input_delay: e.processingStart - e.startTime,
        processing: e.processingEnd - e.processingStart,
        interaction: e.interactionId || 0, target: describe(e.target),
      });
    }
  };
  new PerformanceObserver(record).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver(record).observe({ type: 'first-input', buffered: true });
  // Long animation frames (> 50 ms): where a slow interaction's time went (script or rendering).
  window.__benchFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const f of list.getEntries()) {
        window.__benchFrames.push({
          start: f.startTime, end: f.startTime + f.duration,
          render_start: f.renderStart, style_layout_start: f.styleAndLayoutStart,
          scripts: f.scripts.map((x) => ({ invoker: x.invoker, duration: x.duration, layout: x.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Not supported: the report then has no breakdown.
  }
}

/** Walks journey 1 to its result at `cpu`× slowdown; returns the slowest interaction. */
async function walk(browser, cpu) {
  const { context, page, problems } = await freshPage(browser, cpu);
  try {
    await page.addInitScript(watchEvents);
    const steps = [];
    const h1 = page.getByRole('heading', { level: 1 });
    /** Marks the start of a step, does it, and waits until the h1 is `next` (or changes). */
    const step = async (label, action, waitFor) => {
      steps.push({ label, at: await page.evaluate(() => performance.now()) });
      await action();
      await waitFor();
    };
    /**
     * Clicks `locator` as a person with a mouse does: onto the target (scrolled into view), a
     * pause as the pointer rests, then press and release. Raw input events, so nothing of the
     * test driver runs in the page during the interaction (see the header).
     */
    const press = async (locator) => {
      await locator.scrollIntoViewIfNeeded();
      const box = await locator.boundingBox();
      if (!box) throw new Error('walk: nothing to click');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(100);
      await page.mouse.down();
      await page.mouse.up();
    };
    const titleIs = (title) => () => h1.filter({ hasText: title }).waitFor();
    const titleIsNot = (title) => () => page.waitForFunction(
      (t) => { const e = document.querySelector('h1'); return e && e.textContent.trim() !== t; }, title,
    );

    await page.goto(`${base}/`);
    await h1.filter({ hasText: START_TITLE }).waitFor();
    // A visitor reads the start page before choosing; by then the service worker has finished
    // its install (downloading and hashing every file). Wait for that, so its work on this 2-core
    // machine does not land in the first interactions (at most 20 s; without a worker, at once).
    await page.evaluate(() => Promise.race([
      navigator.serviceWorker ? navigator.serviceWorker.ready : null,
      new Promise((resolve) => { setTimeout(resolve, 20_000); }),
    ]));
    await step(`open "${JOURNEY_TITLE}"`,
      () => press(page.getByRole('link', { name: JOURNEY_TITLE, exact: true })),
      () => page.waitForFunction((titles) => titles.includes(document.querySelector('h1')?.textContent.trim()), QUESTION_TITLES));
    for (let i = 0; i < 40; i += 1) {
      const title = (await h1.textContent()).trim();
      if (title === CHECK_TITLE) break;
      const q = QUESTION_BY_TITLE.get(title);
      if (!q) throw new Error(`walk: unexpected page "${title}"`);
      const value = SC001.answers[q];
      if (value === undefined) throw new Error(`walk: no scripted answer for question ${q}`);
      if (EN.q[q].options) {
        const group = page.getByRole('group', { name: EN.q[q].title, exact: true });
        const radio = group.getByRole('radio', { name: optionLabel(q, value), exact: true });
        await step(`${q}: choose "${optionLabel(q, value)}"`,
          () => press(group.getByText(optionLabel(q, value), { exact: true })),
          async () => { if (!(await radio.isChecked())) throw new Error(`walk: ${q}=${value} not checked`); });
      } else {
        // A <select> (time zone): selectOption dispatches synthetic events, which Event Timing
        // does not time; the Continue click that follows is measured as usual.
        await step(`${q}: select "${zoneLabel(value)}"`,
          () => page.getByLabel(EN.q[q].title, { exact: true }).selectOption({ label: zoneLabel(value) }),
          async () => {});
      }
      await step(`${q}: Continue`,
        () => press(page.getByRole('button', { name: EN.wizard.continue_button, exact: true })),
        titleIsNot(title));
    }
    await step(`"${EN.wizard.see_result}"`,
      () => press(page.getByRole('link', { name: EN.wizard.see_result, exact: true })),
      titleIs(RESULT_TITLE));
    // Event Timing entries are delivered after the next paint; give them a moment.
    await page.waitForTimeout(1000);
    if (problems.length) throw new Error(problems.join('; '));
    const events = await page.evaluate(() => window.__benchEvents);
    const frames = await page.evaluate(() => window.__benchFrames);

    // An interaction (INP's unit) is every event with one interactionId; its latency is the
    // longest of them. first-input entries repeat an 'event' entry and are kept only for the
    // report.
    const byId = new Map();
    for (const e of events.filter((x) => x.type === 'event' && x.interaction)) {
      const group = byId.get(e.interaction) ?? [];
      group.push(e);
      byId.set(e.interaction, group);
    }
    const stepAt = (t) => [...steps].reverse().find((s) => s.at <= t)?.label ?? '(before the walk)';
    const interactions = [...byId.values()].map((group) => {
      const worst = group.reduce((a, b) => (b.duration > a.duration ? b : a));
      // The long animation frames during the interaction: script time (by invoker) and
      // rendering time (style, layout, paint of the frame).
      const during = frames.filter((f) => f.end > worst.start && f.start < worst.start + worst.duration);
      const scripts = during.flatMap((f) => f.scripts);
      const main_thread = during.length ? {
        long_frames: during.length,
        script_ms: round1(scripts.reduce((t, x) => t + x.duration, 0)),
        rendering_ms: round1(during.reduce((t, f) => t + (f.render_start ? f.end - f.render_start : 0), 0)),
        longest_scripts: scripts.sort((a, b) => b.duration - a.duration).slice(0, 3)
          .map((x) => `${x.invoker} ${Math.round(x.duration)} ms`),
      } : null;
      return {
        main_thread,
        duration_ms: worst.duration,
        input_delay_ms: round1(worst.input_delay),
        processing_ms: round1(worst.processing),
        events: [...new Set(group.map((e) => e.name))],
        target: worst.target,
        step: stepAt(worst.start),
      };
    }).sort((a, b) => b.duration_ms - a.duration_ms);
    const first = events.find((e) => e.type === 'first-input');
    return {
      cpu_slowdown: cpu,
      steps: steps.length,
      interactions_over_16ms: interactions.length,
      slowest: interactions[0] ?? null,
      top: interactions.slice(0, 5),
      all: interactions.map((i) => [i.step, i.duration_ms]),
      first_input: first ? { name: first.name, duration_ms: first.duration, input_delay_ms: round1(first.input_delay), target: first.target } : null,
    };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch(LAUNCH);
try {
  const result = { chromium: browser.version(), runs: RUNS, loads: {} };
  if (!WALK_ONLY) {
    log('first load: what a cold start-page load downloads');
    result.first_load = await firstLoad(browser);
    for (const cpu of [1, 4]) {
      for (const kind of ['start', 'question']) {
        const times = [];
        for (let i = 0; i < RUNS; i += 1) times.push(round1(await timeLoad(browser, kind, cpu)));
        const key = `${kind === 'start' ? 'interactive' : 'first_question'}_cpu${cpu}x`;
        result.loads[key] = { median_ms: round1(median(times)), runs_ms: times };
        log(`${key}: median ${round1(median(times))} ms of ${times.join(', ')}`);
      }
    }
  }
  log(`journey 1 walk at 4x CPU slowdown (Event Timing), ${WALKS} walks`);
  const walks = [];
  for (let i = 0; i < WALKS; i += 1) {
    const w = await walk(browser, 4);
    walks.push(w);
    log(`walk ${i + 1}: slowest ${w.slowest?.duration_ms ?? 0} ms (${w.slowest?.step ?? 'none over 16 ms'})`);
  }
  // The median walk by its slowest interaction (the lower middle one for an even count).
  const slowest = (w) => w.slowest?.duration_ms ?? 0;
  const sorted = [...walks].sort((a, b) => slowest(a) - slowest(b));
  result.walk = sorted[Math.floor((sorted.length - 1) / 2)];
  result.walks = walks.map((w) => ({ slowest_ms: slowest(w), step: w.slowest?.step ?? null, top: w.top, all: w.all }));
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
}
