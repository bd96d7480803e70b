// Runs the shared scenarios against the medbill npm package as a project installs it: `cargo
// xtask` copies this file into a scratch project whose node_modules holds the packed tarball,
// so `import … from 'medbill'` resolves through the package's `exports`, as any user's does.
//   MEDBILL_REPO=<repo> node node-consumer.mjs
import init, * as main from 'medbill';
import initScrub, * as scrub from 'medbill/scrub';
import initX12, * as x12 from 'medbill/x12';
import initBooks, * as books from 'medbill/books';
import initFhir, * as fhir from 'medbill/fhir';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = process.env.MEDBILL_REPO;
if (!repo) throw new Error('MEDBILL_REPO must name the repository (for the scenarios and fixtures)');
const { mergeModules, parseScenarios, pricerOnce, printOnce, runScenario } = await import(
  pathToFileURL(path.join(repo, 'bindings-wasm/tests/scenarios.mjs')).href
);
const dataDir = path.join(repo, 'examples/data');

// No-ops in Node, as the package README says: browser code runs unchanged.
await Promise.all([init(), initScrub(), initX12(), initBooks(), initFhir()]);
const api = mergeModules([main, scrub, x12, books, fhir]);
const loadPrint = printOnce(async () => {
  const print = await import('medbill/print');
  await print.default();
  return print;
});
const loadFixture = (rel) => JSON.parse(readFileSync(path.join(dataDir, rel), 'utf8'));
const loadBytes = (rel) => new Uint8Array(readFileSync(path.join(dataDir, rel)));
const getPricer = pricerOnce(api, loadBytes);
const scenarios = parseScenarios(readFileSync(path.join(repo, 'bindings-tests/scenarios.tsv'), 'utf8'));
let failed = 0;
try {
  for (const scenario of scenarios) {
    const result = await runScenario(api, scenario, loadFixture, getPricer, loadBytes, loadPrint);
    if (!result.ok) {
      failed += 1;
      console.log(`not ok - ${result.name}: ${result.detail}`);
    }
  }
} finally {
  getPricer.free();
}
console.log(`npm package from Node (ESM import 'medbill', 'medbill/scrub', 'medbill/x12', 'medbill/books', 'medbill/fhir'): ${scenarios.length - failed} of ${scenarios.length} scenarios passed`);
if (scenarios.length === 0 || failed > 0) process.exit(1);
