// The benchmark against peers: every library on the same corpora in one process, round-robin so
// drift hits all alike, median of several timed measurements; plus cold start in fresh processes,
// gzipped download size and our native build as the reference. Writes out/bench/.
// Usage: node bench/run.mjs   (scripts/bench.sh builds first; bench/README.md lists the env knobs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { checkOutput } from './check.mjs';
import { defaultCorpusDir, root, writeCorpora } from './corpus.mjs';
import { BROWSER_FILES, LIBS } from './libs.mjs';
import { readmeSpeed, renderMarkdown, renderSvg } from './report.mjs';

const env = process.env;
const quick = env.BENCH_QUICK === '1';
const num = (v, d) => (v === undefined || v === '' ? d : Number(v));
export const config = {
  seconds: num(env.BENCH_SECONDS, quick ? 0.2 : 1),
  rounds: num(env.BENCH_ROUNDS, quick ? 3 : 5),
  coldRuns: num(env.BENCH_COLD_RUNS, quick ? 3 : 7),
  scale: num(env.BENCH_SCALE, 1),
  corpusDir: env.BENCH_CORPUS_DIR || defaultCorpusDir,
  outDir: env.BENCH_OUT || join(root, 'out', 'bench'),
  native: env.BENCH_NATIVE ?? join(root, 'build', 'bench', 'native_bench'),
  only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',') : null,
  readme: env.BENCH_README ?? '',
  // cpu (default): the process's CPU time, which a shared, overloaded machine disturbs far less
  // than the wall clock (time spent waiting for a core is not counted); wall: elapsed time.
  clock: env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu',
};
const now =
  config.clock === 'cpu'
    ? () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      }
    : () => performance.now();
// A full run (default scale and timing, every library) rewrites README's speed section; a quick,
// partial or scaled run never does. BENCH_README=0 turns it off, =1 forces it.
const writesReadme =
  config.readme === '1' ||
  (config.readme !== '0' && !quick && !config.only && config.scale === 1 && !env.BENCH_SECONDS && !env.BENCH_ROUNDS);

const log = (...a) => console.error(...a);
// Every timed measurement starts on a collected heap: a library then pays for collecting its own
// garbage, not for what the one timed before it left behind (after one second on the READMEs,
// markdown-it and commonmark leave about 40 MB of it, foldmark about 50 MB of external strings).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Calls run() over all texts until `seconds` have passed; whole passes only.
function measure(run, texts, bytes, seconds) {
  let iters = 0;
  let sink = 0;
  const t0 = now();
  let elapsed;
  do {
    for (let i = 0; i < texts.length; ++i) sink += run(texts[i]) ? 1 : 0;
    ++iters;
    elapsed = (now() - t0) / 1000;
  } while (elapsed < seconds);
  if (sink !== iters * texts.length) throw new Error('a call returned nothing');
  return { bytes: bytes * iters, items: iters * texts.length, elapsed };
}

// How many turns a round's time per library is cut into (see throughput).
const slices = Math.max(1, Math.round(config.seconds / 0.2));

const rateOf = (m) => ({ mbps: m.bytes / m.elapsed / 1e6, usPerItem: (m.elapsed * 1e6) / m.items });

function nativeMeasure(mode, corpus, seconds) {
  const r = spawnSync(config.native, [mode, String(seconds), ...corpus.files], {
    encoding: 'utf8',
    env: { ...env, BENCH_CLOCK: config.clock },
  });
  if (r.status !== 0) throw new Error(`native_bench failed: ${r.stderr || r.error}`);
  const { mbps } = JSON.parse(r.stdout);
  return { mbps, usPerItem: corpus.bytes / corpus.files.length / mbps };
}

async function throughput(corpora) {
  const libs = [];
  for (const lib of LIBS) {
    if (config.only && !config.only.includes(lib.name)) continue;
    libs.push({ ...lib, ...(await lib.load()) });
  }
  const texts = new Map(corpora.map((c) => [c.name, c.files.map((f) => readFileSync(f, 'utf8'))]));
  for (const c of corpora) for (const lib of libs) checkOutput(lib.name, c.name, texts.get(c.name), lib);
  log(`[bench] correctness: ${libs.length} libraries × ${corpora.length} corpora OK`);

  const useNative = config.native && existsSync(config.native);
  if (!useNative) log(`[bench] no native reference (${config.native} missing): run scripts/bench.sh`);
  const natives = useNative ? ['native toHtml', 'native render'] : [];
  const runners = [...libs.map((l) => l.name), ...natives];
  const samples = {};
  for (const c of corpora) samples[c.name] = Object.fromEntries(runners.map((n) => [n, []]));

  const timeLib = (name, c, seconds) => {
    collectGarbage();
    return measure(libs.find((l) => l.name === name).run, texts.get(c.name), c.bytes, seconds);
  };
  // One short untimed pass each, so JIT tiers and wasm tier-up happen before round 1.
  for (const c of corpora)
    for (const l of libs) measure(l.run, texts.get(c.name), c.bytes, Math.min(0.3, config.seconds));

  // A round gives each library its time in slices of about 0.2 s, taken in turn, and adds them up.
  // This machine's speed changes for seconds at a time (every library, foldmark or not, runs in one
  // of two modes about 40 % apart), and libraries that share every slice of a round share its
  // changes: with one whole second each, two libraries of a pair could run up to ten seconds apart.
  const libNames = libs.map((l) => l.name);
  for (let round = 0; round < config.rounds; ++round) {
    const order = libNames.map((_, i) => libNames[(i + round) % libNames.length]);
    for (const c of corpora) {
      const sums = Object.fromEntries(order.map((n) => [n, { bytes: 0, items: 0, elapsed: 0 }]));
      for (let k = 0; k < slices; ++k) {
        for (const name of order) {
          const m = timeLib(name, c, config.seconds / slices);
          for (const key in m) sums[name][key] += m[key];
        }
      }
      for (const name of order) samples[c.name][name].push(rateOf(sums[name]));
      // The native reference runs in its own process, once a round (it pairs with no peer).
      if (natives.length > 0) samples[c.name]['native toHtml'].push(nativeMeasure('html', c, config.seconds));
      if (natives.length > 0) samples[c.name]['native render'].push(nativeMeasure('render', c, config.seconds));
    }
    log(`[bench] round ${round + 1}/${config.rounds} done`);
  }

  const rows = {};
  for (const c of corpora) {
    rows[c.name] = {};
    for (const name of runners) {
      const s = samples[c.name][name];
      rows[c.name][name] = {
        mbps: median(s.map((x) => x.mbps)),
        usPerItem: median(s.map((x) => x.usPerItem)),
        rounds: s.map((x) => x.mbps),
        spread: (Math.max(...s.map((x) => x.mbps)) - Math.min(...s.map((x) => x.mbps))) / median(s.map((x) => x.mbps)),
      };
    }
    const peers = libs.filter((l) => l.peer).map((l) => l.name);
    const fastest = peers.reduce(
      (best, n) => (rows[c.name][n].mbps > (rows[c.name][best]?.mbps ?? -1) ? n : best),
      peers[0],
    );
    rows[c.name].fastestPeer = fastest;
    // A ratio pairs each round's measurement with the fastest peer's in the same round, then takes
    // the median: a shared machine's load comes and goes over seconds to minutes, and a round's
    // pair shares it, where the two medians may come from different rounds.
    const peerRounds = fastest ? samples[c.name][fastest] : [];
    for (const name of runners)
      rows[c.name][name].ratio = fastest
        ? median(samples[c.name][name].map((x, round) => x.mbps / peerRounds[round].mbps))
        : NaN;
  }
  return { runners, rows };
}

function coldStart(corpora) {
  const file = corpora.find((c) => c.name === 'small').files[0];
  const names = LIBS.map((l) => l.name).filter(
    (n) => !n.startsWith('foldmark render') && n !== 'foldmark toHtml mdx' && (!config.only || config.only.includes(n)),
  );
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < config.coldRuns; ++i) {
    for (let k = 0; k < names.length; ++k) {
      const name = names[(k + i) % names.length];
      const r = spawnSync(process.execPath, [join(root, 'bench', 'cold.mjs'), name, file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold start of ${name} failed: ${r.stderr}`);
      samples[name].push(JSON.parse(r.stdout));
    }
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        ms: median(samples[n].map((s) => s.ms)),
        processMs: median(samples[n].map((s) => s.sinceProcessStart)),
      },
    ]),
  );
}

// The compiled module alone: the wasm and its Embind glue (the size target), beside each
// library's whole browser download.
const CORE_FILES = ['dist/foldmark-core.wasm', 'dist/foldmark-core.mjs'];
const CORE = 'foldmark wasm + glue';

function sizes() {
  const out = {};
  for (const [name, files] of Object.entries({ ...BROWSER_FILES, [CORE]: CORE_FILES })) {
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const data = readFileSync(join(root, f));
      raw += data.length;
      gz += gzipSync(data, { level: 9 }).length;
    }
    out[name] = { raw, gz, files };
  }
  return out;
}

// The speed and size targets the project set itself, each as measured in this run.
function targets({ rows }, corpora, cold, size) {
  const t = [];
  const r = (c, n) => rows[c]?.[n];
  const ratio = (v) => `${v.toFixed(2)}×`;
  // a's speed over b's, paired by round as the table's ratios are.
  const paired = (a, b) => median(a.rounds.map((v, round) => v / b.rounds[round]));
  for (const { name: c, docs } of corpora) {
    const v = r(c, 'foldmark toHtml')?.ratio;
    if (v !== undefined)
      t.push({ what: `toHtml ≥ 1.25× fastest peer on ${c} (${rows[c].fastestPeer})`, value: ratio(v), ok: v >= 1.25 });
    const m = r(c, 'foldmark toHtml mdx');
    if (docs && m)
      t.push({ what: `toHtml with mdx ≥ 1.25× fastest peer on ${c}`, value: ratio(m.ratio), ok: m.ratio >= 1.25 });
  }
  for (const { name: c, docs } of corpora) {
    const v = r(c, 'foldmark render')?.ratio;
    if (v !== undefined && (docs || c === 'faq'))
      t.push({ what: `render (as the site) ≥ 1.0× fastest peer's HTML on ${c}`, value: ratio(v), ok: v >= 1 });
  }
  for (const { name: c, docs } of corpora) {
    const a = r(c, 'foldmark toHtml mdx');
    const b = r(c, 'foldmark toHtml');
    if (docs || !a || !b) continue;
    const cost = 1 - paired(a, b);
    t.push({
      what: `the MDX stages cost ≤ 5 % on ${c} (toHtml mdx vs toHtml)`,
      value: `${(100 * cost).toFixed(1)} %`,
      ok: cost <= 0.05,
    });
  }
  if (r('small', 'foldmark toHtml') && r('small', 'markdown-wasm')) {
    const a = r('small', 'foldmark toHtml').usPerItem;
    const b = r('small', 'markdown-wasm').usPerItem;
    t.push({
      what: 'per-article time (small) ≤ markdown-wasm',
      value: `${a.toFixed(1)} µs vs ${b.toFixed(1)} µs`,
      ok: a <= b,
    });
  }
  if (cold['foldmark toHtml'] && cold['markdown-wasm']) {
    const a = cold['foldmark toHtml'].ms;
    const b = cold['markdown-wasm'].ms;
    t.push({ what: 'cold start ≤ markdown-wasm', value: `${a.toFixed(1)} ms vs ${b.toFixed(1)} ms`, ok: a <= b });
  }
  t.push({
    what: 'wasm + Embind glue ≤ 85 KiB gzipped',
    value: `${(size[CORE].gz / 1024).toFixed(1)} KiB`,
    ok: size[CORE].gz <= 85 * 1024,
  });
  for (const { name: c } of corpora) {
    if (!r(c, 'native toHtml') || !r(c, 'foldmark toHtml')) continue;
    const v = paired(r(c, 'foldmark toHtml'), r(c, 'native toHtml'));
    t.push({ what: `wasm toHtml ≥ 0.75× native on ${c}`, value: ratio(v), ok: v >= 0.75 });
  }
  return t;
}

// README's speed section, between its two markers, from this run.
function writeReadme(results) {
  const path = join(root, 'README.md');
  const text = readFileSync(path, 'utf8');
  const begin = '<!-- bench:speed -->';
  const end = '<!-- /bench:speed -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${begin} … ${end} markers`);
  writeFileSync(path, `${text.slice(0, a + begin.length)}\n${readmeSpeed(results)}${text.slice(b)}`);
  writeFileSync(join(root, 'docs', 'bench.svg'), renderSvg(results));
  log('[bench] README.md speed section rewritten from this run');
}

async function main() {
  const started = Date.now();
  mkdirSync(config.outDir, { recursive: true });
  const corpora = writeCorpora(config.corpusDir, config.scale);
  log(
    `[bench] corpora in ${config.corpusDir}: ${corpora.map((c) => `${c.name} ${(c.bytes / 1e6).toFixed(2)} MB`).join(', ')}`,
  );
  log(`[bench] ${config.rounds} rounds × ${config.seconds} s per measurement`);
  const tp = await throughput(corpora);
  const cold = config.coldRuns > 0 ? coldStart(corpora) : {};
  const size = sizes();
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    config: {
      seconds: config.seconds,
      rounds: config.rounds,
      slices,
      coldRuns: config.coldRuns,
      scale: config.scale,
      clock: config.clock,
    },
    corpora: corpora.map((c) => ({
      name: c.name,
      title: c.title,
      bytes: c.bytes,
      files: c.files.length,
      docs: !!c.docs,
    })),
    ...tp,
    cold,
    size,
  };
  results.targets = targets(tp, results.corpora, cold, size);
  results.seconds = (Date.now() - started) / 1000;
  const md = renderMarkdown(results);
  writeFileSync(join(config.outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(config.outDir, 'results.md'), md);
  writeFileSync(join(config.outDir, 'bench.svg'), renderSvg(results));
  console.log(md);
  if (writesReadme) writeReadme(results);
  log(`[bench] wrote ${join(config.outDir, 'results.md')} and bench.svg in ${results.seconds.toFixed(0)} s`);
}

main().catch((err) => {
  console.error(`[bench] FAILED: ${err.message}`);
  process.exitCode = 1;
});
