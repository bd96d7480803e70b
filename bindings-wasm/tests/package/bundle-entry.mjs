// The page script of the bundled-package check: esbuild bundles this file with the medbill
// package installed from its tarball (`import … from 'medbill'`, `import('medbill/print')`) and
// the shared scenarios; browser.mjs opens the page in headless Chromium and reads
// window.__results. Fixtures come from the test server's /data/.
import init, * as api from 'medbill';
// scenarios.mjs is copied beside this file into the scratch project that bundles it.
import { parseScenarios, pricerOnce, printOnce, runScenario } from './scenarios.mjs';

async function fetched(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response;
}
const loadFixture = async (rel) => (await fetched(`/data/${rel}`)).json();
const loadBytes = async (rel) => new Uint8Array(await (await fetched(`/data/${rel}`)).arrayBuffer());

const out = document.getElementById('out');
try {
  await init(); // fetches medbill_wasm_bg.wasm beside the bundle
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
