// Forced-colors mode (Windows High Contrast): the browser replaces our colours with the system's
// and removes backgrounds' colours and box shadows, so a focus indicator made of those vanishes.
// A focused link must still look different from an unfocused one, around its box (where the
// indicator is drawn), not only by losing its underline.
import { test, expect } from './fixtures.mjs';
import { START_TITLE, JOURNEY_TITLES, h1 } from './wizard-helpers.mjs';

/** Screenshots of the four bands just outside the element's box (4 px wide). */
async function ring(page, locator) {
  const box = await locator.boundingBox();
  expect(box, 'the link is laid out').not.toBeNull();
  const w = 4;
  const bands = [
    { x: box.x - w, y: box.y - w, width: box.width + 2 * w, height: w },
    { x: box.x - w, y: box.y, width: w, height: box.height },
    { x: box.x + box.width, y: box.y, width: w, height: box.height },
  ];
  const shots = [];
  for (const clip of bands) shots.push(await page.screenshot({ clip, animations: 'disabled', caret: 'hide' }));
  return Buffer.concat(shots);
}

test('a focused link is visibly marked in forced-colors mode', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/');
  await expect(h1(page)).toHaveText(START_TITLE);
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const link = page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true });

  await expect(link).toBeVisible();
  const unfocused = await ring(page, link);
  await link.focus();
  await expect(link).toBeFocused();
  // As after keyboard navigation: the :focus-visible styles apply.
  expect(await link.evaluate((a) => a.matches(':focus-visible'))).toBe(true);
  const focused = await ring(page, link);
  expect(focused.equals(unfocused), 'the focus indicator shows around the link').toBe(false);

  // And it goes again with the focus (the difference is the indicator, not the page changing).
  await link.blur();
  await expect(link).not.toBeFocused();
  expect((await ring(page, link)).equals(unfocused)).toBe(true);
});
