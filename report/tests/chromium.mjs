// Opens the KPI report page in headless Chromium: it must ask for nothing but itself, log no
// error, and show its three charts at a real size; the page is saved as a screenshot.
//   node report/tests/chromium.mjs [REPORT.html]
// The page is the one cli/tests/report.rs writes (`cargo test -p medbill-cli --test report`):
// report-kpis.html in cargo's test temporary folder, target/tmp/.
// MEDBILL_NODE_MODULES: node_modules holding playwright-core (default: <repo>/target/tools/node_modules)
// CARGO_TARGET_DIR:     cargo's target folder (default: <repo>/target)
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(repo, 'target');
const nodeModules = process.env.MEDBILL_NODE_MODULES || path.join(target, 'tools/node_modules');
const report = path.resolve(process.argv[2] || path.join(target, 'tmp/report-kpis.html'));
const SCREENSHOT = path.join(target, 'report-kpis.png');
const TIMEOUT_MS = 60_000;
const PAGE_TIMEOUT_MS = 30_000;
const CHARTS = ['aging-chart', 'pareto-chart', 'trend-chart'];

const results = []; // {name, ok, detail}
const problems = [];
let server;
let context;
let tmp;

async function run() {
  if (!existsSync(report)) {
    throw new Error(`${report} is missing: run \`cargo test -p medbill-cli --test report\` first`);
  }
  const html = readFileSync(report);
  // The page alone, at /; anything else the page asks for is a failure.
  server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;

  const { chromium } = createRequire(import.meta.url)(path.join(nodeModules, 'playwright-core'));
  mkdirSync(target, { recursive: true });
  tmp = mkdtempSync(path.join(target, 'chromium-report-'));
  context = await chromium.launchPersistentContext(tmp, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1040, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Every request but the page's own is stopped here and recorded, so none leaves the page.
  const outside = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  await page.goto(url, { timeout: PAGE_TIMEOUT_MS, waitUntil: 'load' });

  results.push({
    name: 'the page asks for nothing but itself',
    ok: outside.length === 0 && requested.length === 1 && requested[0] === url,
    detail: `requests: ${JSON.stringify(requested)}, stopped: ${JSON.stringify(outside)}`,
  });
  // Chromium asks the server for /favicon.ico by itself, for any page served over HTTP (the
  // request is the browser's, not the page's, and the server answers 404): not counted.
  const favicon = new URL('/favicon.ico', url).href;
  const inside = await page.evaluate((favicon) => ({
    resources: performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n !== favicon),
    scripts: document.scripts.length,
    images: document.images.length,
    links: document.querySelectorAll('link, iframe, object, embed').length,
    svgs: document.querySelectorAll('svg').length,
    title: document.title,
  }), favicon);
  results.push({
    name: 'the page holds no script, image, link or other resource',
    ok: inside.resources.length === 0 && inside.scripts === 0 && inside.images === 0 && inside.links === 0,
    detail: JSON.stringify(inside),
  });
  results.push({ name: 'three charts', ok: inside.svgs === 3, detail: `${inside.svgs} <svg> elements` });

  for (const id of CHARTS) {
    const svg = page.locator(`#${id} svg`);
    const box = (await svg.count()) === 1 ? await svg.boundingBox() : null;
    const counts = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return el && {
        texts: el.querySelectorAll('text').length,
        rects: el.querySelectorAll('rect').length,
        // The rendered size of the chart's text: wide enough to be read.
        textWidth: Math.max(0, ...Array.from(el.querySelectorAll('text'), (t) => t.getBBox().width)),
      };
    }, `#${id} svg`);
    results.push({
      name: `${id} is drawn at a real size with its labels`,
      ok: !!box && box.width > 300 && box.height > 200 && !!counts && counts.texts > 5 && counts.rects > 1 &&
        counts.textWidth > 20,
      detail: `box ${JSON.stringify(box)}, ${JSON.stringify(counts)}`,
    });
  }
  results.push({ name: 'no console or page errors', ok: problems.length === 0, detail: problems.join('; ') });

  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  console.log(`report rendered by Chromium: ${SCREENSHOT} (${inside.title}, ${html.length} bytes of HTML)`);
}

async function closeAll() {
  const withTimeout = (p) => Promise.race([p, new Promise((r) => setTimeout(r, 5000).unref())]);
  if (context) await withTimeout(context.close().catch(() => {}));
  if (server) {
    server.closeAllConnections();
    await withTimeout(new Promise((r) => server.close(r)));
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

let timer;
try {
  await Promise.race([
    run(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    }),
  ]);
} catch (e) {
  results.push({ name: 'report in Chromium', ok: false, detail: e?.stack ?? String(e) });
} finally {
  clearTimeout(timer);
  await closeAll();
}

for (const r of results) console.log(r.ok ? `ok - ${r.name}` : `not ok - ${r.name}: ${r.detail}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`report: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
