// The static server the bench measures against: serves a dist/ directory on 127.0.0.1 the way a
// real static host does, with gzip for any request that accepts it. The gzip bytes are made by
// Python's gzip.compress(data, 9), exactly what scripts/budgets.py and scripts/size_report.py
// count (Node's zlib produces a slightly different stream), so the bytes a browser receives can be
// checked against the budget's figures. Python's http.server would send everything uncompressed, which on
// loopback hardly changes load times but makes Lighthouse's simulated mobile network download the
// raw 0.9 MB wasm instead of its gzip, and would misstate what a visitor waits for.
//
//   node bench/serve.mjs DIST_DIR PORT [gzip|identity]
//
// Also importable: `serve(dir, port, encoding)` resolves to the listening http.Server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
};

/** Already-compressed bodies by file path: each file is compressed once per server. */
const gzipped = new Map();

function gzipOf(file, data) {
  if (!gzipped.has(file)) {
    const py = 'import gzip, sys; sys.stdout.buffer.write(gzip.compress(sys.stdin.buffer.read(), 9))';
    gzipped.set(file, execFileSync('python3', ['-c', py], { input: data, maxBuffer: 1 << 28 }));
  }
  return gzipped.get(file);
}

export function serve(dir, port, encoding = 'gzip') {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    // Nothing outside the served directory, whatever the path says.
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const data = fs.readFileSync(file);
    const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', Vary: 'Accept-Encoding' };
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    // Images are already compressed; a host would not gzip them either.
    const body = encoding === 'gzip' && accepts && !file.endsWith('.png') ? gzipOf(file, data) : data;
    if (body !== data) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, port, encoding = 'gzip'] = process.argv.slice(2);
  if (!dir || !port) {
    console.error('usage: node bench/serve.mjs DIST_DIR PORT [gzip|identity]');
    process.exit(2);
  }
  serve(dir, Number(port), encoding).then(
    () => console.error(`bench: serving ${dir} on http://127.0.0.1:${port}/ (${encoding})`),
    (err) => { console.error(`bench: cannot serve on port ${port}: ${err.message}`); process.exit(1); },
  );
}
