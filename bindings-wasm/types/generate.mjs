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
// Each schema file names its types on its own: the same name in two files must be the same type
// (descriptions and titles aside), else one would silently replace the other in the .d.ts. Rename
// the type's schema in the core (`#[schemars(rename = "...")]`) when this fails.
const shape = (schema) => JSON.stringify(schema, (key, value) => (key === 'description' || key === 'title' ? undefined : value));
const seenIn = {};
const clashes = [];
const define = (name, schema, file) => {
  if (name in definitions && shape(definitions[name]) !== shape(schema)) {
    clashes.push(`${name}: ${seenIn[name]} and ${file} define it differently`);
  }
  definitions[name] ??= schema;
  seenIn[name] ??= file;
};
for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
  for (const [name, definition] of Object.entries(schema.definitions ?? {})) define(name, definition, file);
  const { definitions: _, $schema: __, ...root } = schema;
  define(schema.title, root, file);
}
for (const [name, file] of Object.entries(seenIn)) {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name) || /[a-z]\d+$/.test(name)) {
    clashes.push(`${name} (${file}): not a plain type name (a numbered duplicate made by schemars?)`);
  }
}
if (clashes.length > 0) {
  console.error(`type names clash across core/schema:\n  ${clashes.join('\n  ')}`);
  process.exit(1);
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
