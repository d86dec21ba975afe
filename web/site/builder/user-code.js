// The project's own code that a build runs (sidebars.js, foldmark.config.mjs) runs in a worker
// thread: an endless loop in it ends in an error after USER_CODE_TIMEOUT_MS instead of hanging the
// build, and Ctrl+C still stops `foldmark dev` (stopUserCode). What it exports comes back as plain
// data (plainValue): cycles, absurd depth or size and getters that throw are errors naming the
// file, never a stack overflow in the builder.
import { Worker } from 'node:worker_threads';
import { InputError } from './problems.js';

export const USER_CODE_TIMEOUT_MS = 10000;
// jiti's own start (its transpiler, then the TypeScript transform) counts against the limit too:
// about 0.5 s on an idle machine, but over 10 s on a loaded 2-core one (load average 28).
export const DOCUSAURUS_TIMEOUT_MS = 30000;
export const MAX_VALUE_DEPTH = 200; // arrays and objects inside each other: 100 levels of sidebar categories
export const MAX_VALUE_COUNT = 1000000; // values in all, so an array shared at every level cannot explode

// Why a value cannot be used.
export class ValueError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValueError';
  }
}

// Where in the value: main[0].items[2], cut in the middle when deep.
function showPath(path) {
  if (path.length === 0) return 'the value itself';
  const parts = path.map((k) =>
    typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`,
  );
  const shown = parts.length > 12 ? [...parts.slice(0, 6), `…(${parts.length - 10} more)…`, ...parts.slice(-4)] : parts;
  return shown.join('').replace(/^\./, '');
}

/**
 * A copy of value made of plain arrays, objects, strings, numbers, booleans and null: functions and
 * symbols are left out, getters run once. Throws ValueError for a cycle, nesting deeper than
 * MAX_VALUE_DEPTH, more than MAX_VALUE_COUNT values, or a getter or Proxy that throws.
 */
export function plainValue(value) {
  const path = [];
  const ancestors = new Set();
  let count = 0;
  const copy = (v) => {
    if (++count > MAX_VALUE_COUNT)
      throw new ValueError(`more than ${MAX_VALUE_COUNT} values (one array used at every level?)`);
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v !== 'object') return undefined;
    if (ancestors.has(v)) throw new ValueError(`${showPath(path)} is a value it is inside of (a cycle)`);
    if (path.length >= MAX_VALUE_DEPTH)
      throw new ValueError(`nested more than ${MAX_VALUE_DEPTH} levels deep at ${showPath(path)}`);
    ancestors.add(v);
    let out;
    try {
      if (Array.isArray(v)) {
        out = [];
        for (let i = 0; i < v.length; i++) out.push(field(v, i));
      } else {
        out = {};
        for (const key of Object.keys(v)) {
          const value = field(v, key);
          if (value !== undefined) out[key] = value;
        }
      }
    } catch (err) {
      if (err instanceof ValueError) throw err;
      throw new ValueError(`reading ${showPath(path)} threw: ${err && err.message ? err.message : String(err)}`);
    }
    ancestors.delete(v);
    return out;
  };
  const field = (v, key) => {
    path.push(key);
    let raw;
    try {
      raw = v[key];
    } catch (err) {
      throw new ValueError(`reading ${showPath(path)} threw: ${err && err.message ? err.message : String(err)}`);
    }
    const out = copy(raw);
    path.pop();
    return out;
  };
  return copy(value);
}

const running = new Set();

/**
 * Runs FILE in a worker and resolves with plainValue of what it exports: module.exports, or an ES
 * module's default export (with commonJs, its namespace when it has none). what: how messages name
 * it ('sidebars file'); commonJs: a .js/.cjs without `export` is evaluated as CommonJS, as
 * Docusaurus evaluates sidebars.js. Each load is a fresh worker: a changed file is read afresh.
 * Throws InputError: the file's own error (with its line and column when the stack has them), a
 * ValueError, a timeout, or stopUserCode().
 */
export async function loadUserModule(file, { what, commonJs = false, timeout = USER_CODE_TIMEOUT_MS }) {
  return (await runUserModule(file, { what, timeout, workerData: { file, commonJs } })).value;
}

/**
 * Runs a Docusaurus file (docusaurus.config.*, sidebars.ts) as Docusaurus 3 loads it, with jiti
 * (TypeScript, ES modules, CommonJS), in a worker with a time limit like loadUserModule. callExport:
 * an exported function (async or not) is called and its result used, as for a config. Resolves
 * { value, standIns: packages it imports that are not installed and got a stand-in (their values
 * are left out of value) }. Throws InputError as loadUserModule.
 */
export function loadDocusaurusModule(file, { what, callExport = false, timeout = DOCUSAURUS_TIMEOUT_MS }) {
  return runUserModule(file, { what, timeout, workerData: { file, viaJiti: true, callExport } });
}

function runUserModule(file, { what, timeout, workerData }) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./user-code-worker.js', import.meta.url), { workerData });
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running.delete(stop);
      worker.terminate();
      fn(value);
    };
    const stop = () => finish(reject, new InputError(`stopped while running the ${what}`, { file }));
    const timer = setTimeout(
      () =>
        finish(
          reject,
          new InputError(`the ${what} did not finish within ${timeout / 1000} s (an endless loop?): stopped`, { file }),
        ),
      timeout,
    );
    running.add(stop);
    worker.on('message', (m) => {
      if (m.ok) finish(resolve, { value: m.value, standIns: m.standIns ?? [] });
      else
        finish(
          reject,
          new InputError(
            m.how === 'value'
              ? `the ${what} exports an unusable value: ${m.message}`
              : `cannot ${m.how} ${what}: ${m.message}`,
            { file, line: m.line, column: m.column },
          ),
        );
    });
    worker.on('error', (err) => finish(reject, new InputError(`cannot run ${what}: ${err.message}`, { file })));
    worker.on('exit', (code) =>
      finish(reject, new InputError(`the ${what} ended the process it ran in (exit ${code})`, { file })),
    );
  });
}

/** Stops every user file still running: each load rejects at once. */
export function stopUserCode() {
  for (const stop of [...running]) stop();
}
