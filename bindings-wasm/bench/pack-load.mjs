// `cargo xtask bench`: how long the WASM build takes to read a code-set pack into a CodeSets
// handle (CodeSets.fromPack), median of 11, in Node. Usage: node pack-load.mjs PACK NPM_DIR
// (NPM_DIR: the assembled npm package, target/npm/medbill).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [pack, npmDir] = process.argv.slice(2);
const api = await import(pathToFileURL(path.resolve(npmDir, 'scrub-node.js')).href);
const bytes = readFileSync(pack);
const times = [];
for (let i = 0; i < 11; i++) {
  const start = process.hrtime.bigint();
  const sets = api.CodeSets.fromPack(bytes);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (sets.loaded().length === 0) throw new Error('the pack read back empty');
  sets.free();
}
times.sort((a, b) => a - b);
console.log(`wasm pack read: ${bytes.length} bytes in ${times[5].toFixed(1)} ms (median of 11, Node)`);

// The scrubber through the public JS API with that pack: a ten-line claim (its lines moved
// into the pack's year) converted from a JS object on every call, as an EHR page would.
const claimFile = fileURLToPath(new URL('../../examples/data/claims/bench-ten-lines.json', import.meta.url));
const claim = JSON.parse(readFileSync(claimFile, 'utf8'));
for (const line of claim.form.professional.lines) line.serviceDate = '2026-03-02';
const sets = api.CodeSets.fromPack(bytes);
const findings = api.scrubClaim(claim, sets, '2026-03-20');
let claims = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < 2) {
  for (let i = 0; i < 1000; i++) api.scrubClaim(claim, sets, '2026-03-20');
  claims += 1000;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
console.log(
  `wasm scrubClaim (JS API, ten-line claim, ${findings.length} findings): ${Math.round(claims / elapsed)}/s`,
);
sets.free();
