// Instructions per call of the engine alone, counted, not timed (`node bench/instructions.mjs
// CORPUS MODE [DIST]`): CORPUS is one of bench/corpus.mjs's (spec, readmes, faq, small,
// docusaurus), MODE plain | mdx | doc (mdx + allowRawHtml 'safe') | render (as the site), DIST
// the folder with foldmark-core.mjs/.wasm (default dist/). The input is written into the wasm's
// buffer once and the Embind entry point called directly: no encoding, no output string.
// valgrind (callgrind) counts Node running 2 and then 12 calls; the difference over 10 is one call.
// V8 is pinned down so that a count repeats to the instruction: TurboFan only (no Liftoff, no
// tier-up), one thread, fixed seeds, no address randomisation. Compare builds with it (a change's
// cost in the engine, ±0.01 %), not libraries: the time outside the engine is not in it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultCorpusDir, writeCorpora } from './corpus.mjs';

const [corpus, mode, dist = fileURLToPath(new URL('../dist', import.meta.url)), calls] = process.argv.slice(2);
const F = JSON.parse(readFileSync(new URL('../wasm/contract.json', import.meta.url), 'utf8')).flags;
const base = F.gfm | F.headingIds | F.validUtf8;
const FLAGS = {
  plain: base,
  mdx: base | F.mdx,
  doc: base | F.mdx | F.rawHtmlSafe,
  render: base | F.mdx | F.rawHtmlSafe,
};
if (!(mode in FLAGS)) {
  console.error('usage: node bench/instructions.mjs spec|readmes|faq|small|docusaurus plain|mdx|doc|render [DIST]');
  process.exit(2);
}

function inputs() {
  if (!existsSync(join(defaultCorpusDir, 'manifest.json'))) writeCorpora();
  if (corpus === 'small') {
    const dir = join(defaultCorpusDir, 'small');
    return readdirSync(dir)
      .sort()
      .slice(0, 500)
      .map((f) => readFileSync(join(dir, f)));
  }
  return [readFileSync(join(defaultCorpusDir, `${corpus}.md`))];
}

if (calls !== undefined) {
  // The counted child: N calls after 5 of warm-up.
  const create = (await import(pathToFileURL(join(dist, 'foldmark-core.mjs')))).default;
  const core = await create({ wasmBinary: readFileSync(join(dist, 'foldmark-core.wasm')) });
  const texts = inputs();
  const max = Math.max(...texts.map((t) => t.length));
  const entry = mode === 'render' ? core.render : core.toHtml;
  const one = (t) => {
    core.HEAPU8.set(t, core.inputBuffer(max));
    if (entry(t.length, FLAGS[mode]) !== 0) throw new Error('the core refused the input');
  };
  for (let i = 0; i < 5 + Number(calls); ++i) for (const t of texts) one(t);
} else {
  inputs(); // written before counting
  const count = (n) => {
    const r = spawnSync(
      'setarch',
      [
        '-R',
        'valgrind',
        '--tool=callgrind',
        '--callgrind-out-file=/dev/null',
        '--smc-check=all',
        process.execPath,
        '--single-threaded',
        '--no-liftoff',
        '--no-wasm-tier-up',
        '--predictable',
        '--random-seed=1',
        '--hash-seed=1',
        fileURLToPath(import.meta.url),
        corpus,
        mode,
        resolve(dist),
        String(n),
      ],
      { encoding: 'utf8' },
    );
    const m = /Collected : (\d+)/.exec(r.stderr ?? '');
    if (r.status !== 0 || !m) {
      console.error(`instructions: valgrind and setarch are needed (${r.error?.message ?? r.stderr.slice(-300)})`);
      process.exit(1);
    }
    return Number(m[1]);
  };
  const perCall = (count(12) - count(2)) / 10;
  const unit = corpus === 'small' ? ' (500 articles)' : '';
  console.log(`${corpus} ${mode}: ${(perCall / 1e6).toFixed(3)} M instructions a call${unit}`);
}
