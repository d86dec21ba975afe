// Input a string arrives as is well-formed UTF-8 by construction (TextEncoder writes U+FFFD for a
// lone surrogate), so web/foldmark.js tells the core to skip its check; bytes from the caller are
// still checked and repaired. A spy core shows which calls carry the flag.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import createFoldmarkCore from '../../dist/foldmark-core.mjs';
import { CONTRACT, wrapCore } from '../../web/foldmark.js';
import { root } from './fixtures.mjs';

const VALID = CONTRACT.flags.validUtf8;
const core = await createFoldmarkCore({ wasmBinary: readFileSync(join(root, 'dist', 'foldmark-core.wasm')) });
const seen = [];
const spy = Object.create(core);
spy.toHtml = (size, flags) => {
  seen.push(flags);
  return core.toHtml(size, flags);
};
spy.render = (size, flags) => {
  seen.push(flags);
  return core.render(size, flags);
};
const fm = wrapCore(spy);
const lastFlags = () => seen.at(-1);

const samples = [
  readFileSync(join(root, 'content', 'how-is-webiny-serverless.md'), 'utf8'),
  '\uFEFF# Café 😀\r\n\r\n*€* and a\0b\n',
  'lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00\n',
  '---\ntitle: Ünïcode\n---\n# Q?\n\nA.\n',
];

test('a string is marked well-formed; bytes are not', () => {
  fm.toHtml('# a');
  assert.equal(lastFlags() & VALID, VALID);
  fm.render('# a');
  assert.equal(lastFlags() & VALID, VALID);
  fm.toHtml(new TextEncoder().encode('# a'));
  assert.equal(lastFlags() & VALID, 0);
  fm.render(new TextEncoder().encode('# a'));
  assert.equal(lastFlags() & VALID, 0);
});

test('a string renders exactly as its UTF-8 bytes do through the checked path', () => {
  for (const md of samples) {
    const bytes = new TextEncoder().encode(md);
    for (const options of [undefined, { mdx: true, allowRawHtml: 'safe' }, { gfm: false, math: true }]) {
      assert.equal(fm.toHtml(md, options), fm.toHtml(bytes, options), md);
      const a = fm.render(md, options);
      const b = fm.render(bytes, options);
      assert.deepEqual({ ...a, jsonLd: a.jsonLd }, { ...b, jsonLd: b.jsonLd }, md);
    }
  }
});

test('bytes are still checked and repaired', () => {
  assert.equal(fm.toHtml(new Uint8Array([0x61, 0xc0, 0xbc, 0x62])), '<p>a\uFFFD\uFFFDb</p>\n');
  assert.equal(fm.toHtml(new Uint8Array([0x61, 0xed, 0xa0, 0x80, 0x62])), '<p>a\uFFFD\uFFFD\uFFFDb</p>\n');
  assert.equal(fm.render(new Uint8Array([0x23, 0x20, 0xff])).title, '\uFFFD');
});
