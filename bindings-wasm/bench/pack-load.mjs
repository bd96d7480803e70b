// `cargo xtask bench`: how long the WASM build takes to read a code-set pack into a CodeSets
// handle (CodeSets.fromPack), median of 11, in Node. Usage: node pack-load.mjs PACK WASM_DIR
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [pack, wasmDir] = process.argv.slice(2);
const api = createRequire(import.meta.url)(path.resolve(wasmDir, 'node/medbill_wasm.js'));
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
