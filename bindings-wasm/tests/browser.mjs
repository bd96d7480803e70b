// Runs the shared scenarios against the web build of the WASM bindings in headless Chromium,
// then checks that examples/browser/index.html works.
//   node bindings-wasm/tests/browser.mjs
// MEDBILL_NODE_MODULES: node_modules holding playwright-core (default: <repo>/xtask/tools/node_modules)
// MEDBILL_WASM_DIR:     directory holding node/ and web/ (default: <repo>/target/wasm)
// MEDBILL_BUNDLE_DIR:   the npm package bundled by esbuild (`cargo xtask` makes it, in
//                       target/npm-consumer/dist); when set, its page runs the scenarios too
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const nodeModules = process.env.MEDBILL_NODE_MODULES || path.join(repo, 'xtask/tools/node_modules');
const wasmDir = process.env.MEDBILL_WASM_DIR || path.join(repo, 'target/wasm');
const bundleDir = process.env.MEDBILL_BUNDLE_DIR;
const TIMEOUT_MS = 90_000;
const PAGE_TIMEOUT_MS = 30_000;
// What examples/browser/index.html must show as the priced total (professional-clean.json under
// contracts/medicare-part-b.json with the PFS sample, as scenarios.tsv's 'price medicare pfs').
const EXAMPLE_TOTAL_ALLOWED = '137.78';
// What it must show for that claim adjudicated under plans/medicare-part-b-2026.json with nothing
// met (as scenarios.tsv's 'adjudicate medicare deductible'), and for the estimate of
// estimates/knee-injection-ppo.json (as 'estimate ppo range when accumulators are unknown').
const EXAMPLE_ADJUDICATED = { planPaid: '0.00', patientResponsibility: '137.78' };
const EXAMPLE_ESTIMATE = { patientCostLow: '0.00', patientCostHigh: '106.01' };
// What it must show for examples/data/x12/remittance.835 (as scenarios.tsv's readX12 line) and
// for the clean claim written as an 837P and read back.
const EXAMPLE_REMITTANCE = { paid: '150.50', claims: '4', balanced: 'true' };
const EXAMPLE_837 = { claims: '1' };
// The claim printed in the page (printClaim of the print module, loaded on demand) and what its
// CMS-1500 must show; the page it renders is saved as a screenshot here.
const PRINTED_CLAIM = 'claims/professional-accident.json';
const PRINTED_TEXT = '(ACC-6001) Tj';
const SCREENSHOT = path.join(repo, 'target/browser-cms1500.png');
const SCRUB_SCREENSHOT = path.join(repo, 'target/browser-scrub.png');
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
  '/examples/browser/': path.join(repo, 'examples/browser'),
  ...(bundleDir ? { '/bundle/': path.resolve(bundleDir) } : {}),
};
const TYPES = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.tsv': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  // The PFS sample files under /data/pfs-sample/ are read as bytes (new Pricer(Uint8Array...)):
  // served as opaque binary, never as text with a charset.
  '.csv': 'application/octet-stream',
  '.txt': 'application/octet-stream',
  // X12 files are read as bytes too.
  '.835': 'application/octet-stream',
};

function resolveUrl(pathname) {
  if (FILES[pathname]) return FILES[pathname];
  for (const [prefix, dir] of Object.entries(DIRS)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = path.resolve(dir, '.' + path.posix.normalize('/' + pathname.slice(prefix.length)));
    return file.startsWith(dir + path.sep) ? file : null;
  }
  return null;
}

async function handle(req, res) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (pathname === '/printed.pdf' && printedPdf) {
    res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
    res.end(printedPdf);
    return;
  }
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
}

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
let server;
let context;
let tmp;

async function run() {
  server = http.createServer((req, res) => void handle(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const base = `http://127.0.0.1:${server.address().port}`;

  const { chromium } = createRequire(import.meta.url)(path.join(nodeModules, 'playwright-core'));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'medbill-chromium-'));
  context = await chromium.launchPersistentContext(tmp, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

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

  // 2. The browser example.
  const exampleUrl = `${base}/examples/browser/index.html`;
  const { page: example, failed: exampleFailed, requested: exampleRequested } =
    await openPage(context, exampleUrl, problems);
  await Promise.race([
    example.waitForSelector('#result[data-status]', { state: 'attached', timeout: PAGE_TIMEOUT_MS }),
    exampleFailed,
  ]);
  const status = await example.getAttribute('#result', 'data-status');
  const rows = await example.locator('#result tbody tr').count();
  const summary = await example.textContent('#summary');
  const hasPriced = (await example.locator('#priced').count()) > 0;
  const priced = hasPriced ? await example.textContent('#priced') : '(no #priced element)';
  const total = hasPriced ? await example.getAttribute('#priced', 'data-total-allowed') : null;
  results.push({
    name: 'examples/browser/index.html',
    ok: status === 'ok' && rows > 0 && total === EXAMPLE_TOTAL_ALLOWED,
    detail: `data-status=${status}, ${rows} row(s), summary: ${summary}, ` +
      `#priced data-total-allowed=${total} (want ${EXAMPLE_TOTAL_ALLOWED}): ${priced}`,
  });
  // The element's data-* attributes (dataset names) against what they must be.
  const shows = async (selector, want) => {
    if ((await example.locator(selector).count()) === 0) return { ok: false, detail: `no ${selector} element` };
    const got = await example.evaluate((sel) => ({ ...document.querySelector(sel).dataset }), selector);
    const ok = Object.entries(want).every(([key, value]) => got[key] === value);
    const text = await example.textContent(selector);
    return { ok, detail: `${selector} data ${JSON.stringify(got)} (want ${JSON.stringify(want)}): ${text}` };
  };
  results.push({ name: 'examples/browser/index.html adjudication', ...(await shows('#adjudicated', EXAMPLE_ADJUDICATED)) });
  results.push({ name: 'examples/browser/index.html estimate', ...(await shows('#estimate', EXAMPLE_ESTIMATE)) });
  results.push({ name: 'examples/browser/index.html 835', ...(await shows('#remittance', EXAMPLE_REMITTANCE)) });
  results.push({ name: 'examples/browser/index.html 837', ...(await shows('#claim-837', EXAMPLE_837)) });

  // 2b. The scrubber on the example page, driven as a user would: the bundled claim's two
  // errors are shown; removing the line NCCI pairs with clears that finding and leaves the
  // other; a keystroke that breaks the JSON says so instead of scrubbing; each change is
  // scrubbed as it is made.
  const rulesShown = () => example.getAttribute('#scrub-summary', 'data-rules');
  const statusShown = () => example.getAttribute('#scrub-summary', 'data-status');
  await example.waitForSelector('#scrub-summary[data-status]', { state: 'attached', timeout: PAGE_TIMEOUT_MS });
  const initial = (await rulesShown()) ?? '';
  const initialRows = await example.locator('#scrub-findings tbody tr').count();
  results.push({
    name: 'scrubber: the bundled claim shows its NCCI and add-on findings',
    ok: initial.split(' ').includes('SCRUB-NCCI-PTP') && initial.split(' ').includes('SCRUB-ADDON-PRIMARY') &&
      initialRows === initial.split(' ').length,
    detail: `data-rules="${initial}", ${initialRows} row(s)`,
  });
  const edited = JSON.parse(await readFile(path.join(repo, 'examples/data/scrub/claim-with-edits.json'), 'utf8'));
  edited.form.professional.lines = edited.form.professional.lines.filter((l) => l.procedure !== '29877');
  await example.fill('#scrub-claim', JSON.stringify(edited, null, 2));
  await example.waitForFunction(
    () => !document.querySelector('#scrub-summary').dataset.rules.includes('SCRUB-NCCI-PTP'),
    null, { timeout: PAGE_TIMEOUT_MS },
  ).catch(() => {});
  const afterEdit = (await rulesShown()) ?? '';
  results.push({
    name: 'scrubber: removing the paired line clears the NCCI finding as the claim is edited',
    ok: !afterEdit.includes('SCRUB-NCCI-PTP') && afterEdit.split(' ').includes('SCRUB-ADDON-PRIMARY'),
    detail: `data-rules="${afterEdit}" (was "${initial}")`,
  });
  await example.focus('#scrub-claim');
  await example.keyboard.press('Control+End');
  await example.keyboard.type(',');
  const broken = await statusShown();
  const brokenText = await example.textContent('#scrub-summary');
  await example.keyboard.press('Backspace');
  const mended = await statusShown();
  results.push({
    name: 'scrubber: typing into the claim rescrubs it on each keystroke',
    ok: broken === 'not-json' && brokenText.startsWith('not JSON') && mended === 'scrubbed' &&
      (await rulesShown()) === afterEdit,
    detail: `after "," data-status=${broken} (${brokenText}); after Backspace data-status=${mended}`,
  });
  await example.locator('#scrub-findings').screenshot({ path: SCRUB_SCREENSHOT }).catch(() => {});

  // 3. A claim printed in the browser (the PDF made by the print module, loaded on demand), one
  // page rendered by Chromium's PDF viewer and saved as a screenshot. The example page has
  // used the main module throughout and printed nothing, so it has not fetched the print
  // module; it does so when it prints.
  const printModule = (paths) => paths.filter((p) => p.startsWith('/pkg/medbill_wasm_print'));
  const beforePrinting = printModule(exampleRequested);
  const bytes = await example.evaluate(async (claimPath) => {
    const print = await import('/pkg/medbill_wasm_print.js');
    await print.default();
    const api = await import('/pkg/medbill_wasm.js');
    const claim = await (await fetch(`/data/${claimPath}`)).json();
    // A claim the main module prepared or checked prints as is: the two modules share the JSON forms.
    if (api.validateClaim(claim).some((f) => f.severity === 'error')) throw new Error(`${claimPath} is invalid`);
    return Array.from(print.printClaim(claim, 'cms1500'));
  }, PRINTED_CLAIM);
  const whenPrinting = printModule(exampleRequested);
  results.push({
    name: 'the print module is loaded on demand',
    ok: beforePrinting.length === 0 && whenPrinting.includes('/pkg/medbill_wasm_print_bg.wasm'),
    detail: `print module requests before printing: ${JSON.stringify(beforePrinting)}, ` +
      `after: ${JSON.stringify(whenPrinting)} (want none, then /pkg/medbill_wasm_print_bg.wasm)`,
  });
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
  // A page problem is already in `problems`; anything else is reported here.
  if (!e?.recorded) results.push({ name: 'browser run', ok: false, detail: e?.stack ?? String(e) });
} finally {
  clearTimeout(timer);
  await closeAll();
}

for (const p of problems) results.push({ name: 'page problem', ok: false, detail: p });
for (const r of results) console.log(r.ok ? `ok - ${r.name}` : `not ok - ${r.name}: ${r.detail}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
