// The site benchmark: generates docs trees of 10, 1,000 and 10,000 articles, builds each
// with and without --prerender, and measures the build (time, peak RSS, output bytes) and, in
// Chromium from file://, what one reader gets (time to the first and a second article, bytes
// downloaded, failed requests). Writes out/bench-site/results.{json,md} and site-bench.svg.
// Usage: node bench/site/run.mjs   (scripts/bench-site.sh builds first; bench/site/README.md has the env knobs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, measureSites } from './browser.mjs';
import { generateTree } from './generate.mjs';
import { renderMarkdown, renderSvg, targets } from './report.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'web', 'cli.js');
const probe = join(root, 'bench', 'site', 'rss-probe.mjs');
const env = process.env;
const list = (v, d) => (v ? v.split(',').map(Number) : d);
export const config = {
  sizes: list(env.BENCH_SITE_SIZES, [10, 1000, 10000]),
  builds: Number(env.BENCH_SITE_BUILDS || 3),
  loads: Number(env.BENCH_SITE_LOADS || 5),
  outDir: env.BENCH_SITE_OUT || join(root, 'out', 'bench-site'),
  treeDir: env.BENCH_SITE_TREES || join(root, 'out', 'bench-site-trees'),
  // The builder refuses to write inside the package, so the sites go to the temp folder.
  siteDir: env.BENCH_SITE_SITES || join(tmpdir(), 'foldmark-bench-site'),
};
export const MODES = [
  { name: 'plain', flags: [] },
  { name: 'prerender', flags: ['--prerender'] },
];

const log = (...a) => console.error('[bench:site]', ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// What this builder understands, so an older checkout can be measured too (a builder without
// docs trees has no --static).
function builderFeatures() {
  const help = (...args) => {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`;
  };
  const usage = help('--help') + help('build', '--help');
  return { static: usage.includes('--static') };
}

// The previous build of a site is moved aside, not deleted, and the pile is deleted when the run
// is over: on a journal-less ext4 (this VM's) the kernel makes every file created within a few
// minutes of deleting tens of thousands scan past them (perf: find_inode_bit, recently_deleted),
// which tripled the system time of a 10,000-article build. Each build is timed as on a disk that
// has not just deleted the previous one, as on a fresh checkout.
const trash = () => join(config.siteDir, '.previous-builds');
let moved = 0;
function moveAside(out) {
  if (!existsSync(out)) return;
  mkdirSync(trash(), { recursive: true });
  renameSync(out, join(trash(), `${process.pid}-${moved++}`));
}

// One build in a fresh node process: wall ms (process start included), peak RSS, warnings.
function buildOnce(tree, out, flags, features) {
  moveAside(out);
  const rssFile = join(config.outDir, 'build.rss');
  const args = ['--import', probe, cli, 'build', tree.docs, '--out', out, ...flags];
  if (features.static) args.push('--static', tree.static);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...env, CI: '1', FOLDMARK_BENCH_RSS_FILE: rssFile },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`foldmark build ${flags.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const { maxRssKib, cpuUs } = JSON.parse(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile);
  const warnings = r.stderr.split('\n').filter((l) => /warning:/.test(l));
  return { ms, rssKib: maxRssKib, cpuMs: cpuUs / 1000, warnings };
}

function walk(dir) {
  let bytes = 0;
  let files = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) {
      const sub = walk(p);
      bytes += sub.bytes;
      files += sub.files;
    } else if (d.isFile()) {
      bytes += statSync(p).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

// The search index, when the builder writes one: the shards _foldmark/search/<k>.js.
function searchIndexGz(out) {
  const dir = join(out, '_foldmark', 'search');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  return files.length ? files.reduce((sum, f) => sum + gz(join(dir, f)), 0) : null;
}

// The page a reader opens: the landing page, or with --prerender a nested article's own page.
function entryPage(out, tree, mode) {
  const id = tree.ids[1];
  if (mode === 'prerender' && existsSync(join(out, id, 'index.html'))) return `${id}/index.html`;
  return 'index.html';
}

async function measureSize(n, features) {
  const tree = generateTree(n, join(config.treeDir, String(n)));
  log(
    `${n} articles: ${(tree.bytes / 1e6).toFixed(2)} MB Markdown, ${tree.links} links, ${tree.images} images${tree.cached ? ' (cached)' : ''}`,
  );
  const row = { n, markdownBytes: tree.bytes, links: tree.links, images: tree.images, modes: {} };
  for (const mode of MODES) {
    const out = join(config.siteDir, `${n}-${mode.name}`);
    const runs = [];
    for (let i = 0; i < config.builds; i++) runs.push(buildOnce(tree, out, mode.flags, features));
    const size = walk(out);
    const catalog = join(out, '_foldmark', 'catalog.js');
    const index = searchIndexGz(out);
    const m = {
      buildMs: median(runs.map((r) => r.ms)),
      buildCpuMs: median(runs.map((r) => r.cpuMs)),
      rssMiB: Math.max(...runs.map((r) => r.rssKib)) / 1024,
      outBytes: size.bytes,
      outFiles: size.files,
      warnings: runs[0].warnings.length,
      brokenWarnings: runs[0].warnings.filter((w) => /broken|missing/i.test(w)).length,
      warningExamples: runs[0].warnings.slice(0, 3),
      catalogPerDoc: existsSync(catalog) ? gz(catalog) / n : null,
      ...(index === null ? {} : { indexPerDoc: index / n }),
    };
    log(
      `  ${mode.name}: build ${(m.buildMs / 1000).toFixed(2)} s, ${m.rssMiB.toFixed(0)} MiB, ${(m.outBytes / 1e6).toFixed(1)} MB, ${m.warnings} warnings`,
    );
    m.site = { siteDir: out, page: entryPage(out, tree, mode.name) }; // loaded once every site is built
    row.modes[mode.name] = m;
  }
  return row;
}

// The Chromium loads of every built site, in rounds across sizes and modes (browser.mjs).
async function measurePages(rows, browser) {
  const entries = rows.flatMap((row) => Object.entries(row.modes).map(([mode, m]) => ({ n: row.n, mode, m })));
  const results = await measureSites(
    browser.context,
    entries.map((e) => e.m.site),
    config.loads,
  );
  entries.forEach(({ n, mode, m }, k) => {
    delete m.site;
    Object.assign(m, results[k]);
    log(
      `${n} articles, ${mode}: ${m.page}: first ${m.firstMs.toFixed(0)} ms, second ${m.secondMs.toFixed(0)} ms (${m.secondHow}), ` +
        `${(m.downloadGz / 1024).toFixed(1)} KiB gz in ${m.requests} files, ${m.failed} failed`,
    );
    for (const x of [...m.failedExamples, ...m.errors]) log(`    ${x}`);
  });
}

async function main() {
  const started = Date.now();
  mkdirSync(config.outDir, { recursive: true });
  mkdirSync(config.siteDir, { recursive: true });
  const loadBefore = loadavg();
  const features = builderFeatures();
  if (!features.static) log('this builder has no --static: images in static/ will be missing');
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const n of config.sizes) rows.push(await measureSize(n, features));
    await measurePages(rows, browser);
  } finally {
    await browser.close();
    rmSync(trash(), { recursive: true, force: true });
  }
  const results = {
    date: new Date().toISOString(),
    loadBefore: loadBefore.map((x) => Number(x.toFixed(1))),
    loadAfter: loadavg().map((x) => Number(x.toFixed(1))),
    node: process.version,
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
    config: { sizes: config.sizes, builds: config.builds, loads: config.loads },
    features,
    rows,
  };
  results.targets = targets(results);
  results.seconds = (Date.now() - started) / 1000;
  const md = renderMarkdown(results);
  writeFileSync(join(config.outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(config.outDir, 'results.md'), md);
  writeFileSync(join(config.outDir, 'site-bench.svg'), renderSvg(results));
  console.log(md);
  log(`wrote ${join(config.outDir, 'results.md')} and site-bench.svg in ${results.seconds.toFixed(0)} s`);
}

main().catch((err) => {
  console.error(`[bench:site] FAILED: ${err.stack || err.message}`);
  process.exitCode = 1;
});
