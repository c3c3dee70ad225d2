#!/usr/bin/env node
// Static server for dist/ (no dependencies beyond Node). Used by `npm run serve`, scripts/start.mjs
// and the browser tests. Binds to 127.0.0.1 only; GET/HEAD only; no directory listings.
//   node scripts/serve.mjs [--port 3000] [--root dist] [--https --cert file --key file]
// Prints one line: "serving <root> at <url>" (tests read the URL from it; --port 0 picks a free port).
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = resolve(HERE, '..', 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.woff2': 'font/woff2',
};

/** Starts the server; resolves with { url, close }. */
export function serve({ root = DEFAULT_ROOT, port = 3000, host = '127.0.0.1', https = null } = {}) {
  const base = resolve(root);
  const handler = (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    let st;
    try {
      st = statSync(file);
    } catch {
      st = null;
    }
    if (!st || !st.isFile()) {
      if (pathname === '/index.html') {
        // No index page: send visitors to the offline page.
        res.writeHead(302, { Location: '/workbench.html' }).end();
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到');
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': st.size,
      'X-Content-Type-Options': 'nosniff',
      // Hashed bundles can be cached; pages and data must revalidate.
      'Cache-Control': /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
  const server = https ? createHttps(https, handler) : createHttp(handler);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const url = `${https ? 'https' : 'http'}://${host}:${addr.port}/`;
      resolvePromise({ url, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(arg('--root', DEFAULT_ROOT));
  const port = Number(arg('--port', process.env.PORT ?? '3000'));
  let https = null;
  if (process.argv.includes('--https')) {
    https = { cert: readFileSync(arg('--cert', '')), key: readFileSync(arg('--key', '')) };
  }
  try {
    statSync(join(root, 'workbench.html'));
  } catch {
    console.error(`${root} 中没有构建结果：请先运行 npm run build`);
    process.exit(1);
  }
  const { url } = await serve({ root, port, host: arg('--host', '127.0.0.1'), https });
  console.log(`serving ${root} at ${url}`);
  console.log(`离线版：${url}workbench.html`);
}
