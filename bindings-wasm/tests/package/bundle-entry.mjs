// The page script of the bundled-package check: esbuild bundles this file with the medbill
// package installed from its tarball (`import … from 'medbill'`, `import('medbill/print')`) and
// the shared scenarios; browser.mjs opens the page in headless Chromium and reads
// window.__results. Fixtures come from the test server's /data/.
import init, * as main from 'medbill';
import initScrub, * as scrub from 'medbill/scrub';
import initX12, * as x12 from 'medbill/x12';
import initBooks, * as books from 'medbill/books';
import initFhir, * as fhir from 'medbill/fhir';
// scenarios.mjs is copied beside this file into the scratch project that bundles it.
import { mergeModules, parseScenarios, pricerOnce, printOnce, runScenario } from './scenarios.mjs';

async function fetched(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response;
}
const loadFixture = async (rel) => (await fetched(`/data/${rel}`)).json();
const loadBytes = async (rel) => new Uint8Array(await (await fetched(`/data/${rel}`)).arrayBuffer());

const out = document.getElementById('out');
try {
  // Each fetches its .wasm beside the bundle.
  await Promise.all([init(), initScrub(), initX12(), initBooks(), initFhir()]);
  const api = mergeModules([main, scrub, x12, books, fhir]);
  const loadPrint = printOnce(async () => {
    const print = await import('medbill/print');
    await print.default();
    return print;
  });
  const getPricer = pricerOnce(api, loadBytes);
  const results = [];
  try {
    for (const scenario of parseScenarios(await (await fetched('/scenarios.tsv')).text())) {
      results.push(await runScenario(api, scenario, loadFixture, getPricer, loadBytes, loadPrint));
    }
  } finally {
    getPricer.free();
  }
  out.textContent = results.map((r) => (r.ok ? `ok - ${r.name}` : `not ok - ${r.name}: ${r.detail}`)).join('\n');
  window.__results = results;
} catch (e) {
  out.textContent = `fatal: ${e?.stack ?? e}`;
  window.__fatal = String(e?.stack ?? e);
}
