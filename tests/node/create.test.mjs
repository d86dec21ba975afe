// createFoldmark's ways to find the .wasm in Node (default, wasmUrl as path / file: URL / http: URL,
// wasmBinary, locateFile), the FoldmarkError E_WASM / E_OPTION it throws instead of an Emscripten
// abort, and the CommonJS entry (web/index.cjs), also as Node 20.0–20.18 run it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createFoldmark, FoldmarkError } from '../../web/node.js';
import { root } from './fixtures.mjs';

const wasmPath = join(root, 'dist', 'foldmark-core.wasm');
const wasm = readFileSync(wasmPath);
const EXPECTED = '<h1 id="hi">Hi</h1>\n';

async function rejectsWith(promise, code, pattern) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof FoldmarkError, `a FoldmarkError, got ${err && err.stack}`);
    assert.equal(err.code, code);
    assert.match(err.message, pattern);
    return true;
  });
}

test('the wasm from wasmBinary (Uint8Array, ArrayBuffer, a view into a larger buffer) or wasmUrl (path, file: URL)', async () => {
  const padded = new Uint8Array(wasm.length + 16);
  padded.set(wasm, 8);
  const sources = [
    { wasmBinary: new Uint8Array(wasm) },
    { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.length) },
    { wasmBinary: padded.subarray(8, 8 + wasm.length) },
    { wasmUrl: wasmPath },
    { wasmUrl: pathToFileURL(wasmPath) },
    { wasmUrl: pathToFileURL(wasmPath).href },
  ];
  for (const options of sources) assert.equal((await createFoldmark(options)).toHtml('# Hi'), EXPECTED);
});

test("wasmUrl over http, and locateFile called with the file name and the glue's folder", async () => {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/w/foldmark-core.wasm' ? 200 : 404, { 'content-type': 'application/wasm' });
    res.end(req.url === '/w/foldmark-core.wasm' ? wasm : 'missing');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${server.address().port}/w/`;
  try {
    assert.equal((await createFoldmark({ wasmUrl: `${base}foldmark-core.wasm` })).toHtml('# Hi'), EXPECTED);
    const calls = [];
    const fm = await createFoldmark({
      locateFile: (path, dir) => {
        calls.push([path, dir]);
        return base + path;
      },
    });
    assert.equal(fm.toHtml('# Hi'), EXPECTED);
    assert.deepEqual(calls, [['foldmark-core.wasm', pathToFileURL(join(root, 'dist')).href + '/']]);
    await rejectsWith(createFoldmark({ wasmUrl: `${base}gone.wasm` }), 'E_WASM', /gone\.wasm \(HTTP 404\)/);
  } finally {
    await new Promise((done) => server.close(done));
  }
});

test('a missing or wrong wasm is a FoldmarkError E_WASM that says where it looked and what to pass', async () => {
  await rejectsWith(
    createFoldmark({ wasmUrl: '/nowhere/foldmark-core.wasm' }),
    'E_WASM',
    /cannot read the foldmark wasm at \/nowhere\/foldmark-core\.wasm \(ENOENT\).*wasmUrl.*wasmBinary/,
  );
  await rejectsWith(
    createFoldmark({ wasmBinary: new TextEncoder().encode('<!doctype html>') }),
    'E_WASM',
    /wasmBinary is not a WebAssembly module/,
  );
  // A valid module that is not foldmark's.
  await rejectsWith(
    createFoldmark({ wasmBinary: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) }),
    'E_WASM',
    /could not be instantiated.*foldmark-core\.wasm of the same foldmark version/,
  );
  await rejectsWith(createFoldmark({ wasmBinary: wasm.subarray(0, 1000) }), 'E_WASM', /could not be instantiated/);
});

test('createFoldmark options are checked: unknown names, wrong types, more than one source', async () => {
  await rejectsWith(createFoldmark({ wasmURL: wasmPath }), 'E_OPTION', /unknown createFoldmark option "wasmURL"/);
  // The message names every option createFoldmark takes, the glue's pass-throughs too.
  await rejectsWith(
    createFoldmark({ bogus: 1 }),
    'E_OPTION',
    /known: wasmUrl, wasmBinary, locateFile, instantiateWasm, print, printErr$/,
  );
  await rejectsWith(
    createFoldmark({ wasmBinary: 'bytes' }),
    'E_OPTION',
    /"wasmBinary" must be an ArrayBuffer or Uint8Array/,
  );
  await rejectsWith(createFoldmark({ wasmUrl: 42 }), 'E_OPTION', /"wasmUrl" must be a string or URL/);
  await rejectsWith(
    createFoldmark({ wasmUrl: wasmPath, wasmBinary: wasm }),
    'E_OPTION',
    /one of .*got wasmUrl and wasmBinary/,
  );
  await rejectsWith(createFoldmark('fast'), 'E_OPTION', /must be an object/);
  assert.equal((await createFoldmark(null)).toHtml('# Hi'), EXPECTED);
  assert.equal((await createFoldmark({ wasmUrl: undefined })).toHtml('# Hi'), EXPECTED);
});

test('require(): the CommonJS entry returns the same API, and instanceof FoldmarkError holds across both entries', async () => {
  const cjs = createRequire(import.meta.url)(join(root, 'web', 'index.cjs'));
  assert.deepEqual(Object.keys(cjs).sort(), ['FoldmarkError', 'createFoldmark']);
  const fm = await cjs.createFoldmark();
  assert.equal(fm.toHtml('# Hi'), EXPECTED);
  assert.deepEqual(Object.keys(fm).sort(), Object.keys(await createFoldmark()).sort());
  const thrown = (() => {
    try {
      fm.toHtml(42);
    } catch (err) {
      return err;
    }
  })();
  assert.equal(thrown.code, 'E_INPUT');
  assert.ok(thrown instanceof cjs.FoldmarkError && thrown instanceof FoldmarkError && thrown instanceof Error);
  const made = new cjs.FoldmarkError('E_OPTION', 'by hand');
  assert.ok(made instanceof FoldmarkError && made instanceof cjs.FoldmarkError);
  assert.deepEqual([made.name, made.code, made.message], ['FoldmarkError', 'E_OPTION', 'by hand']);
  assert.ok(!(new Error('x') instanceof cjs.FoldmarkError) && !({ code: 'E_INPUT' } instanceof FoldmarkError));
  class Sub extends FoldmarkError {}
  assert.ok(new Sub('E_INPUT', 's') instanceof FoldmarkError && !(made instanceof Sub));
  await rejectsWith(cjs.createFoldmark({ wasmUrl: '/nowhere.wasm' }), 'E_WASM', /nowhere\.wasm/);
});

test('require() without require(esm), as on Node 20.0–20.18 (--no-experimental-require-module)', () => {
  const script = `const { createFoldmark, FoldmarkError } = require(${JSON.stringify(join(root, 'web', 'index.cjs'))});
    createFoldmark().then((fm) => {
      try { fm.render('# T', { colapse: 'none' }); } catch (err) { console.log(err instanceof FoldmarkError, err.code); }
      console.log(fm.toHtml('# Hi').trim());
    });`;
  const run = (code) =>
    execFileSync(process.execPath, ['--no-experimental-require-module', '-e', code], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  assert.equal(run(script), 'true E_OPTION\n<h1 id="hi">Hi</h1>\n');
  // The flag does turn require(esm) off: requiring the ES entry directly fails there.
  assert.throws(() => run(`require(${JSON.stringify(join(root, 'web', 'node.js'))})`), /ERR_REQUIRE_ESM/);
});
