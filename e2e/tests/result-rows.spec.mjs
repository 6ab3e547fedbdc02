// Every kind of row the answer at the top of a result page can have (route, coverage, filer,
// severity, response, contact by, language now, next language window, reopen, offer state,
// agreement expiry) renders as the policy core decided it: its heading, and its value worded as
// the page words it, in order.
//
// The expectations come from the core itself, not from a copy: `support-navigator-cli
// page-cover` lists, for each result page of the accessibility cover, the rows of its
// `result_view` as ids (src/bin/cli.rs, `row_json`). The 60 scenarios are asserted natively
// through `result_view` (tests/scenarios.rs); this test checks that the page shows what the view
// says, for the fewest cover pages that together show every kind of row (and both kinds of
// response: a time, and "not stated").
import { test, expect } from './fixtures.mjs';
import { pageCover } from './a11y-helpers.mjs';
import {
  EN, RESULT_TITLE, ROW_HEADINGS, h1, resultFacts, slotLabel, durationText, instantText, dateText, intlTag,
  decisionText, shortInstantText,
} from './wizard-helpers.mjs';

const HEADINGS = ROW_HEADINGS;

/** A row's value as the page writes it in English. */
function rowText(row) {
  if (row.date) return dateText(row.date);
  if (row.at) {
    if (row.zone) return instantText(row.at, row.zone);
    // Without the customer's zone the page writes the instant in UTC, without a zone suffix.
    return new Intl.DateTimeFormat(intlTag('en'), {
      timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', weekday: 'short',
      hour: 'numeric', minute: '2-digit', timeZoneName: 'long',
    }).format(new Date(row.at));
  }
  if (row.minutes != null) return `${durationText(row.minutes)} (${slotLabel('clock', row.clock)})`;
  return slotLabel(row.slot, row.value);
}

/** How the decision says a row that is not among the key facts. */
function decisionWords(row) {
  if (row.kind === 'route') return EN.routes[row.value].action;
  if (row.at) return shortInstantText(row.at, row.zone);
  if (row.kind === 'coverage' && row.value === 'not_covered') return EN.page.decision_not_covered;
  return slotLabel(row.slot, row.value);
}

/** What a row shows of its kind: the response is a time, or "not stated". */
const shape = (row) => (row.kind === 'response' ? `response/${row.minutes != null ? 'time' : 'silent'}` : row.kind);

// The fewest cover result pages (greedy) that show every shape of row the cover shows.
const results = pageCover().pages.filter((p) => p.kind === 'result');
const wanted = new Set(results.flatMap((p) => p.rows.map(shape)));
const chosen = [];
for (const seen = new Set(); seen.size < wanted.size;) {
  const best = results
    .map((p) => ({ p, gain: p.rows.map(shape).filter((s) => !seen.has(s)).length }))
    .sort((a, b) => b.gain - a.gain)[0];
  if (!best || best.gain === 0) break;
  chosen.push(best.p);
  best.p.rows.forEach((r) => seen.add(shape(r)));
}

test('the cover shows every kind of answer row', () => {
  expect([...new Set([...wanted].map((s) => s.split('/')[0]))].sort()).toEqual(Object.keys(HEADINGS).sort());
  expect(wanted.has('response/time') && wanted.has('response/silent')).toBe(true);
});

test.use({ locale: 'en-GB', timezoneId: 'UTC', serviceWorkers: 'block' });

for (const [i, p] of chosen.entries()) {
  test(`answer rows render as the core decides: ${p.journey} result #${i} (${p.rows.map(shape).join(', ')})`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(p.now));
    await page.goto(`/${p.query}&lang=en`);
    await expect(h1(page)).toHaveText(RESULT_TITLE);
    const facts = await resultFacts(page);
    const factRows = p.rows.filter((r) => r.fact);
    expect(Object.keys(facts), `${p.query}: the key facts, in order`).toEqual(factRows.map((r) => HEADINGS[r.kind]));
    for (const row of factRows) {
      expect(facts[HEADINGS[row.kind]], `${p.query}: ${row.kind}`).toBe(rowText(row));
    }
    // The other rows the decision says, in its own words.
    const decision = await decisionText(page);
    for (const row of p.rows.filter((r) => !r.fact)) {
      expect(decision, `${p.query}: the decision says ${row.kind}`).toContain(decisionWords(row));
    }
  });
}
