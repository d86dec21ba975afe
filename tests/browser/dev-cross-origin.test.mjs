// `foldmark dev` serves docs nobody published yet as classic scripts: a page of another site (or
// another port of this machine) that includes them with <script src> must learn nothing, while
// the dev page itself and a link to it from elsewhere keep working. In Chromium. Needs only the
// repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { cli, launch, openPage, removeDir, serve, tempDir } from './harness.mjs';
import { startDev, stop } from '../site/util.mjs';

const work = tempDir('dev-cross-origin');
let dev;
let other;
let browser;

// Defines the receivers the dev scripts call, then includes them: what arrives is a leak.
const attackPage = (devUrl) => `<!doctype html><meta charset="utf-8"><title>elsewhere</title>
<script>
self.leaked = [];
self.foldmarkDoc = (n, d) => self.leaked.push(['doc', d && d.markdown]);
self.foldmarkSearch = (k, d) => self.leaked.push(['search', k]);
self.loads = {};
function include(src) {
  const s = document.createElement('script');
  s.src = src;
  s.onload = () => { self.loads[src] = 'load'; };
  s.onerror = () => { self.loads[src] = 'error'; };
  document.head.append(s);
}
for (const path of ['_foldmark/docs/0.js', '_foldmark/catalog.js', '_foldmark/search/0.js']) include(${JSON.stringify(devUrl)} + path);
</script>
<a id="link" href="${devUrl}">the docs</a>`;

before(async () => {
  execFileSync(process.execPath, [cli, 'init', 'docs'], { cwd: work });
  dev = await startDev(work, 'docs');
  other = await serve({ routes: {}, pages: { '/attack.html': attackPage(dev.url) } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await other?.close();
  if (dev) await stop(dev);
  removeDir(work);
});

async function attackFrom(origin) {
  const { page } = await openPage(browser.context);
  await page.goto(`${origin}/attack.html`);
  await page.waitForFunction(() => Object.keys(self.loads).length === 3);
  const result = await page.evaluate(() => ({
    leaked: self.leaked,
    loads: self.loads,
    catalog: typeof self.foldmarkCatalog,
  }));
  await page.close();
  return result;
}

test("another site that includes the dev server's doc, catalog and search scripts gets nothing", async () => {
  const port = new URL(other.url).port;
  const { leaked, loads, catalog } = await attackFrom(`http://localhost:${port}`); // localhost ≠ 127.0.0.1: cross-site
  assert.deepEqual(leaked, []);
  assert.equal(catalog, 'undefined');
  assert.deepEqual(Object.values(loads), ['error', 'error', 'error']);
});

test('another port of the same machine (same site, another origin) gets nothing either', async () => {
  const { leaked, catalog } = await attackFrom(other.url);
  assert.deepEqual(leaked, []);
  assert.equal(catalog, 'undefined');
});

test('a link from another site still opens the dev page, which loads its own scripts', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`http://localhost:${new URL(other.url).port}/attack.html`);
  await page.waitForFunction(() => Object.keys(self.loads).length === 3);
  problems.length = 0; // the other site's own failed includes
  await Promise.all([page.waitForNavigation(), page.click('#link')]);
  await page.waitForFunction(() => document.querySelector('#siteArticle h1'));
  assert.equal(new URL(page.url()).origin, new URL(dev.url).origin);
  assert.deepEqual(problems, []);
  await page.close();
});
