// Generates bindings-uniffi/src/models.rs — UniFFI records and enums mirroring the core's main
// JSON forms — from the core's JSON Schemas (core/schema/*.schema.json), so Kotlin, Swift and
// Python get data classes / structs instead of JSON strings. The mirrors carry the JSON forms'
// serde names (every record refuses unknown fields), and the bindings convert core <-> mirror
// through JSON: a core field the mirror lacked would fail the round-trip test, and this file is
// regenerated and compared by `cargo xtask test` (`--check`), so the two cannot drift.
// rustfmt (from the Rust toolchain) formats the output.
// Usage: node generate.mjs [--check]   (run through `cargo xtask types`)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const schemaDir = path.join(repo, 'core', 'schema');
const out = path.join(repo, 'bindings-uniffi', 'src', 'models.rs');
const check = process.argv.includes('--check');

/** The forms that reach Kotlin, Swift and Python as types (issue 15 §2), by schema file. */
const ROOTS = ['claim', 'priced-claim', 'adjudication', 'estimate', 'coordination', 'remittance',
  'x12-set-summary', 'ledger-entry', 'balances'];
/** Types the bindings already declare (as remote types of the core): used, not generated. */
const EXISTING = { Finding: 'medbill::Finding', Severity: 'medbill::Severity', Network: 'medbill::benefits::Network' };
/** Fields that close a cycle of types (the core boxes them too): \`Type.field\`. */
const BOXED = new Set(['Reversal.of']);
/** String forms with a UniFFI custom type: amounts stay exact decimal strings. */
const CUSTOM = { Money: 'Money' };

const definitions = {};
for (const stem of ROOTS) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, `${stem}.schema.json`), 'utf8'));
  for (const [name, def] of Object.entries(schema.definitions ?? {})) definitions[name] ??= def;
  const { definitions: _, $schema: __, ...root } = schema;
  definitions[schema.title] ??= root;
}

const refName = (ref) => ref.replace('#/definitions/', '');
const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
const pascal = (name) => name.charAt(0).toUpperCase() + name.slice(1);
const RUST_KEYWORDS = new Set(['type', 'ref', 'match', 'move', 'loop', 'use', 'mod', 'fn', 'impl', 'in', 'self', 'box', 'where', 'as', 'crate', 'enum', 'struct', 'trait', 'const', 'static', 'final', 'override', 'yield', 'async', 'await', 'dyn', 'abstract', 'become', 'do', 'macro', 'priv', 'try', 'typeof', 'unsized', 'virtual']);
const fieldName = (json) => {
  const name = snake(json);
  return RUST_KEYWORDS.has(name) ? `r#${name}` : name;
};
const doc = (text, indent) => (text ?? '').split('\n').filter((l, i, all) => l.trim() !== '' || (i > 0 && i < all.length - 1))
  .map((line) => `${indent}/// ${line}`.trimEnd()).join('\n');

/** A definition that is a plain string (a code's newtype, a date, a free text form). */
const isStringForm = (def) => def.type === 'string' && !def.enum && !def.oneOf && !def.const;
/** A definition whose anyOf alternatives are all strings (a code as typed, or the text sent). */
const isStringAnyOf = (def) => Array.isArray(def.anyOf) && def.anyOf.every(isStringLike);
/** A schema whose JSON is always a string: a string form, or an enum of string constants. */
function isStringLike(schema) {
  if (schema.type === 'string') return true;
  const inner = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  if (!inner) return false;
  const def = definitions[refName(inner)];
  if (!def) return false;
  return isStringForm(def) || (Array.isArray(def.oneOf) && def.oneOf.every((v) => v.type === 'string'))
    || Array.isArray(def.enum);
}

/** The Rust type of a schema, or throws naming what it cannot map. */
function typeOf(schema, where = '?') {
  if (schema.$ref) return named(refName(schema.$ref), where);
  if (schema.allOf && schema.allOf.length === 1) return typeOf(schema.allOf[0], where);
  if (schema.anyOf) {
    const alts = schema.anyOf.filter((alt) => alt.type !== 'null');
    if (alts.length === 1 && alts.length < schema.anyOf.length) return `Option<${typeOf(alts[0], where)}>`;
    if (isStringAnyOf(schema)) return 'String';
    throw new Error(`${where}: anyOf ${JSON.stringify(schema).slice(0, 200)}`);
  }
  let type = schema.type;
  let nullable = false;
  if (Array.isArray(type)) {
    nullable = type.includes('null');
    const rest = type.filter((t) => t !== 'null');
    if (rest.length !== 1) throw new Error(`${where}: type ${JSON.stringify(type)}`);
    type = rest[0];
  }
  let rust;
  switch (type) {
    case 'string': rust = 'String'; break;
    case 'boolean': rust = 'bool'; break;
    case 'integer': rust = { uint8: 'u8', uint16: 'u16', uint32: 'u32', uint: 'u64', uint64: 'u64', int32: 'i32', int64: 'i64' }[schema.format];
      if (!rust) throw new Error(`${where}: integer format ${schema.format}`);
      break;
    case 'array': rust = `Vec<${typeOf(schema.items, `${where}[]`)}>`; break;
    case 'object':
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) {
        rust = `std::collections::HashMap<String, ${typeOf(schema.additionalProperties, where)}>`;
        break;
      }
      throw new Error(`${where}: inline object`);
    default: throw new Error(`${where}: type ${type}`);
  }
  return nullable ? `Option<${rust}>` : rust;
}

/** A named definition's Rust type: a custom or existing type, String for string forms, else a mirror. */
function named(name, where) {
  if (CUSTOM[name]) return CUSTOM[name];
  if (EXISTING[name]) return EXISTING[name];
  const def = definitions[name];
  if (!def) throw new Error(`${where}: no definition ${name}`);
  if (isStringForm(def) || isStringAnyOf(def)) return 'String';
  if (def.type === 'integer') return typeOf(def, name);
  pending.push(name);
  return name;
}

/** Named types used and not yet emitted. */
const pending = [];

const items = [];
const itemName = (item) => /\npub (?:struct|enum) (\w+)/.exec(item)?.[1] ?? '';
const emitted = new Set();

/** A record's fields (or a struct variant's), skipping `skip` (an internal tag). */
function fields(object, indent, where, skip) {
  const pub = indent.length > 4 ? '' : 'pub ';
  const required = new Set(object.required ?? []);
  const lines = [];
  for (const [json, schema] of Object.entries(object.properties ?? {})) {
    if (json === skip) continue;
    let type = typeOf(schema, `${where}.${json}`);
    if (BOXED.has(`${where}.${json}`)) type = `Box<${type}>`;
    const attrs = [`#[serde(rename = "${json}"`];
    const uniffi = [];
    if (!required.has(json)) {
      if (type.startsWith('Vec<')) {
        attrs[0] += ', default, skip_serializing_if = "Vec::is_empty"';
        uniffi.push('#[uniffi(default = [])]');
      } else if (type.startsWith('std::collections::HashMap<')) {
        attrs[0] += ', default, skip_serializing_if = "std::collections::HashMap::is_empty"';
        uniffi.push('#[uniffi(default = {})]');
      } else {
        if (!type.startsWith('Option<')) type = `Option<${type}>`;
        attrs[0] += ', default, skip_serializing_if = "Option::is_none"';
        uniffi.push('#[uniffi(default = None)]');
      }
    }
    attrs[0] += ')]';
    if (schema.description) lines.push(doc(schema.description, indent));
    lines.push(...[...attrs, ...uniffi].map((a) => `${indent}${a}`));
    lines.push(`${indent}${pub}${fieldName(json)}: ${type},`);
  }
  return lines.join('\n');
}

function emit(name) {
  if (emitted.has(name) || CUSTOM[name] || EXISTING[name]) return;
  const def = definitions[name];
  if (isStringForm(def) || isStringAnyOf(def) || def.type === 'integer') return;
  emitted.add(name);
  const header = doc(def.description, '');
  if (def.type === 'object' && def.properties) {
    items.push(`${header}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct ${name} {
${fields(def, '    ', name)}
}`);
    return;
  }
  const variants = def.oneOf ?? (def.enum ? def.enum.map((value) => ({ type: 'string', const: value })) : null);
  if (!variants) throw new Error(`${name}: cannot mirror ${JSON.stringify(def).slice(0, 200)}`);
  const objects = variants.filter((v) => v.type === 'object');
  // Internally tagged: every variant an object with one property (the tag) holding a constant.
  const tag = objects.length === variants.length && objects.length > 0
    ? Object.keys(objects[0].properties).find((key) => objects.every((v) => v.properties[key]?.const !== undefined || v.properties[key]?.enum?.length === 1))
    : undefined;
  const variantName = (value) => {
    const name = pascal(value.replace(/[^A-Za-z0-9]+(.)/g, (_, c) => c.toUpperCase()));
    return /^[0-9]/.test(name) ? `Code${name}` : name;
  };
  if (tag) {
    const body = objects.map((v) => {
      const value = v.properties[tag].const ?? v.properties[tag].enum[0];
      const inner = fields(v, '        ', `${name}::${value}`, tag);
      return `${doc(v.description, '    ')}\n    #[serde(rename = "${value}")]\n    ${variantName(value)}${inner ? ` {\n${inner}\n    }` : ' {}'},`;
    });
    items.push(`${header}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, uniffi::Enum)]
#[serde(tag = "${tag}", deny_unknown_fields)]
pub enum ${name} {
${body.join('\n')}
}`);
    return;
  }
  // Externally tagged: unit variants are strings; the others are objects with one key whose
  // value is the variant's content. UniFFI variants need named fields, so content travels in
  // `value`, and serde reads and writes the JSON form through a private twin.
  const plain = [];
  const twin = [];
  const toTwin = [];
  const fromTwin = [];
  let hasContent = false;
  for (const v of variants) {
    const d = doc(v.description, '    ');
    if (v.type === 'string') {
      const value = v.const ?? v.enum?.[0];
      const vn = variantName(value);
      plain.push(`${d}\n    #[serde(rename = "${value}")]\n    ${vn},`);
      twin.push(`    #[serde(rename = "${value}")]\n    ${vn},`);
      toTwin.push(`            ${name}::${vn} => ${name}Twin::${vn},`);
      fromTwin.push(`            ${name}Twin::${vn} => ${name}::${vn},`);
    } else if (v.type === 'object' && Object.keys(v.properties).length === 1) {
      hasContent = true;
      const [key] = Object.keys(v.properties);
      const vn = variantName(key);
      const content = v.properties[key];
      if (content.type === 'object' && content.properties) {
        const inner = fields(content, '        ', `${name}::${key}`);
        plain.push(`${d}\n    #[serde(rename = "${key}")]\n    ${vn} {\n${inner}\n    },`);
        twin.push(null);
      } else {
        const type = typeOf(content, `${name}::${key}`);
        plain.push(`${d}\n    ${vn} {\n        value: ${type},\n    },`);
        twin.push(`    #[serde(rename = "${key}")]\n    ${vn}(${type}),`);
        toTwin.push(`            ${name}::${vn} { value } => ${name}Twin::${vn}(value),`);
        fromTwin.push(`            ${name}Twin::${vn}(value) => ${name}::${vn} { value },`);
      }
    } else {
      throw new Error(`${name}: variant ${JSON.stringify(v).slice(0, 200)}`);
    }
  }
  if (twin.includes(null)) throw new Error(`${name}: inline struct variants beside newtype ones`);
  if (!hasContent) {
    items.push(`${header}
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, uniffi::Enum)]
pub enum ${name} {
${plain.join('\n')}
}`);
    return;
  }
  items.push(`${header}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, uniffi::Enum)]
#[serde(from = "${name}Twin", into = "${name}Twin")]
pub enum ${name} {
${plain.map((p) => p.replace(/\n    #\[serde\(rename = "[^"]*"\)\]/, '')).join('\n')}
}

/// The JSON form of [\`${name}\`] (externally tagged, content as the tag's value).
#[derive(Clone, serde::Serialize, serde::Deserialize)]
enum ${name}Twin {
${twin.join('\n')}
}

impl From<${name}> for ${name}Twin {
    fn from(value: ${name}) -> ${name}Twin {
        match value {
${toTwin.join('\n')}
        }
    }
}

impl From<${name}Twin> for ${name} {
    fn from(value: ${name}Twin) -> ${name} {
        match value {
${fromTwin.join('\n')}
        }
    }
}`);
}

// Emit every type reachable from the roots, then sort by name (stable output).
const roots = ROOTS.map((stem) => JSON.parse(fs.readFileSync(path.join(schemaDir, `${stem}.schema.json`), 'utf8')).title);
pending.push(...roots);
while (pending.length > 0) emit(pending.pop());
items.sort((a, b) => itemName(a).localeCompare(itemName(b)));
const text = `// Generated by bindings-uniffi/models/generate.mjs from core/schema (\`cargo xtask types\`).
// Do not edit: change the core's types, then regenerate.
//! UniFFI records and enums mirroring the core's main JSON forms (claim, priced claim,
//! adjudication, estimate, coordination, remittance, X12 set summary, ledger entry, balances).
#![allow(missing_docs, reason = "each item carries its schema description; variants and fields without one are self-explanatory")]
#![allow(clippy::large_enum_variant, reason = "mirrors of the core's forms, moved whole across the FFI")]

use medbill::Money;

${items.join('\n\n')}
`;
// Formatted as \`cargo fmt\` formats it, so the committed file passes \`cargo fmt --check\`.
const formatted = execFileSync('rustfmt', ['--edition', '2024', '--emit', 'stdout'], { input: text, encoding: 'utf8' });
if (check) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== formatted) {
    console.error(`${path.relative(repo, out)} is stale: run \`cargo xtask types\``);
    process.exit(1);
  }
  console.log(`${path.relative(repo, out)} is fresh (${emitted.size} types)`);
} else {
  fs.writeFileSync(out, formatted);
  console.log(`wrote ${path.relative(repo, out)} (${emitted.size} types)`);
}
