// The page on a docs tree (tests/fixtures/docs-tree) built by the CLI, in Chromium from file:// and
// from loopback with a strict CSP: nested routes, links between docs landing on their section,
// images, categories, lazy doc scripts, per-doc pages (path mode), the 404 page, tabs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import { axeViolations, fixtureSites, liveSidebar, load, openPage, RENDERED_MARK, root, serve } from './harness.mjs';

const tree = join(root, 'tests', 'fixtures', 'docs-tree');
const flags = ['--sidebars', join(tree, 'sidebars.js'), '--static', join(tree, 'static')];

// The catalog as the builder wrote it: doc index by id.
function catalogOf(dir) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(dir, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  return sandbox.self.foldmarkCatalog;
}
let n; // id → doc index
// '/hash/': built without --prerender, hash routes on index.html; '/path/': --prerender, a page
// per doc, links by path.
const site = fixtureSites(
  'docs-site',
  { '/hash/': [join(tree, 'docs'), ...flags], '/path/': [join(tree, 'docs'), ...flags, '--prerender'] },
  {
    built: (dirs) => {
      n = Object.fromEntries(catalogOf(dirs['/hash/']).docs.map(([id], i) => [id, i]));
    },
  },
);
const [hashDir, pathDir] = Object.values(site.dirs);

// A fresh page; the test fails on any console error, exception or CSP violation. Requests to the
// fixture's protocol-relative image host are answered here (no network in CI).
// Under the strict CSP (img-src 'self'), the fixture's //images.example/pixel.png is refused by
// the browser, as it should be: those reports are expected.
const remoteImage = (p) => p.includes('images.example');

function check(name, fn, { allow = remoteImage } = {}) {
  test(name, async () => {
    const { page, problems } = await openPage(site.browser.context);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('https://images.example/**', (r) => r.fulfill({ status: 204 }));
    try {
      await fn(page, requests);
      assert.deepEqual(
        problems.filter((p) => !allow(p)),
        [],
        'no console errors, exceptions or CSP violations',
      );
    } finally {
      await page.close();
    }
  });
}

const current = (page) => page.evaluate(() => document.querySelector('#siteNav [aria-current="page"]')?.dataset.n);
const title = (page) => page.textContent('#siteArticle .fm-title');
const isOpen = (page, id) => page.evaluate((i) => document.getElementById(i)?.closest('details')?.open ?? null, id);
const docScripts = (requests) =>
  requests
    .map((u) => /_foldmark\/docs\/(\d+)\.js$/.exec(u)?.[1])
    .filter(Boolean)
    .map(Number);
const count = (requests, file) => requests.filter((u) => u.endsWith(`/_foldmark/${file}`)).length;

const origins = {
  'file://': (dir, path) => `${pathToFileURL(dir).href}/${path}`,
  'http with a strict CSP': (dir, path) => `${site.server.url}/${dir === hashDir ? 'hash' : 'path'}/${path}`,
};

for (const [origin, url] of Object.entries(origins)) {
  describe(`docs tree, ${origin}`, () => {
    check('a nested doc opens by route; its category opens and its link is marked', async (page) => {
      await load(page, url(hashDir, 'index.html#/guides/deep/nested'));
      await liveSidebar(page);
      assert.equal(await title(page), 'Nested');
      assert.equal(await current(page), String(n['guides/deep/nested']));
      assert.equal(
        await page.getAttribute(
          '#siteNav .site-cat-row:has(a[data-n="' + n['guides/intro'] + '"]) button',
          'aria-expanded',
        ),
        'true',
      );
      assert.equal(await page.title(), 'Nested · Documentation');
    });

    check('a link to another doc lands on its section, opened; Back returns', async (page) => {
      await load(page, url(hashDir, 'index.html#/guides/deep/nested'));
      await page.click('#does-a-wrong-anchor-warn');
      await page.click('#siteArticle a:text("good one")');
      await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Install');
      assert.equal(await page.evaluate(() => location.hash), '#/guides/install/requirements');
      assert.equal(await isOpen(page, 'requirements'), true);
      const top = await page.evaluate(() => document.getElementById('requirements').getBoundingClientRect().top);
      assert.ok(top >= -2 && top < 120, `the section is at the top (top=${top})`);
      assert.equal(await current(page), String(n['guides/install']));
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Nested');
    });

    check(
      'images: /img/… from --static and ./img/… beside the doc show; a missing one has no src',
      async (page, requests) => {
        await load(page, url(hashDir, 'index.html#/intro'));
        await page.waitForFunction(() =>
          [...document.querySelectorAll('#siteArticle img[src]')].every((i) => i.complete),
        );
        const images = await page.$$eval('#siteArticle img', (is) =>
          is.map((i) => [i.alt, i.getAttribute('src') !== null, i.naturalWidth]),
        );
        assert.deepEqual(images, [
          ['Logo', true, 1],
          ['Diagram', true, 1],
          ['this image', false, 0],
        ]);
        assert.equal(await page.textContent('#siteArticle a.fm-broken-link'), 'This page');
        assert.ok(
          requests.every((u) => !u.includes('missing')),
          'nothing broken is requested',
        );
      },
    );

    check('a category opens and closes; its children are built only when opened', async (page) => {
      await load(page, url(hashDir, 'index.html#/intro'));
      await liveSidebar(page);
      const toggle = `#siteNav .site-cat-row:has(a[data-n="${n['guides/intro']}"]) button`;
      assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'false');
      assert.equal(
        await page.locator(`#siteNav a[data-n="${n['guides/install']}"]`).count(),
        0,
        'not built while closed',
      );
      await page.click(toggle);
      assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'true');
      assert.ok(await page.locator(`#siteNav a[data-n="${n['guides/install']}"]`).isVisible());
      await page.click(toggle);
      assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'false');
      assert.equal(await page.locator(`#siteNav a[data-n="${n['guides/install']}"]`).isVisible(), false);
    });

    check('a doc of the second sidebar shows that sidebar', async (page) => {
      await load(page, url(hashDir, 'index.html#/reference/api'));
      await liveSidebar(page);
      assert.equal(await current(page), String(n['reference/api']));
      assert.equal(await page.locator(`#siteNav a[data-n="${n.intro}"]`).count(), 0);
    });

    check(
      "lazy: only the shown doc (and the page's own) is loaded; switching docs keeps the page and the wasm",
      async (page, requests) => {
        const nested = n['guides/deep/nested'];
        await load(page, url(hashDir, `index.html#/guides/deep/nested`));
        await page.evaluate(() => {
          window.pageMarker = 'same page';
        });
        // index.html's own script (the landing doc), and the docs before and after in the sidebar
        const neighbours = [n.intro, n['guides/setup-guide']];
        const early = docScripts(requests);
        assert.ok(early.includes(nested));
        assert.ok(
          early.every((i) => i === nested || neighbours.includes(i)),
          `only the shown doc and prefetched neighbours: ${early}`,
        );
        assert.ok(
          requests.every((u) => !u.endsWith('/img/logo.png')),
          'no image of a doc not shown',
        );
        await page.click(`#siteNav a[data-n="${n['guides/setup-guide']}"]`);
        await page.waitForFunction(
          () => document.querySelector('#siteArticle .fm-title')?.textContent === 'Setting up',
        );
        assert.ok(
          !docScripts(requests).includes(n['reference/api']),
          'a doc of another sidebar, never shown, is never loaded',
        );
        await page.click(`#siteNav a[data-n="${n.intro}"]`);
        await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Welcome');
        assert.equal(await page.evaluate(() => window.pageMarker), 'same page', 'no reload');
        assert.equal(count(requests, 'wasm.js'), 1);
        assert.equal(count(requests, 'core.js'), 1);
        assert.equal(await page.evaluate(() => performance.getEntriesByName('foldmark:article-shown').length), 2);
      },
    );

    check(
      'per-doc pages: one opens with its own HTML, the renderer takes over, links go to the other pages',
      async (page, requests) => {
        await page.goto('about:blank');
        await page.goto(url(pathDir, 'guides/deep/nested/index.html'));
        await page.waitForFunction(() => performance.getEntriesByName('foldmark:article-rendered').length > 0);
        assert.equal(await title(page), 'Nested');
        await page.waitForSelector('#siteNav .site-toc', { state: 'attached' }); // built from the wasm render
        assert.equal(await current(page), String(n['guides/deep/nested']));
        await page.evaluate(() => {
          window.pageMarker = 'same page';
        });
        await page.click('#does-a-wrong-anchor-warn');
        const href = await page.getAttribute('#siteArticle a:text("good one")', 'href');
        assert.match(href, /\/guides\/install\/index\.html#requirements$/);
        await page.click('#siteArticle a:text("good one")');
        await page.waitForFunction(
          () =>
            document.querySelector('#siteArticle .fm-title')?.textContent === 'Install' &&
            document.getElementById('requirements')?.closest('details')?.open,
        );
        assert.match(page.url(), /\/guides\/install\/index\.html#requirements$/);
        await page.waitForSelector('#siteNav .site-toc', { state: 'attached' });
        const kept = await page.evaluate(() => window.pageMarker);
        // http(s): pushState and render here; file://: pushState cannot change the path, a real load.
        assert.equal(kept, origin === 'file://' ? undefined : 'same page');
        assert.equal(count(requests, 'wasm.js'), origin === 'file://' ? 2 : 1);
        await page.click('#is-there-an-intro-for-guides'); // the item's address, without a history entry
        assert.match(page.url(), /\/guides\/install\/index\.html#is-there-an-intro-for-guides$/);
        await page.goBack();
        await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Nested');
      },
    );

    check('per-doc pages: the root index.html is the landing doc; a hash route there shows another', async (page) => {
      await load(page, url(pathDir, 'index.html'));
      assert.equal(await title(page), 'Welcome');
      await page.evaluate(() => {
        location.hash = '#/reference/api';
      });
      await page.waitForFunction(() => document.title.startsWith('API reference'));
      assert.equal(await current(page), String(n['reference/api']));
    });

    check('the 404 page keeps its text and gets a working sidebar', async (page) => {
      await load(page, url(pathDir, '404.html'));
      assert.equal(await title(page), 'Page not found');
      assert.equal(await page.locator('#siteNav [aria-current]').count(), 0);
      await page.click(`#siteNav a[data-n="${n.intro}"]`);
      await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Welcome');
    });

    check(
      'tabs (MDX <Tabs> from the core): the default panel shown; click, arrow keys, Home and End switch',
      async (page) => {
        await load(page, url(hashDir, 'index.html#/intro'));
        // Rendered by the page's own wasm from a picked file (nothing is uploaded): the core's markup.
        const tabs = [
          '<Tabs>',
          ...['npm', 'yarn', 'pnpm'].map(
            (v) => `<TabItem value="${v}"${v === 'yarn' ? ' default' : ''}>\n\n${v} install\n\n</TabItem>`,
          ),
          '</Tabs>',
        ];
        await page.setInputFiles('#fileInput', {
          name: 'tabs.md',
          mimeType: 'text/markdown',
          buffer: Buffer.from(`# Tabs\n\n${tabs.join('\n')}\n`),
        });
        await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Tabs');
        const shown = () =>
          page.$$eval('.fm-tabs [role="tabpanel"]', (ps) =>
            ps.filter((p) => !p.hidden).map((p) => p.textContent.trim()),
          );
        const selected = () =>
          page.$$eval('.fm-tabs [role="tab"]', (ts) =>
            ts.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.textContent),
          );
        assert.deepEqual(await shown(), ['yarn install'], 'the default tab');
        await page.click('.fm-tabs [role="tab"]:text("npm")');
        assert.deepEqual(await shown(), ['npm install']);
        assert.deepEqual(await selected(), ['npm']);
        await page.keyboard.press('ArrowRight');
        assert.deepEqual(await shown(), ['yarn install']);
        assert.equal(await page.evaluate(() => document.activeElement.textContent), 'yarn');
        await page.keyboard.press('End');
        assert.deepEqual(await selected(), ['pnpm']);
        await page.keyboard.press('ArrowRight');
        assert.deepEqual(await selected(), ['npm'], 'wraps around');
        await page.keyboard.press('End');
        await page.keyboard.press('Home');
        assert.deepEqual(await shown(), ['npm install']);
        assert.deepEqual(await page.$$eval('.fm-tabs [role="tab"]', (ts) => ts.map((t) => t.tabIndex)), [0, -1, -1]);
      },
    );
  });
}

describe('docs tree, accessibility', () => {
  check(
    'no serious or critical axe violations: nested categories, current doc, broken link, light and dark',
    async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await load(page, origins['file://'](hashDir, 'index.html#/guides/deep/nested'));
      await page.click(`#siteNav .site-cat-row:has(a[data-n="${n['guides/intro']}"]) button`);
      await page.click(`#siteNav .site-cat-row:has(a[data-n="${n['guides/intro']}"]) button`);
      await page.click('#expandAll');
      assert.deepEqual(await axeViolations(page), [], 'light');
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.deepEqual(await axeViolations(page), [], 'dark');
      await load(page, origins['file://'](pathDir, 'index.html'));
      await page.click('#expandAll');
      assert.deepEqual(await axeViolations(page), [], 'landing page with images and a broken link');
      await page.setViewportSize({ width: 390, height: 844 });
      assert.deepEqual(await axeViolations(page), [], 'phone');
    },
  );
});

describe('docs tree, hosts', () => {
  check(
    '404.html served at a deep path: its assets fail, its text and link to the start page stay',
    async (page) => {
      const notFound = readFileSync(join(pathDir, '404.html'), 'utf8');
      const host = await serve({ routes: {}, pages: { '/some/deep/missing/page': notFound } });
      try {
        await page.goto(`${host.url}/some/deep/missing/page`);
        assert.equal(await page.textContent('#siteArticle .fm-title'), 'Page not found');
        assert.equal(await page.getAttribute('#siteArticle a', 'href'), 'index.html');
      } finally {
        await host.close();
      }
    },
    { allow: (p) => /Failed to load resource/.test(p) },
  );
});

describe('docs tree, start-up', () => {
  check(
    "the landing article, its links and previous/next are shown before the catalog's doc list is parsed",
    async (page) => {
      // catalog.js makes the doc list on first use; record when that happens.
      await page.addInitScript(() => {
        const define = Object.defineProperty;
        Object.defineProperty = function defineProperty(o, p, d) {
          if (p === 'docs' && d && typeof d.get === 'function') {
            const { get } = d;
            d = {
              ...d,
              get() {
                self.__docListAt ??= performance.now();
                return get.call(this);
              },
            };
          }
          return define.call(Object, o, p, d);
        };
      });
      await load(page, `${pathToFileURL(hashDir).href}/index.html`);
      await page.waitForSelector('#siteNav [aria-current="page"]');
      const { docs, landing } = catalogOf(hashDir);
      // A route names a doc by id: that lookup reads the list.
      await page.evaluate(
        (id) => {
          location.hash = `#/${id}`;
        },
        docs[landing === 0 ? 1 : 0][0],
      );
      await page.waitForFunction(() => self.__docListAt !== undefined);
      const at = await page.evaluate(
        (mark) => ({ shown: performance.getEntriesByName(mark)[0].startTime, list: self.__docListAt }),
        RENDERED_MARK,
      );
      assert.ok(at.list > at.shown, `the doc list was parsed at ${at.list} ms, the article shown at ${at.shown} ms`);
      await page.goBack();
      await page.waitForFunction(
        (id) => document.querySelector('#siteArticle .fm-title') && location.hash === '',
        docs[landing][0],
      );
      const next = await page.getAttribute('#siteArticle .site-pager-next', 'href');
      assert.ok(next && docs.some(([id]) => next === `#/${id}`), `next: ${next}`);
      const routes = await page.$$eval('#siteArticle .fm-article a[href^="#/"]', (as) =>
        as.map((a) => a.getAttribute('href')),
      );
      assert.ok(routes.length > 0, `the landing (${docs[landing][0]}) links other docs`);
      for (const href of routes)
        assert.ok(
          docs.some(([id]) => href === `#/${id}` || href.startsWith(`#/${id}/`)),
          href,
        );
    },
  );
});
