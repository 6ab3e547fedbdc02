// Playwright drives Debian's Chromium (/usr/bin/chromium); no browser is ever downloaded.
// The built app (dist/) is served by Python's static server on 127.0.0.1, as a kiosk or a plain
// static host would serve it.
import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.E2E_PORT || 8093);
const DIST = process.env.DIST_DIR || path.resolve(import.meta.dirname, '..', 'dist');
// The release build with the crash test's hook (`--features test-hooks`, scripts/test.sh), served
// on the next port for crash.spec.mjs alone: the dist above has no test-only export.
const HOOKS_PORT = PORT + 1;
const HOOKS_DIST = process.env.HOOKS_DIST_DIR
  || path.resolve(import.meta.dirname, '..', 'target', 'dist-test-hooks');
// The same dist, hosted under a path as a documentation site would host it
// (https://docs.example.com/tools/support-navigator/): a directory whose tools/support-navigator
// is a link to dist, served on the port after the hooks build. The "sub-path" project runs the
// start page, offline and sub-path tests there once more.
export const SUB_PATH = '/tools/support-navigator/';
const SUB_PATH_PORT = PORT + 2;
const SUB_PATH_ROOT = path.join(os.tmpdir(), `support-navigator-sub-path-${SUB_PATH_PORT}`);
const SUB_PATH_DIR = path.join(SUB_PATH_ROOT, ...SUB_PATH.split('/').filter(Boolean));

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  projects: [
    { name: 'root', testIgnore: /sub-path\.spec\.mjs$/ },
    {
      name: 'sub-path',
      testMatch: /(start-page|offline|sub-path)\.spec\.mjs$/,
      use: { baseURL: `http://127.0.0.1:${SUB_PATH_PORT}${SUB_PATH}` },
    },
  ],
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
    {
      command: `mkdir -p "${path.dirname(SUB_PATH_DIR)}" && ln -sfn "${DIST}" "${SUB_PATH_DIR}" && `
        + `python3 -m http.server ${SUB_PATH_PORT} --bind 127.0.0.1 --directory "${SUB_PATH_ROOT}"`,
      url: `http://127.0.0.1:${SUB_PATH_PORT}${SUB_PATH}index.html`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
