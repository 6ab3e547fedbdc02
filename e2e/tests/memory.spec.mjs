// Memory: a visitor who goes back and forth between "Check your answers" and the result must not
// make the app's WebAssembly memory grow without bound. Each result view builds about 1,000 nodes
// (half of them reactive); leaving the page must give all of that back. (Found in "Hardening,
// round two", finding 6: every view left ~50 KB behind, about 600 dead subscriber entries.)
//
// WebAssembly memory only grows (in 64 KiB pages) and never shrinks, so its size is the peak of
// what the app ever had in use: a leak shows as steady growth, normal churn as a flat line.
import { test, expect } from './fixtures.mjs';
import { EN, h1, journeyUrl, RESULT_TITLE, CHECK_TITLE, SC001, backLink, resultComplete } from './wizard-helpers.mjs';

test.use({ locale: 'en-GB', timezoneId: 'America/Los_Angeles' });

/** The size of the app's wasm linear memory in bytes (Trunk's start event hands us the exports). */
const wasmMemory = (page) => page.evaluate(() => window.__wasmExports.memory.buffer.byteLength);

/** From "Check your answers" to the complete result, then back by the result's Back link. */
async function viewResult(page) {
  await page.getByRole('link', { name: EN.wizard.see_result, exact: true }).click();
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await resultComplete(page, EN);
  await backLink(page).click();
  await expect(h1(page)).toHaveText(CHECK_TITLE);
}

test('viewing a result 200 times keeps the wasm memory within 2x of 20 views', async ({ page }) => {
  // 200 views at up to ~0.5 s each on a loaded machine; every step waits for what it needs.
  test.setTimeout(360_000);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmExports = e.detail.wasm; });
  });
  await page.goto(journeyUrl('open-request', 'check', SC001.answers));
  await expect(h1(page)).toHaveText(CHECK_TITLE);
  for (let views = 0; views < 20; views += 1) await viewResult(page);
  const after20 = await wasmMemory(page);
  for (let views = 20; views < 200; views += 1) await viewResult(page);
  const after200 = await wasmMemory(page);
  console.log(`wasm memory: ${after20} B after 20 result views, ${after200} B after 200`);
  expect(after200, `memory after 200 result views (after 20: ${after20} B)`).toBeLessThanOrEqual(2 * after20);
});
