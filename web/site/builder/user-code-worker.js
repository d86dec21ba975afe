// Runs one of the project's own files for user-code.js, in this worker thread, and posts back
// { ok: true, value, standIns } (plain data) or { ok: false, how: 'evaluate' | 'import' | 'value',
// message, line, column }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { plainValue } from './user-code.js';

const { file, commonJs, viaJiti, callExport } = workerData;

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

// Packages and files a config imports only for values foldmark never reads (a code theme, a
// plugin, custom CSS): when one is missing (a site checked out without its node_modules or its
// src/), a stand-in takes its place, where Docusaurus would not start at all. Each one used is
// reported back by name.
const standInFile = fileURLToPath(new URL('./stand-in-module.cjs', import.meta.url));
const MISSING = /Cannot find (?:module|package) '([^']+)'/;
// A package, or a file beside the config (a theme or CSS file of a site checked out in part).
const replaceable = (name) => !name.startsWith('node:') && !name.startsWith('/') && !/^[a-z]:/i.test(name);

// The way Docusaurus 3 loads docusaurus.config.* and sidebars.* (its loadFreshModule): jiti, which
// reads TypeScript, ES modules, CommonJS and JSON alike; the default export, through CommonJS
// interop. No transpile cache is written (a build writes nothing outside --out) and every load is
// fresh (a changed file is read again).
async function importWithJiti() {
  const { createJiti } = await import('jiti');
  const alias = {};
  for (let tries = 0; ; tries++) {
    const jiti = createJiti(import.meta.url, { fsCache: false, moduleCache: false, interopDefault: true, alias });
    try {
      return { exported: await jiti.import(file, { default: true }), standIns: Object.keys(alias) };
    } catch (err) {
      const missing = MISSING.exec(messageOf(err))?.[1];
      if (!missing || !replaceable(missing) || alias[missing] || tries >= 50) throw err;
      alias[missing] = standInFile;
    }
  }
}

async function load() {
  let how = 'import';
  let exported;
  let standIns = [];
  try {
    const source = commonJs && !/\.mjs$/i.test(file) ? readFileSync(file, 'utf8') : null;
    if (viaJiti) {
      how = 'evaluate';
      ({ exported, standIns } = await importWithJiti());
      // A config may export a function, async or not, that returns the config (Docusaurus calls it).
      if (callExport && typeof exported === 'function') exported = await exported();
    } else if (source !== null && !/^\s*export\s/m.test(source)) {
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
    return { ok: true, value: plainValue(exported), standIns };
  } catch (err) {
    return { ok: false, how: 'value', message: messageOf(err) };
  }
}

parentPort.postMessage(await load());
