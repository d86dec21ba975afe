// Search in Chromium on any docs tree (for the 10,000-article tree of the site benchmark): builds
// DOCS_DIR, opens it from file://, and measures the first query (index shards loaded on first use)
// and then keystroke → results on screen for warm queries. measureSearch(page, queries) is exported
// for the site benchmark (bench/site/) to call on its own builds.
// Usage: node bench/search-browser.mjs DOCS_DIR [--sidebars FILE] [query …]   (npm run build first)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createFoldmark } from '../web/node.js';
import { buildSite } from '../web/site/builder/index.js';
import { launch, load, median, openPage, typeSearches } from '../tests/browser/harness.mjs';

/**
 * page: a Playwright page showing a foldmark site. Returns { firstResultsMs, allShardsMs,
 * keystrokeMs: { median, max, n } }: the first query from the key press (index not yet loaded) to
 * the first results shown and to every shard loaded, then the page's own 'foldmark:search' measure
 * per keystroke of the warm queries.
 */
export async function measureSearch(page, queries) {
  const t0 = Date.now();
  await page.keyboard.press('/');
  await page.keyboard.type(queries[0].slice(0, 4));
  await page.waitForFunction(() => document.querySelectorAll('.site-search-hit').length > 0, null, { timeout: 120000 });
  const firstResultsMs = Date.now() - t0;
  await page.waitForFunction(() => /results/.test(document.querySelector('.site-search-status').textContent), null, {
    timeout: 300000,
  });
  const allShardsMs = Date.now() - t0;
  const keys = await typeSearches(page, queries, 200);
  return {
    firstResultsMs,
    allShardsMs,
    keystrokeMs: { median: +median(keys).toFixed(1), max: +Math.max(...keys).toFixed(1), n: keys.length },
  };
}

async function main(argv) {
  const docs = argv[0];
  if (!docs) throw new Error('usage: node bench/search-browser.mjs DOCS_DIR [--sidebars FILE] [query …]');
  const s = argv.indexOf('--sidebars');
  const sidebars = s > 0 ? argv[s + 1] : undefined;
  const queries = argv.slice(1).filter((a, i, all) => a !== '--sidebars' && all[i - 1] !== '--sidebars');
  if (!queries.length) queries.push('configure the cache', 'render widget', 'deploy server', 'router schema plugin');
  const work = mkdtempSync(join(tmpdir(), 'fm-search-browser-'));
  const browser = await launch();
  try {
    const out = join(work, 'site');
    const t0 = performance.now();
    const summary = await buildSite(await createFoldmark(), { docsDir: docs, outDir: out, sidebars, warn: () => {} });
    const buildMs = Math.round(performance.now() - t0);
    const dir = join(out, '_foldmark', 'search');
    const shards = readdirSync(dir);
    const bytes = shards.reduce((a, f) => a + statSync(join(dir, f)).size, 0);
    const gz = shards.reduce((a, f) => a + gzipSync(readFileSync(join(dir, f))).length, 0);
    const { page } = await openPage(browser.context);
    await page.setViewportSize({ width: 1280, height: 860 });
    await load(page, pathToFileURL(join(out, 'index.html')).href);
    const result = await measureSearch(page, queries);
    console.log(
      JSON.stringify(
        {
          articles: summary.built,
          buildMs,
          shards: shards.length,
          indexMiB: +(bytes / 2 ** 20).toFixed(1),
          indexGzMiB: +(gz / 2 ** 20).toFixed(2),
          gzPerArticleKiB: +(gz / summary.built / 1024).toFixed(2),
          ...result,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
