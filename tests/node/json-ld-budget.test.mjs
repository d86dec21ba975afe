// The JSON-LD under the output budget: the article's HTML and its JSON-LD
// together stay within 16 × input + 4 MiB (at most 256 MiB), a JSON-LD past it is E_LIMIT on
// first access, and an instance that a huge call grew is replaced, so it does not keep ~1.75 GB.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFoldmark, FoldmarkError } from '../../web/node.js';
import { instrumentedFoldmark } from './instrumented.mjs';

const MAX_INPUT_BYTES = 32 << 20;
const budget = (bytes) => Math.min(256 << 20, 16 * bytes + (4 << 20));

const isLimit = (err) =>
  err instanceof FoldmarkError && err.code === 'E_LIMIT' && /output would exceed \d+ bytes/.test(err.message);

test('html + jsonLd over the budget: render works, jsonLd is E_LIMIT, the next call works', async () => {
  const fm = await createFoldmark();
  // '"' is 6 bytes of HTML (&quot;) and 11 of JSON-LD (\u0026quot;): 17 x input together.
  const input = `## Is this fine?\n\n${'"'.repeat(6 << 20)}\n`;
  const a = fm.render(input);
  assert.ok(a.html.length <= budget(input.length));
  assert.throws(() => a.jsonLd, isLimit);
  assert.throws(() => a.jsonLd, isLimit, 'a refused jsonLd stays refused');
  assert.throws(() => ({ ...a }), isLimit);
  assert.equal(fm.toHtml('# ok'), '<h1 id="ok">ok</h1>\n');
  const fits = fm.render(`## Is this fine?\n\n${'"'.repeat(1 << 20)}\n`);
  assert.ok(fits.html.length + fits.jsonLd.length <= budget((1 << 20) + 19));
  assert.equal(JSON.parse(fits.jsonLd).mainEntity[0].acceptedAnswer.text.length, 6 * (1 << 20) + 8);
});

test('a 32 MiB article of "&": jsonLd is E_LIMIT, and the grown instance is replaced', async () => {
  const { fm, memorySize } = await instrumentedFoldmark();
  const input = `## Is this fine?\n\n${'&'.repeat(MAX_INPUT_BYTES - 20)}`;
  const a = fm.render(input);
  assert.equal(a.html.length, 5 * (MAX_INPUT_BYTES - 20) + 186);
  assert.throws(() => a.jsonLd, isLimit);
  assert.equal(fm.toHtml('# ok'), '<h1 id="ok">ok</h1>\n');
  const grown = memorySize();
  const deadline = Date.now() + 20000;
  while (memorySize() > 64 << 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  console.log(
    `json-ld budget: wasm memory ${(grown / 2 ** 20).toFixed(0)} MiB after the call → ` +
      `${(memorySize() / 2 ** 20).toFixed(0)} MiB once replaced`,
  );
  assert.ok(memorySize() <= 64 << 20, `the instance kept ${memorySize()} bytes`);
  assert.equal(fm.toHtml('# ok'), '<h1 id="ok">ok</h1>\n');
  assert.equal(fm.render('# T\n\n## Q?\n\nA').questions[0].id, 'q');
});
