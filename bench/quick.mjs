// The quick ratio check (`npm run bench:quick`, about 20 s): foldmark against markdown-wasm in one
// process, interleaved rounds paired for the ratios, on the spec, a 256 KiB FAQ and the committed
// Redux docs (0.9 MB). Prints MB/s medians and ratios; always exits 0 (a shared machine is noisy: it reports, the full
// `npm run bench` is the measurement to quote). Run it before every stop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { faqArticle, reduxDocs, root } from './corpus.mjs';
import { DOC_OPTIONS } from '../web/site/shared/doc-syntax.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);
const MS = Number(process.env.BENCH_MS || 250);

function inputs() {
  const out = { faq: faqArticle(1, 256 * 1024) };
  try {
    out.spec = readFileSync(join(root, '.deps', 'md4c', 'test', 'spec.txt'), 'utf8');
  } catch {
    console.log('bench:quick: .deps/md4c/test/spec.txt missing (scripts/setup.sh fetches it): spec skipped');
  }
  out.docusaurus = reduxDocs(Infinity).text;
  return out;
}

const rate = (run, text, ms) => {
  const t0 = performance.now();
  let n = 0;
  let elapsed;
  do {
    run(text);
    n += 1;
    elapsed = performance.now() - t0;
  } while (elapsed < ms);
  return (n * Buffer.byteLength(text)) / 1e6 / (elapsed / 1000);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

let fm;
let mw;
try {
  fm = await (await import('../web/node.js')).createFoldmark();
  const mod = await import('markdown-wasm');
  mw = mod.parse ? mod : mod.default;
  await mw.ready;
} catch (err) {
  console.log(`bench:quick: cannot load (${err.message}); run npm run build (and npm install)`);
  process.exit(0);
}
const runs = {
  toHtml: (s) => fm.toHtml(s),
  'toHtml mdx': (s) => fm.toHtml(s, { mdx: true }),
  'render mdx': (s) => fm.render(s, DOC_OPTIONS).html,
  'markdown-wasm': (s) => mw.parse(s),
};
for (const [name, text] of Object.entries(inputs())) {
  const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (const k in runs) rate(runs[k], text, 100);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = Object.keys(runs);
    for (let i = 0; i < order.length; i += 1) {
      const k = order[(i + round) % order.length];
      samples[k].push(rate(runs[k], text, MS));
    }
  }
  const base = median(samples['markdown-wasm']);
  // Each round's rate over markdown-wasm's in the same round, median: as npm run bench pairs them.
  const ratio = (k) => median(samples[k].map((v, round) => v / samples['markdown-wasm'][round]));
  const cells = Object.keys(runs)
    .filter((k) => k !== 'markdown-wasm')
    .map((k) => `${k} ${median(samples[k]).toFixed(1)} MB/s (${ratio(k).toFixed(2)}×)`);
  console.log(
    `bench:quick ${name} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB): ${cells.join(', ')}; markdown-wasm ${base.toFixed(1)} MB/s`,
  );
}
console.log(
  'bench:quick: goals toHtml ≥ 1.25× markdown-wasm on each input, render mdx ≥ 1.0× on faq and docusaurus, toHtml mdx within 5 % of toHtml where there is no MDX.',
);
