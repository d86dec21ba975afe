// Runs one of the project's own files for user-code.js, in this worker thread, and posts back
// { ok: true, value } (plain data) or { ok: false, how: 'evaluate' | 'import' | 'value', message,
// line, column }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { plainValue } from './user-code.js';

const { file, commonJs } = workerData;

const messageOf = (err) => (err && typeof err.message === 'string' ? err.message : String(err));

// Line and column of the first stack frame in the file itself.
function stackLocation(err) {
  const at = String(err && err.stack)
    .split('\n')
    .find((l) => l.includes(file));
  const m = at && /:(\d+):(\d+)\)?\s*$/.exec(at);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : {};
}

// A .js/.cjs without `export` runs as CommonJS: module.exports, require relative to the file.
function evaluate(source) {
  const module = { exports: {} };
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
  });
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

async function load() {
  let how = 'import';
  let exported;
  try {
    const source = commonJs && !/\.mjs$/i.test(file) ? readFileSync(file, 'utf8') : null;
    if (source !== null && !/^\s*export\s/m.test(source)) {
      how = 'evaluate';
      exported = evaluate(source);
    } else {
      const mod = await import(pathToFileURL(file).href);
      exported = commonJs ? (mod.default ?? mod) : mod.default;
    }
  } catch (err) {
    return { ok: false, how, message: messageOf(err), ...stackLocation(err) };
  }
  try {
    return { ok: true, value: plainValue(exported) };
  } catch (err) {
    return { ok: false, how: 'value', message: messageOf(err) };
  }
}

parentPort.postMessage(await load());
