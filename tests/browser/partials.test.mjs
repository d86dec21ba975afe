// MDX partials and the theme's lists in Chromium (tests/fixtures/partials), from file:// and from
// loopback with a strict CSP, on the plain site and on prerendered pages: a partial's text and its
// image (a file beside the partial, two folders away) show in the article, its link to another
// doc lands, a DocCardList's link opens the doc it lists.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe } from 'node:test';
import { fixtureSites, load, root } from './harness.mjs';

const docs = join(root, 'tests', 'fixtures', 'partials', 'docs');
const site = fixtureSites('partials-site', { '/hash/': [docs], '/path/': [docs, '--prerender'] });
const { check } = site;
const [hashDir, pathDir] = Object.values(site.dirs);

const title = (page) => page.textContent('#siteArticle .fm-title');
// The image's state once it has loaded or failed: its natural size (0 × 0 when it failed).
const imageSize = (page, alt) =>
  page.evaluate(async (a) => {
    const img = document.querySelector(`#siteArticle img[alt="${a}"]`);
    if (!img) return null;
    if (!img.complete)
      await new Promise((done) => {
        img.addEventListener('load', done);
        img.addEventListener('error', done);
      });
    return [img.naturalWidth, img.naturalHeight];
  }, alt);

const sites = {
  'file://': { dir: hashDir, url: (path) => `${pathToFileURL(hashDir).href}/${path}` },
  'http with a strict CSP': { dir: hashDir, url: (path) => `${site.server.url}/hash/${path}` },
  'file://, prerendered pages': { dir: pathDir, url: (path) => `${pathToFileURL(pathDir).href}/${path}` },
};
const routes = {
  [hashDir]: (id, heading) => `index.html#/${id}${heading ? `/${heading}` : ''}`,
  [pathDir]: (id, heading) => `${id}/index.html${heading ? `#${heading}` : ''}`,
};

for (const [name, site] of Object.entries(sites)) {
  const route = (id, heading) => site.url(routes[site.dir](id, heading));
  describe(`partials, ${name}`, () => {
    check("a partial's text and its image from the partial's folder show in the article", async (page) => {
      await load(page, route('guides/install', 'platforms'));
      assert.equal(await title(page), 'Install');
      const text = page.locator('#siteArticle li', { hasText: 'Install on Android 14 from the store.' });
      await text.first().waitFor({ state: 'visible' });
      assert.ok(await page.isVisible('#siteArticle h3:text("Nested step")'));
      assert.deepEqual(await imageSize(page, 'Android logo'), [4, 3]);
    });

    check("a partial's link to another doc lands on its heading", async (page) => {
      await load(page, route('guides/install', 'platforms'));
      await page.click('#siteArticle a:text("configuring")');
      await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Configure');
      assert.equal(await page.evaluate(() => document.getElementById('options')?.closest('details')?.open), true);
    });

    check('a DocCardList and an empty category page list their docs, and a card opens its doc', async (page) => {
      await load(page, route('reference/index'));
      assert.equal(await page.textContent('#siteArticle li p:has(a)'), 'API');
      assert.ok(await page.isVisible('#siteArticle li p:text("Every function.")'));
      await load(page, route('guides/index'));
      await page.click('#siteArticle li a:text("Install")');
      await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Install');
    });
  });
}
