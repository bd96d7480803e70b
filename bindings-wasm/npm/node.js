// Node entry of the medbill package: the same ES module as for browsers and bundlers, with its
// WebAssembly compiled from the file beside it when first imported (Node has no fetch of file:
// URLs). `init()` is then a no-op, so code written for the browser (`await init()`) runs as is.
import { readFileSync } from 'node:fs';
import { initSync } from './medbill_wasm.js';

const exports = initSync({ module: readFileSync(new URL('./medbill_wasm_bg.wasm', import.meta.url)) });

export * from './medbill_wasm.js';
/** Already initialised in Node: resolves at once to the module's exports. */
export default async function init() {
  return exports;
}
