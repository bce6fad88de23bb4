// A small static server for the built app (dist/), for the tests and `scripts/serve.sh`.
// Unknown paths without a file extension get index.html, so deep links like /settings load the
// app. index.html and sw.js are never cached by the browser; hashed files are immutable.
//
//   node e2e/serve.mjs dist 8080            # serve until stopped
//   const s = await serve('dist'); s.url; await s.close();   // from a test: port 0 = any free port
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export async function serve(root, port = 0, host = '127.0.0.1') {
  const base = path.resolve(root);
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(base, rel);
    // Inside the served folder only: a sibling whose name starts the same (dist-old/) is outside.
    const inside = path.relative(base, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      res.writeHead(403).end();
      return;
    }
    if (rel.endsWith('/')) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      if (path.extname(rel) === '') file = path.join(base, 'index.html');
      else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
    }
    const name = path.basename(file);
    const cache = name === 'index.html' || name === 'sw.js' || name.endsWith('.webmanifest')
      ? 'no-cache'
      : /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': cache,
    });
    fs.createReadStream(file).pipe(res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    // Stops listening and cuts open connections: the app is then truly offline.
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const s = await serve(root, Number(port));
  console.log(`LobbyDesk served at ${s.url} (Ctrl+C stops)`);
}
