// Forced-colors mode (Windows High Contrast): the browser replaces our colours with the system's
// and removes backgrounds' colours and box shadows, so a focus indicator made of those vanishes.
// A focused link must still look different from an unfocused one just outside its box, where
// an indicator is drawn, not only by losing its underline.
import { test, expect } from './fixtures.mjs';
import { START_TITLE, JOURNEY_TITLES, h1 } from './wizard-helpers.mjs';

/**
 * A screenshot of the band just above the element's box, 1 to 4 px away: where an outline is
 * drawn, and where nothing else about a link changes with focus (its underline, which focus
 * removes, is at the bottom and may bleed a pixel sideways).
 */
async function bandAbove(page, locator) {
  const box = await locator.boundingBox();
  expect(box, 'the link is laid out').not.toBeNull();
  const clip = { x: box.x, y: box.y - 4, width: box.width, height: 3 };
  return page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
}

test('a focused link is visibly marked in forced-colors mode', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/');
  await expect(h1(page)).toHaveText(START_TITLE);
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const link = page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true });

  await expect(link).toBeVisible();
  const unfocused = await bandAbove(page, link);
  await link.focus();
  await expect(link).toBeFocused();
  // As after keyboard navigation: the :focus-visible styles apply.
  expect(await link.evaluate((a) => a.matches(':focus-visible'))).toBe(true);
  const focused = await bandAbove(page, link);
  expect(focused.equals(unfocused), 'the focus indicator shows around the link').toBe(false);

  // And it goes again with the focus (the difference is the indicator, not the page changing).
  await link.blur();
  await expect(link).not.toBeFocused();
  expect((await bandAbove(page, link)).equals(unfocused)).toBe(true);
});
