// MiniSearch vs FlexSearch on the Redux docs' sections (NEEDS /work/shared/testdata/redux-docs:
// run bench/search-quality.mjs's build first is not needed, this builds its own): index build time,
// serialized index size (gzip), query time and top-3 on bench/search-queries.json.
// FlexSearch is not a dependency: `npm install --no-save flexsearch` before running this.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { createFoldmark } from '../web/node.js';
import { buildSite } from '../web/site/builder/index.js';
import { INDEX_OPTIONS, QUERY_OPTIONS } from '../web/site/shared/search-options.js';

const tree = process.env.REDUX_DOCS || '/work/shared/testdata/redux-docs';
if (!existsSync(join(tree, 'docs'))) {
  console.error(`search-libs: the Redux docs tree is missing at ${tree}: this benchmark needs it`);
  process.exit(2);
}
const { Document } = (await import('flexsearch')).default;
const out = mkdtempSync(join(tmpdir(), 'fm-libs-'));
let shard;
const sandbox = {
  foldmarkSearch: (k, d) => {
    shard = d;
  },
};
await buildSite(await createFoldmark(), {
  docsDir: join(tree, 'docs'),
  outDir: join(out, 's'),
  sidebars: join(tree, 'sidebars.js'),
  warn: () => {},
  force: true,
});
new Function('self', readFileSync(join(out, 's/_foldmark/search/0.js'), 'utf8'))(sandbox);
const catalog = {};
new Function('self', readFileSync(join(out, 's/_foldmark/catalog.js'), 'utf8'))(catalog);
rmSync(out, { recursive: true, force: true });
const ids = catalog.foldmarkCatalog.docs.map((d) => d[0]);
const records = shard.sections.map(([n, h, t, x], i) => ({ i, title: ids[n], heading: t, text: x }));
const queries = JSON.parse(readFileSync(fileURLToPath(new URL('search-queries.json', import.meta.url)), 'utf8'));
const gz = (s) => gzipSync(s).length;

function evaluate(name, search) {
  let top3 = 0;
  const t = performance.now();
  for (const { q, doc, section } of queries) {
    const got = search(q)
      .slice(0, 3)
      .map((i) => shard.sections[i]);
    if (got.some(([n, h]) => ids[n] === doc && h === section)) top3 += 1;
  }
  return { name, top3: `${top3}/${queries.length}`, queryMs: +((performance.now() - t) / queries.length).toFixed(2) };
}

let t = performance.now();
const ms = new MiniSearch(INDEX_OPTIONS);
ms.addAll(records);
const msBuild = performance.now() - t;
const msJson = JSON.stringify(ms.toJSON());
const mini = {
  ...evaluate('minisearch', (q) => ms.search(q, QUERY_OPTIONS).map((r) => r.id)),
  buildMs: Math.round(msBuild),
  indexGz: gz(msJson),
};

t = performance.now();
const fx = new Document({
  document: { id: 'i', index: ['heading', 'text', 'title'] },
  tokenize: 'forward',
  resolution: 9,
});
for (const r of records) fx.add(r);
const fxBuild = performance.now() - t;
const parts = [];
await fx.export((key, data) => {
  parts.push(`${key}:${data ?? ''}`);
});
const flex = {
  ...evaluate('flexsearch', (q) => {
    const seen = [];
    for (const field of ['heading', 'title', 'text'])
      for (const r of fx.search(q, { index: field, limit: 10, suggest: true })[0]?.result ?? [])
        if (!seen.includes(r)) seen.push(r);
    return seen;
  }),
  buildMs: Math.round(fxBuild),
  indexGz: gz(parts.join('\n')),
};
console.log(`sections ${records.length}, text gz ${gz(JSON.stringify(shard.sections))} B`);
for (const r of [mini, flex]) console.log(JSON.stringify(r));
