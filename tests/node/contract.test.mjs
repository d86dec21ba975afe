// wasm/contract.json is the one definition of options, flag bits, output slots, limits, error and
// warning codes: C++ and web/contract.js are generated from it (scripts/gen-contract.mjs); the
// committed module, web/foldmark.js, the types and both fixture runners are checked against it here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { jsModule } from '../../scripts/gen-contract.mjs';
import { CONTRACT as GENERATED } from '../../web/contract.js';
import { CONTRACT } from '../../web/foldmark.js';
import { createFoldmark } from '../../web/node.js';
import { root } from './fixtures.mjs';

const contract = JSON.parse(readFileSync(join(root, 'wasm', 'contract.json'), 'utf8'));
const read = (...p) => readFileSync(join(root, ...p), 'utf8');

test('web/contract.js is what scripts/gen-contract.mjs writes from wasm/contract.json', () => {
  const fix = 'run: node scripts/gen-contract.mjs wasm/contract.json web/contract.js';
  assert.equal(read('web', 'contract.js'), jsModule(contract), `web/contract.js is out of date; ${fix}`);
});

test('web/foldmark.js carries the contract: flags, slots, errors, limits, option defaults', () => {
  assert.equal(CONTRACT, GENERATED);
  assert.deepEqual({ ...CONTRACT.flags }, contract.flags);
  assert.deepEqual({ ...CONTRACT.slots }, contract.slots);
  assert.deepEqual([...CONTRACT.errors], contract.errors);
  for (const [name, value] of Object.entries(CONTRACT.limits)) assert.equal(value, contract.limits[name], name);
  const defaults = Object.fromEntries(contract.options.map((o) => [o.name, o.default]));
  assert.deepEqual({ ...CONTRACT.defaults }, defaults);
  const collapse = contract.options.find((o) => o.name === 'collapse').values;
  assert.deepEqual([...CONTRACT.values.collapse], collapse);
});

test('web/foldmark.d.ts types every option, error code and warning code of the contract', () => {
  const dts = read('web', 'foldmark.d.ts');
  const options = dts.slice(dts.indexOf('export interface Options'), dts.indexOf('export interface TocEntry'));
  for (const o of contract.options) assert.match(options, new RegExp(`\\b${o.name}\\?:`), `Options.${o.name}`);
  const union = (name) =>
    [...(new RegExp(`export type ${name} =([^;]*);`).exec(dts)?.[1] ?? '').matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
  assert.deepEqual(
    union('FoldmarkErrorCode').sort(),
    [...contract.errors.filter(Boolean), ...contract.jsErrors].sort(),
  );
  assert.deepEqual(union('WarningCode').sort(), Object.keys(contract.warnings).sort());
});

test('both fixture runners know the fixture flag of every option (the JS-only hook has none)', () => {
  const runners = {
    'tests/native/fixtures.cpp': read('tests', 'native', 'fixtures.cpp'),
    'tests/node/fixtures.mjs': read('tests', 'node', 'fixtures.mjs'),
  };
  for (const o of contract.options) {
    if (o.fixture === null) {
      assert.equal(o.type, 'function', `${o.name}: only a JS hook may lack a fixture flag`);
      continue;
    }
    for (const [file, text] of Object.entries(runners))
      assert.ok(text.includes(`"${o.fixture}`) || text.includes(`'${o.fixture}`), `${file} lacks ${o.fixture}`);
  }
});

test('the wasm core honours the generated flag bits and reports the contract error codes', async () => {
  const fm = await createFoldmark();
  assert.match(fm.toHtml('<b>x</b>', { allowRawHtml: true }), /<b>x<\/b>/);
  assert.equal(fm.toHtml('<b onclick="y">x</b>', { allowRawHtml: 'safe' }), '<p><b>x</b></p>\n');
  assert.deepEqual([...CONTRACT.values.allowRawHtml], [false, 'safe', true]);
  assert.doesNotMatch(fm.toHtml('~~x~~', { gfm: false }), /<del>/);
  assert.doesNotMatch(fm.toHtml('# x', { headingIds: false }), /id=/);
  assert.match(fm.toHtml('<Warning>\n', { allowRawHtml: true }), /<Warning>/);
  assert.doesNotMatch(fm.toHtml('<Warning>\n', { allowRawHtml: true, mdx: true }), /<Warning>/);
  assert.throws(() => fm.toHtml('x'.repeat(contract.limits.maxInputBytes + 1)), { code: 'E_LIMIT' });
  assert.throws(() => fm.toHtml('x', { nope: 1 }), { code: 'E_OPTION' });
});

test("warning codes the core emits are the contract's", async () => {
  const fm = await createFoldmark();
  const { warnings } = fm.render("---\na: [\n---\nimport A from 'a'\n\n:::nope\n:::\n\n<Foo>\n\n## H {#a b}\n", {
    mdx: true,
  });
  const known = new Set(Object.keys(contract.warnings));
  assert.ok(warnings.length >= 4);
  for (const w of warnings) assert.ok(known.has(w.code), w.code);
});
