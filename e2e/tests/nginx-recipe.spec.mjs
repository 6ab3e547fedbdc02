// The README's nginx recipe, run as written with Debian's nginx (1.22 on bookworm): the config
// passes `nginx -t`, the server starts, serves the wasm as application/wasm, the hashed files for
// a year and index.html for revalidation, and every response (HTML above all, "/" included)
// carries the policy with its frame-ancestors. Only the root, the port and the policy placeholder
// are filled in; nginx listens on 127.0.0.1 only. nginx is installed by scripts/setup.sh if
// missing (CI machines start without it).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { START_TITLE, h1 } from './wizard-helpers.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const DIST = process.env.DIST_DIR || path.join(REPO, 'dist');
const NGINX = '/usr/sbin/nginx';
const FRAME_ANCESTORS = 'frame-ancestors https://docs.example.com';

/** The recipe's one nginx block from README.md. */
function recipe() {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```nginx\n(http \{[\s\S]*?)\n```/g)].map((m) => m[1]);
  expect(blocks, 'README.md has one nginx recipe (an http block)').toHaveLength(1);
  return blocks[0];
}

/** The policy of the built index.html's <meta>. */
function builtPolicy() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  if (!m) throw new Error('dist/index.html has no CSP <meta>');
  return m[1];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let nginx;
let origin;
let prefix;
let policy;

test.beforeAll(async () => {
  if (!fs.existsSync(NGINX)) {
    test.setTimeout(300_000); // apt-get update and install
    execFileSync('bash', [path.join(REPO, 'scripts', 'setup.sh'), '--nginx'], { stdio: 'inherit' });
  }
  const port = await freePort();
  prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-recipe-'));
  fs.copyFileSync('/etc/nginx/mime.types', path.join(prefix, 'mime.types'));
  policy = builtPolicy();
  const http = recipe();
  for (const fixed of ['root /srv/support-navigator/dist;', 'listen 127.0.0.1:8080;', '<the policy from dist/index.html>']) {
    expect(http, `the recipe has ${fixed}`).toContain(fixed);
  }
  const filled = http
    .replace('root /srv/support-navigator/dist;', `root ${DIST};`)
    .replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${port};`)
    .replace('<the policy from dist/index.html>', policy);
  // What a whole nginx.conf has besides the recipe, kept inside the temporary prefix.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${path.join(prefix, t)};`).join(' ');
  const conf = `pid ${path.join(prefix, 'nginx.pid')};\nerror_log stderr warn;\ndaemon off;\nevents {}\n`
    + filled.replace('http {', `http {\n    access_log off; ${temp}`);
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const args = ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')];
  // nginx -t: the recipe must be a valid configuration (an unquoted regex with braces is not).
  execFileSync(NGINX, [...args, '-t'], { stdio: 'pipe' });
  nginx = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (d) => { stderr += d; });
  origin = `http://127.0.0.1:${port}`;
  // Started when it answers (or failed when it exits).
  await expect.poll(async () => {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    return fetch(`${origin}/sw.js`).then((r) => r.status, () => 0);
  }, { message: 'nginx answers' }).toBe(200);
});

test.afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (prefix) fs.rmSync(prefix, { recursive: true, force: true });
});

test('the README nginx recipe: wasm as application/wasm, cache headers, the policy on every HTML response', async ({ page }) => {
  const files = fs.readdirSync(DIST);
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  const js = files.find((f) => /-[0-9a-f]{8,16}\.js$/.test(f));
  expect(wasm, 'a hashed wasm in dist/').toBeTruthy();

  const get = async (p) => {
    const r = await fetch(`${origin}${p}`);
    return { status: r.status, type: r.headers.get('content-type'), cache: r.headers.get('cache-control'), csp: r.headers.get('content-security-policy') };
  };
  const w = await get(`/${wasm}`);
  expect(w.status).toBe(200);
  expect(w.type).toBe('application/wasm');
  expect(w.cache).toBe('public, max-age=31536000, immutable');
  expect((await get(`/${js}`)).cache).toBe('public, max-age=31536000, immutable');
  expect((await get('/sw.js')).cache).toBe('no-cache');

  // Every HTML response, the address the app is usually opened at ("/") first.
  for (const p of ['/', '/index.html', '/?j=open-request&lang=nl']) {
    const r = await get(p);
    expect(r.status, p).toBe(200);
    expect(r.type, p).toMatch(/^text\/html/);
    expect(r.cache, p).toBe('no-cache');
    expect(r.csp, `${p} carries the policy`).toBe(`${policy}; ${FRAME_ANCESTORS}`);
  }

  // The app runs under the header policy as well as under its <meta>.
  await page.goto(`${origin}/`);
  await expect(h1(page)).toHaveText(START_TITLE);
});

test('a foreign page cannot frame the app served by the recipe', async ({ browser }) => {
  // Not through the fixture's page: the refused frame logs a console error by design.
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // Plain http, like the app here: an https page would refuse the frame as mixed content
    // before the policy is even read.
    await page.route('http://foreign.example/', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>foreign</title><iframe title="app" src="${origin}/"></iframe>`,
    }));
    await page.goto('http://foreign.example/');
    // Chromium shows its error page in a frame refused by frame-ancestors.
    await expect.poll(() => page.frames().slice(1).map((f) => f.url()),
      { message: 'the frame was refused' }).toEqual(['chrome-error://chromewebdata/']);
    await expect(page.frameLocator('iframe').getByRole('heading', { level: 1, name: START_TITLE })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
