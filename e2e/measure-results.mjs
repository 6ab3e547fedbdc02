#!/usr/bin/env node
// The three personas' result pages at 375 × 812 and 1280 × 800: where the decision, the first
// step link and Copy are, words before the first closed section, all words, page height. Run it
// against any build to compare (it serves nothing itself):
//   python3 -m http.server 8097 --bind 127.0.0.1 --directory dist &
//   node e2e/measure-results.mjs http://127.0.0.1:8097/ [--screenshots DIR]
import { chromium } from 'playwright-core';
import path from 'node:path';
import { PERSONAS, measureResult } from './tests/result-measure.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node e2e/measure-results.mjs <base URL> [--screenshots DIR]');
  process.exit(2);
}
const shotsAt = process.argv.indexOf('--screenshots');
const shots = shotsAt > 0 ? process.argv[shotsAt + 1] : null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
});
try {
  for (const [size, viewport] of [['375', { width: 375, height: 812 }], ['1280', { width: 1280, height: 800 }]]) {
    for (const p of PERSONAS) {
      const context = await browser.newContext({
        viewport, locale: 'en-GB', timezoneId: p.timezoneId, reducedMotion: 'reduce', serviceWorkers: 'block',
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(p.now));
      await page.goto(new URL(`${p.query}&lang=en`, base).toString());
      await page.locator('h1').filter({ hasText: /\S/ }).waitFor();
      // Every stage of the page is built (the last adds content below the fold only).
      await page.locator('footer, .trace').first().waitFor({ state: 'attached' });
      await page.evaluate(() => document.fonts.ready);
      const m = await measureResult(page);
      console.log(JSON.stringify({ persona: p.name, size, ...m }));
      if (shots) {
        await page.screenshot({ path: path.join(shots, `${p.name}-${size}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
