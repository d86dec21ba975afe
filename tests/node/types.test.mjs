// The hand-written types (web/foldmark.d.ts, web/foldmark.d.cts) under `tsc --noEmit --strict`:
// a consumer using every export, option and error code compiles as an ES module and as CommonJS,
// a misspelt option does not, and the consumer keeps up with the declarations.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { root } from './fixtures.mjs';

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const types = join(root, 'tests', 'types');

async function compile(project) {
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', join(types, project)], { cwd: root });
    return { code: 0, out: '' };
  } catch (err) {
    if (typeof err.code !== 'number') throw err;
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

test("tsc --noEmit: the ES and CommonJS consumers compile against the package's types", async () => {
  const r = await compile('tsconfig.json');
  assert.equal(r.out, '');
  assert.equal(r.code, 0);
});

test('tsc --noEmit: a misspelt render option and createFoldmark option are type errors', async () => {
  const r = await compile('tsconfig.bad.json');
  assert.notEqual(r.code, 0);
  assert.match(r.out, /bad-option\.ts\(5,\d+\): error TS\d+: .*'wasmURL' does not exist in type 'CreateOptions'/);
  assert.match(r.out, /bad-option\.ts\(6,\d+\): error TS\d+: .*'rawHtml' does not exist in type 'Options'/);
  assert.equal(r.out.trim().split('\n').length, 2, r.out);
});

test('the consumer uses every export, option and error code that foldmark.d.ts declares', () => {
  const dts = readFileSync(join(root, 'web', 'foldmark.d.ts'), 'utf8');
  const consumer = readFileSync(join(types, 'consumer.ts'), 'utf8');
  const members = (name) => {
    const body = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))[1];
    return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
  };
  const exported = [...dts.matchAll(/^export (?:declare )?(?:interface|type|class|function|const) (\w+)/gm)].map(
    (m) => m[1],
  );
  const codes = [...dts.match(/type FoldmarkErrorCode =([^;]*);/)[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
  const options = members('Options');
  const creates = members('CreateOptions');
  assert.ok(exported.length >= 10 && options.length >= 5 && creates.length >= 3 && codes.length >= 5);
  for (const name of [...exported, ...options, ...creates, ...codes]) {
    assert.match(consumer, new RegExp(`\\b${name}\\b`), `tests/types/consumer.ts does not use ${name}`);
  }
});
