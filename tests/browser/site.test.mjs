// The static site of content/ (what npm start builds) in real Chromium, opened from file:// and from
// a loopback host that sends a strict Content-Security-Policy: sidebar, routes and deep links,
// back/forward, expand/collapse, print, themes, keyboard, find-in-page, opening local files, no-JS
// per-article pages, axe, screenshots.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe } from 'node:test';
import vm from 'node:vm';
import { createFoldmark } from '../../web/node.js';
import { axeViolations, fixtureSites, liveSidebar, load, root, screenshots, settles } from './harness.mjs';

const content = join(root, 'content');
const fm = await createFoldmark();
const titleOf = (file) => fm.render(readFileSync(join(content, file))).title;
const seed = { id: 'how-is-webiny-serverless', title: titleOf('how-is-webiny-serverless.md') };

// The sidebar the builder made, in its order: [{ n, id, label }] (its rules are tested in tests/site).
let expected;
let other;
// '/plain/': built without --prerender, the wasm render is the only DOM.
const site = fixtureSites(
  'site',
  { '/plain/': [content], '/': [content, '--prerender'] },
  {
    built: (dirs) => {
      const sandbox = { self: {} };
      vm.runInNewContext(readFileSync(join(dirs['/'], '_foldmark', 'catalog.js'), 'utf8'), sandbox);
      const { docs, sidebars } = JSON.parse(JSON.stringify(sandbox.self.foldmarkCatalog)); // out of the vm realm
      expected = sidebars[0].map((n) => ({ n, id: docs[n][0], label: docs[n][1] }));
      other = expected.find((e) => e.id !== seed.id);
    },
  },
);
const { work, check } = site;
const siteDir = site.dirs['/'];
const plainDir = site.dirs['/plain/'];

const isOpen = (page, headingId) =>
  page.evaluate((id) => document.getElementById(id).closest('details').open, headingId);
const openStates = (page) =>
  page.evaluate(() => [...document.querySelectorAll('#siteArticle details')].map((d) => d.open));
const hash = (page) => page.evaluate(() => location.hash);
const shownArticle = (page) =>
  page.evaluate(() => {
    const n = document.querySelector('#siteNav [aria-current="page"]')?.dataset.n;
    return n === undefined ? undefined : `#/${self.foldmarkCatalog.docs[n][0]}`;
  });
const bodyBackground = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

const targets = {
  'file://': (dir) => pathToFileURL(join(dir === plainDir ? plainDir : siteDir, 'index.html')).href,
  'http with a strict CSP': (dir) => `${site.server.url}${dir === plainDir ? '/plain' : ''}/index.html`,
};

for (const [origin, indexUrl] of Object.entries(targets)) {
  describe(origin, () => {
    const at = (route = '', dir = siteDir) => `${indexUrl(dir)}${route}`;

    check("the sidebar lists every article in the catalog's order; the first one opens by default", async (page) => {
      for (const [dir, href] of [
        [siteDir, (e) => new URL(`${e.id}/index.html`, at('', siteDir)).href],
        [plainDir, (e) => `#/${e.id}`],
      ]) {
        await load(page, at('', dir));
        await liveSidebar(page);
        const links = await page.$$eval('#siteNav .site-nav-list > li > a', (as) =>
          as.map((a) => [a.textContent, a.getAttribute('href')]),
        );
        assert.deepEqual(
          links,
          expected.map((e) => [e.label, href(e)]),
        );
        assert.equal(await shownArticle(page), `#/${expected[0].id}`);
        assert.equal(await page.title(), `${await page.textContent('#siteArticle .fm-title')} · Documentation`);
        assert.ok(await page.locator('#siteArticle article.fm-article').isVisible());
      }
    });

    check('a deep link opens its answer and scrolls to it on first load', async (page) => {
      await page.setViewportSize({ width: 1000, height: 420 });
      await load(page, at(`#/${seed.id}/what-is-faas`));
      assert.equal(await isOpen(page, 'what-is-faas'), true);
      assert.equal((await openStates(page)).filter(Boolean).length, 1, 'only that answer is open');
      const top = await page.evaluate(() => document.getElementById('what-is-faas').getBoundingClientRect().top);
      assert.ok(top > -2 && top < 100, `the item is at the top of the viewport (top=${top})`);
      assert.ok(await page.evaluate(() => scrollY > 0));
      assert.equal(await page.title(), `${seed.title} · Documentation`);
    });

    // Hash routes (the build without --prerender); tests/browser/docs-site.test.mjs has path mode.
    check('later navigation follows routes and deep links; back and forward work', async (page) => {
      await load(page, at(`#/${other.id}`, plainDir));
      await page.click(`#siteNav a[href="#/${seed.id}"]`);
      await page.waitForFunction(
        (id) => document.querySelector(`#siteNav [aria-current="page"]`)?.getAttribute('href') === `#/${id}`,
        seed.id,
      );
      // The link is marked at once; the article (a doc script, a render) and the focus come later.
      await settles(
        () => page.evaluate(() => document.activeElement.closest('#siteArticle') !== null),
        true,
        'focus moves to the article',
      );
      await page.evaluate((id) => {
        location.hash = `#/${id}/webiny-uses-mongodb-that-is-not-serverless`;
      }, seed.id);
      await page.waitForFunction(
        () => document.getElementById('webiny-uses-mongodb-that-is-not-serverless')?.closest('details').open,
      );
      await page.goBack();
      assert.equal(await hash(page), `#/${seed.id}`);
      await page.goBack();
      assert.equal(await hash(page), `#/${other.id}`);
      await settles(() => shownArticle(page), `#/${other.id}`, 'Back shows the first article again');
      await page.goForward();
      await page.goForward();
      await settles(() => shownArticle(page), `#/${seed.id}`, 'Forward shows the second article again');
      await settles(
        () =>
          page.evaluate(
            () => document.getElementById('webiny-uses-mongodb-that-is-not-serverless')?.closest('details').open,
          ),
        true,
        'and its deep link opens its item',
      );
      await page.evaluate(() => {
        location.hash = '#/no-such-article';
      });
      await page.waitForFunction(() => document.title.startsWith('Not found'));
    });

    // Resolving a route tries its prefixes as ids: tried naively, 100,000 segments froze the tab
    // for a minute. Only prefixes as long as the longest id are tried, and a route over 8,192
    // characters is no route.
    check(
      'a crafted route of 300,000 segments is answered at once; a long heading path still finds its article',
      async (page) => {
        await load(page, at(`#/${'a/'.repeat(300_000)}`, plainDir));
        assert.match(await page.textContent('#siteArticle .fm-title'), /^No article “(a\/){100}.*…”$/);
        await page.evaluate((id) => {
          location.hash = `#/${id}/${'x/'.repeat(2000)}`;
        }, seed.id);
        await page.waitForFunction(
          (title) => document.querySelector('#siteArticle .fm-title')?.textContent === title,
          seed.title,
        );
        await page.evaluate(() => {
          location.hash = `#/${'ab/'.repeat(4000)}`;
        });
        await page.waitForFunction(() => document.title.startsWith('Not found'));
      },
    );

    check('clicking a summary puts its deep link in the address bar, without a history entry', async (page) => {
      await load(page, at(`#/${seed.id}`));
      const length = await page.evaluate(() => history.length);
      await page.click('#what-is-serverless');
      assert.equal(await hash(page), `#/${seed.id}/what-is-serverless`);
      assert.equal(await isOpen(page, 'what-is-serverless'), true);
      await page.click('#what-is-serverless');
      assert.equal(await hash(page), `#/${seed.id}`);
      assert.equal(await isOpen(page, 'what-is-serverless'), false);
      assert.equal(await page.evaluate(() => history.length), length);
    });

    check('Expand all and Collapse all', async (page) => {
      await load(page, at(`#/${seed.id}`));
      await page.click('#expandAll');
      assert.ok((await openStates(page)).every(Boolean));
      await page.click('#collapseAll');
      assert.ok((await openStates(page)).every((open) => !open));
    });

    check('printing shows every answer and restores the open items afterwards', async (page) => {
      await load(page, at(`#/${seed.id}/what-is-serverless`));
      const before = await openStates(page);
      await page.emulateMedia({ media: 'print' });
      const visible = () => page.$$eval('#siteArticle .fm-answer', (as) => as.map((a) => a.checkVisibility()));
      assert.ok((await visible()).every(Boolean), 'print CSS alone shows closed answers');
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      assert.ok((await openStates(page)).every(Boolean), 'beforeprint opens every item');
      assert.equal(await page.locator('#siteNav').isVisible(), false, 'no sidebar on paper');
      assert.equal(await page.locator('#siteToolbar').isVisible(), false, 'no toolbar on paper');
      await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(await openStates(page), before);
    });

    check('the theme toggle switches light and dark and is remembered', async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await load(page, at());
      const light = await bodyBackground(page);
      assert.equal(await page.getAttribute('#themeToggle', 'aria-pressed'), 'false');
      await page.click('#themeToggle');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      assert.equal(await page.getAttribute('#themeToggle', 'aria-pressed'), 'true');
      const dark = await bodyBackground(page);
      assert.notEqual(dark, light);
      await page.reload();
      await page.waitForSelector('#siteArticle article');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'remembered across loads');
      assert.equal(await bodyBackground(page), dark);
      await page.click('#themeToggle');
      assert.equal(await bodyBackground(page), light);
      await page.evaluate(() => localStorage.clear());
    });

    check('with nothing remembered the page follows prefers-color-scheme', async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await load(page, at());
      assert.equal(await page.getAttribute('html', 'data-theme'), null);
      assert.equal(await page.getAttribute('#themeToggle', 'aria-pressed'), 'true');
      assert.equal(await bodyBackground(page), 'rgb(18, 20, 23)');
    });

    check('the page works when localStorage throws (some file:// and privacy settings)', async (page) => {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
      });
      await page.emulateMedia({ colorScheme: 'light' });
      await load(page, at());
      await page.click('#themeToggle');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    });

    check('keyboard: skip link, Tab to a summary, Enter and Space toggle it', async (page) => {
      await load(page, at());
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'siteMain');
      assert.equal(await hash(page), '', 'the skip link leaves the route alone');
      await page.keyboard.press('Tab');
      const focused = () =>
        page.evaluate(() => {
          const a = document.activeElement;
          return { tag: a.tagName, open: a.parentElement.open, outline: getComputedStyle(a).outlineStyle };
        });
      let f = await focused();
      assert.equal(f.tag, 'SUMMARY');
      assert.notEqual(f.outline, 'none', 'focus is visible');
      await page.keyboard.press('Enter');
      f = await focused();
      assert.equal(f.open, true);
      await page.keyboard.press(' ');
      assert.equal((await focused()).open, false);
    });

    // Chromium opens a closed <details> when find-in-page (Ctrl+F) or a #:~:text= link matches in it;
    // the text link is the scriptable way in. On the plain build: with --prerender, a match found
    // in the prerendered copy while the module swaps in its own DOM can be dropped by Chromium.
    check(
      'find-in-page reaches text in collapsed answers (Chromium expands them; #:~:text= uses the same path)',
      async (page) => {
        await load(page, at(`#/${seed.id}:~:text=MongoDB%20Atlas`, plainDir));
        await page.waitForFunction(
          () => {
            const answer = [...document.querySelectorAll('#siteArticle .fm-answer')].find((a) =>
              a.textContent.includes('MongoDB Atlas'),
            );
            return answer && answer.closest('details').open;
          },
          null,
          { timeout: 5000 },
        );
      },
    );

    check('a dropped Markdown file is rendered in the page, with no request', async (page) => {
      await load(page, at());
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.items.add(
          new File(['# My notes\n\n## Is this local?\n\nYes, **only** here.\n'], 'my-notes.md', {
            type: 'text/markdown',
          }),
        );
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      });
      await page.waitForFunction(() => location.hash === '#/my-notes');
      assert.equal(await page.textContent('#siteArticle details.fm-question summary h2'), 'Is this local?');
      assert.equal(await page.title(), 'My notes · Documentation');
      assert.deepEqual(await page.$$eval('#siteNav .site-nav-title', (hs) => hs.map((h) => h.textContent)), [
        'Articles',
        'Opened files',
      ]);
      await page.click('#is-this-local');
      assert.equal(await hash(page), '#/my-notes/is-this-local');
      // Only the site's own doc scripts may load meanwhile (neighbours are prefetched when idle).
      assert.deepEqual(
        requests.filter((u) => !/\/_foldmark\/docs\/\d+\.js$/.test(u)),
        [],
      );
    });

    check('the Open file button renders a picked file the same way', async (page) => {
      const picked = join(work, 'picked.md');
      writeFileSync(picked, '## What was picked?\n\nThis file.\n');
      await load(page, at());
      await page.setInputFiles('#fileInput', picked);
      await page.waitForFunction(() => location.hash === '#/picked');
      assert.equal(await page.textContent('#siteArticle summary h2'), 'What was picked?');
      await page.setInputFiles('#fileInput', {
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from([137, 80, 78, 71]),
      });
      await page.waitForFunction(() => document.getElementById('siteStatus').textContent.includes('photo.png'));
    });

    check('without JavaScript each article has its own page with its HTML and the sidebar', async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      for (const e of expected) {
        await page.goto(new URL(`${e.id}/index.html`, at('', siteDir)).href);
        assert.equal(await page.locator('#siteArticle article.fm-article').count(), 1, 'one article per page');
        assert.equal(
          await page.getByText('FaaS stands for function as a service', { exact: false }).count(),
          e.id === seed.id ? 1 : 0,
        );
        assert.equal(await page.locator('#siteNav a').count(), expected.length);
      }
      await cdp.detach();
    });

    if (origin === 'file://') {
      check('no serious or critical axe violations: light, dark, all expanded, phone', async (page) => {
        await page.emulateMedia({ colorScheme: 'light' });
        await load(page, at(`#/${seed.id}/what-is-faas`));
        assert.deepEqual(await axeViolations(page), [], 'light');
        await page.click('#expandAll');
        assert.deepEqual(await axeViolations(page), [], 'light, all expanded');
        await page.emulateMedia({ colorScheme: 'dark' });
        assert.deepEqual(await axeViolations(page), [], 'dark, all expanded');
        await page.setViewportSize({ width: 390, height: 844 });
        assert.deepEqual(await axeViolations(page), [], 'phone');
      });

      check('screenshots: light, dark, all expanded, 390 px phone (out/screenshots/)', async (page) => {
        mkdirSync(screenshots, { recursive: true });
        await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
        await load(page, at(`#/${seed.id}`));
        await page.click('#what-is-serverless');
        await page.mouse.move(0, 0);
        await page.evaluate(() => document.activeElement.blur());
        await page.screenshot({ path: join(screenshots, 'light.png') });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: join(screenshots, 'dark.png') });
        await page.emulateMedia({ colorScheme: 'light' });
        await page.click('#expandAll');
        await page.screenshot({ path: join(screenshots, 'expanded.png'), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.click('#collapseAll');
        await page.click('#what-is-faas');
        await page.evaluate(() => scrollTo(0, 0));
        await page.screenshot({ path: join(screenshots, 'phone.png') });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `no horizontal scrolling on a phone (${overflow}px)`);
      });
    }
  });
}
