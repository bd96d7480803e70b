// Runs the wasm32-wasip1 build of medbill-bench-wasi under Node's WASI with the repository and
// ../shared mounted, passing the same arguments as the native run.
// Usage: node bench-wasi/run.mjs WASM_FILE ARGS...
import fs from 'node:fs';
import path from 'node:path';
import { WASI } from 'node:wasi';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [wasmFile, ...args] = process.argv.slice(2);
const wasi = new WASI({
  version: 'preview1',
  args: ['medbill-bench-wasi', ...args],
  preopens: { '/repo': root, '/shared': path.resolve(root, '..', 'shared') },
  returnOnExit: true,
});
const module = await WebAssembly.compile(fs.readFileSync(wasmFile));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const code = wasi.start(instance);
process.exitCode = code;
