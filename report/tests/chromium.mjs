// Opens the KPI report page in headless Chromium: it must ask for nothing but itself, log no
// error, and show its three charts at a real size; the page is saved as a screenshot.
//   node report/tests/chromium.mjs [REPORT.html]
// The page is the one cli/tests/report.rs writes (`cargo test -p medbill-cli --test report`):
// report-kpis.html in cargo's test temporary folder, target/tmp/.
// MEDBILL_NODE_MODULES: node_modules holding playwright-core (default: <repo>/target/tools/node_modules)
// CARGO_TARGET_DIR:     cargo's target folder (default: <repo>/target)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { closeAll, finish, launch, serve, within } from '../../bindings-tests/chromium.mjs';

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
const env = {};

async function run() {
  if (!existsSync(report)) {
    throw new Error(`${report} is missing: run \`cargo test -p medbill-cli --test report\` first`);
  }
  const html = readFileSync(report);
  // The page alone, at /; anything else the page asks for is a failure.
  const served = await serve({ files: { '/': report } });
  env.server = served.server;
  const url = `${served.base}/`;
  Object.assign(env, await launch(nodeModules, { origin: served.base, viewport: { width: 1040, height: 900 } }));
  const { context, outside } = env;
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
  // request is the browser's, not the page's, and the server answers 204): not counted.
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

await within(TIMEOUT_MS, run, results);
await closeAll(env);
// Page problems are one result of their own above.
finish('report', results, []);
