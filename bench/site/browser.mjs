// The site benchmark's Chromium part: loads a built site from file:// and measures what one reader
// gets: time to the first article, time to a second one after a sidebar click, the files fetched
// (gzipped bytes) and failed requests. Debian's Chromium driven by playwright-core.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const RENDERED_MARK = 'foldmark:article-rendered';
export const SHOWN_MARK = 'foldmark:article-shown';
const TIMEOUT_MS = 60_000;
// A load is over when no new request has started for this long after the first article is shown.
const QUIET_MS = 300;
// Words every generated tree has many of (bench/site/generate.mjs).
const SEARCH_QUERY = 'widget cache';

// The same Chromium as the browser tests (Debian's, fresh profile, the same flags).
export { launch as launchBrowser } from '../../tests/browser/harness.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// Polls fn in the page until it returns a value other than null; survives navigations.
async function poll(page, fn, arg, what, timeout = TIMEOUT_MS) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    try {
      const v = await page.evaluate(fn, arg);
      if (v !== null) return v;
    } catch (err) {
      if (!/context was destroyed|navigat/i.test(err.message)) throw err;
    }
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what} on ${page.url()}`);
}

// Clicks the sidebar link to another doc and returns { t, href }, t = epoch ms of the click. With
// the catalog (web/site/shared/catalog.js), the target is the first sidebar doc other than the shown one;
// without it (the flat builder), a link to another article's route (#/id). { t: 0 } when none.
// Without the 'foldmark:article-shown' mark, the first change of the article's DOM counts.
function clickSidebar() {
  const links = [...document.querySelectorAll('#siteNav a[href]')];
  const catalog = self.foldmarkCatalog;
  let a;
  if (catalog && Array.isArray(catalog.docs)) {
    const { doc: shownAttr, root = '' } = document.documentElement.dataset;
    const shown = shownAttr ? Number(shownAttr) : catalog.landing;
    const rootUrl = new URL(root, location.href).href.replace(/[?#].*$/, '');
    const urls = new Map();
    catalog.docs.forEach(([id], k) => {
      for (const u of [`${id}/index.html`, `${id}/`, `index.html#/${id}`, `#/${id}`])
        urls.set(new URL(u, rootUrl).href, k);
    });
    const doc = (x) => urls.get(x.href) ?? urls.get(x.href.replace(/#.*$/, '')) ?? -1;
    a = links.find((x) => doc(x) >= 0 && doc(x) !== shown);
  } else {
    const routes = links.map((x) => x.getAttribute('href')).filter((h) => /^#\/[^/]+$/.test(h));
    const here = location.hash ? `#/${decodeURIComponent(location.hash).split('/')[1]}` : routes[0];
    a = links.find((x) => routes.includes(x.getAttribute('href')) && x.getAttribute('href') !== here);
  }
  if (!a) return { t: 0, href: '' };
  const box = document.querySelector('#siteArticle') || document.querySelector('main') || document.body;
  self.__fmBenchChanged = 0;
  new MutationObserver(() => {
    self.__fmBenchChanged ||= performance.now();
  }).observe(box, { childList: true, subtree: true });
  const t = performance.timeOrigin + performance.now();
  a.click();
  return { t, href: a.href };
}

// Epoch ms when the second article was shown: a later 'foldmark:article-shown' mark in this
// document, or the first article of a new document (a per-article page), or the DOM change.
function secondShown({ t, marks }) {
  const at = (m) => performance.timeOrigin + m.startTime;
  const shown = performance
    .getEntriesByName(marks[1])
    .map(at)
    .filter((x) => x >= t);
  if (shown.length) return { end: shown[0], how: 'mark' };
  const rendered = performance.getEntriesByName(marks[0]);
  if (performance.timeOrigin > t && rendered.length) return { end: at(rendered[0]), how: 'page' };
  if (self.__fmBenchChanged && Date.now() - (performance.timeOrigin + self.__fmBenchChanged) > 500) {
    return { end: performance.timeOrigin + self.__fmBenchChanged, how: 'dom' };
  }
  return null;
}

// Opens the search (when the page has one) and types a query: returns the click's
// performance.now(), or null without search. The first result in the list ends the clock.
function startSearch(query) {
  const button = document.getElementById('searchButton');
  if (!button) return null;
  self.__fmBenchSearch = 0;
  const done = () => {
    if (!self.__fmBenchSearch && document.querySelector('#siteSearchList li')) self.__fmBenchSearch = performance.now();
  };
  new MutationObserver(done).observe(document.body, { childList: true, subtree: true });
  const t = performance.now();
  button.click();
  const input = document.getElementById('siteSearchInput');
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  done();
  return t;
}

// Time to the first search result: the first search in the page, index shards loaded on demand.
async function searchOnce(page) {
  const t = await page.evaluate(startSearch, SEARCH_QUERY);
  if (t === null) return NaN;
  return poll(
    page,
    (start) => (self.__fmBenchSearch ? self.__fmBenchSearch - start : null),
    t,
    'a search result',
    20_000,
  );
}

/** One load of url: { firstMs, secondMs, secondHow, searchMs, files: Set of paths, failed, errors }. */
async function loadOnce(context, url) {
  const page = await context.newPage();
  const files = new Set();
  const failed = [];
  const errors = [];
  let last = Date.now();
  page.on('request', (r) => {
    last = Date.now();
    if (r.url().startsWith('file:')) files.add(fileURLToPath(r.url().replace(/[?#].*$/, '')));
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    const firstMs = await poll(
      page,
      (m) => performance.getEntriesByName(m)[0]?.startTime ?? null,
      RENDERED_MARK,
      RENDERED_MARK,
    );
    while (Date.now() - last < QUIET_MS) await sleep(50);
    const loadFiles = new Set(files);
    let click = await page.evaluate(clickSidebar);
    // Collapsed categories have no links in the DOM: open them one by one, as a reader would
    // (before the clock starts), until a link to another doc shows.
    for (let i = 0; i < 10 && !click.t; i++) {
      const opened = await page.evaluate(() => {
        const b = document.querySelector('#siteNav [aria-expanded="false"]');
        b?.click();
        return Boolean(b);
      });
      if (!opened) break;
      await sleep(50);
      click = await page.evaluate(clickSidebar);
    }
    const { t, href } = click;
    let second = { end: NaN, how: 'none' };
    try {
      if (t)
        second = await poll(
          page,
          secondShown,
          { t, marks: [RENDERED_MARK, SHOWN_MARK] },
          `a second article (${href})`,
          20_000,
        );
    } catch (err) {
      errors.push(err.message); // reported, and the time stays NaN; the other measurements stand
    }
    while (Date.now() - last < QUIET_MS) await sleep(50);
    let searchMs = NaN;
    try {
      searchMs = await searchOnce(page);
    } catch (err) {
      errors.push(err.message);
    }
    return { searchMs, firstMs, secondMs: second.end - t, secondHow: second.how, files: loadFiles, failed, errors };
  } finally {
    await page.close();
  }
}

const gzCache = new Map();
function gzSize(path) {
  if (!existsSync(path)) return 0; // a failed request (counted as such) downloads nothing
  const key = `${path}:${statSync(path).mtimeMs}`;
  if (!gzCache.has(key)) gzCache.set(key, gzipSync(readFileSync(path), { level: 9 }).length);
  return gzCache.get(key);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Loads each site's page `loads` times, each in a fresh tab, taking the sites in turn (one load of
 * each, then the next round): a machine that slows down for a while slows every size alike, so the
 * ratios between sizes hold. sites: [{ siteDir, page }]. Returns, in the same order, medians, the
 * worst failed-request count and the files of the first load (relative to siteDir).
 */
export async function measureSites(context, sites, loads) {
  const runs = sites.map(() => []);
  for (let i = 0; i < loads; i++) {
    for (const [k, { siteDir, page }] of sites.entries())
      runs[k].push(await loadOnce(context, pathToFileURL(join(siteDir, page)).href));
  }
  return sites.map(({ siteDir, page }, k) => summarize(siteDir, page, runs[k]));
}

function summarize(siteDir, page, runs) {
  const bytes = runs.map((r) => [...r.files].reduce((sum, f) => sum + gzSize(f), 0));
  return {
    page,
    firstMs: median(runs.map((r) => r.firstMs)),
    secondMs: median(runs.map((r) => r.secondMs)),
    secondHow: runs[0].secondHow,
    ...(runs.some((r) => Number.isFinite(r.searchMs)) ? { searchMs: median(runs.map((r) => r.searchMs)) } : {}),
    downloadGz: median(bytes),
    requests: median(runs.map((r) => r.files.size)),
    failed: Math.max(...runs.map((r) => r.failed.length)),
    failedExamples: runs.flatMap((r) => r.failed).slice(0, 5),
    errors: runs.flatMap((r) => r.errors).slice(0, 5),
    files: [...runs[0].files].map((f) => f.slice(siteDir.length + 1)).sort(),
  };
}
