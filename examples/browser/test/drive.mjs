// Drives the browser example (examples/browser, built by `cargo xtask` from the npm package
// into target/browser-app) in headless Chromium as a user would: by labels, roles and the
// keyboard. What the page must show is computed here by the same medbill package from the same
// sample files, so the test checks the page, not a copy of its numbers.
//   node examples/browser/test/drive.mjs
// MEDBILL_NODE_MODULES: node_modules holding playwright-core and axe-core (default: <repo>/target/tools/node_modules)
// MEDBILL_APP_DIR:      the built page (default: <repo>/target/browser-app)
// MEDBILL_PACKAGE_DIR:  the installed npm package (default: <repo>/target/npm-consumer/node_modules/medbill)
// Screenshots: target/browser-app-*.png.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { closeAll, finish, launch, serve, within } from '../../../bindings-tests/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const target = path.join(repo, 'target');
const nodeModules = process.env.MEDBILL_NODE_MODULES || path.join(target, 'tools/node_modules');
const appDir = path.resolve(process.env.MEDBILL_APP_DIR || path.join(target, 'browser-app'));
const packageDir = path.resolve(process.env.MEDBILL_PACKAGE_DIR || path.join(target, 'npm-consumer/node_modules/medbill'));
const TIMEOUT_MS = 120_000;
const WAIT_MS = 20_000;
const WORK_DATE = '2026-12-02'; // the page's default work date
const data = (rel) => path.join(repo, 'examples/data', rel);
const json = (rel) => JSON.parse(readFileSync(data(rel), 'utf8'));
const shot = (name) => path.join(target, `browser-app-${name}.png`);

const entry = (file) => import(pathToFileURL(path.join(packageDir, file)).href);
const medbill = { ...(await entry('node.js')), x12: await entry('x12-node.js'), books: await entry('books-node.js'),
  fhir: await entry('fhir-node.js') };
const results = [];
const problems = [];
const check = (name, ok, detail = '') => results.push({ name, ok: Boolean(ok), detail });
const env = {};

// The page's expected figures, by the package under Node.
const pfs = ['rvu-sample.csv', 'gpci-sample.csv', 'anes-sample.csv', 'zip-sample.txt']
  .map((f) => readFileSync(data(`pfs-sample/${f}`)));
const pricer = new medbill.Pricer(...pfs, 'SAMPLE');
const bk1 = json('books/claims.json')[0].claim;
const medicare = json('contracts/medicare-part-b.json');
const medicarePlan = json('plans/medicare-part-b-2026.json');
function expectedTotals(accumulators) {
  const priced = pricer.price(bk1, medicare, WORK_DATE);
  const adjudication = medbill.adjudicate(priced, medicarePlan, accumulators, 'inNetwork');
  return {
    billed: priced.totalCharge, allowed: priced.totalAllowed,
    planPaid: adjudication.planPaid, patientOwes: adjudication.patientResponsibility,
  };
}
const remittance835 = readFileSync(data('books/remittance.835'), 'utf8');
const expectedRemit = medbill.x12.readRemittances(remittance835);

async function run() {
  const files = readdirSync(appDir);
  mkdirSync(target, { recursive: true });
  const served = await serve({ files: { '/': path.join(appDir, 'index.html') }, dirs: { '/': appDir } });
  env.server = served.server;
  const { base } = served;
  Object.assign(env, await launch(nodeModules, { origin: base, viewport: { width: 1200, height: 900 }, acceptDownloads: true }));
  const page = await env.context.newPage();
  const requests = []; // {method, path, when}
  let phase = 'load';
  page.on('request', (r) => {
    if (r.url().startsWith('http')) requests.push({ method: r.method(), path: new URL(r.url()).pathname, url: r.url(), phase });
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  await page.goto(`${base}/`, { timeout: WAIT_MS });
  await page.waitForSelector('#app[data-state="ready"]', { state: 'attached', timeout: WAIT_MS });
  phase = 'use';
  const state = (selector) => page.getAttribute(selector, 'data-state');
  const waitState = (selector, want) => page.waitForSelector(`${selector}[data-state="${want}"]`, { state: 'attached', timeout: WAIT_MS });
  const totals = () => page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('#totals [data-total]')].map((d) => [d.dataset.total, d.textContent])));

  // 1. The sample claim opens clean and priced.
  check('the page opens the first sample claim, checked clean', (await state('#check-status')) === 'clean',
    await page.textContent('#check-status'));
  const nothingMet = expectedTotals({});
  check('it is priced and adjudicated as medbill computes it (nothing met)',
    JSON.stringify(await totals()) === JSON.stringify(nothingMet),
    `page ${JSON.stringify(await totals())}, medbill ${JSON.stringify(nothingMet)}`);

  // 2. Live checking, by keyboard: a wrong procedure code is an error on its field, "Go to
  // field" leads back to it, and fixing it makes the claim clean again.
  const procedure = page.getByLabel('Line 1 procedure', { exact: true });
  await procedure.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await waitState('#check-status', 'unreadable').catch(() => waitState('#check-status', 'errors'));
  const shownPath = await page.locator('#findings-table tbody tr').first().locator('td').nth(2).textContent();
  check('a broken procedure code is found as it is typed, on its field',
    ['unreadable', 'errors'].includes(await state('#check-status')) &&
      shownPath === '/form/professional/lines/0/procedure' && (await procedure.getAttribute('aria-invalid')) === 'true',
    `status ${await state('#check-status')}: ${await page.textContent('#check-status')}; first finding at ${shownPath}`);
  check('no price is shown while the claim has errors, and it cannot be sent',
    (await state('#price-status')) === 'not-priced' && (await page.locator('#send-button').isDisabled()));
  await page.getByRole('button', { name: 'Go to Line 1 procedure' }).first().focus();
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement?.dataset.path);
  check('"Go to field" (Enter) moves the focus to the field', focused === '/form/professional/lines/0/procedure', `focus on ${focused}`);
  await page.keyboard.press('End');
  await page.keyboard.type('4');
  await waitState('#check-status', 'clean');
  check('typing the code back makes the claim clean and priced again',
    JSON.stringify(await totals()) === JSON.stringify(nothingMet));

  // 3. The scrubber on a coder's draft: the NCCI pair and the add-on code without its primary;
  // removing the column-two line clears the NCCI finding.
  await page.getByLabel('Open a sample claim').selectOption('with-edits');
  await waitState('#check-status', 'errors');
  const rules = async () => (await page.locator('#findings-table tbody tr td:nth-child(2)').allTextContents()).sort();
  const before = await rules();
  check('the coder’s draft shows its NCCI and add-on findings',
    before.includes('SCRUB-NCCI-PTP') && before.includes('SCRUB-ADDON-PRIMARY'), JSON.stringify(before));
  await page.locator('#findings').screenshot({ path: shot('findings') });
  await page.getByRole('button', { name: 'Remove line 3', exact: true }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('#findings-table tbody tr td:nth-child(2)')]
    .some((td) => td.textContent === 'SCRUB-NCCI-PTP'), null, { timeout: WAIT_MS });
  const after = await rules();
  check('removing the paired line clears the NCCI finding, the rest stays',
    !after.includes('SCRUB-NCCI-PTP') && after.includes('SCRUB-ADDON-PRIMARY'), JSON.stringify(after));

  // 4. The JSON editor: a keystroke that breaks the JSON says so; the next one mends it.
  await page.getByLabel('Open a sample claim').selectOption('bk-1');
  await waitState('#check-status', 'clean');
  await page.locator('summary', { hasText: 'The claim as JSON' }).click();
  const editor = page.getByLabel('Claim (JSON, medbill’s claim form)');
  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  const broken = await state('#check-status');
  await page.keyboard.press('Backspace');
  await waitState('#check-status', 'clean');
  check('the JSON editor: a stray comma is "not JSON yet", Backspace mends it', broken === 'not-json', `after ",": ${broken}`);

  // 5. Deductible met (Space on the checkbox): what the patient owes follows.
  await page.getByLabel('Deductible already met this year').focus();
  await page.keyboard.press('Space');
  const met = expectedTotals(json('plans/medicare-deductible-met.json'));
  await page.waitForFunction((want) => document.querySelector('#totals [data-total="patientOwes"]')?.textContent === want,
    met.patientOwes, { timeout: WAIT_MS }).catch(() => {});
  check('with the deductible met the page shows medbill’s figures',
    JSON.stringify(await totals()) === JSON.stringify(met), `page ${JSON.stringify(await totals())}, medbill ${JSON.stringify(met)}`);
  const estimate = await page.textContent('#estimate-range');
  check('the visit’s good-faith estimate is shown as a range', /would pay \d+\.\d\d to \d+\.\d\d/.test(estimate ?? ''), estimate);
  await page.locator('#price').screenshot({ path: shot('price') });

  // Checking, scrubbing, pricing and estimating used the main and scrub modules alone.
  const moduleRequests = (name) => requests.filter((r) => r.path.includes(`medbill_wasm_${name}`)).map((r) => r.path);
  check('checking, scrubbing and pricing fetched no other medbill module',
    ['x12', 'books', 'fhir', 'print'].every((m) => moduleRequests(m).length === 0),
    JSON.stringify(requests.filter((r) => /medbill_wasm_/.test(r.path)).map((r) => r.path)));

  // 6. Send: Enter on the button writes the 837; the download is an 837 medbill reads back.
  await page.locator('#send-button').focus();
  await page.keyboard.press('Enter');
  await waitState('#send-status', 'sent');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.getByRole('link', { name: 'Download BK-1.837' }).click(),
  ]);
  const x12 = readFileSync(await download.path(), 'utf8');
  const readBack = medbill.x12.readX12(x12);
  const sentClaims = readBack.claims?.[0]?.claims ?? [];
  check('sending fetched the X12 and books modules', moduleRequests('x12').some((p) => p.endsWith('_bg.wasm')) &&
    moduleRequests('books').some((p) => p.endsWith('_bg.wasm')), JSON.stringify({ x12: moduleRequests('x12'), books: moduleRequests('books') }));
  check('the downloaded 837 holds the claim', download.suggestedFilename() === 'BK-1.837' && x12.startsWith('ISA') &&
    sentClaims.length === 1 && sentClaims[0].patientControlNumber === 'BK-1',
    `${download.suggestedFilename()}: ${x12.slice(0, 20)}…, ${sentClaims.length} claim(s)`);

  // 7. The payer's 835: chosen in the file picker, shown as an explanation of benefits.
  await page.getByLabel('Drop an 835 file here, or choose one').setInputFiles(data('books/remittance.835'));
  await waitState('#remit-status', 'read');
  const captions = await page.locator('#eob caption').allTextContents();
  const wantCaptions = expectedRemit.flatMap((r) => r.claims.map((c) => `Claim ${c.patientControlNumber}: status ${c.status}`));
  check('the 835 is shown claim by claim', JSON.stringify(captions) === JSON.stringify(wantCaptions),
    `page ${JSON.stringify(captions)}, medbill ${JSON.stringify(wantCaptions)}`);
  const paidCells = await page.locator('#eob table').first().locator('tbody tr td:nth-child(5)').allTextContents();
  const wantPaid = [...(expectedRemit[0].claims[0].lines ?? []).map((l) => l.paid ?? ''), expectedRemit[0].claims[0].paid ?? ''];
  check('each service shows what the payer paid', JSON.stringify(paidCells) === JSON.stringify(wantPaid),
    `page ${JSON.stringify(paidCells)}, medbill ${JSON.stringify(wantPaid)}`);
  await page.locator('#remit').screenshot({ path: shot('eob') });
  const [eobDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.getByRole('button', { name: 'Save as FHIR ExplanationOfBenefit resources' }).click(),
  ]);
  const eob = JSON.parse(readFileSync(await eobDownload.path(), 'utf8'));
  const wantEob = JSON.parse(medbill.fhir.fhirRemittanceEob(expectedRemit[0], WORK_DATE));
  check('the 835 saved as FHIR (the FHIR module, loaded then) is medbill’s', JSON.stringify(eob) === JSON.stringify(wantEob) &&
    moduleRequests('fhir').some((p) => p.endsWith('_bg.wasm')), `${eobDownload.suggestedFilename()}: ${JSON.stringify(eob).slice(0, 80)}…`);

  // ... and dropped on the drop zone (a DataTransfer with the file, as a drag from the desktop).
  await page.evaluate(() => { document.querySelector('#eob').replaceChildren(); });
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.835', { type: 'application/edi-x12' }));
    return dt;
  }, remittance835);
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
  await page.waitForFunction(() => document.querySelector('#remit-status')?.textContent?.startsWith('dropped.835'), null, { timeout: WAIT_MS });
  check('an 835 dropped on the drop zone is read too', (await page.locator('#eob caption').count()) === wantCaptions.length);

  // 8. Posting: the payment goes to the books, BK-2's denial joins the work queue; posting the
  // same payment again changes nothing.
  await page.getByRole('button', { name: 'Post this payment to the books' }).click();
  await waitState('#remit-status', 'posted');
  const denied = await page.locator('#denials tbody tr td:first-child').allTextContents();
  check('posting puts the denied claim in the work queue', JSON.stringify(denied) === '["BK-2"]',
    `${await page.textContent('#remit-status')}; denials ${JSON.stringify(denied)}`);
  await page.getByRole('button', { name: 'Post this payment to the books' }).click();
  await page.waitForFunction(() => document.querySelector('#remit-status')?.textContent?.includes('posted before'), null, { timeout: WAIT_MS })
    .catch(() => {});
  check('the same payment posted twice changes nothing', (await page.textContent('#remit-status'))?.includes('posted before'),
    await page.textContent('#remit-status'));

  // 9. The patient statement, in a sandboxed frame.
  await page.getByRole('button', { name: 'Preview the patient statement' }).click();
  await waitState('#statement-status', 'shown');
  const statementText = await page.frameLocator('#statement-frame').locator('body').textContent();
  const status = await page.textContent('#statement-status');
  const due = /amount due (\d+\.\d\d)/.exec(status ?? '')?.[1];
  check('the statement shows the amount due', due !== undefined && (statementText ?? '').includes(due), status);
  await page.locator('#documents').screenshot({ path: shot('statement') });

  // 10. The printed claim: the print module is fetched only now, and the PDF is the claim's.
  const printRequests = () => requests.filter((r) => r.path.includes('print')).map((r) => r.path);
  const beforePrint = printRequests();
  await page.getByRole('button', { name: 'Print the claim on a CMS-1500' }).click();
  await waitState('#print-status', 'printed');
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.getByRole('link', { name: 'Download BK-1-cms1500.pdf' }).click(),
  ]);
  const pdf = readFileSync(await pdfDownload.path()).toString('latin1');
  check('the print module is loaded when the user prints, not before',
    beforePrint.length === 0 && printRequests().some((p) => p.endsWith('_bg.wasm')), JSON.stringify({ beforePrint, after: printRequests() }));
  check('the printed CMS-1500 is the claim’s PDF', pdf.startsWith('%PDF-') && pdf.includes('(BK-1) Tj'), `${pdf.length} bytes`);

  // 11. Keyboard: from the top of the page, Tab reaches the send button, and every stop on
  // the way has a name a screen reader can say.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  let reached = false;
  const unnamed = [];
  for (let i = 0; i < 120 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      const label = a.labels?.[0]?.textContent || a.getAttribute('aria-label') || a.textContent || a.getAttribute('title');
      return { id: a.id, tag: a.tagName, named: Boolean(label?.trim()) };
    });
    if (stop && !stop.named) unnamed.push(stop);
    reached = stop?.id === 'send-button';
  }
  check('Tab reaches "Write the 837" and every stop has a name', reached && unnamed.length === 0, JSON.stringify(unnamed.slice(0, 5)));

  // 12. Accessibility rules (axe-core, WCAG 2 A and AA) on the page as it now stands.
  const axeSource = readFileSync(path.join(nodeModules, 'axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const found = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return found.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  });
  check('axe-core finds no WCAG 2.1 A/AA violation', violations.length === 0, JSON.stringify(violations));

  await page.screenshot({ path: shot('page'), fullPage: true });

  // 13. Nothing left the page: every request was a GET for one of the page's own files, none
  // for another origin, and none at all while it was used but the print module's.
  const own = new Set(['/', ...files.map((f) => `/${f}`)]);
  const strange = requests.filter((r) => r.method !== 'GET' || !r.url.startsWith(`${base}/`) || !own.has(r.path));
  // (While in use, only the modules loaded on demand: X12, books, FHIR, print and their chunks.)
  const whileUsed = requests.filter((r) => r.phase === 'use' && !/medbill_wasm_(x12|books|fhir|print)|^\/chunk-/.test(r.path));
  check('no request left the page', env.outside.length === 0 && strange.length === 0 && whileUsed.length === 0,
    JSON.stringify({ outside: env.outside, strange, whileUsed }));
  console.log(`screenshots: ${shot('*')}`);
}

await within(TIMEOUT_MS, run, results);
await closeAll(env);
finish('browser example', results, problems);
