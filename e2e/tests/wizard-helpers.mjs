// Helpers for the wizard tests. Everything is driven by roles, labels and visible text, taken from
// the English texts (locales/en.json and policy/text/en.toml), so a test reads like what a visitor sees:
// "click the option labelled …, press Continue".
import { expect, expectAccessible } from './fixtures.mjs';
import { catalogue } from './catalogue.mjs';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The English texts: q.<question>.title/options, summary.<question>, slot.*, result.*, wizard.*. */
export const EN = catalogue('en');

export const START_TITLE = EN.start.title;
export const CHECK_TITLE = EN.wizard.check_title;
/**
 * A result page's h1 in `T`'s language: the caption "Your answer", then the decision as a
 * sentence ("File a request in …"), which varies by answer.
 */
export const resultHeading = (T) => new RegExp(`^${T.result.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\S`);
export const RESULT_TITLE = resultHeading(EN);
export const BACK = '‹ Back';

/** Journey slug → start-page link text. */
export const JOURNEY_TITLES = Object.fromEntries(
  ['open-request', 'coverage', 'compare-plans', 'language-hours', 'on-premises', 'reopen', 'billing']
    .map((slug) => [slug, EN.journeys[slug.replace('-', '_')].title]),
);

const QUESTION_BY_TITLE = new Map(Object.entries(EN.q).map(([id, q]) => [q.title, id]));

/** The visible label of a choice option (throws on an unknown id, so typos fail loudly). */
export function optionLabel(question, option) {
  const label = EN.q[question]?.options?.[option];
  if (!label) throw new Error(`no English label for ${question}=${option}`);
  return label;
}

/** How the time-zone select labels a zone: its IANA name with spaces for underscores. */
export const zoneId = (zone) => zone.replaceAll('_', ' ');

/**
 * How the time-zone picker and the answer lists label a zone in `lang`: its IANA id with spaces,
 * then the zone's generic name in that language, e.g. "America/Los Angeles (Pacific Time)".
 */
export function zoneLabel(zone, lang = 'en') {
  const name = new Intl.DateTimeFormat(intlTag(lang), { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value;
  return name && !name.startsWith('GMT') ? `${zoneId(zone)} (${name})` : zoneId(zone);
}

/** The heading of each kind of row of a result page's answer (locales/en.json, `result`). */
export const ROW_HEADINGS = {
  route: EN.result.go_to,
  reopen: EN.result.reopen_label,
  offer_state: EN.result.offer_label,
  coverage: EN.result.coverage_label,
  filer: EN.result.filer_label,
  severity: EN.result.severity_label,
  response: EN.result.response_label,
  contact_by: EN.result.contact_by,
  language_now: EN.result.language_label,
  language_opens: EN.result.language_opens,
  agreement_expires: EN.result.agreement_expires,
};

/** The label of an outcome slot value, e.g. slotLabel('route', 'ppac'). */
export function slotLabel(slot, value) {
  const label = EN.slot[slot]?.[value];
  if (!label) throw new Error(`no English label for slot ${slot}=${value}`);
  return label;
}

/** "within 4 hours", "within 1 hour", "within 30 minutes", as the result page words a target. */
export function durationText(minutes) {
  if (minutes % 60 !== 0) return EN.result.minutes.replace('{n}', String(minutes));
  if (minutes === 60) return EN.result.one_hour;
  return EN.result.hours.replace('{n}', String(minutes / 60));
}

/** The Intl locale the app formats dates with: our English is international (British) English. */
export const intlTag = (lang) => (lang === 'en' || lang === 'en-XA' ? 'en-GB' : lang);

/** A yyyy-mm-dd date as the app writes it in `lang`, e.g. "9 February 2025". */
export function dateText(isoDate, lang = 'en') {
  return new Intl.DateTimeFormat(intlTag(lang), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(`${isoDate}T12:00:00Z`));
}

/**
 * An instant as the result page writes it in English, in the customer's zone: the browser's Intl
 * formatting the app asks for, then the zone id, e.g. "Tue, 4 February 2025, 2:00 PM Pacific
 * Standard Time (America/Los Angeles)". `instant` is RFC 3339 in any offset (the scenarios write
 * some in another zone's offset); it is converted to `zone` here.
 */
export function instantText(instant, zone, lang = 'en') {
  const text = new Intl.DateTimeFormat(intlTag(lang), {
    timeZone: zone, day: 'numeric', month: 'long', year: 'numeric', weekday: 'short',
    hour: 'numeric', minute: '2-digit', timeZoneName: 'long',
  }).format(new Date(instant));
  return `${text} (${zoneId(zone)})`;
}

export const h1 = (page) => page.getByRole('heading', { level: 1 });
export const backLink = (page) => page.getByRole('link', { name: BACK, exact: true });
export const continueButton = (page) => page.getByRole('button', { name: EN.wizard.continue_button, exact: true });

/** The question id of the page on screen (by its h1), or null on any other page. */
export async function currentQuestion(page) {
  await expect(h1(page)).toBeVisible();
  const title = (await h1(page).textContent()).trim();
  return QUESTION_BY_TITLE.get(title) ?? null;
}

/** The radio group of a choice question: the fieldset whose legend is the question. */
export const questionGroup = (page, question) =>
  page.getByRole('group', { name: EN.q[question].title, exact: true });

/** The radio of one option, by its label. */
export const optionRadio = (page, question, option) =>
  questionGroup(page, question).getByRole('radio', { name: optionLabel(question, option), exact: true });

/** Answers the question on screen: clicks the option's label, or fills/selects the labelled field. */
export async function answer(page, question, value) {
  const q = EN.q[question];
  if (q.options) {
    await questionGroup(page, question).getByText(optionLabel(question, value), { exact: true }).click();
    await expect(optionRadio(page, question, value)).toBeChecked();
  } else if (question === 'time_zone') {
    await page.getByLabel(q.title, { exact: true }).selectOption({ label: zoneLabel(value) });
  } else {
    // dates (type=date, yyyy-mm-dd) and counts
    await page.getByLabel(q.title, { exact: true }).fill(String(value));
  }
}

/** Presses Continue and waits until another page is shown. */
export async function pressContinue(page) {
  const before = (await h1(page).textContent()).trim();
  await continueButton(page).click();
  await expect(h1(page)).not.toHaveText(before);
}

/**
 * The region each time zone proposes (policy/facts/zone_regions.toml: `region = [zones]` lists;
 * `none` lists the zones that propose nothing).
 */
export const ZONE_REGIONS = (() => {
  const text = fs.readFileSync(path.join(ROOT, 'policy', 'facts', 'zone_regions.toml'), 'utf8')
    .replace(/#.*$/gm, '');
  const out = {};
  for (const [, region, list] of text.matchAll(/^([a-z_]+)\s*=\s*\[([^\]]*)\]/gms)) {
    if (region === 'none') continue;
    for (const [, zone] of list.matchAll(/"([^"]+)"/g)) out[zone] = region;
  }
  return out;
})();

/**
 * The kind of help that offers each situation (`issue` option): the `[question.offers]` lists of
 * `help_kind` in policy/vocabulary.toml. The app asks the kind first, then the situation.
 */
export const HELP_KIND_OF = (() => {
  const text = fs.readFileSync(path.join(ROOT, 'policy', 'vocabulary.toml'), 'utf8').replace(/#.*$/gm, '');
  const offers = text.slice(text.indexOf('[question.offers]'), text.indexOf('[[question]]', text.indexOf('[question.offers]')));
  const out = {};
  for (const [, kind, list] of offers.matchAll(/^([a-z_]+)\s*=\s*\[([^\]]*)\]/gm)) {
    for (const [, issue] of list.matchAll(/"([^"]+)"/g)) out[issue] = kind;
  }
  return out;
})();

/** `answers` with the kind of help a visitor picks first for their situation, where it is asked. */
export function withHelpKind(answers) {
  if (!('issue' in answers) || 'help_kind' in answers) return answers;
  return { help_kind: HELP_KIND_OF[answers.issue], ...answers };
}

/**
 * The answers the app fills in instead of asking (src/state/proposals.rs): the region the time
 * zone settles, and English as the support language for a visitor reading English (`lang`).
 */
export function proposals(answers, lang = 'en') {
  const out = {};
  if ('region' in answers && ZONE_REGIONS[answers.time_zone]) out.region = ZONE_REGIONS[answers.time_zone];
  if ('language' in answers && (lang === 'en' || lang === 'en-XA')) out.language = 'english';
  return out;
}

/**
 * The questions a journey shows for these answers: all of them but those the app proposed
 * rightly. A proposal the answers differ from is changed from "Check your answers", so it is
 * shown then.
 */
export function shownFor(answers) {
  answers = withHelpKind(answers);
  const proposed = proposals(answers);
  return Object.keys(answers).filter((q) => proposed[q] !== answers[q]).sort();
}

/**
 * Answers every question the journey asks, in the order it asks them, until "Check your answers".
 * The page decides the order: each question is identified by its h1. A proposed answer (region,
 * language) that differs from `answers` is then changed with its Change link, as a visitor
 * would. Returns the question ids in the order they were shown. With `axe`, every question page
 * is checked before it is answered.
 */
export async function answerAll(page, answers, { axe = false } = {}) {
  answers = withHelpKind(answers);
  const asked = [];
  for (let i = 0; i < 40; i += 1) {
    const q = await currentQuestion(page);
    if (q === null) {
      await expect(h1(page)).toHaveText(CHECK_TITLE);
      const proposed = proposals(answers);
      const change = Object.keys(proposed).find((p) => !asked.includes(p) && proposed[p] !== answers[p]
        && page.url().includes(`${p}=${proposed[p]}`));
      if (!change) return asked;
      await page.getByRole('link', { name: `${EN.wizard.change} ${EN.summary[change]}`, exact: true }).click();
      await expect(h1(page)).not.toHaveText(CHECK_TITLE);
      continue;
    }
    expect(Object.keys(answers), `the test has an answer for the question asked: ${q}`).toContain(q);
    if (axe) await expectAccessible(page, `question page "${q}"`);
    await answer(page, q, answers[q]);
    await pressContinue(page);
    asked.push(q);
  }
  throw new Error('the journey never reached "Check your answers"');
}

/** From "Check your answers" to the result page, complete. */
export async function seeResult(page) {
  await expect(h1(page)).toHaveText(CHECK_TITLE);
  await page.getByRole('link', { name: EN.wizard.see_result, exact: true }).click();
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await resultComplete(page, EN);
}

/**
 * Waits until the result page is built to the end. The decision, steps and key facts are shown
 * first; the closed sections and then the list of rules for support staff follow in the next
 * frames (src/ui/wizard/result_page.rs), so a check of the whole page (axe) waits for that list,
 * which is built last (hidden, as its disclosure is closed). `page` may be a frame; `T` the
 * texts of the page's language.
 */
export async function resultComplete(page, T) {
  await expect(page.getByRole('link', { name: T.result.start_again, exact: true })).toBeVisible();
  await expect(page.getByRole('group').filter({ hasText: T.page.staff_title })
    .getByRole('listitem', { includeHidden: true }).first()).toBeAttached();
}

/**
 * The result's key facts as { term: definition }; {} when the decision says everything (the
 * page then has no key facts).
 */
export async function resultFacts(page, T = EN) {
  await expect(h1(page)).toHaveText(resultHeading(T));
  await resultComplete(page, T);
  if (await page.locator('.answer').count() === 0) return {};
  await expect(page.getByRole('term').first()).toBeVisible();
  const terms = await page.getByRole('term').allTextContents();
  const defs = await page.getByRole('definition').allTextContents();
  expect(defs.length, 'one definition per term').toBe(terms.length);
  return Object.fromEntries(terms.map((t, i) => [t.trim(), defs[i].trim()]));
}

/** The decision: the h1's text after its caption ("Your answer"). */
export async function decisionText(page) {
  return (await page.locator('h1 .decision__text').textContent()).trim();
}

/**
 * A run of support windows as the language clock lists it: days with the same hours on one line,
 * "Tue 4 Feb – Fri 7 Feb, 06:00 – 18:00"; a day on its own, "Wed 5 Feb, 06:00 – 18:00".
 * `start` and `end` are the first window's, `lastStart` the last window's opening.
 */
export function windowText(start, end, zone, lang = 'en', lastStart = start) {
  const opts = { timeZone: zone ?? 'UTC' };
  const day = (at) => new Intl.DateTimeFormat(intlTag(lang), { ...opts, weekday: 'short', day: 'numeric', month: 'short' })
    .format(new Date(at));
  const time = (at) => new Intl.DateTimeFormat(intlTag(lang), { ...opts, hour: '2-digit', minute: '2-digit' })
    .format(new Date(at));
  const days = lastStart === start ? day(start) : `${day(start)} – ${day(lastStart)}`;
  return `${days}, ${time(start)} – ${time(end)}`;
}

/** An instant as the decision writes it: weekday, day, short month and time ("Wed 5 Feb, 01:00"). */
export function shortInstantText(at, zone, lang = 'en') {
  return new Intl.DateTimeFormat(intlTag(lang), {
    timeZone: zone ?? 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  }).format(new Date(at));
}

/**
 * Checks that a result page shows each expected row (heading → the value the key facts write):
 * among the key facts, or said by the decision above them (which words the route as an action,
 * "File a request in …", and the severity as "Choose …", so it is compared without case).
 */
export async function expectResultShows(page, expected, T = EN) {
  const facts = await resultFacts(page, T);
  const decision = (await decisionText(page)).toLowerCase();
  for (const [term, value] of Object.entries(expected)) {
    // "Not covered" the decision says as a sentence of its own.
    const said = value === T.slot.coverage.not_covered ? T.page.decision_not_covered : value;
    if (facts[term] !== undefined) expect(facts[term], `result row "${term}"`).toBe(value);
    else expect(decision, `the decision says "${term}"`).toContain(said.toLowerCase());
  }
}

/** Checks that the decision says when to expect contact: `at` in `zone`, as it writes times. */
export async function expectContactBy(page, at, zone, lang = 'en') {
  await expect(page.locator('h1 .decision__text')).toContainText(shortInstantText(at, zone, lang));
}

/** The rows of "Check your answers" as { summary label: answer }. */
export async function checkRows(page) {
  await expect(h1(page)).toHaveText(CHECK_TITLE);
  await expect(page.getByRole('term').first()).toBeVisible();
  const terms = await page.getByRole('term').allTextContents();
  // The answer without the note of where a proposed one came from ("From your time zone").
  const defs = await page.getByRole('definition').evaluateAll((dds) => dds.map((dd) => {
    const copy = dd.cloneNode(true);
    copy.querySelectorAll('.summary-list__from').forEach((n) => n.remove());
    return copy.textContent;
  }));
  // Each row is a term, the answer, and a second definition holding the Change link.
  expect(defs.length, 'two definitions (answer, Change) per row').toBe(terms.length * 2);
  return Object.fromEntries(terms.map((t, i) => [t.trim(), defs[2 * i].trim()]));
}

/** The notes "Check your answers" shows beside answers the app proposed: { term: note }. */
export async function proposalNotes(page) {
  await expect(h1(page)).toHaveText(CHECK_TITLE);
  const rows = page.locator('.summary-list__row');
  const out = {};
  for (const row of await rows.all()) {
    const note = row.locator('.summary-list__from');
    if (await note.count()) out[(await row.getByRole('term').textContent()).trim()] = (await note.textContent()).trim();
  }
  return out;
}

/** The URL query of a journey page with these answers (what the app itself writes). */
export function journeyUrl(journey, page, answers) {
  const params = new URLSearchParams({ j: journey });
  if (page) params.set('p', page);
  for (const [k, v] of Object.entries(answers)) params.set(k, String(v));
  return `./?${params.toString().replaceAll('%2F', '/')}`;
}

/** SC-001: the baseline answers of journey 1 (tests/scenarios.toml). */
export const SC001 = {
  journey: 'open-request',
  now: '2025-02-04T10:00:00-08:00',
  timezoneId: 'America/Los_Angeles',
  answers: {
    product: 'ce_app', help_kind: 'problem', issue: 'break_fix', preview: 'ga', plan: 'subscription',
    role: 'admin', impact: 'moderate', b_clock: 'business_hours', region: 'north_america',
    time_zone: 'America/Los_Angeles', language: 'english',
  },
};
