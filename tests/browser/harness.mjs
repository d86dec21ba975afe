// Shared by the browser tests: build a site with the CLI, serve a folder on loopback, launch the
// Debian Chromium through playwright-core, and collect console errors from every page.
import assert from 'node:assert/strict';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { foldmark, removeDir, root, tempDir } from '../cli/util.mjs';

export { cli, foldmark, removeDir, root, tempDir } from '../cli/util.mjs';

export const screenshots = join(root, 'out', 'screenshots');
export const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
export const RENDERED_MARK = 'foldmark:article-rendered';

// What a strict host may send; the page must work under it: scripts only from the site itself and
// 'wasm-unsafe-eval' to compile the module, no inline script or style, nothing fetched from data:
// (the wasm bytes come from a classic script, not from a data: URL).
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

export async function buildSite(contentDir, outDir, ...flags) {
  const r = await foldmark('build', contentDir, '--out', outDir, ...flags);
  if (r.code !== 0) throw new Error(`foldmark build failed (${r.code}): ${r.stderr}`);
  return r;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

// A static server on 127.0.0.1 and a random port. `routes` maps a URL path prefix to a folder;
// `pages` maps exact paths to generated files (served with the type of their extension);
// `headers` go on every response.
export function serve({ routes, pages = {}, headers = {} }) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      return body === undefined ? res : res.end(body);
    };
    if (Object.hasOwn(pages, path)) return send(200, TYPES[extname(path)] || TYPES['.html'], pages[path]);
    for (const [prefix, dir] of Object.entries(routes)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(normalize(dir + sep)) && file !== normalize(dir)) break;
      let stat;
      try {
        stat = statSync(file);
      } catch {
        break;
      }
      if (!stat.isFile()) break;
      send(200, TYPES[extname(file)] || 'application/octet-stream');
      return createReadStream(file).pipe(res);
    }
    return send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      }),
    );
  });
}

// serve() of routes with the STRICT_CSP header on every response.
export function serveWithStrictCsp(routes) {
  return serve({ routes, headers: { 'content-security-policy': STRICT_CSP } });
}

// For after(): closes the browser and the server (either may never have started), removes dir.
export async function closeAndRemove({ browser, server, dir }) {
  await browser?.close();
  await server?.close();
  removeDir(dir);
}

// The Debian Chromium, headless, with no sandbox and nothing fetched on its own account.
export const CHROMIUM_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export async function launch() {
  const profile = tempDir('profile');
  const context = await chromium.launchPersistentContext(profile, {
    ...CHROMIUM_OPTIONS,
    headless: true,
    viewport: { width: 1200, height: 800 },
  });
  // Every wait is for a state; this ceiling only stops one that never comes. Playwright's 30 s is
  // a few seconds of work on a machine as loaded as a shared CI runner can be.
  context.setDefaultTimeout(120_000);
  return {
    context,
    close: async () => {
      await context.close();
      removeDir(profile);
    },
  };
}

// A new page whose console errors, uncaught exceptions, CSP violations and dialogs are recorded.
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { page, problems };
}

// Runs fn(page) on a fresh page of browser (sized width × height, or the browser's own size when
// none is given), then closes it; the test fails on any problem openPage recorded.
export async function withCheckedPage(browser, size, fn) {
  const { page, problems } = await openPage(browser.context);
  if (size) await page.setViewportSize(size);
  try {
    await fn(page);
    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } finally {
    await page.close();
  }
}

/**
 * The sites a test file reads, built by the CLI once before its tests: `builds` (or builds(work),
 * given the work folder) maps the path each is served at ('/', '/hash/') to [content folder,
 * ...build flags]; each lands in a folder of its
 * own (named after the path, 'site' for '/'), served on loopback under STRICT_CSP; Chromium is
 * launched. `prepare(work)` runs first, to write content into the work folder; `built(dirs)` once
 * the sites are there, to read what the builder wrote (a separate before() of the test file may
 * run before this one has finished). After the tests the browser and server close and the folder
 * goes. `browser` and `server` are set once the hook ran.
 */
export function fixtureSites(name, builds, { prepare, built } = {}) {
  const work = tempDir(name);
  if (typeof builds === 'function') builds = builds(work);
  const dirs = {};
  for (const at of Object.keys(builds)) dirs[at] = join(work, at.replaceAll('/', '') || 'site');
  const site = {
    work,
    dirs,
    browser: undefined,
    server: undefined,
    // file:// URL of `path` in the site served at `at` (the first one by default).
    file: (path = 'index.html', at = Object.keys(builds)[0]) => pathToFileURL(join(dirs[at], path)).href,
    withPage: (fn, size = { width: 1200, height: 900 }) => withCheckedPage(site.browser, size, fn),
    // A test that runs fn(page) on a fresh checked page of the browser's own size.
    check: (title, fn) => test(title, () => withCheckedPage(site.browser, null, fn)),
  };
  before(async () => {
    await prepare?.(work);
    for (const [at, [from, ...flags]] of Object.entries(builds)) await buildSite(from, dirs[at], ...flags);
    await built?.(dirs);
    site.server = await serveWithStrictCsp(dirs);
    site.browser = await launch();
  });
  after(() => closeAndRemove({ browser: site.browser, server: site.server, dir: work }));
  return site;
}

// fixtureSites of one site, tests/fixtures/<fixture> built with flags and served at '/'; `index`
// is its index.html from file://.
export function fixtureSite(fixture, ...flags) {
  const site = fixtureSites(fixture, { '/': [join(root, 'tests', 'fixtures', fixture), ...flags] });
  site.dir = site.dirs['/'];
  site.index = site.file();
  return site;
}

// Navigates and waits until the page has put the routed article in the DOM (RENDERED_MARK).
export async function load(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, RENDERED_MARK);
}

// load(), then every folded answer of the article opened (what a test looks at may sit in one).
export async function loadOpen(page, url) {
  await load(page, url);
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#siteArticle details')) d.open = true;
  });
}

// A route change without a reload: sets the page's location.hash.
export const goHash = (page, hash) =>
  page.evaluate((h) => {
    location.hash = h;
  }, hash);

// Records which of the site's browser libraries (_foldmark/lib/…) the page requests; returns a
// function that lists their paths so far, in request order.
function libraryRequests(page) {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  return () => requested.filter((p) => p.includes('/lib/'));
}

/**
 * The library `name` (self[name], _foldmark/lib/<name>.js) is loaded only for an article that needs
 * it, and once: while the articles at `plain` (URLs, the first one's hash a route) are shown, no
 * library is requested, self[name] is undefined and no `marks` element is in the article; then the
 * route `used`, the first plain one and `used` again are shown (ready(page) waits until `used` is
 * done) and that library alone was requested, once.
 */
export async function loadsLibraryOnce(page, name, { plain, marks, used, ready }) {
  const libraries = libraryRequests(page);
  for (const url of plain) await loadOpen(page, url);
  assert.deepEqual(libraries(), []);
  assert.equal(await page.evaluate((g) => typeof self[g], name), 'undefined');
  assert.equal(await page.evaluate((m) => document.querySelectorAll(`#siteArticle ${m}`).length, marks), 0);
  for (const hash of [used, new URL(plain[0]).hash, used]) {
    await goHash(page, hash);
    if (hash === used) await ready(page);
  }
  assert.deepEqual(libraries(), [`/_foldmark/lib/${name}.js`]);
}

// Types each query into the site's search box (emptied first), waits settleMs for the last results
// and returns the page's search measures (keystroke to results on screen, ms) of those queries.
export async function typeSearches(page, queries, settleMs) {
  await page.evaluate(() => performance.clearMeasures('foldmark:search'));
  for (const q of queries) {
    await page.fill('#siteSearchInput', '');
    await page.type('#siteSearchInput', q);
  }
  await page.waitForTimeout(settleMs);
  return page.evaluate(() => performance.getEntriesByName('foldmark:search').map((e) => e.duration));
}

// The page's own sidebar (built after the first article is painted; the builder's HTML sidebar
// stands in until then) is in the DOM: its doc links carry data-n.
export async function liveSidebar(page) {
  await page.waitForSelector('#siteNav [data-n]', { state: 'attached' });
}

/**
 * Waits until read() (a value from the page, read again every 50 ms) deep-equals expected, then
 * returns; after `timeout` ms the assertion fails with the last value read. For state the page
 * reaches asynchronously (after a hashchange, a doc script, a frame): a single read races it.
 */
export async function settles(read, expected, message, timeout = 15_000) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (isDeepStrictEqual(value, expected) || Date.now() > end) break;
    await new Promise((resolve) => {
      setTimeout(resolve, 50);
    });
  }
  assert.deepEqual(value, expected, message);
}

export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  // preload: false, or axe re-reads the stylesheets with XHR, which file:// pages refuse (console errors).
  const result = await page.evaluate(() => self.axe.run(document, { resultTypes: ['violations'], preload: false }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// For scripts outside node:test (README's screenshots): builds tests/fixtures/<fixture> with flags
// into a temporary folder, launches Chromium and awaits fn(index, browser), index being the site's
// index.html from file://; then closes the browser and removes the folder, whatever fn did.
export async function withFixtureSite(fixture, flags, fn) {
  const dir = tempDir(`${fixture}-shots`);
  const browser = await launch().catch((err) => {
    removeDir(dir);
    throw err;
  });
  try {
    const site = join(dir, 'site');
    await buildSite(join(root, 'tests', 'fixtures', fixture), site, ...flags);
    await fn(pathToFileURL(join(site, 'index.html')).href, browser);
  } finally {
    await browser.close();
    removeDir(dir);
  }
}
