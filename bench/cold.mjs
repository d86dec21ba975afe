// One cold start, run in a fresh node process by bench/run.mjs: import + init + first render of
// FILE with library NAME. Prints {"ms": …, "sinceProcessStart": …} on stdout.
// Usage: node bench/cold.mjs NAME FILE
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { libByName } from './libs.mjs';

const [name, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const lib = libByName(name);
const t0 = performance.now();
const { run, html } = await lib.load();
const out = html(run(text));
const t1 = performance.now();
if (typeof out !== 'string' || out.length === 0) throw new Error(`${name}: empty first render`);
console.log(JSON.stringify({ ms: t1 - t0, sinceProcessStart: t1 }));
