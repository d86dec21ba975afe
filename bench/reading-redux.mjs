// The reading features on the real Redux docs, in Chromium from file://. NEEDS
// /work/shared/testdata/redux-docs (or REDUX_DOCS=path), which a fresh clone does not have: without
// it this script fails loudly (exit 2), it never skips. Not part of npm test.
// Measures: search index size (gzip, per article), Prism size (gzip), time from a keystroke to the
// results on screen (first query loads the index; then warm), and checks that no Redux article
// scrolls sideways at 390 px (every article, all answers open). Writes the README screenshots to
// docs/ (desktop, phone, phone menu, search open).
// Usage: node bench/reading-redux.mjs [--json] [--no-screenshots]   (npm run build first)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createFoldmark } from '../web/node.js';
import { buildSite } from '../web/site/builder/index.js';
import { launch, load, median, openPage, typeSearches } from '../tests/browser/harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tree = process.env.REDUX_DOCS || '/work/shared/testdata/redux-docs';
if (!existsSync(join(tree, 'docs'))) {
  console.error(`reading-redux: the Redux docs tree is missing at ${tree} (set REDUX_DOCS): this benchmark needs it`);
  process.exit(2);
}
const shots = !process.argv.includes('--no-screenshots');
const gz = (file) => gzipSync(readFileSync(file)).length;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

const work = mkdtempSync(join(tmpdir(), 'fm-reading-'));
const out = join(work, 'site');
const browser = await launch();
try {
  const t0 = performance.now();
  const summary = await buildSite(await createFoldmark(), {
    docsDir: join(tree, 'docs'),
    outDir: out,
    sidebars: join(tree, 'sidebars.js'),
    title: 'Redux',
    warn: () => {},
    editUrl: 'https://github.com/reduxjs/redux/edit/master/docs/',
  });
  const buildMs = performance.now() - t0;
  const searchDir = join(out, '_foldmark/search');
  const prismDir = join(out, '_foldmark/prism');
  const searchGz = sum(readdirSync(searchDir).map((f) => gz(join(searchDir, f))));
  const docsGz = sum(readdirSync(join(out, '_foldmark/docs')).map((f) => gz(join(out, '_foldmark/docs', f))));
  const prismCoreGz = gz(join(prismDir, 'core.js'));
  const prismJsGz = sum(['clike', 'javascript'].map((l) => gz(join(prismDir, `${l}.js`))));
  const prismAllGz = sum(readdirSync(prismDir).map((f) => gz(join(prismDir, f))));
  const index = pathToFileURL(join(out, 'index.html')).href;

  // Keystroke to results: each query typed in a fresh dialog; 'foldmark:search' is measured by the
  // page from the input event to the next animation frame after the results are in the DOM.
  const { page, problems } = await openPage(browser.context);
  await page.setViewportSize({ width: 1280, height: 860 });
  await load(page, index);
  const cold0 = performance.now();
  await page.keyboard.press('/');
  await page.keyboard.type('s');
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.site-search-hit').length &&
      /results/.test(document.querySelector('.site-search-status').textContent),
  );
  const coldMs = performance.now() - cold0;
  const queries = JSON.parse(readFileSync(join(root, 'bench/search-queries.json'), 'utf8')).map((q) => q.q);
  const keys = await typeSearches(page, queries, 100);
  if (shots) {
    await page.fill('#siteSearchInput', '');
    await page.type('#siteSearchInput', 'share state between reducers');
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(root, 'docs/reading-search.png') });
    await page.keyboard.press('Enter');
    await page.waitForSelector('mark.site-hit');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(root, 'docs/reading-desktop.png') });
  }

  // Every article at 390 px with all answers open: the page must not be wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const catalog = {};
  new Function('self', readFileSync(join(out, '_foldmark/catalog.js'), 'utf8'))(catalog);
  const wide = [];
  let titleTops = [];
  for (const [id] of catalog.foldmarkCatalog.docs) {
    await page.goto('about:blank');
    await load(page, `${index}#/${id}`);
    await page.waitForTimeout(30);
    titleTops.push(await page.evaluate(() => document.querySelector('.fm-title')?.getBoundingClientRect().top ?? -1));
    const width = await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      return document.documentElement.scrollWidth;
    });
    if (width > 390) wide.push(`${id} (${width} px)`);
  }
  titleTops = titleTops.sort((a, b) => a - b);
  if (shots) {
    await load(page, `${index}#/usage/writing-logic-thunks`);
    await page.waitForSelector('code[data-highlighted]', { state: 'attached' });
    await page.screenshot({ path: join(root, 'docs/reading-phone.png') });
    await page.click('#menuButton');
    await page.waitForTimeout(350);
    await page.screenshot({ path: join(root, 'docs/reading-phone-menu.png') });
  }
  await page.close();

  const result = {
    articles: summary.built,
    buildMs: Math.round(buildMs),
    searchIndexGzKiB: +(searchGz / 1024).toFixed(1),
    searchGzPerArticleKiB: +(searchGz / summary.built / 1024).toFixed(2),
    docsGzKiB: +(docsGz / 1024).toFixed(1),
    prismCoreGz,
    prismJsGz,
    prismAllUsedGz: prismAllGz,
    firstQueryWithIndexLoadMs: Math.round(coldMs),
    keystrokeToResultsMs: {
      median: +median(keys).toFixed(1),
      p95: +keys.sort((a, b) => a - b)[Math.floor(keys.length * 0.95)].toFixed(1),
      max: +Math.max(...keys).toFixed(1),
      keystrokes: keys.length,
    },
    phone390: {
      checked: catalog.foldmarkCatalog.docs.length,
      sideways: wide,
      titleTopMedianPx: median(titleTops),
      titleTopMaxPx: titleTops[titleTops.length - 1],
    },
    // Remote images in the Redux docs (badges) cannot load offline: not a problem of the page.
    pageProblems: problems.filter((p) => !/ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/.test(p)),
  };
  console.log(process.argv.includes('--json') ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  if (wide.length || result.pageProblems.length) process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
