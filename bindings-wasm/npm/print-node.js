// Node entry of `medbill/print` (claim printing, its own WebAssembly module): compiled from the
// file beside it when first imported; `init()` is then a no-op, as in `node.js`.
import { readFileSync } from 'node:fs';
import { initSync } from './medbill_wasm_print.js';

const exports = initSync({ module: readFileSync(new URL('./medbill_wasm_print_bg.wasm', import.meta.url)) });

export * from './medbill_wasm_print.js';
/** Already initialised in Node: resolves at once to the module's exports. */
export default async function init() {
  return exports;
}
