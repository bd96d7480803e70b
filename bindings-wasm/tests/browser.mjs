// Runs the shared scenarios against the web build of the WASM bindings in headless Chromium
// (the page as wasm-bindgen's web target makes it, and the npm package bundled by esbuild), and
// prints a claim with the print module. The browser example is driven by
// examples/browser/test/drive.mjs.
//   node bindings-wasm/tests/browser.mjs
// MEDBILL_NODE_MODULES: node_modules holding playwright-core (default: <repo>/xtask/tools/node_modules)
// MEDBILL_WASM_DIR:     directory holding web/, the web build (default: <repo>/target/wasm)
// MEDBILL_BUNDLE_DIR:   the npm package bundled by esbuild (`cargo xtask` makes it, in
//                       target/npm-consumer/dist); when set, its page runs the scenarios too
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { closeAll, finish, launch, serve, within } from '../../bindings-tests/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const nodeModules = process.env.MEDBILL_NODE_MODULES || path.join(repo, 'xtask/tools/node_modules');
const wasmDir = process.env.MEDBILL_WASM_DIR || path.join(repo, 'target/wasm');
const bundleDir = process.env.MEDBILL_BUNDLE_DIR;
const TIMEOUT_MS = 90_000;
const PAGE_TIMEOUT_MS = 30_000;
// The claim printed in the page (printClaim of the print module, loaded on demand) and what its
// CMS-1500 must show; the page it renders is saved as a screenshot here.
const PRINTED_CLAIM = 'claims/professional-accident.json';
const PRINTED_TEXT = '(ACC-6001) Tj';
const SCREENSHOT = path.join(repo, 'target/browser-cms1500.png');
// The PDF the page printed, served back at /printed.pdf for Chromium's viewer to render.
let printedPdf = null;

// URL path -> file, and URL prefix -> directory.
const FILES = {
  '/': path.join(here, 'browser.html'),
  '/scenarios.mjs': path.join(here, 'scenarios.mjs'),
  '/scenarios.tsv': path.join(repo, 'bindings-tests/scenarios.tsv'),
};
const DIRS = {
  '/pkg/': path.join(wasmDir, 'web'),
  '/data/': path.join(repo, 'examples/data'),
  ...(bundleDir ? { '/bundle/': path.resolve(bundleDir) } : {}),
};
// Opens a page, recording page errors, console errors and failed requests into `problems`.
// Returns {page, failed, requested}: `failed` rejects on the page's first problem, to stop
// waiting early; `requested` lists the URL paths the page has asked for so far.
async function openPage(context, url, problems) {
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const where = new URL(url).pathname;
  let reject;
  const failed = new Promise((_, r) => (reject = r));
  failed.catch(() => {});
  const problem = (text) => {
    problems.push(`${where}: ${text}`);
    reject(Object.assign(new Error(`${where}: ${text}`), { recorded: true }));
  };
  page.on('pageerror', (e) => problem(`page error: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problem(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (r) => problem(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problem(`HTTP ${r.status()} for ${r.url()}`);
  });
  await page.goto(url, { timeout: PAGE_TIMEOUT_MS });
  return { page, failed, requested };
}

const results = []; // {name, ok, detail}
const problems = [];
const env = {};

async function run() {
  const served = await serve({
    files: FILES,
    dirs: DIRS,
    extra: (pathname, res) => {
      if (pathname !== '/printed.pdf' || !printedPdf) return false;
      res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
      res.end(printedPdf);
      return true;
    },
  });
  env.server = served.server;
  const { base } = served;
  Object.assign(env, await launch(nodeModules));
  const { context } = env;

  // 1. The scenarios, run by browser.html with the shared scenarios.mjs.
  const { page, failed } = await openPage(context, `${base}/`, problems);
  await Promise.race([
    page.waitForFunction(() => window.__results || window.__fatal, null, { timeout: PAGE_TIMEOUT_MS }),
    failed,
  ]);
  const { scenarioResults, fatal } = await page.evaluate(() => ({
    scenarioResults: window.__results, fatal: window.__fatal,
  }));
  if (fatal) results.push({ name: 'scenario page', ok: false, detail: fatal });
  else if (!scenarioResults?.length) results.push({ name: 'scenario page', ok: false, detail: 'no scenarios ran' });
  else results.push(...scenarioResults);

  // 1b. The same scenarios through the npm package as an app ships it: installed from the
  // tarball, bundled by esbuild (the main module and, split off, medbill/print).
  if (bundleDir) {
    const { page: bundled, failed: bundleFailed, requested: bundleRequested } =
      await openPage(context, `${base}/bundle/index.html`, problems);
    await Promise.race([
      bundled.waitForFunction(() => window.__results || window.__fatal, null, { timeout: PAGE_TIMEOUT_MS }),
      bundleFailed,
    ]);
    const { bundleResults, bundleFatal } = await bundled.evaluate(() => ({
      bundleResults: window.__results, bundleFatal: window.__fatal,
    }));
    const passed = (bundleResults ?? []).filter((r) => r.ok).length;
    const wasm = bundleRequested.filter((p) => p.endsWith('.wasm'));
    results.push({
      name: 'npm package bundled by esbuild: every scenario passes in the page',
      ok: !bundleFatal && bundleResults?.length === scenarioResults?.length && passed === bundleResults.length &&
        wasm.includes('/bundle/medbill_wasm_bg.wasm') && wasm.every((p) => p.startsWith('/bundle/')),
      detail: bundleFatal ?? `${passed} of ${bundleResults?.length} passed (${scenarioResults?.length} in the page ` +
        `above); WebAssembly fetched: ${JSON.stringify(wasm)}; failures: ` +
        JSON.stringify((bundleResults ?? []).filter((r) => !r.ok).slice(0, 3)),
    });
    await bundled.close();
  }

  // 2. A claim printed in the browser by the print module, one page rendered by Chromium's PDF
  // viewer and saved as a screenshot. (That the print module is fetched only when something is
  // printed is checked on the browser example, examples/browser/test/drive.mjs.)
  const bytes = await page.evaluate(async (claimPath) => {
    const print = await import('/pkg/medbill_wasm_print.js');
    await print.default();
    const api = await import('/pkg/medbill_wasm.js');
    const claim = await (await fetch(`/data/${claimPath}`)).json();
    // A claim the main module prepared or checked prints as is: the two modules share the JSON forms.
    if (api.validateClaim(claim).some((f) => f.severity === 'error')) throw new Error(`${claimPath} is invalid`);
    return Array.from(print.printClaim(claim, 'cms1500'));
  }, PRINTED_CLAIM);
  printedPdf = Buffer.from(bytes);
  const text = printedPdf.toString('latin1');
  results.push({
    name: 'printClaim in the browser',
    ok: text.startsWith('%PDF-') && text.includes(PRINTED_TEXT),
    detail: `${printedPdf.length} bytes, starts ${JSON.stringify(text.slice(0, 8))}, want ${PRINTED_TEXT}`,
  });
  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 850, height: 1100 });
  await viewer.goto(`${base}/printed.pdf`, { timeout: PAGE_TIMEOUT_MS }).catch(() => {});
  await viewer.waitForTimeout(3000);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await viewer.screenshot({ path: SCREENSHOT });
  console.log(`printed claim rendered by Chromium: ${SCREENSHOT}`);
}

await within(TIMEOUT_MS, run, results);
await closeAll(env);
finish('browser', results, problems);
