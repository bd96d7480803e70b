// WASM pricing throughput in Node through the JS API (objects or JSON text in and out): the
// same 10-line claim as core/benches/pricing.rs and bench-wasi, priced with the full CY2025
// PFS (../shared) or the bundled sample. Run by `cargo xtask bench`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
// The npm package's Node entry of the main module (`cargo xtask test` assembles the package).
const npmDir = process.env.MEDBILL_NPM_DIR ?? path.join(root, 'target', 'npm', 'medbill');
const medbill = await import(pathToFileURL(path.join(npmDir, 'node.js')).href);

const shared = path.resolve(root, '..', 'shared', 'data', 'codesets', 'pfs-rvu25d');
const full = fs.existsSync(path.join(shared, 'PPRRVU2025_Oct.csv'));
const dir = full ? shared : path.join(root, 'examples', 'data', 'pfs-sample');
const rvu = fs.readFileSync(path.join(dir, full ? 'PPRRVU2025_Oct.csv' : 'rvu-sample.csv'));
const gpci = fs.readFileSync(path.join(dir, full ? 'GPCI2025.csv' : 'gpci-sample.csv'));
const label = full ? 'CMS RVU25D' : 'SAMPLE';

let started = process.hrtime.bigint();
const pricer = new medbill.Pricer(rvu, gpci, undefined, undefined, label);
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;

const claim = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'data', 'claims', 'bench-ten-lines.json'), 'utf8'));
const contract = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'data', 'contracts', 'medicare-part-b.json'), 'utf8'));
contract.schedule.locality = full ? '01112-05' : '00000-01';

const first = pricer.price(claim, contract, '2026-11-27');
let claims = 0;
started = process.hrtime.bigint();
const budget = 3e9;
while (Number(process.hrtime.bigint() - started) < budget) {
  for (let i = 0; i < 100; i++) pricer.price(claim, contract, '2026-11-27');
  claims += 100;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const perSecond = Math.round((claims * 10) / seconds);
console.log(`wasm (${label}): 10-line claim allowed ${first.totalAllowed}`);
console.log(`wasm (${label}): PFS load ${loadMs.toFixed(1)} ms; ${perSecond.toLocaleString('en-US')} priced lines/s (${claims} claims in ${seconds.toFixed(2)} s, JS objects in and out)`);

// Without the traces in the result (options { trace: false }): the boundary carries a tenth as much.
claims = 0;
started = process.hrtime.bigint();
while (Number(process.hrtime.bigint() - started) < budget) {
  for (let i = 0; i < 100; i++) pricer.price(claim, contract, '2026-11-27', { trace: false });
  claims += 100;
}
const lean = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`wasm (${label}): ${Math.round((claims * 10) / lean).toLocaleString('en-US')} priced lines/s with trace: false (JS objects in and out)`);

// The same with JSON text across the boundary (priceJson), and the core alone (no conversion
// of the claim and result at all would be the native figure).
const claimText = JSON.stringify(claim);
const contractText = JSON.stringify(contract);
claims = 0;
started = process.hrtime.bigint();
while (Number(process.hrtime.bigint() - started) < budget) {
  for (let i = 0; i < 100; i++) JSON.parse(pricer.priceJson(claimText, contractText, '2026-11-27'));
  claims += 100;
}
const jsonSeconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`wasm (${label}): ${Math.round((claims * 10) / jsonSeconds).toLocaleString('en-US')} priced lines/s with priceJson (JSON text in and out, parsed in JS)`);

// Batches: priceMany prices 100 claims per call (the contract read once per call), with and
// without the traces: issue 15's boundary measurement against the core's own WASM throughput
// (medbill-bench-wasi as wasm32-wasip1, printed by `cargo xtask bench` beside this).
const batch = Array.from({ length: 100 }, () => claim);
for (const trace of [true, false]) {
  const check = pricer.priceMany(batch, contract, '2026-11-27', { trace });
  if (check.length !== 100 || !check.every((o) => o.priced?.totalAllowed === first.totalAllowed)) {
    throw new Error(`priceMany gave ${JSON.stringify(check[0]).slice(0, 200)}`);
  }
  claims = 0;
  started = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - started) < budget) {
    pricer.priceMany(batch, contract, '2026-11-27', { trace });
    claims += 100;
  }
  const batchSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`wasm (${label}): ${Math.round((claims * 10) / batchSeconds).toLocaleString('en-US')} priced lines/s with priceMany, 100 claims per call, trace: ${trace} (JS objects in and out)`);
}
pricer.free();
