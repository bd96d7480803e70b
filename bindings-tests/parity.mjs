// The WebAssembly and UniFFI bindings name the same operations the same way (issue 15 §2):
// every function and method of one has its counterpart in the other, with the same name once
// each host's case is applied (WASM `summarizeX12`, UniFFI `summarize_x12`). A UniFFI function
// taking or giving JSON text carries `_json` (`price_json`); its counterpart is WASM's `priceJson`
// when WASM has one, else the WASM function of the plain name (which takes JS objects).
//   node bindings-tests/parity.mjs <npm package dir> <uniffi python dir>
// Exits 1 listing what has no counterpart.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [npmDir, pythonDir] = process.argv.slice(2).map((p) => path.resolve(p));
const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** WASM: free functions, and `Class.method` for the classes' methods and static constructors. */
const wasm = new Set();
// Every module of the npm package, through its Node entries (the package's `exports`).
const manifest = JSON.parse(fs.readFileSync(path.join(npmDir, 'package.json'), 'utf8'));
const entries = Object.values(manifest.exports).filter((e) => typeof e === 'object').map((e) => e.node);
if (entries.length < 2) throw new Error(`${npmDir}/package.json exports no modules`);
for (const entry of entries) {
  const module = await import(pathToFileURL(path.join(npmDir, entry)).href);
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'function' || name === 'default' || name === 'initSync') continue;
    if (/^[A-Z]/.test(name)) {
      const skip = new Set(['constructor', 'free', '__destroy_into_raw', 'length', 'name', 'prototype', '__wrap']);
      for (const m of Object.getOwnPropertyNames(value.prototype)) if (!skip.has(m)) wasm.add(`${name}.${m}`);
      for (const m of Object.getOwnPropertyNames(value)) if (!skip.has(m) && !m.startsWith('__')) wasm.add(`${name}.${m}`);
    } else {
      wasm.add(name);
    }
  }
}
// Hand-written for JavaScript's error object: UniFFI hosts catch the typed MedbillError instead.
wasm.delete('isMedbillError');

/** UniFFI (as the generated Python module declares it): free functions and the objects' methods. */
const source = fs.readFileSync(path.join(pythonDir, 'medbill.py'), 'utf8');
const uniffi = new Set();
for (const m of source.matchAll(/^def ([a-z][a-z0-9_]*)\(/gm)) uniffi.add(m[1]);
for (const cls of ['Pricer', 'CodeSets']) {
  const body = source.split(new RegExp(`^class ${cls}\\(`, 'm'))[1]?.split(/^class /m)[0] ?? '';
  for (const m of body.matchAll(/^    def ([a-z][a-z0-9_]*)\(self/gm)) uniffi.add(`${cls}.${m[1]}`);
  for (const m of body.matchAll(/^    @classmethod\n    def ([a-z][a-z0-9_]*)\(cls/gm)) uniffi.add(`${cls}.${m[1]}`);
}

const counterpart = (name) => {
  const [owner, member] = name.includes('.') ? name.split('.') : [null, name];
  const full = (n) => (owner ? `${owner}.${n}` : n);
  if (wasm.has(full(camel(member)))) return full(camel(member));
  if (member.endsWith('_json') && wasm.has(full(camel(member.slice(0, -5))))) return full(camel(member.slice(0, -5)));
  return null;
};
const matched = new Set();
const missingInWasm = [];
for (const name of [...uniffi].sort()) {
  const other = counterpart(name);
  if (other) matched.add(other);
  else missingInWasm.push(name);
}
const missingInUniffi = [...wasm].filter((n) => !matched.has(n)).sort();
console.log(`parity: ${uniffi.size} UniFFI functions and methods, ${wasm.size} WASM ones, ${matched.size} WASM names matched`);
if (missingInWasm.length || missingInUniffi.length) {
  if (missingInWasm.length) console.log(`UniFFI without a WASM counterpart: ${missingInWasm.join(', ')}`);
  if (missingInUniffi.length) console.log(`WASM without a UniFFI counterpart: ${missingInUniffi.join(', ')}`);
  process.exit(1);
}
