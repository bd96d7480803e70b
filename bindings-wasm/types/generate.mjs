// Generates medbill-types.d.ts from the core's JSON Schemas (core/schema/*.schema.json).
// Usage: node generate.mjs <node_modules dir> [--check]
// Run through `cargo xtask types`; `cargo xtask test` runs it with --check.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [modules, mode] = process.argv.slice(2);
const { compile } = await import(pathToFileURL(path.join(modules, 'json-schema-to-typescript', 'dist', 'src', 'index.js')).href);
const here = path.dirname(fileURLToPath(import.meta.url));
const schemaDir = path.join(here, '..', '..', 'core', 'schema');
const definitions = {};
for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
  Object.assign(definitions, schema.definitions ?? {});
  const { definitions: _, $schema: __, ...root } = schema;
  definitions[schema.title] = root;
}
const combined = { title: 'MedbillJsonForms', type: 'object', properties: {}, additionalProperties: false, definitions };
let text = await compile(combined, 'MedbillJsonForms', {
  bannerComment: '',
  additionalProperties: false,
  unreachableDefinitions: true,
  strictIndexSignatures: true,
});
text = text.replace(/export interface MedbillJsonForms \{\}\n/, '');
text = `// Generated from core/schema by bindings-wasm/types/generate.mjs. Do not edit.\n${text}`;
const out = path.join(here, 'medbill-types.d.ts');
if (mode === '--check') {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error('bindings-wasm/types/medbill-types.d.ts is stale: run `cargo xtask types`');
    process.exit(1);
  }
  console.log('TypeScript types are fresh');
} else {
  fs.writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
