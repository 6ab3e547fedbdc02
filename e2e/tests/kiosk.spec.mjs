// Kiosk mode (?kiosk=1): the idle warning and the reset that erases a visit (storage, URL and
// history), the "Continue on your phone" QR code on the result page, and 48 px touch targets.
// Time is Playwright's clock: installed before the page loads, then jumped forward.
import { test, expect, expectAccessible, hasHorizontalOverflow } from './fixtures.mjs';
import {
  EN, START_TITLE, CHECK_TITLE, RESULT_TITLE, JOURNEY_TITLES, SC001, h1, answer, pressContinue, answerAll, seeResult,
  journeyUrl,
  currentQuestion, questionGroup, optionLabel, continueButton, backLink, resultComplete,
} from './wizard-helpers.mjs';

const K = EN.kiosk;
const KIOSK_PARAMS = ['kiosk', 'idle', 'base'];

const warning = (page) => page.getByRole('alertdialog', { name: K.idle_title, exact: true });
const countdown = (page) => warning(page).getByRole('timer');
const keepButton = (page) => warning(page).getByRole('button', { name: K.idle_continue, exact: true });
const startOverButton = (page) => warning(page).getByRole('button', { name: K.idle_start_over, exact: true });

/** The localStorage keys of ours (support-navigator.*). */
const ourKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('support-navigator.')));

/** The query parameter names of the page's URL, in order. */
const paramNames = (page) => [...new URL(page.url()).searchParams.keys()];

/**
 * Goes Back entry by entry until the page the kiosk was opened from (about:blank here): every
 * entry on the way must be the clean start page, with no answer in its URL.
 */
async function expectNothingBehind(page, baseURL, params) {
  let steps = 0;
  for (; steps < 8; steps += 1) {
    await page.goBack();
    if (!page.url().startsWith(baseURL)) break;
    await expect(h1(page)).toHaveText(START_TITLE);
    expect(paramNames(page), `entry ${steps + 1} back`).toEqual(params);
  }
  expect(page.url(), 'Back leads out of the app, past clean entries only').not.toContain(baseURL);
  expect(steps, 'the visit left at most two (clean) entries').toBeLessThanOrEqual(2);
  // Forward again: the start page, clean.
  await page.goForward();
  await expect(h1(page)).toHaveText(START_TITLE);
  expect(paramNames(page)).toEqual(params);
  expect(await ourKeys(page)).toEqual([]);
}

/** Seconds left in the warning's countdown, read from its visible text. */
async function secondsLeft(page) {
  const text = await countdown(page).textContent();
  const n = text.match(/\d+/);
  expect(n, `a number in the countdown "${text}"`).not.toBeNull();
  return Number(n[0]);
}

/** The start page, the first two questions of journey 1 answered: on the third question. */
async function answerTwoQuestions(page) {
  await expect(h1(page)).toHaveText(START_TITLE);
  await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  const asked = [];
  for (let i = 0; i < 2; i += 1) {
    const q = await currentQuestion(page);
    await answer(page, q, SC001.answers[q]);
    await pressContinue(page);
    asked.push(q);
  }
  const third = (await h1(page).textContent()).trim();
  return { asked, third };
}

test.describe('idle reset', () => {
  test('warns after the idle time, Continue and Escape keep the visit, the end of the countdown erases it', async ({ page, baseURL }) => {
    await page.clock.install();
    await page.goto('/?kiosk=1&idle=60');
    const { asked, third } = await answerTwoQuestions(page);

    // The kiosk parameters travel with every page; the answers are in the URL and the app kept
    // the journey in localStorage.
    const answeredUrl = page.url();
    expect(paramNames(page)).toEqual(expect.arrayContaining([...asked, 'kiosk', 'idle']));
    await expect.poll(() => ourKeys(page)).toContain('support-navigator.state');

    // 50 s without input: nothing yet. 61 s: the warning, focus on Continue, a countdown of
    // at least 20 s that really counts down.
    await page.clock.fastForward(50_000);
    await page.clock.runFor(1_000);
    await expect(warning(page)).toHaveCount(0);
    await page.clock.fastForward(10_000);
    await expect(warning(page)).toBeVisible();
    await expect(warning(page)).toHaveAttribute('aria-modal', 'true');
    await expect(keepButton(page)).toBeFocused();
    const first = await secondsLeft(page);
    expect(first).toBeGreaterThanOrEqual(20);
    await page.clock.runFor(5_000);
    await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(first - 5);

    // Focus stays in the dialog: Tab and Shift+Tab cycle between its two buttons.
    await page.keyboard.press('Tab');
    await expect(startOverButton(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(keepButton(page)).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(startOverButton(page)).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(keepButton(page)).toBeFocused();

    await expectAccessible(page, 'the kiosk idle warning');

    // Continue: the dialog closes, the visitor is where they were, with their answers.
    await keepButton(page).click();
    await expect(warning(page)).toHaveCount(0);
    await expect(h1(page)).toHaveText(third);
    expect(page.url()).toBe(answeredUrl);

    // Again, and Escape this time.
    await page.clock.fastForward(61_000);
    await expect(warning(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(warning(page)).toHaveCount(0);
    await expect(h1(page)).toHaveText(third);
    expect(page.url()).toBe(answeredUrl);

    // Again, and nobody answers: 61 s, then the 30 s countdown runs out.
    await page.clock.fastForward(61_000);
    await expect(warning(page)).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(warning(page)).toHaveCount(0);
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.getByRole('link', { name: EN.start.resume, exact: true })).toHaveCount(0);
    expect(await ourKeys(page)).toEqual([]);
    expect(paramNames(page)).toEqual(['kiosk', 'idle']);

    // Back shows nothing of the previous visit: the start page, no answer in the URL, all the
    // way back.
    await page.goBack();
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(h1(page)).not.toHaveText(third);
    expect(paramNames(page)).toEqual(['kiosk', 'idle']);
    await page.goForward();
    await expectNothingBehind(page, baseURL, ['kiosk', 'idle']);
  });

  test('"Start over now" ends the visit at once, and an unused kiosk never warns', async ({ page, baseURL }) => {
    await page.clock.install();
    await page.goto('/?kiosk=1&idle=30');
    // Nobody has touched the kiosk: an hour passes without a warning.
    await page.clock.fastForward(60 * 60_000);
    await page.clock.runFor(2_000);
    await expect(warning(page)).toHaveCount(0);

    await answerTwoQuestions(page);
    await page.clock.fastForward(31_000);
    await expect(warning(page)).toBeVisible();
    await startOverButton(page).click();
    await expect(h1(page)).toHaveText(START_TITLE);
    expect(paramNames(page)).toEqual(['kiosk', 'idle']);
    expect(await ourKeys(page)).toEqual([]);
    await expectNothingBehind(page, baseURL, ['kiosk', 'idle']);
  });

  test('a reload in the middle of a visit (a new build, say) does not keep the visit from being erased', async ({ page, baseURL }) => {
    await page.clock.install();
    await page.goto('/?kiosk=1&idle=30');
    const { third } = await answerTwoQuestions(page);
    // The visit's first entries were pushed by the page before the reload; the reset still
    // reaches them and leaves nothing behind.
    await page.reload();
    await expect(h1(page)).toHaveText(third);
    await page.clock.fastForward(31_000);
    await expect(warning(page)).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(h1(page)).toHaveText(START_TITLE);
    expect(paramNames(page)).toEqual(['kiosk', 'idle']);
    expect(await ourKeys(page)).toEqual([]);
    await expectNothingBehind(page, baseURL, ['kiosk', 'idle']);
  });

  test('a visit longer than the browser\'s history (over 60 pages) is erased all the same, storage included', async ({ page }) => {
    // Chromium keeps the last 50 entries of a tab: the reset's history.go cannot reach the
    // visit's first entry and lands on one of its journey pages. Nothing of that page may be
    // written back to storage after the reset erased it.
    test.slow();
    await page.clock.install();
    await page.goto('/?kiosk=1&idle=30');
    await expect(h1(page)).toHaveText(START_TITLE);
    await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
    const q = await currentQuestion(page);
    await answer(page, q, SC001.answers[q]);
    for (let i = 0; i < 31; i += 1) {
      await pressContinue(page);
      await backLink(page).click();
      await expect(h1(page)).toHaveText(EN.q[q].title);
    }
    // The premise: the visit is deeper than the history the browser still holds.
    const { depth, length } = await page.evaluate(() => ({ depth: history.state, length: history.length }));
    expect(depth).toBeGreaterThan(60);
    expect(length).toBeLessThan(depth);
    await expect.poll(() => ourKeys(page)).toContain('support-navigator.state');

    await page.clock.fastForward(31_000);
    await expect(warning(page)).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(h1(page)).toHaveText(START_TITLE);
    // The start page's title is set after the paint, after any save scheduled before it.
    await expect(page).toHaveTitle(EN.app_name);
    expect(await ourKeys(page)).toEqual([]);
    await page.reload();
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: EN.start.resume, exact: true })).toHaveCount(0);
    expect(await ourKeys(page)).toEqual([]);
  });

  test('a reset starts the next visit in a new page: the memory of the last visit is not carried over', async ({ page }) => {
    test.slow();
    // The wasm memory of the page (Trunk's loader hands the instance to this event).
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; }));
    const memory = () => page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null).catch(() => null);
    await page.clock.install({ time: new Date(SC001.now) });
    await page.goto(`${journeyUrl(SC001.journey, 'check', SC001.answers)}&kiosk=1&idle=30`);
    await expect(h1(page)).toHaveText(CHECK_TITLE);
    const fresh = await memory();
    // Wasm memory grows with every result page and is never given back.
    for (let i = 0; i < 30; i += 1) {
      await page.getByRole('link', { name: EN.wizard.see_result, exact: true }).click();
      await resultComplete(page, EN);
      await backLink(page).click();
      await expect(h1(page)).toHaveText(CHECK_TITLE);
    }
    const used = await memory();
    expect(used, 'the premise: this visit grew the memory').toBeGreaterThan(fresh);

    await page.clock.fastForward(31_000);
    await expect(warning(page)).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect.poll(memory, { message: 'the next visit runs in a new page' }).toBeLessThan(used);
    expect(paramNames(page)).toEqual(['kiosk', 'idle']);
    expect(await ourKeys(page)).toEqual([]);
  });

  test('the idle time follows a monotonic clock: wall-clock jumps (NTP) neither warn nor erase', async ({ page }) => {
    await page.clock.install();
    await page.goto('/?kiosk=1&idle=60');
    const { third } = await answerTwoQuestions(page);
    const answeredUrl = page.url();
    // The wall clock jumps an hour ahead, twice, a few seconds apart; the monotonic clock
    // (performance.now) moves on by those seconds only.
    for (const jump of [1, 2]) {
      await page.clock.setSystemTime(Date.now() + jump * 60 * 60_000);
      await page.clock.runFor(3_000);
      await expect(warning(page)).toHaveCount(0);
      await expect(h1(page)).toHaveText(third);
      expect(page.url()).toBe(answeredUrl);
    }
    // The idle time itself still counts: the warning opens after it, the visit ends after the
    // countdown.
    await page.clock.fastForward(61_000);
    await expect(warning(page)).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(h1(page)).toHaveText(START_TITLE);
  });

  test('a bad idle value falls back to 120 s with a warning naming it; embed mode wins over kiosk', async ({ page }) => {
    const warnings = [];
    page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
    await page.clock.install();
    await page.goto('/?kiosk=1&idle=5&base=ftp%3A//example.com/');
    await expect(h1(page)).toHaveText(START_TITLE);
    expect(warnings.some((w) => w.includes('ignored idle="5"'))).toBe(true);
    expect(warnings.some((w) => w.includes('ignored base="ftp://example.com/"'))).toBe(true);
    await answerTwoQuestions(page);
    await page.clock.fastForward(61_000);
    await page.clock.runFor(1_000);
    await expect(warning(page)).toHaveCount(0);
    await page.clock.fastForward(60_000);
    await expect(warning(page)).toBeVisible();

    warnings.length = 0;
    await page.goto('/?kiosk=1&embed=1');
    await expect(h1(page)).toHaveText(START_TITLE);
    expect(warnings.some((w) => w.includes('ignored kiosk=1') && w.includes('embed=1'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk'))).toBe(false);
  });
});

test.describe('continue on your phone', () => {
  test.use({ locale: 'en-GB', timezoneId: SC001.timezoneId });

  test('the result page shows a QR code of the base URL plus the route query, without kiosk parameters', async ({ page }) => {
    const base = 'https://support.example.org/navigator/';
    await page.clock.setFixedTime(new Date(SC001.now));
    await page.goto(`/?kiosk=1&idle=600&base=${encodeURIComponent(base)}`);
    await page.getByRole('link', { name: JOURNEY_TITLES[SC001.journey], exact: true }).click();
    await answerAll(page, SC001.answers);
    await seeResult(page);
    expect(paramNames(page)).toEqual(expect.arrayContaining(KIOSK_PARAMS));

    const share = page.getByRole('region', { name: K.share_title, exact: true });
    const qr = share.getByRole('img', { name: K.qr_label, exact: true });
    await expect(qr).toBeVisible();
    // Drawn as SVG nodes: a white ground and one path of dark modules.
    const drawing = await qr.evaluate((svg) => ({
      tag: svg.tagName.toLowerCase(), paths: svg.querySelectorAll('path').length, d: svg.querySelector('path')?.getAttribute('d') ?? '',
    }));
    expect(drawing.tag).toBe('svg');
    expect(drawing.paths).toBe(1);
    expect(drawing.d.length).toBeGreaterThan(500);

    // The link: the route's part of this page's query (in the app's own encoding) after the base.
    const routeQuery = new URL(page.url()).search.slice(1).split('&')
      .filter((pair) => !KIOSK_PARAMS.includes(pair.split('=')[0]));
    const link = `${base}?${routeQuery.join('&')}`;
    expect(link).toContain('j=open-request');
    expect(link).toContain('p=result');
    await expect(share.getByText(link, { exact: true })).toBeVisible();
    await expect(share).not.toContainText('kiosk=');
    await expect(share).not.toContainText('idle=');
    // No link leads out of the app.
    const external = await page.getByRole('link').evaluateAll((links) =>
      links.map((a) => a.href).filter((href) => new URL(href).origin !== location.origin));
    expect(external).toEqual([]);

    await expectAccessible(page, 'kiosk result page with the QR code');
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });

  test('the idle warning does not cover the QR code someone may be scanning', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.clock.install({ time: new Date(SC001.now) });
    await page.goto('/?kiosk=1&idle=30');
    await page.getByRole('link', { name: JOURNEY_TITLES[SC001.journey], exact: true }).click();
    await answerAll(page, SC001.answers);
    await seeResult(page);
    const qr = page.getByRole('region', { name: K.share_title, exact: true }).getByRole('img', { name: K.qr_label, exact: true });
    await qr.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.clock.fastForward(31_000);
    await expect(warning(page)).toBeVisible();
    const [code, dialog] = [await qr.boundingBox(), await warning(page).boundingBox()];
    const apart = dialog.y + dialog.height <= code.y || code.y + code.height <= dialog.y;
    expect(apart, `warning ${JSON.stringify(dialog)} and code ${JSON.stringify(code)} do not overlap`).toBe(true);
    // Nothing dims the code.
    const backdrop = await warning(page).evaluate((d) => getComputedStyle(d, '::backdrop').backgroundColor);
    expect(backdrop).toBe('rgba(0, 0, 0, 0)');
    await keepButton(page).click();
    await expect(warning(page)).toHaveCount(0);
  });

  test('without base, the link starts with the kiosk\'s own address; outside kiosk mode there is no QR code', async ({ page, baseURL }) => {
    await page.goto(`/?kiosk=1&j=open-request&p=result&${new URLSearchParams(SC001.answers).toString().replaceAll('%2F', '/')}`);
    await expect(h1(page)).toHaveText(RESULT_TITLE);
    const share = page.getByRole('region', { name: K.share_title, exact: true });
    await expect(share.getByRole('img', { name: K.qr_label, exact: true })).toBeVisible();
    await expect(share.getByText(`${baseURL}/?j=open-request&p=result&`)).toBeVisible();
    // The clipboard and the printer are shared with the next visitor: no Copy or Print on a kiosk.
    await expect(page.getByRole('button', { name: EN.result.copy, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: EN.result.print, exact: true })).toHaveCount(0);

    await page.goto(`/?j=open-request&p=result&${new URLSearchParams(SC001.answers).toString().replaceAll('%2F', '/')}`);
    await expect(h1(page)).toHaveText(RESULT_TITLE);
    await resultComplete(page, EN);
    await expect(page.getByRole('img', { name: K.qr_label })).toHaveCount(0);
    await expect(page.getByRole('button', { name: EN.result.copy, exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: K.share_title })).toHaveCount(0);
  });
});

test.describe('touch targets', () => {
  /** Width and height of every element the locator matches. */
  async function sizes(locator) {
    const n = await locator.count();
    expect(n, 'controls to measure').toBeGreaterThan(0);
    const boxes = [];
    for (let i = 0; i < n; i += 1) boxes.push(await locator.nth(i).boundingBox());
    return boxes;
  }
  async function expectTouchSized(locator, what) {
    for (const box of await sizes(locator)) {
      expect(box.height, `${what}: height`).toBeGreaterThanOrEqual(48);
      expect(box.width, `${what}: width`).toBeGreaterThanOrEqual(48);
    }
  }

  test('every link, button, radio and radio label is at least 48×48 px, with a larger font', async ({ page }) => {
    await page.goto('/');
    await expect(h1(page)).toHaveText(START_TITLE);
    const ordinaryFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

    await page.goto('/?kiosk=1');
    await expect(h1(page)).toHaveText(START_TITLE);
    const kioskFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(kioskFont).toBeGreaterThan(ordinaryFont);
    await expectTouchSized(page.getByRole('link'), 'start page links');

    await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
    const q = await currentQuestion(page);
    const group = questionGroup(page, q);
    await expectTouchSized(group.getByRole('radio'), 'radios');
    for (const option of Object.keys(EN.q[q].options)) {
      await expectTouchSized(group.getByText(optionLabel(q, option), { exact: true }), `radio label "${option}"`);
    }
    await expectTouchSized(continueButton(page), 'Continue');
    await expectTouchSized(backLink(page), 'Back');
    await expectTouchSized(page.getByRole('link'), 'question page links');
    await expectTouchSized(page.getByRole('button'), 'question page buttons');
    await expectAccessible(page, 'kiosk question page');
  });
});
