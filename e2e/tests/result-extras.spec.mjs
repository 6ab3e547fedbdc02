// The result page's extras: citations with the document section and the original text on demand,
// a link made with older rules, and the compare-plans reverse question and how to buy.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, expectAccessible } from './fixtures.mjs';
import { EN, h1, journeyUrl, RESULT_TITLE, SC001, optionLabel, resultComplete } from './wizard-helpers.mjs';

test.use({ locale: 'en-GB', timezoneId: 'America/Los_Angeles' });

test('a cited line can be read in the source language, on demand, and stays open as the clock ticks', async ({ page }) => {
  await page.clock.install({ time: new Date('2025-02-04T10:00:00-08:00') });
  await page.goto(journeyUrl('open-request', 'result', SC001.answers));
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  // A closed section opens to its numbered sources: each names the document and its section.
  const where = page.locator('details').filter({ has: page.locator('summary', { hasText: EN.section.where_title }) });
  await where.locator('summary').first().click();
  const firstSource = where.getByRole('listitem').filter({ has: page.locator('cite') }).first();
  await expect(firstSource).toBeVisible();
  await expect(firstSource.locator('cite')).toHaveText(/^Support for Microsoft Power Platform and Dynamics 365 apps — \S/);
  // A section says which of the visitor's answers led to it, in their words: the severity
  // follows from the business impact chosen, and the response time from that severity.
  const severity = page.locator('details').filter({ has: page.locator('summary', { hasText: EN.section.severity_title }) });
  await severity.locator('summary').first().click();
  await expect(severity.getByText(EN.page.because_intro)).toBeVisible();
  await expect(severity.getByRole('listitem').filter({
    hasText: `${EN.summary.impact}: ${optionLabel('impact', SC001.answers.impact)}`,
  })).toHaveCount(1);
  // The staff disclosure lists the rules that fired, with their citations.
  await page.getByText(EN.page.staff_title).click();
  // PORTAL-1 cites 000:57-60 first: its original text is those Dutch lines, fetched on demand.
  const entry = page.getByRole('listitem').filter({ hasText: 'PORTAL-1' }).first();
  await entry.getByText(EN.result.original_text, { exact: true }).first().click();
  const quote = entry.locator('blockquote[lang="nl"]').first();
  await expect(quote).toBeVisible();
  const seed = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'policy', 'seeds', '000_71765d8511679954.txt'), 'utf8').split('\n');
  const firstCited = seed.slice(56, 60).find((l) => l.trim() !== '').trim();
  await expect(quote).toContainText(firstCited);
  // Lines 59-60 are the head and first row of the page's table of where to file: shown as a
  // table (policy/seed_tables.toml), its merged cell spanning the four plan columns.
  const table = quote.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Product', 'Abonnement (inbegrepen)', 'Professional Direct', 'Premier-ondersteuning', 'Unified-ondersteuning',
  ]);
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Dynamics 365 en Power Platform', exact: true }) });
  await expect(row.getByRole('cell', { name: 'Power Platform Beheercentrum', exact: true })).toHaveAttribute('colspan', '4');
  await expectAccessible(page, 'result with an original text open');
  // The result page rebuilds its view at each 30-second tick of its clock; the opened text stays.
  await page.clock.fastForward(31_000);
  await page.clock.fastForward(31_000);
  await expect(quote).toBeVisible();
  await expect(quote).toContainText(firstCited);
});

test('a link made with other rules opens and says the rules have changed', async ({ page }) => {
  const url = `${journeyUrl('open-request', 'result', SC001.answers)}&v=1&r=00000000`;
  await page.goto(url);
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await expect(page.getByText(EN.wizard.rules_changed)).toBeVisible();
});

test('compare plans answers "which plans give me…" and says how to buy', async ({ page }) => {
  await page.goto(journeyUrl('compare-plans', 'result', { product: 'ce_app', plan: 'subscription', impact: 'moderate' }));
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await resultComplete(page, EN);
  // Both are closed sections under the answer for the visitor's own plan.
  await page.locator('summary').filter({ hasText: EN.result.matrix_caption }).click();
  await page.locator('summary').filter({ hasText: EN.result.finder_title }).click();
  // The matrix marks the cells that differ from the visitor's own plan (Subscription): Premier's
  // severity B answer (< 2 h, around the clock) differs; the Subscription row itself never does.
  const differs = page.getByRole('cell').filter({ hasText: EN.result.differs });
  expect(await differs.count()).toBeGreaterThan(0);
  const premierRow = page.getByRole('row').filter({ hasText: optionLabel('plan', 'premier') });
  await expect(premierRow.getByRole('cell').filter({ hasText: EN.result.differs }).first()).toBeVisible();
  const myRow = page.getByRole('row').filter({ hasText: EN.result.your_plan });
  await expect(myRow.getByRole('cell').filter({ hasText: EN.result.differs })).toHaveCount(0);
  // ProDirect's critical cell reads the same as the Subscription's (A within 1 hour, around the
  // clock, from another response table): not marked.
  const prodirectRow = page.getByRole('row').filter({ hasText: optionLabel('plan', 'prodirect') });
  await expect(prodirectRow.getByRole('cell').first()).toHaveText(await myRow.getByRole('cell').first().textContent());
  await expect(prodirectRow.getByRole('cell').first()).not.toContainText(EN.result.differs);
  await expect(page.getByRole('heading', { name: EN.result.finder_title })).toBeVisible();
  // Around-the-clock for severity B: Premier and the Unified tiers (their B/Standard cells are 24/7).
  await page.getByLabel(EN.result.wish_b_24x7).check();
  const answer = page.getByRole('status').filter({ hasText: EN.result.wish_plans });
  await expect(answer).toContainText(optionLabel('plan', 'premier'));
  await expect(answer).toContainText(optionLabel('plan', 'unified_core'));
  await expect(answer).not.toContainText(optionLabel('plan', 'prodirect'));
  // Japanese support at night: no plan gives it.
  await page.getByLabel(EN.result.wish_japanese_night).check();
  await expect(page.getByText(EN.result.wish_none)).toBeVisible();
  // How to buy: online via the Microsoft 365 admin center, EA via the reseller.
  await expect(page.getByRole('heading', { name: EN.result.buy_title })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: EN.slot.route.m365_admin }).first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: EN.slot.route.reseller_lar }).first()).toBeVisible();
  await expectAccessible(page, 'compare plans result');
});

test('on paper the result says when it was printed and links back; the staff rules stay off it', async ({ page }) => {
  await page.clock.setFixedTime(new Date(SC001.now));
  const url = journeyUrl('open-request', 'result', SC001.answers);
  await page.goto(url);
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  const [before] = EN.result.printed.split('{date}');
  const printed = page.getByText(before.trim(), { exact: false });
  await expect(printed).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('4 February 2025');
  // The link back is this answer's address as the app writes it.
  await expect(printed).toContainText(`${new URL(page.url()).origin}/?j=open-request&p=result&`);
  for (const [q, v] of Object.entries(SC001.answers)) {
    await expect(printed).toContainText(`${q}=${String(v)}`);
  }
  await expect(page.getByText(EN.page.staff_title)).toBeHidden();
  await expect(page.getByRole('button', { name: EN.result.copy, exact: true })).toBeHidden();
  // The ticket summary is printed in full, though it is folded on screen.
  const summary = page.getByRole('region', { name: EN.result.summary_title }).getByText(`${EN.summary.product}: ${optionLabel('product', SC001.answers.product)}`, { exact: false });
  await expect(summary).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(summary).toBeHidden();
});
