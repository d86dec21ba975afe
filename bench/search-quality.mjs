// Search quality on the Redux docs: NEEDS /work/shared/testdata/redux-docs (or REDUX_DOCS=path),
// which a fresh clone does not have; without it this script fails loudly (exit 2), it never skips.
// Builds the site with the real builder, loads its search shards with the page's own SearchIndex,
// runs bench/search-queries.json and reports how often the expected section is first / in the top 3.
// Usage: node bench/search-quality.mjs [--json] [--verbose]
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFoldmark } from '../web/node.js';
import { buildSite } from '../web/site/builder/index.js';
import { SearchIndex } from '../web/site/page/search-index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const tree = process.env.REDUX_DOCS || '/work/shared/testdata/redux-docs';
if (!existsSync(join(tree, 'docs'))) {
  console.error(`search-quality: the Redux docs tree is missing at ${tree} (set REDUX_DOCS): this benchmark needs it`);
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'fm-search-'));
try {
  const t0 = performance.now();
  await buildSite(await createFoldmark(), {
    docsDir: join(tree, 'docs'),
    outDir: join(out, 'site'),
    sidebars: join(tree, 'sidebars.js'),
    title: 'Redux',
    warn: () => {},
    force: true,
  });
  const buildMs = performance.now() - t0;
  const catalog = { value: null };
  const index = new SearchIndex();
  const sandbox = { foldmarkCatalog: null, foldmarkSearch: (k, data) => index.addShard(data) };
  const run = (file) => new Function('self', readFileSync(file, 'utf8'))(sandbox);
  run(join(out, 'site/_foldmark/catalog.js'));
  catalog.value = sandbox.foldmarkCatalog;
  const shardDir = join(out, 'site/_foldmark/search');
  const t1 = performance.now();
  for (const f of readdirSync(shardDir)) run(join(shardDir, f));
  const loadMs = performance.now() - t1;
  const ids = catalog.value.docs.map((d) => d[0]);

  const queries = JSON.parse(readFileSync(join(here, 'search-queries.json'), 'utf8'));
  let top1 = 0;
  let top3 = 0;
  const times = [];
  const misses = [];
  for (const { q, doc, section } of queries) {
    const t = performance.now();
    const hits = index.search(q, 10);
    times.push(performance.now() - t);
    const rank = hits.findIndex((h) => ids[h.n] === doc && h.heading === section);
    if (rank === 0) top1 += 1;
    if (rank >= 0 && rank < 3) top3 += 1;
    if (rank !== 0)
      misses.push({
        q,
        want: `${doc}#${section}`,
        rank: rank < 0 ? '>10' : rank + 1,
        got: hits.slice(0, 3).map((h) => `${ids[h.n]}#${h.heading}`),
      });
  }
  times.sort((a, b) => a - b);
  const result = {
    queries: queries.length,
    top1,
    top3,
    top1Pct: Math.round((100 * top1) / queries.length),
    top3Pct: Math.round((100 * top3) / queries.length),
    queryMsMedian: +times[times.length >> 1].toFixed(2),
    queryMsMax: +times[times.length - 1].toFixed(2),
    buildMs: Math.round(buildMs),
    loadIndexMs: Math.round(loadMs),
  };
  if (process.argv.includes('--verbose')) for (const m of misses) console.log(JSON.stringify(m));
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else
    console.log(
      `search quality on the Redux docs: ${result.queries} queries, top-1 ${top1} (${result.top1Pct}%), top-3 ${top3} (${result.top3Pct}%); query median ${result.queryMsMedian} ms, max ${result.queryMsMax} ms; index load ${result.loadIndexMs} ms (Node)`,
    );
} finally {
  rmSync(out, { recursive: true, force: true });
}
