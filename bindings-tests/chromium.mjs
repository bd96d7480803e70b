// What every headless-Chromium check shares: the browser (the system's Chromium, driven by
// playwright-core, a profile in a temporary folder), a local static server on 127.0.0.1, a
// guard that stops and records every request for another origin, and the ok/not ok summary.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** URL schemes that never reach a network. */
const INSIDE = ['blob:', 'data:', 'chrome:', 'chrome-extension:'];

/** Content types by extension; what a page reads as bytes is served as opaque binary. */
export const TYPES = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.tsv': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.csv': 'application/octet-stream',
  '.txt': 'application/octet-stream',
  '.835': 'application/octet-stream',
};

/**
 * Serves `files` (URL path -> file) and `dirs` (URL prefix -> directory) on 127.0.0.1, GET and
 * HEAD only; `extra(pathname, res)` may answer first (return true when it did).
 */
export async function serve({ files = {}, dirs = {}, extra = () => false }) {
  const resolveUrl = (pathname) => {
    if (files[pathname]) return files[pathname];
    for (const [prefix, dir] of Object.entries(dirs)) {
      if (!pathname.startsWith(prefix)) continue;
      const file = path.resolve(dir, '.' + path.posix.normalize('/' + pathname.slice(prefix.length)));
      return file.startsWith(path.resolve(dir) + path.sep) ? file : null;
    }
    return null;
  };
  const server = http.createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (extra(pathname, res)) return;
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolveUrl(pathname) : null;
    try {
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/**
 * Launches Chromium with a fresh profile. With `origin`, every request for anything else is
 * stopped and its URL pushed to the returned `outside` list (blob: and data: URLs are the
 * page's own and pass, as do the browser's own chrome: and chrome-extension: pages, such as the
 * PDF viewer, which are not network requests).
 */
export async function launch(nodeModules, { origin, ...options } = {}) {
  const { chromium } = createRequire(import.meta.url)(path.join(nodeModules, 'playwright-core'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'medbill-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: ARGS, ...options,
  });
  const outside = [];
  if (origin) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || INSIDE.some((scheme) => url.startsWith(scheme))) return route.continue();
      outside.push(url);
      return route.abort();
    });
  }
  return { context, outside, profile };
}

/** Closes the browser and the server (each given 5 s) and removes the profile. */
export async function closeAll({ context, server, profile }) {
  const withTimeout = (p) => Promise.race([p, new Promise((r) => setTimeout(r, 5000).unref())]);
  if (context) await withTimeout(context.close().catch(() => {}));
  if (server) {
    server.closeAllConnections();
    await withTimeout(new Promise((r) => server.close(r)));
  }
  if (profile) rmSync(profile, { recursive: true, force: true });
}

/** Runs `body` within `timeoutMs`; an error it throws becomes a failed result. */
export async function within(timeoutMs, body, results) {
  let timer;
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (e) {
    if (!e?.recorded) results.push({ name: 'browser run', ok: false, detail: e?.stack ?? String(e) });
  } finally {
    clearTimeout(timer);
  }
}

/** Prints ok / not ok per result and exits non-zero when one failed or none ran. */
export function finish(label, results, problems) {
  for (const p of problems) results.push({ name: 'page problem', ok: false, detail: p });
  for (const r of results) console.log(r.ok ? `ok - ${r.name}` : `not ok - ${r.name}: ${r.detail}`);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}
