// The host site of the embedding tests: the demo pages in docs/ (docs/embed-demo.html and its
// script), served on a free port of localhost while the app is on 127.0.0.1, two sites as on the
// web. Used by embed.spec.mjs and, with the app under a path, by sub-path.spec.mjs.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const DOCS = path.resolve(import.meta.dirname, '..', '..', 'docs');

/**
 * Serves the host pages. `presets` makes more pages of the demo: `{ 'name': 'data-x="…" …' }`
 * serves name.html as the demo page with the widget's data-* attributes replaced.
 */
export function startHost(presets = {}) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname);
    const preset = presets[name.replace(/\.html$/, '')];
    const file = path.join(DOCS, preset ? 'embed-demo.html' : name);
    if (!file.startsWith(DOCS) || !fs.existsSync(file) || !types[path.extname(file)]) {
      res.writeHead(404).end();
      return;
    }
    let body = fs.readFileSync(file, 'utf8');
    if (preset) body = body.replace(/<div data-support-navigator[^>]*>/s, `<div data-support-navigator ${preset}>`);
    res.writeHead(200, { 'content-type': types[path.extname(file)] }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
