// Prepare, validate, price and adjudicate a claim, estimate a visit, split a payment, and read and
// write X12 with medbill's Node bindings.
//   node examples/node/main.mjs
// MEDBILL_NPM_DIR: the npm package as `cargo xtask test` assembles it (default:
//                  <repo>/target/npm/medbill); a project would `import … from 'medbill'` after
//                  `npm install medbill-0.1.0.tgz`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npmDir = process.env.MEDBILL_NPM_DIR || path.join(repo, 'target/npm/medbill');
const entry = (file) => import(pathToFileURL(path.join(npmDir, file)).href);

// The main module (claims, pricing, benefits) and the X12 module ('medbill/x12'), through the
// package's Node entries: each compiles its WebAssembly when imported.
const { prepareClaim, validateClaim, allocate, adjudicate, Pricer } = await entry('node.js');
const { readX12, summarizeX12, write837 } = await entry('x12-node.js');

const dataPath = (rel) => path.join(repo, 'examples/data', rel);
const readJson = (rel) => JSON.parse(readFileSync(dataPath(rel), 'utf8'));
const encounter = readJson('encounters/enc-office-visit.json');
const practice = readJson('practice.json');

try {
  // Build the claim from the coded encounter and the practice's providers, payers and charges.
  const claim = prepareClaim(encounter, practice);
  const lines = claim.form.professional.lines;

  // Structural checks: an empty array means the claim is well formed.
  const findings = validateClaim(claim);
  console.log(`claim ${claim.patientControlNumber}: ${findings.length} finding(s), total ${claim.totalCharge}`);
  for (const f of findings) console.log(`  ${f.severity} ${f.rule} at ${f.path}: ${f.message}`);

  // Price it under the payer's contract. A Pricer holds the Medicare Physician Fee Schedule
  // files, given as bytes (here the illustrative samples, not CMS data): build it once and reuse
  // it for every claim; free() releases its WebAssembly memory.
  const pricer = new Pricer(
    readFileSync(dataPath('pfs-sample/rvu-sample.csv')),
    readFileSync(dataPath('pfs-sample/gpci-sample.csv')),
    readFileSync(dataPath('pfs-sample/anes-sample.csv')),
    readFileSync(dataPath('pfs-sample/zip-sample.txt')),
    'SAMPLE',
  );
  try {
    const priced = pricer.price(claim, readJson('contracts/medicare-part-b.json'), '2026-11-27');
    console.log(`Medicare Part B allows ${priced.totalAllowed} (first line's first step: ${priced.lines[0].trace[0]?.rule})`);

    // Adjudicate the priced claim under the patient's benefit plan: what the plan pays and what
    // the patient owes. The accumulators say what the patient has met this plan year ({}: nothing
    // yet); the network may be left out (in network).
    const adjudication = adjudicate(priced, readJson('plans/medicare-part-b-2026.json'), {}, 'inNetwork');
    console.log(`the plan pays ${adjudication.planPaid}, the patient owes ${adjudication.patientResponsibility}`);
    for (const line of adjudication.lines) console.log(`  line ${line.line + 1}: ${line.explanation.join(' ')}`);

    // Estimate a planned visit before it happens. Without the patient's accumulators the
    // estimate is a range: from everything met to nothing met.
    const estimate = pricer.estimate(readJson('estimates/knee-injection-ppo.json'), '2026-11-27');
    console.log(`knee injection visit: the patient pays ${estimate.patientCostLow} to ${estimate.patientCostHigh}` +
      ` (expected ${estimate.patientCost})`);
  } finally {
    pricer.free();
  }

  // Split a $100.00 payment over the lines in proportion to their charges.
  // Amounts are decimal strings in and out; the shares add up to exactly 100.00.
  const shares = allocate('100.00', lines.map((line) => line.charge));
  lines.forEach((line, i) => console.log(`  line ${i + 1} ${line.procedure} charge ${line.charge}: paid ${shares[i]}`));

  // Read an 835 remittance (bytes or text; any X12 file: 835, 837, 270/271, 276/277, 999, TA1):
  // what the payer paid on each claim, and whether the file balances.
  const x12 = readFileSync(dataPath('x12/remittance.835'));
  for (const remittance of readX12(x12).remittances ?? []) {
    for (const c of remittance.claims) console.log(`  835 claim ${c.patientControlNumber}: charged ${c.charge}, paid ${c.paid}`);
  }
  for (const s of summarizeX12(x12)) console.log(`  ${s.id} ${s.version}: ${s.claims} claims, balanced: ${s.balanced}`);

  // Write the prepared claim as an 837P, ready for the clearinghouse.
  const x837 = write837([claim], readJson('x12/submission.json'), readJson('x12/envelope.json'));
  const clm = x837.split('~').map((s) => s.trim()).find((s) => s.startsWith('CLM*'));
  console.log(`  837 written: ${x837.split('~').length - 1} segments, ${clm}`);
} catch (e) {
  // medbill errors are Error objects named MedbillError with a stable `code`.
  if (e.name !== 'MedbillError') throw e;
  console.error(`medbill error ${e.code}: ${e.message}`);
  process.exit(1);
}
