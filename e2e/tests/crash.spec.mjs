// If the app ever panics, the visitor sees a translated error page with a restart link that keeps
// the deep link, not a frozen page. The panic is triggered through the export of the build with
// the `test-hooks` feature (target/dist-test-hooks, on the next port); the build that is served
// has no such export, which the last test checks.
// (This spec uses Playwright's own `test`: the shared fixture fails on console errors, and the
// panic message in the console is exactly what this test expects.)
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { catalogue } from './catalogue.mjs';
import { WCAG_TAGS } from './fixtures.mjs';

const PORT = Number(process.env.E2E_PORT || 8093);

test.describe('with the test hook', () => {
  test.use({ baseURL: `http://127.0.0.1:${PORT + 1}` });

for (const lang of ['en', 'nl']) {
  test(`a panic shows the error page in ${lang}, and Restart returns to the same page with its answers`, async ({ page }) => {
    const T = catalogue(lang);
    const errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    const deepLink = `/?j=open-request&product=ce_app&lang=${lang}`;
    await page.goto(deepLink);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.q.help_kind.title);

    // The export panics and the release build aborts: the call itself rejects.
    await page.evaluate(() => { try { window.wasmBindings.trigger_test_panic(); } catch { /* expected */ } });

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.crash.title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByText(T.crash.body)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    expect(errors.some((e) => e.includes('test panic requested')), 'the panic is logged for developers').toBe(true);
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await page.getByRole('link', { name: T.crash.restart }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.q.help_kind.title);
    await expect(page).toHaveURL(/product=ce_app/);
  });
}
});

test('the release build exports no test hook', async ({ page }) => {
  await page.goto('/?j=open-request');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const exported = await page.evaluate(() => Object.keys(window.wasmBindings || {}));
  expect(exported.length, 'the wasm exports are reachable from the page').toBeGreaterThan(0);
  expect(exported).not.toContain('trigger_test_panic');
});
