// Hostile URLs: markup, script URLs, 100 KB values, broken percent-encoding and repeated
// parameters in every URL parameter the app reads (and in unknown ones). After each load: no
// dialog opened, no element the payload could have smuggled in (an <img>, an event-handler
// attribute, a javascript: link, a <script> beyond the app's own), the start page or a journey
// page with its notice, and no uncaught exception or console error (the fixture).
//
// Table-driven: one test per payload, one navigation per group of parameters.
import { test, expect } from './fixtures.mjs';
import { EN, START_TITLE, CHECK_TITLE, RESULT_TITLE, SC001, h1 } from './wizard-helpers.mjs';

// Long URLs are routed through page.route (below); the service worker would bypass it.
test.use({ locale: 'en-GB', timezoneId: SC001.timezoneId, serviceWorkers: 'block' });

const QUESTION_IDS = Object.keys(EN.q);
const QUESTION_TITLES = Object.values(EN.q).map((q) => q.title);
const JOURNEY_PAGE_TITLES = [...QUESTION_TITLES, CHECK_TITLE];
/** The questions the brief names, used when a value is too long to repeat in every parameter. */
const SOME_QUESTIONS = ['product', 'time_zone', 'activation_date', 'incidents_left'];
const LONG = 100 * 1024;

// `q`: the value as written into the query (already percent-encoded, or deliberately not).
const enc = encodeURIComponent;
const PAYLOADS = [
  { name: 'an <img onerror>', q: enc('<img src=x onerror=alert(1)>') },
  { name: 'a quote-breaking <svg onload>', q: enc('"><svg onload=alert(1)>') },
  { name: 'a <script> element', q: enc("</p><script>alert('x')</script>") },
  { name: 'a javascript: URL', q: enc('javascript:alert(1)') },
  { name: 'markup left unencoded', q: '<img src=x onerror=alert(1)>' },
  { name: 'a 100 KB value of markup', q: enc('<img src=x onerror=alert(1)>'.repeat(LONG / 28)), long: true },
  { name: 'truncated UTF-8 (%E0%A4%A)', q: '%E0%A4%A' },
  { name: 'a NUL byte and broken escapes', q: '%00%%zz%' },
];

const routeNotices = [EN.wizard.bad_answer, EN.wizard.newer_link, EN.wizard.rules_changed, EN.start.route_notice_language];
const SC001_QUERY = Object.entries(SC001.answers).map(([k, v]) => `${k}=${enc(v)}`).join('&');

// Each group: the query for a payload `p`, and what the page must show. `start`: the start page
// saying the link's journey is unknown; `journey`: a journey page, with a notice when the link
// had answers or pages it did not understand (`notices` lists the acceptable ones).
const GROUPS = [
  {
    name: 'j, p, lang, v, r and unknown parameters',
    query: (p) => `j=${p}&p=${p}&lang=${p}&v=${p}&r=${p}&${p}=${p}&utm_source=${p}`,
    start: true,
  },
  {
    name: 'every question id, p, v and r on journey 1',
    query: (p, long) => `j=open-request&p=${p}&${(long ? SOME_QUESTIONS : QUESTION_IDS).map((id) => `${id}=${p}`).join('&')}&v=${p}&r=${p}`,
    notices: routeNotices,
  },
  {
    name: 'embed, theme, accent, holidays, origin',
    query: (p) => `j=open-request&embed=${p}&theme=${p}&accent=${p}&holidays=${p}&origin=${p}`,
    title: EN.q.product.title,
  },
  {
    name: 'theme, accent, holidays, origin in embed mode',
    query: (p) => `j=open-request&embed=1&theme=${p}&accent=${p}&holidays=${p}&origin=${p}`,
    title: EN.q.product.title,
  },
  {
    name: 'kiosk, idle, base',
    query: (p) => `j=open-request&kiosk=${p}&idle=${p}&base=${p}`,
    title: EN.q.product.title,
  },
  {
    // The result page draws the shared link (from `base`) as a QR code and as text.
    name: 'idle and base on a kiosk result page',
    query: (p) => `j=open-request&p=result&${SC001_QUERY}&kiosk=1&idle=${p}&base=${p}`,
    title: RESULT_TITLE,
  },
  {
    name: 'repeated parameters, the valid one first',
    query: (p) => `j=open-request&j=${p}&lang=en&lang=${p}&product=ce_app&product=${p}&p=product&p=${p}`,
    notices: routeNotices,
  },
  {
    name: 'repeated parameters, the valid one last',
    query: (p) => `j=${p}&j=open-request&lang=${p}&lang=en&product=${p}&product=ce_app&p=${p}&p=product`,
    notices: routeNotices,
  },
];

/** What a payload could have added to the document, and the scripts it holds. */
function scan() {
  const all = [...document.querySelectorAll('*')];
  const handlers = all.flatMap((el) => [...el.attributes]
    .filter((a) => a.name.toLowerCase().startsWith('on'))
    .map((a) => `<${el.localName} ${a.name}>`));
  const scriptUrls = all.flatMap((el) => [...el.attributes]
    .filter((a) => /^\s*javascript:/i.test(a.value) && ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name))
    .map((a) => `<${el.localName} ${a.name}=${a.value.slice(0, 40)}>`));
  return {
    scripts: [...document.scripts].map((s) => s.src || `inline: ${s.textContent.slice(0, 40)}`),
    images: document.images.length,
    handlers,
    scriptUrls,
  };
}

/**
 * Opens the clean page first (the app's own scripts, and nothing else a payload could add) and
 * returns its scan. A long payload's addresses are routed so that the static server accepts them.
 */
async function openClean(page, payload) {
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  if (payload.long) {
    // Python's static server refuses request lines and headers over 64 KB, so the document is
    // fetched without the query and every request without a Referer; the page still sees
    // (and the app still reads) the long address.
    await page.route('**/*', async (route) => {
      const request = route.request();
      const headers = { ...request.headers() };
      delete headers.referer;
      const url = new URL(request.url());
      if (request.isNavigationRequest()) url.search = '';
      await route.continue({ url: url.href, headers });
    });
  }
  await page.goto('/');
  await expect(h1(page)).toHaveText(START_TITLE);
  const clean = await page.evaluate(scan);
  expect(clean.handlers, 'the clean page has no event-handler attributes').toEqual([]);
  return { clean, dialogs };
}

/** Loads one group's query with the payload and checks the page. */
async function checkGroup(page, group, payload, clean) {
  const query = group.query(payload.q, payload.long);
  await page.goto(`/?${query}`);
  expect(new URL(page.url()).search.length, 'the page got the whole payload').toBeGreaterThan(payload.long ? LONG : 0);

  if (group.start) {
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.getByRole('status').filter({ hasText: EN.start.route_notice_journey })).toHaveCount(1);
  } else if (group.title) {
    await expect(h1(page)).toHaveText(group.title);
  } else {
    // A question, the check page, or a result (whose h1 starts "Your answer", then the decision).
    await expect(h1(page)).toHaveText(new RegExp(`^(${JOURNEY_PAGE_TITLES.map(escapeRegExp).join('|')})$|${RESULT_TITLE.source}`));
  }
  if (group.notices) {
    const shown = page.getByRole('status').filter({ hasText: new RegExp(group.notices.map(escapeRegExp).join('|')) });
    await expect(shown.first()).toBeVisible();
  }

  const after = await page.evaluate(scan);
  expect(after.scripts, 'only the app\'s own scripts').toEqual(clean.scripts);
  expect(after.images, 'no <img> elements').toBe(clean.images);
  expect(after.handlers, 'no event-handler attributes').toEqual([]);
  expect(after.scriptUrls, 'no javascript: URLs').toEqual([]);
  // The payload's text is never written into the page as a notice or heading either.
  await expect(page.getByText('alert(1)')).toHaveCount(0);
}

/**
 * Inside an iframe the app talks to its host (postMessage to `origin`), so the embed parameters
 * get one more load where that code runs. The host page is the clean start page with its content
 * swapped for the iframe (test code, not the app).
 */
async function checkInFrame(page, payload, clean) {
  const p = payload.q;
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.title = 'embedded';
    frame.src = src;
    document.body.replaceChildren(frame);
  }, `/?j=open-request&embed=1&origin=${p}&theme=${p}&accent=${p}&holidays=${p}`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(EN.q.product.title);
  const inner = await frame.locator('html').evaluate(scan);
  expect(inner.scripts, 'only the app\'s own scripts').toEqual(clean.scripts);
  expect(inner.images, 'no <img> elements').toBe(clean.images);
  expect(inner.handlers, 'no event-handler attributes').toEqual([]);
  expect(inner.scriptUrls, 'no javascript: URLs').toEqual([]);
}

for (const payload of PAYLOADS) {
  if (!payload.long) {
    test(`${payload.name} in every parameter is inert`, async ({ page }) => {
      const { clean, dialogs } = await openClean(page, payload);
      for (const group of GROUPS) {
        await test.step(group.name, () => checkGroup(page, group, payload, clean));
      }
      await test.step('embed parameters inside an iframe', () => checkInFrame(page, payload, clean));
      expect(dialogs, 'no dialog opened').toEqual([]);
    });
    continue;
  }
  // A long value costs each load seconds on a busy machine (up to 400 KB of address), so each
  // group is its own test, with its own time limit, instead of nine loads sharing one.
  test.describe(`${payload.name} is inert`, () => {
    for (const group of GROUPS) {
      test(`in ${group.name}`, async ({ page }) => {
        const { clean, dialogs } = await openClean(page, payload);
        await checkGroup(page, group, payload, clean);
        expect(dialogs, 'no dialog opened').toEqual([]);
      });
    }
    test('in the embed parameters inside an iframe', async ({ page }) => {
      const { clean, dialogs } = await openClean(page, payload);
      await checkInFrame(page, payload, clean);
      expect(dialogs, 'no dialog opened').toEqual([]);
    });
  });
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a page path of //evil.example/ (a host that answers every path with the app): every link stays on this origin', async ({ page, baseURL }) => {
  // Python's static server answers no such path, so every request under it is fetched from the
  // root instead; the page still has the address with the path.
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('//evil.example/')) url.pathname = url.pathname.slice('//evil.example'.length);
    await route.continue({ url: url.href });
  });
  const foreignLinks = () => page.getByRole('link').evaluateAll((links) =>
    links.map((a) => a.href).filter((href) => new URL(href).origin !== location.origin));

  await page.goto(`${baseURL}//evil.example/?lang=en`);
  expect(new URL(page.url()).pathname).toBe('//evil.example/');
  await expect(h1(page)).toHaveText(START_TITLE);
  expect(await foreignLinks(), 'links of the start page').toEqual([]);
  await page.getByRole('link', { name: EN.journeys.open_request.title, exact: true }).click();
  await expect(h1(page)).toHaveText(EN.q.product.title);
  expect(new URL(page.url()).origin, 'the page stayed on this origin').toBe(baseURL);
  expect(await foreignLinks(), 'links of a question page').toEqual([]);
});
