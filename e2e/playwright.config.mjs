// Playwright drives Debian's Chromium (/usr/bin/chromium); no browser is ever downloaded.
// The built app (dist/) is served by Python's static server on 127.0.0.1, as a kiosk or a plain
// static host would serve it.
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const PORT = Number(process.env.E2E_PORT || 8093);
const DIST = process.env.DIST_DIR || path.resolve(import.meta.dirname, '..', 'dist');
// The release build with the crash test's hook (`--features test-hooks`, scripts/test.sh), served
// on the next port for crash.spec.mjs alone: the dist above has no test-only export.
const HOOKS_PORT = PORT + 1;
const HOOKS_DIST = process.env.HOOKS_DIST_DIR
  || path.resolve(import.meta.dirname, '..', 'target', 'dist-test-hooks');

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    {
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory "${DIST}"`,
      url: `http://127.0.0.1:${PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: `python3 -m http.server ${HOOKS_PORT} --bind 127.0.0.1 --directory "${HOOKS_DIST}"`,
      url: `http://127.0.0.1:${HOOKS_PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
