// Memory lifetime and recovery in one wasm instance (T7, T8, T9, T10): 10,000 renders mixing
// articles, hostile inputs, deep nesting and every error path; wasm memory must stop growing after
// warm-up, and after every hostile or failing call a normal article must render byte-identically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { instrumentedFoldmark } from './instrumented.mjs';
import { reportMissingShared, sharedFile } from './shared-data.mjs';

if (!sharedFile('testdata/xss-payloads.txt'))
  reportMissingShared('testdata/xss-payloads.txt', 'its payloads as hostile inputs are');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const root = new URL('../../', import.meta.url);
const MAX_INPUT_BYTES = 32 << 20; // foldmark::kMaxInputBytes
const RENDERS = 10000;
const WARMUP = 1000;

async function articles() {
  const dir = new URL('content/', root);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  return Promise.all(names.map((n) => readFile(new URL(n, dir), 'utf8')));
}

async function hostileInputs() {
  const out = [];
  const files = [sharedFile('testdata/xss-payloads.txt'), new URL('tests/node/xss-extra.jsonl', root)];
  for (const f of files.filter(Boolean)) {
    let text = '';
    try {
      text = await readFile(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) if (line.startsWith('{')) out.push(JSON.parse(line).md);
  }
  out.push(
    '\uD800x\uDFFFy',
    'a\0b',
    '\uFEFF\uFEFF# t',
    'x\r\ny\rz\n',
    '---\ntitle: [\n',
    '*[](*) [](~)~ [<a@b.c>](/u)',
  );
  return out;
}

// Every call kind: which one the i-th render makes.
function makeCalls(samples, hostile) {
  const deep = [
    '> '.repeat(50000) + 'a',
    '['.repeat(50000) + 'a' + ']'.repeat(50000),
    '* '.repeat(50000) + 'a',
    '*a **a '.repeat(20000) + 'b' + ' a** a*'.repeat(20000),
  ];
  const limit = '[a]: /' + 'x'.repeat(20000) + '\n\n' + '[a] '.repeat(20000);
  return (i) => {
    if (i % 2500 === 7) return { input: 'x'.repeat(MAX_INPUT_BYTES + 1), expect: 'E_LIMIT' };
    if (i % 500 === 3) return { input: deep[((i / 500) | 0) % deep.length], repeat: 3 };
    if (i % 100 === 11) return { input: limit, expect: 'E_LIMIT' };
    if (i % 50 === 13) return { input: 42, expect: 'E_INPUT' };
    if (i % 50 === 17) return { input: 'x', options: { collapse: 'bogus' }, expect: 'E_OPTION' };
    if (i % 50 === 19) return { input: 'x', options: { nope: true }, expect: 'E_OPTION' };
    if (i % 3 === 0) return { input: hostile[i % hostile.length], render: i % 2 === 0 };
    return {
      input: samples[i % samples.length],
      render: true,
      options: i % 4 === 1 ? { collapse: 'questions' } : undefined,
    };
  };
}

function call(fm, c) {
  try {
    for (let k = 1; k < (c.repeat ?? 1); k++) fm.render(c.input, c.options);
    const out = c.render === false ? fm.toHtml(c.input, c.options) : fm.render(c.input, c.options);
    assert.equal(c.expect, undefined, `expected ${c.expect}`);
    return out;
  } catch (err) {
    if (err.name !== 'FoldmarkError') throw err;
    assert.equal(err.code, c.expect, `unexpected ${err.code}: ${err.message}`);
    return null;
  }
}

test('10,000 renders in one instance: memory stops growing, the next article is always right', async () => {
  const { fm, memorySize } = await instrumentedFoldmark();
  const samples = await articles();
  const hostile = await hostileInputs();
  const reference = JSON.stringify(fm.render(samples[0]));
  const nextCall = makeCalls(samples, hostile);
  const start = memorySize();
  let warm = 0;
  let heapWarm = 0;
  let renders = 0;
  for (let i = 0; renders < RENDERS; i++) {
    const c = nextCall(i);
    call(fm, c);
    renders += c.repeat ?? 1;
    if (c.expect || c.repeat || i % 3 === 0) {
      assert.equal(JSON.stringify(fm.render(samples[0])), reference, `article changed after call ${i}`);
      renders++;
    }
    if (i === WARMUP) {
      gc();
      warm = memorySize();
      heapWarm = process.memoryUsage().heapUsed;
    }
  }
  gc();
  const end = memorySize();
  const heapEnd = process.memoryUsage().heapUsed;
  console.log(
    `memory: ${renders} renders; wasm memory ${start} → ${warm} after warm-up → ${end} at the end; ` +
      `JS heap ${(heapWarm / 1e6).toFixed(1)} MB → ${(heapEnd / 1e6).toFixed(1)} MB`,
  );
  assert.equal(end, warm, 'wasm memory grew after warm-up');
  assert.ok(heapEnd - heapWarm < 16e6, 'JS heap grew by more than 16 MB after warm-up');
});

test('input over kMaxInputBytes: E_LIMIT, and the next call works', async () => {
  const { fm } = await instrumentedFoldmark();
  for (const input of [
    'x'.repeat(MAX_INPUT_BYTES + 1),
    new Uint8Array(MAX_INPUT_BYTES + 1),
    'é'.repeat(MAX_INPUT_BYTES / 2 + 1),
  ]) {
    assert.throws(
      () => fm.toHtml(input),
      (e) => e.code === 'E_LIMIT',
    );
    assert.equal(fm.toHtml('# ok'), '<h1 id="ok">ok</h1>\n');
  }
  assert.equal(fm.toHtml('x'.repeat(MAX_INPUT_BYTES)).length, MAX_INPUT_BYTES + 8); // exactly at the limit
});

test('over-limit input does not pin wasm memory (the cap is checked before copying)', async () => {
  const { fm, memorySize } = await instrumentedFoldmark();
  const before = memorySize();
  assert.throws(
    () => fm.toHtml('x'.repeat(MAX_INPUT_BYTES + 1)),
    (e) => e.code === 'E_LIMIT',
  );
  const grown = memorySize() - before;
  assert.ok(grown <= 1 << 20, `rejecting a ${MAX_INPUT_BYTES + 1}-char string grew wasm memory by ${grown} bytes`);
});

test('encodings from JS: lone surrogates, NUL, BOM, CR/CRLF/mixed line ends', async () => {
  const { fm } = await instrumentedFoldmark();
  assert.equal(fm.toHtml('x\uD800c'), '<p>x\uFFFDc</p>\n');
  assert.equal(fm.toHtml('x\uDC00\uD800'), '<p>x\uFFFD\uFFFD</p>\n');
  assert.equal(fm.toHtml('\uD83D\uDE00'), '<p>\uD83D\uDE00</p>\n');
  assert.equal(fm.toHtml('a\0b'), '<p>a\uFFFDb</p>\n');
  assert.equal(fm.toHtml('\uFEFF# T'), fm.toHtml('# T'));
  assert.equal(fm.toHtml(new Uint8Array([0xc0, 0xbc, 0x61])), '<p>\uFFFD\uFFFDa</p>\n'); // overlong '<'
  assert.equal(fm.toHtml(new Uint8Array([0xed, 0xa0, 0x80])), '<p>\uFFFD\uFFFD\uFFFD</p>\n'); // UTF-8 surrogate
  const lf = '# T\n\npara\nline\n\n- a\n- b\n';
  for (const eol of ['\r\n', '\r'])
    assert.equal(fm.toHtml(lf.replaceAll('\n', eol)), fm.toHtml(lf), JSON.stringify(eol));
  assert.equal(fm.toHtml('# T\r\n\npara\rline\n\r\n- a\r- b\n'), fm.toHtml(lf), 'mixed');
  const r = fm.render('---\r\ntitle: CRLF\r\n---\r\n## Why?\r\n\r\nBecause.\r\n');
  assert.ok(!JSON.stringify(r).includes('\\r'), 'CR leaked into the result');
});
