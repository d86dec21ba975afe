// Spec conformance through the wasm module: md4c's own spec files and foldmark's fixtures, the
// committed deviations list, and byte-for-byte equality with the native runner's output.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createFoldmark } from '../../web/node.js';
import { md4cFiles, planFixture, readDeviations, readFixtures, root, runFixture } from './fixtures.mjs';
import { normalizeHtml } from './normalize.mjs';

const fm = await createFoldmark();
const deviations = readDeviations();
const ownDir = join(root, 'tests', 'spec');
const ownFiles = readdirSync(ownDir)
  .filter((f) => f.endsWith('.txt') && f !== 'deviations.txt')
  .map((f) => join(ownDir, f));
const nativeDump = join(root, 'build', 'native', 'spec-native-outputs.json');

function sameOutput(run, actual, expected) {
  if (run.mode === 'render-json') {
    assert.deepEqual(JSON.parse(actual), JSON.parse(expected));
    return true;
  }
  return run.exact ? actual === expected : normalizeHtml(actual) === normalizeHtml(expected);
}

const counts = { passed: 0, failed: 0, skipped: 0, deviations: 0 };
const outputs = new Map();

for (const file of [...md4cFiles, ...ownFiles]) {
  const own = file.startsWith(ownDir);
  test(`conformance: ${file.slice(root.length + 1)}`, () => {
    const fixtures = readFixtures(file);
    assert.ok(fixtures.length > 0, `no fixtures read from ${file}`);
    const failures = [];
    for (const f of fixtures) {
      const run = planFixture(f, own);
      if (run.skip) {
        counts.skipped += 1;
        continue;
      }
      const actual = runFixture(fm, f, run);
      outputs.set(f.id, { run, actual });
      let equal;
      try {
        equal = sameOutput(run, actual, f.expected);
      } catch {
        equal = false;
      }
      const deviation = deviations.has(f.id);
      if (equal === deviation) {
        counts.failed += 1;
        failures.push(
          `${f.id}: ${deviation ? 'listed as a deviation but passes' : 'output differs'}\n--- markdown\n${f.markdown}--- expected\n${f.expected}--- actual\n${actual}`,
        );
      } else if (deviation) {
        counts.deviations += 1;
      } else {
        counts.passed += 1;
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });
}

test('wasm output equals native output byte for byte on every fixture', () => {
  assert.ok(existsSync(nativeDump), `${nativeDump} missing: run ctest first (npm test does)`);
  const native = JSON.parse(readFileSync(nativeDump, 'utf8'));
  assert.equal(outputs.size, Object.keys(native).length, 'both runners ran the same fixtures');
  let compared = 0;
  for (const [id, { run, actual }] of outputs) {
    assert.ok(Object.hasOwn(native, id), `native runner has no output for ${id}`);
    if (run.mode === 'render-json') assert.deepEqual(JSON.parse(actual), JSON.parse(native[id]), id);
    else assert.equal(actual, native[id], id);
    compared += 1;
  }
  console.log(`native == wasm: ${compared}/${outputs.size} fixtures identical`);
});

test('summary', () => {
  console.log(`intended deviations: ${counts.deviations} (tests/spec/deviations.txt)`);
  console.log(`spec (wasm): ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
});
