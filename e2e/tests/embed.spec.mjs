// Embedding: the app in an iframe on another site, through static/embed.js and the demo host page
// docs/embed-demo.html. The host page is served here on http://localhost:<free port> while the app
// is on http://127.0.0.1:<E2E_PORT> (Playwright's web server): two sites, as on the web.
// Checked: journey 1 completes inside the frame; the iframe follows the content height (no inner
// scrollbar); the host receives only the documented messages, none with an answer; axe on host
// and frame; storage denied in the frame; presets; bad configuration only warns.
import { startHost } from './embed-host.mjs';
import { test, expect, expectAccessible } from './fixtures.mjs';
import {
  EN, START_TITLE, RESULT_TITLE, JOURNEY_TITLES, SC001, h1, answerAll, currentQuestion, seeResult,
  resultFacts, expectContactBy, instantText, journeyUrl, optionLabel, answer, pressContinue, optionRadio, BACK,
} from './wizard-helpers.mjs';
import { catalogue } from './catalogue.mjs';

test.use({ locale: 'en-GB', timezoneId: 'America/Los_Angeles' });

const DEMO_TITLE = 'Support Navigator: where to file a support request';
const MESSAGE_TYPES = ['support-navigator:height', 'support-navigator:journey', 'support-navigator:result'];
const JOURNEY_SLUGS = Object.keys(JOURNEY_TITLES);

// Other widgets for the same demo page: the element's data-* attributes replaced.
const PRESETS = {
  'preset-en': 'data-title="Preset widget" data-lang="en" data-journey="open-request" data-product="ce_app" data-theme="dark" data-accent="#ffcc00"',
  'preset-nl': 'data-title="Preset widget" data-lang="nl"',
};

let host;
test.beforeAll(async () => { host = await startHost(PRESETS); });
test.afterAll(async () => { await new Promise((resolve) => host.close(resolve)); });

/** The demo page on the host site, loading the app (and embed.js) from `appOrigin`. */
function hostUrl(appOrigin, page = 'embed-demo.html') {
  return `http://localhost:${host.address().port}/${page}?app=${encodeURIComponent(`${appOrigin}/`)}`;
}

/** Records, in the top window only, every message it receives (before any page script runs). */
async function recordMessages(page) {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__messages = [];
    window.addEventListener('message', (e) => {
      window.__messages.push({ origin: e.origin, data: JSON.parse(JSON.stringify(e.data ?? null)) });
    });
  });
}
const messages = (page) => page.evaluate(() => window.__messages);

/** The Frame inside an iframe element, for measuring inside it. */
async function frameOf(iframe) {
  const frame = await (await iframe.elementHandle()).contentFrame();
  if (!frame) throw new Error('the iframe has no document');
  return frame;
}

/**
 * Waits until the iframe is exactly as tall as the app's content and the framed document does not
 * scroll; returns that height.
 */
async function expectFitted(iframe) {
  const frame = await frameOf(iframe);
  let last;
  await expect.poll(async () => {
    // Between two documents the frame has no body and evaluate may throw: not fitted yet (a
    // throw would end expect.poll at once instead of polling again).
    const inner = await frame.evaluate(() => document.body && {
      content: Math.ceil(document.body.getBoundingClientRect().height),
      scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight,
    }).catch(() => null);
    const outer = (await iframe.boundingBox())?.height;
    if (!inner || outer === undefined) return false;
    last = { outer, ...inner };
    return Math.abs(outer - inner.content) <= 1 && !inner.scrolls;
  }, { message: 'the iframe fits its content without a scrollbar' }).toBe(true);
  return last.outer;
}

test('journey 1 inside an iframe on another site: height follows content, messages carry no answers, axe', async ({ page, baseURL }) => {
  test.slow();
  await page.clock.setFixedTime(new Date(SC001.now));
  await recordMessages(page);
  await page.goto(hostUrl(baseURL));

  const iframe = page.getByTitle(DEMO_TITLE);
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  await expect(iframe).toHaveAttribute('sandbox', /allow-scripts/);
  await expect(iframe).toHaveAttribute('referrerpolicy', 'no-referrer');
  const app = iframe.contentFrame();
  await expect(h1(app)).toHaveText(START_TITLE);
  // No site header or footer inside the widget (the host page has its own).
  await expect(app.getByRole('banner')).toHaveCount(0);
  await expect(app.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(1);

  const startHeight = await expectFitted(iframe);
  expect(startHeight, 'the start page is taller than the placeholder height').toBeGreaterThan(200);
  await expectAccessible(page, 'host page with the embedded start page');

  await app.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  expect(await currentQuestion(app)).toBe('product');
  const questionHeight = await expectFitted(iframe);
  expect(questionHeight, 'the iframe follows the content (grows or shrinks)').not.toBe(startHeight);

  // A message forged by the host page itself (wrong origin and source) changes nothing.
  await page.evaluate(() => window.postMessage({ type: 'support-navigator:height', height: 7 }, '*'));
  await expect.poll(() => messages(page).then((m) => m.filter((x) => x.data?.height === 7).length)).toBe(1);
  expect((await iframe.boundingBox()).height).toBe(questionHeight);

  await answerAll(app, SC001.answers);
  await seeResult(app);
  const resultHeight = await expectFitted(iframe);
  expect(resultHeight).toBeGreaterThan(questionHeight);
  await resultFacts(app);
  await expectContactBy(app, '2025-02-04T14:00:00-08:00', SC001.timezoneId);
  // The demo page gives holidays, so the "holidays unknown" notice is gone.
  await expect(app.getByText(EN.result.notice_holidays)).toHaveCount(0);
  await expectAccessible(page, 'host page with the embedded result page');

  // The presentation parameters survived every navigation inside the frame.
  const frameUrl = new URL((await frameOf(iframe)).url());
  expect(frameUrl.origin).toBe(baseURL);
  expect(frameUrl.searchParams.get('embed')).toBe('1');
  expect(frameUrl.searchParams.get('origin')).toBe(new URL(page.url()).origin);
  expect(frameUrl.searchParams.get('holidays')).toBe('2026-12-25,2026-12-26');
  expect(frameUrl.searchParams.get('p')).toBe('result');

  await expect.poll(() => messages(page).then((m) => m.map((x) => x.data?.type)))
    .toContain('support-navigator:result');
  const fromApp = (await messages(page)).filter((m) => m.data?.height !== 7);
  expect(fromApp.length).toBeGreaterThanOrEqual(5);
  for (const { origin, data } of fromApp) {
    expect(origin).toBe(baseURL);
    expect(MESSAGE_TYPES).toContain(data.type);
    // Exactly the documented fields, so no answer, URL or query can ride along.
    if (data.type === 'support-navigator:height') {
      expect(Object.keys(data).sort()).toEqual(['height', 'type']);
      expect(Number.isInteger(data.height)).toBe(true);
    } else {
      expect(Object.keys(data).sort()).toEqual(['journey', 'type']);
      expect(JOURNEY_SLUGS).toContain(data.journey);
    }
  }
  const types = fromApp.map((m) => m.data.type);
  expect(types.filter((t) => t === 'support-navigator:journey')).toHaveLength(1);
  expect(types.filter((t) => t === 'support-navigator:result')).toHaveLength(1);
  const events = fromApp.filter((m) => m.data.type !== 'support-navigator:height').map((m) => m.data.journey);
  expect(events).toEqual(['open-request', 'open-request']);
  const heights = fromApp.filter((m) => m.data.type === 'support-navigator:height').map((m) => m.data.height);
  expect(heights).toContain(startHeight);
  expect(heights).toContain(resultHeight);
  // And, belt and braces, no answer value or label appears anywhere in what the host received.
  const received = JSON.stringify(fromApp);
  for (const [question, value] of Object.entries(SC001.answers)) {
    if (String(value).length > 3) expect(received).not.toContain(String(value));
    if (EN.q[question].options) expect(received).not.toContain(optionLabel(question, value));
  }
  expect(received).not.toContain('product=');
});

test('storage denied in the iframe: the journey completes from memory and the URL, no notice', async ({ page, baseURL }) => {
  test.slow();
  await page.clock.setFixedTime(new Date(SC001.now));
  // In the frame only: localStorage throws, as in a browser that blocks third-party storage.
  // In an embed that is expected (a cross-site frame's storage is partitioned or blocked), so the
  // "answers cannot be kept" notice, which a docs visitor cannot act on, is never written: every
  // DOM change that would write it is counted. (Standalone, it is shown once:
  // storage-faults.spec.mjs.)
  await page.addInitScript((noticeText) => {
    if (window === window.top) return;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('Storage is blocked in this frame.', 'SecurityError'); },
    });
    window.__noticeWrites = 0;
    const isNotice = (node) => (node?.textContent || '').includes(noticeText);
    new MutationObserver((records) => {
      for (const r of records) {
        const target = r.type === 'characterData' ? r.target.parentElement : r.target;
        if (isNotice(target?.closest?.('p')) || [...r.addedNodes].some(isNotice)) window.__noticeWrites += 1;
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, EN.wizard.storage_unavailable);
  await page.goto(hostUrl(baseURL));

  const iframe = page.getByTitle(DEMO_TITLE);
  const app = iframe.contentFrame();
  await expect(h1(app)).toHaveText(START_TITLE);
  const frame = await frameOf(iframe);
  expect(await frame.evaluate(() => { try { return typeof window.localStorage; } catch (e) { return e.name; } }))
    .toBe('SecurityError');

  await app.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  await answerAll(app, SC001.answers);
  await seeResult(app);
  await resultFacts(app);
  await expectContactBy(app, '2025-02-04T14:00:00-08:00', SC001.timezoneId);
  await expect(app.getByText(EN.wizard.storage_unavailable, { exact: true })).toHaveCount(0);
  expect(await frame.evaluate(() => window.__noticeWrites), 'the notice was never written').toBe(0);
  await expectFitted(iframe);
});

test('presets from data-* attributes: journey, answer, theme, accent and language', async ({ page, baseURL }) => {
  await page.goto(hostUrl(baseURL, 'preset-en.html'));
  const iframe = page.getByTitle('Preset widget');
  const app = iframe.contentFrame();
  // The product was preset, so journey 1 starts with its second question.
  expect(await currentQuestion(app)).toBe('help_kind');
  // Read through locators, which wait for the frame's document and element (a Frame's evaluate
  // reads whatever document the frame holds at that instant, possibly none yet).
  await expect(app.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 22)');
  await expect(app.locator('button[type=submit], .button').first()).toHaveCSS('background-color', 'rgb(255, 204, 0)');
  await expectFitted(iframe);
  await expectAccessible(page, 'dark, accented widget');

  await page.goto(hostUrl(baseURL, 'preset-nl.html'));
  const nl = page.getByTitle('Preset widget').contentFrame();
  await expect(nl.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(h1(nl)).toHaveText(catalogue('nl').start.title);
});

test('the widget\'s pages replace their history entry: the host page\'s Back button leaves the host page', async ({ page, baseURL }) => {
  await page.goto(hostUrl(baseURL));
  const app = page.getByTitle(DEMO_TITLE).contentFrame();
  await expect(h1(app)).toHaveText(START_TITLE);
  const before = await page.evaluate(() => history.length);
  await app.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  expect(await currentQuestion(app)).toBe('product');
  await answer(app, 'product', SC001.answers.product);
  await pressContinue(app);
  expect(await currentQuestion(app)).toBe('help_kind');
  expect(await page.evaluate(() => history.length), 'no history entries added to the host page').toBe(before);
  // The widget's own Back link still goes back a page.
  await app.getByRole('link', { name: BACK, exact: true }).click();
  expect(await currentQuestion(app)).toBe('product');
  await expect(optionRadio(app, 'product', SC001.answers.product)).toBeChecked();
});

test('holidays reach the business-hours calendar', async ({ page }) => {
  await page.clock.setFixedTime(new Date(SC001.now));
  const result = journeyUrl('open-request', 'result', SC001.answers);
  await page.goto(result);
  await resultFacts(page);
  await expectContactBy(page, '2025-02-04T14:00:00-08:00', SC001.timezoneId);
  await expect(page.getByText(EN.result.notice_holidays)).toHaveCount(1);

  // The same request on a day the embedding site declares a holiday: answered the next day.
  await page.goto(`${result}&embed=1&holidays=2025-02-04`);
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await resultFacts(page);
  await expectContactBy(page, '2025-02-05T10:00:00-08:00', SC001.timezoneId);
  await expect(page.getByText(EN.result.notice_holidays)).toHaveCount(0);
});

test('the language clock skips the holidays the embedding page gives, as the answer does', async ({ page }) => {
  // Tuesday 2025-02-04 10:00 in Los Angeles: North America's support is open, unless it is a holiday.
  await page.clock.setFixedTime(new Date('2025-02-04T10:00:00-08:00'));
  const answers = { impact: 'moderate', region: 'north_america', time_zone: 'America/Los_Angeles', language: 'english' };
  const clock = page.getByRole('region', { name: EN.result.clock_title });

  await page.goto(journeyUrl('language-hours', 'result', answers));
  await expect(clock.getByRole('status')).toHaveText(EN.result.open_now);

  await page.goto(`${journeyUrl('language-hours', 'result', answers)}&embed=1&holidays=2025-02-04`);
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await expect(clock.getByRole('status')).not.toHaveText(EN.result.open_now);
  await expect(clock.getByRole('status')).toContainText(EN.result.opens_in.split('{')[0].trim());
  // The week's windows start on the next working day, not on the holiday.
  await expect(clock.getByRole('listitem').first()).toContainText('Wed 5 Feb');
  await expect(clock.getByRole('listitem').filter({ hasText: 'Tue 4 Feb' })).toHaveCount(0);
});

test('bad configuration: the page works, a console warning names each parameter, no error', async ({ page }) => {
  const warnings = [];
  // The app's own warnings (Chromium adds some of its own, e.g. about preload integrity).
  page.on('console', (msg) => {
    if (msg.type() === 'warning' && msg.text().startsWith('Support Navigator:')) warnings.push(msg.text());
  });

  await page.goto('/?embed=1&theme=purple&accent=zzz&holidays=2026-02-30');
  await expect(h1(page)).toHaveText(START_TITLE);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  expect(await currentQuestion(page)).toBe('product');
  for (const param of ['theme', 'accent', 'holidays']) {
    expect(warnings.filter((w) => w.includes(`ignored ${param}`)), `one warning about ${param}`).toHaveLength(1);
  }
  // Invalid values are not carried along; embed=1 is.
  expect(new URL(page.url()).search).not.toMatch(/theme|accent|holidays/);
  expect(new URL(page.url()).searchParams.get('embed')).toBe('1');

  // An accent too faint on the theme's background is not dropped: it is darkened to the nearest
  // colour that reaches 4.5:1, and the warning gives the ratio and the colour used.
  warnings.length = 0;
  await page.goto('/?embed=1&theme=light&accent=ffff00');
  await expect(h1(page)).toHaveText(START_TITLE);
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toMatch(/adjusted accent="ffff00".*contrast.*1\.07:1.*Using [0-9a-f]{6}/);
  const used = warnings[0].match(/Using ([0-9a-f]{6})/)[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(used.slice(i, i + 2), 16));
  expect(r).toBe(g); // the same hue as the yellow asked for: red and green move together
  expect(b).toBe(0);
  const link = page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true });
  await expect(link).toHaveCSS('color', `rgb(${r}, ${g}, ${b})`);
  const luminance = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * luminance(r) + 0.7152 * luminance(g) + 0.0722 * luminance(b);
  expect((1 + 0.05) / (l + 0.05), 'the adjusted accent reads on white').toBeGreaterThanOrEqual(4.5);

  // A good configuration is applied and kept while navigating, Back included.
  warnings.length = 0;
  await page.goto('/?embed=1&theme=contrast&accent=ffcc00');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await expect(link).toHaveCSS('color', 'rgb(255, 204, 0)');
  await expectAccessible(page, 'contrast theme with an accent');
  await link.click();
  expect(await currentQuestion(page)).toBe('product');
  expect(new URL(page.url()).search).toMatch(/embed=1&theme=contrast&accent=ffcc00$/);
  await page.goBack();
  await expect(h1(page)).toHaveText(START_TITLE);
  expect(new URL(page.url()).search).toBe('?embed=1&theme=contrast&accent=ffcc00');
  expect(warnings).toEqual([]);
});

test.describe('a hand-made iframe with the README\'s size, on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, timezoneId: SC001.timezoneId });

  test('shows the decision and the first step\'s link without scrolling inside the frame', async ({ page, baseURL }) => {
    await page.clock.setFixedTime(new Date(SC001.now));
    const src = new URL(`${journeyUrl('open-request', 'result', SC001.answers)}&embed=1`, baseURL).toString();
    // The snippet as the README gives it, pasted into a page of another origin.
    await page.setContent(`<!doctype html><html lang="en"><head><title>Docs page</title></head><body style="margin:0">
      <main><h1>Docs page</h1>
      <iframe title="Support Navigator" src="${src}" style="width: 100%; height: 90vh; min-height: 640px; border: 0"></iframe>
      </main></body></html>`);
    const iframe = page.getByTitle('Support Navigator');
    const app = iframe.contentFrame();
    await expect(app.locator('h1 .decision__text')).toBeVisible();
    const steps = app.getByRole('region', { name: EN.page.steps_title });
    const firstLink = steps.getByRole('link').first();
    await expect(firstLink).toBeVisible();
    const frame = await iframe.boundingBox();
    expect(frame.height, 'the iframe is at least 640 px tall').toBeGreaterThanOrEqual(640);
    // Nothing has scrolled inside the frame, and both lie within its visible height.
    expect(await app.locator('html').evaluate(() => window.scrollY)).toBe(0);
    for (const [what, locator] of [['the decision', app.locator('h1 .decision__text')], ['the first step link', firstLink]]) {
      const box = await locator.boundingBox();
      expect(box.y + box.height, `${what} is inside the frame's first screen`).toBeLessThanOrEqual(frame.y + frame.height);
    }
  });
});
