#!/usr/bin/env node
// Screenshots for the README: the start page, the first question of "Open a support request" and
// that journey's result for scenario SC-001, each at desktop size (1280×800) and at 375×812, full
// page, written to docs/screenshots/{start,question,result}-{desktop,375}.png.
//
// It serves nothing itself: start any static server of dist/ first, then pass its base URL.
//   python3 -m http.server 8097 --bind 127.0.0.1 --directory dist &
//   node e2e/screenshots.mjs http://127.0.0.1:8097/
// Uses Debian's Chromium (CHROMIUM_PATH to override). The clock and time zone are fixed to
// SC-001's (Tuesday 2025-02-04 10:00 in Los Angeles), so the result is the same on every run.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const base = process.argv[2];
if (!base) {
  console.error('usage: node e2e/screenshots.mjs <base URL of a server of dist/>');
  process.exit(2);
}
const url = (query) => new URL(query, base.endsWith('/') ? base : `${base}/`).toString();

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const NOW = new Date('2025-02-04T10:00:00-08:00');
const SC001 = {
  product: 'ce_app', issue: 'break_fix', preview: 'ga', plan: 'subscription', role: 'admin',
  impact: 'moderate', b_clock: 'business_hours', region: 'north_america',
  time_zone: 'America/Los_Angeles', language: 'english',
};
const resultQuery = `?${new URLSearchParams({ j: 'open-request', p: 'result', ...SC001 })}`.replaceAll('%2F', '/');

const PAGES = [
  ['start', '/', 'Get the right support for Dynamics 365 and Power Platform'],
  ['question', '?j=open-request', 'Which product do you need help with?'],
  ['result', resultQuery, 'Your answer'],
];
const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['375', { width: 375, height: 812 }],
];

fs.mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
});
try {
  for (const [size, viewport] of SIZES) {
    const context = await browser.newContext({
      viewport, locale: 'en-GB', timezoneId: 'America/Los_Angeles', colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    for (const [name, query, heading] of PAGES) {
      await page.goto(url(query));
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(OUT, `${name}-${size}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
      console.log(`${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
