// Reading features in Chromium, on the small tree tests/fixtures/reading opened from
// file://: search (keys, results, marks in the opened section, ?q= sharing), code (Prism colours,
// only the page's languages, copy button with a live region), breadcrumbs, "On this page",
// previous/next, the edit link, the phone drawer without horizontal scroll, and axe (code, tabs, search
// open) in light and dark.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createFoldmark } from '../../web/node.js';
import { buildSite as buildFromApi } from '../../web/site/builder/index.js';
import { axeViolations, fixtureSites, load, openPage, root } from './harness.mjs';

const fixture = join(root, 'tests/fixtures/reading');
const site = fixtureSites('reading', {
  '/': [fixture, '--title', 'Reading', '--edit-url', 'https://example.org/repo/edit/main/docs'],
  '/prerendered/': [fixture, '--prerender'],
});
const { work } = site;
const prerenderDir = site.dirs['/prerendered/'];
const index = site.file();

const withPage = (fn, { width = 1300, height = 900 } = {}) => site.withPage(fn, { width, height });

const resultsShown = (page) =>
  page.waitForFunction(
    () =>
      document.querySelectorAll('.site-search-hit').length > 0 &&
      !/Loading/.test(document.querySelector('.site-search-status').textContent),
  );

test('/ opens an accessible search dialog; typing lists article, section and marked snippet; the query is in the address', () =>
  withPage(async (page) => {
    await load(page, index);
    // _foldmark/search.js defines the index class; the shards call self.foldmarkSearch.
    const loaded = () => page.evaluate(() => [typeof self.foldmarkSearchIndex, typeof self.foldmarkSearch]);
    assert.deepEqual(await loaded(), ['undefined', 'undefined'], 'nothing of search loads before it is used');
    await page.keyboard.press('/');
    const dialog = page.locator('dialog#siteSearch');
    assert.equal(await dialog.evaluate((d) => d.open), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'siteSearchInput');
    assert.equal(await page.getAttribute('#siteSearchInput', 'role'), 'combobox');
    await page.keyboard.type('marmalade');
    await resultsShown(page);
    const first = page.locator('.site-search-hit').first();
    assert.equal(await first.locator('.site-search-doc').textContent(), 'Getting started');
    assert.equal(await first.locator('.site-search-section').textContent(), 'Where is the configuration stored?');
    assert.equal(await first.locator('.site-search-snippet mark').first().textContent(), 'marmalade');
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'marmalade');
    assert.ok(
      (await page.evaluate(() => performance.getEntriesByName('foldmark:search').length)) > 0,
      'keystroke-to-results is measured',
    );
    assert.deepEqual(await loaded(), ['function', 'function']);
  }));

test('an index in several shards loads at most two shard scripts at a time and uses every shard', () =>
  withPage(async (page) => {
    const out = join(work, 'sharded');
    // One shard per doc: the builder's shard size is a build option only the API sets.
    await buildFromApi(await createFoldmark(), {
      docsDir: fixture,
      outDir: out,
      searchShardBytes: 10,
      warn: () => {},
    });
    const shard = /\/_foldmark\/search\/\d+\.js$/;
    const requested = [];
    let waiting = 0;
    let most = 0;
    page.on('request', (r) => {
      if (!shard.test(r.url())) return;
      requested.push(r.url());
      most = Math.max(most, ++waiting);
    });
    page.on('requestfinished', (r) => {
      if (shard.test(r.url())) waiting -= 1;
    });
    await load(page, pathToFileURL(join(out, 'index.html')).href);
    const total = await page.evaluate(() => self.foldmarkCatalog.search);
    assert.ok(total >= 3, `${total} shards`);
    await page.keyboard.press('/');
    await page.keyboard.type('marmalade');
    await resultsShown(page);
    assert.equal(await page.locator('.site-search-hit .site-search-doc').first().textContent(), 'Getting started');
    assert.equal(new Set(requested).size, total, 'every shard loaded, once');
    assert.ok(most <= 2, `${most} shard scripts requested at once`);
  }));

// A shard that does not arrive (deleted) or does not deliver (cut short: a syntax error) fails the
// search; before, the first keystroke replaced the reason by a permanent "Loading the search index…",
// and a cut shard left the search loading for ever.
for (const [what, damage, reason] of [
  ['missing', (file) => rmSync(file), /^Search is unavailable: _foldmark\/search\/1\.js could not be loaded$/],
  [
    'cut short',
    (file) => writeFileSync(file, readFileSync(file, 'utf8').slice(0, 60)),
    /^Search is unavailable: _foldmark\/search\/1\.js holds no search data$/,
  ],
]) {
  test(`a ${what} search shard: the reason stays while typing, and the next opening tries again`, async () => {
    const out = join(work, `damaged-${what.replace(' ', '-')}`);
    await buildFromApi(await createFoldmark(), {
      docsDir: fixture,
      outDir: out,
      searchShardBytes: 10,
      warn: () => {},
    });
    const shard = join(out, '_foldmark', 'search', '1.js');
    const intact = readFileSync(shard);
    damage(shard);
    const { page, problems } = await openPage(site.browser.context);
    try {
      await load(page, pathToFileURL(join(out, 'index.html')).href);
      await page.keyboard.press('/');
      const status = () => page.textContent('.site-search-status');
      await page.waitForFunction(() => /unavailable/.test(document.querySelector('.site-search-status')?.textContent));
      await page.keyboard.type('marm');
      assert.match(await status(), reason);
      await page.keyboard.press('Backspace');
      assert.match(await status(), reason);
      await page.keyboard.press('Escape');
      writeFileSync(shard, intact);
      await page.keyboard.press('/');
      await resultsShown(page);
      assert.equal(await page.locator('.site-search-hit .site-search-doc').first().textContent(), 'Getting started');
      assert.deepEqual(
        problems.filter((p) => !/ERR_FILE_NOT_FOUND|SyntaxError|Unexpected end|Invalid or unexpected token/.test(p)),
        [],
      );
    } finally {
      await page.close();
    }
  });
}

test('/ typed right after Escape, before the dialog has handed focus back, opens the search again', () =>
  withPage(async (page) => {
    await load(page, index);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog#siteSearch[open]');
    // The close event (which moves focus to the Search button) comes a task after close(): a key
    // in between still has the closed dialog's input as its target.
    const reopened = await page.evaluate(() => {
      const input = document.querySelector('#siteSearchInput');
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      const closed = !document.querySelector('dialog#siteSearch').open;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
      return [closed, document.querySelector('dialog#siteSearch').open];
    });
    assert.deepEqual(reopened, [true, true]);
  }));

test('arrow keys move the active result and Enter opens the article at that section, answer open, words marked', () =>
  withPage(async (page) => {
    await load(page, index);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('capacitor');
    await resultsShown(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const active = await page.getAttribute('#siteSearchInput', 'aria-activedescendant');
    assert.equal(active, 'siteSearchHit0');
    await page.keyboard.press('Enter');
    await page.waitForSelector('mark.site-hit');
    assert.match(page.url(), /#\/guides\/advanced\/tuning\/how-do-i-tune-the-flux-capacitor$/);
    assert.equal(new URL(page.url()).searchParams.get('hl'), null, 'the marks leave the address once applied');
    const item = page.locator('details.fm-qa:has(#how-do-i-tune-the-flux-capacitor)');
    assert.equal(await item.evaluate((d) => d.open), true);
    assert.ok((await item.locator('mark.site-hit').count()) >= 2, 'the words are marked in the opened answer');
    assert.equal(await page.evaluate(() => document.querySelector('dialog#siteSearch').open), false);
  }));

test('a shared ?q= address opens the search with its results', () =>
  withPage(async (page) => {
    await load(page, `${index}?q=zeppelin`);
    await resultsShown(page);
    assert.equal(await page.inputValue('#siteSearchInput'), 'zeppelin');
    assert.equal(await page.locator('.site-search-hit .site-search-doc').first().textContent(), 'Setup guide');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q')); // closing the search clears ?q=
    assert.equal(await page.evaluate(() => document.activeElement.id), 'searchButton');
  }));

test('per-doc pages (--prerender): a result in another article loads its page at the section, words marked', () =>
  withPage(async (page) => {
    const own = (id) => pathToFileURL(join(prerenderDir, id, 'index.html')).href;
    await load(page, own('intro'));
    await page.keyboard.press('/');
    await page.keyboard.type('capacitor');
    await resultsShown(page);
    await page.keyboard.press('Enter');
    await page.waitForURL(/guides\/advanced\/tuning\/index\.html/);
    await page.waitForSelector('mark.site-hit');
    assert.equal(new URL(page.url()).hash, '#how-do-i-tune-the-flux-capacitor');
    assert.equal(new URL(page.url()).searchParams.get('hl'), null);
    assert.equal(
      await page.locator('details.fm-qa:has(#how-do-i-tune-the-flux-capacitor)').evaluate((d) => d.open),
      true,
    );
    assert.equal(await page.locator('.site-breadcrumbs li').count(), 3);
  }));

test('code blocks are coloured with only the languages the page uses, and Copy announces success', () =>
  withPage(async (page) => {
    await load(page, `${index}#/intro`);
    await page.waitForSelector('code.language-js[data-highlighted] .token.keyword', { state: 'attached' });
    await page.waitForSelector('code.language-bash[data-highlighted]', { state: 'attached' });
    const scripts = await page.evaluate(() =>
      [...document.scripts]
        .map((s) => s.src)
        .filter((s) => s.includes('/prism/'))
        .map((s) => s.split('/').pop()),
    );
    assert.ok(scripts.includes('javascript.js') && scripts.includes('bash.js'));
    assert.ok(!scripts.includes('typescript.js'), `only this page's languages: ${scripts}`);
    const code = await page.locator('code.language-js').textContent();
    assert.match(code, /^import \{ widget \} from 'widget';\nconst answer/);
    await page.click('#expandAll');
    const button = page.locator('.site-copy').first();
    assert.equal(await button.getAttribute('aria-label'), 'Copy code');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.site-copy').textContent === 'Copied');
    await page.waitForFunction(() =>
      /copied/i.test(document.querySelector('[role="status"][aria-live="polite"]')?.textContent || ''),
    );
  }));

test('breadcrumbs, "On this page", previous/next in sidebar order and the edit link surround the article', () =>
  withPage(async (page) => {
    await load(page, `${index}#/guides/advanced/tuning`);
    await page.waitForSelector('.site-pager');
    const crumbs = await page.locator('.site-breadcrumbs li').allTextContents();
    assert.deepEqual(crumbs, ['guides', 'advanced', 'Tuning']);
    assert.equal(
      await page.getAttribute('.site-edit a', 'href'),
      'https://example.org/repo/edit/main/docs/guides/advanced/tuning.md',
    );
    assert.equal(await page.locator('.site-pager-prev .site-pager-label').textContent(), 'Setup guide');
    assert.equal(await page.locator('.site-pager-next').count(), 0, 'the last doc has no next');
    const column = page.locator('.site-onpage');
    assert.equal(await column.isVisible(), true);
    assert.deepEqual(await column.locator('a').allTextContents(), [
      'How do I tune the flux capacitor?',
      'What about very long lines on phones?',
    ]);
    await column.locator('a').nth(1).click();
    const item = page.locator('details.fm-qa:has(#what-about-very-long-lines-on-phones)');
    await page.waitForFunction(
      () => document.querySelector('details.fm-qa:has(#what-about-very-long-lines-on-phones)').open,
    );
    assert.equal(await item.evaluate((d) => d.open), true, 'the column opens the item it points to');
    await page.waitForFunction(
      () =>
        document.querySelector('.site-onpage a[aria-current]')?.dataset.id === 'what-about-very-long-lines-on-phones',
    );
    await page.setViewportSize({ width: 1100, height: 900 });
    assert.equal(await column.isVisible(), false, 'no column below 1200 px');
  }));

test('on a 390 px phone the sidebar is a drawer, the title is on the first screen, search and theme stay reachable, nothing scrolls sideways', () =>
  withPage(
    async (page) => {
      await load(page, `${index}#/guides/advanced/tuning`);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      assert.equal(await page.locator('#siteNav').isVisible(), false);
      const title = await page.locator('.fm-title').boundingBox();
      assert.ok(title.y + title.height < 844, `title at ${title.y}`);
      for (const id of ['#menuButton', '#searchButton', '#themeToggle']) {
        const box = await page.locator(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390 && box.y < 200, `${id} reachable`);
      }
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
      await page.click('#menuButton');
      await page.waitForFunction(() => getComputedStyle(document.getElementById('siteNav')).visibility === 'visible');
      await page.waitForFunction(() => document.getElementById('siteNav').contains(document.activeElement));
      assert.equal(await page.getAttribute('#menuButton', 'aria-expanded'), 'true');
      assert.ok(
        await page.evaluate(() => document.getElementById('siteNav').contains(document.activeElement)),
        'focus moves into the drawer',
      );
      await page.keyboard.press('Escape');
      assert.equal(await page.getAttribute('#menuButton', 'aria-expanded'), 'false');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'menuButton');
    },
    { width: 390, height: 844 },
  ));

for (const scheme of ['light', 'dark']) {
  test(`axe: no serious or critical violations with code blocks, tabs and the search open (${scheme})`, () =>
    withPage(async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      await load(page, `${index}#/intro`);
      await page.waitForSelector('code[data-highlighted]', { state: 'attached' });
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      // The core's own <Tabs> markup, put at the top of the article: the fixture tree stays as the
      // other reading tests count it. The tab handlers are delegated, so a click switches them.
      const tabs = ['npm', 'yarn'].map(
        (v) => `<TabItem value="${v}">\n\n\`\`\`bash\n${v} add widget\n\`\`\`\n\n</TabItem>`,
      );
      const html = (await createFoldmark()).toHtml(`<Tabs>\n${tabs.join('\n')}\n</Tabs>\n`, { mdx: true });
      await page.evaluate((fragment) => {
        const template = document.createElement('template');
        template.innerHTML = fragment;
        document
          .querySelector('#siteArticle .fm-intro, #siteArticle article')
          .prepend(template.content.querySelector('.fm-tabs'));
      }, html);
      await page.click('#siteArticle .fm-tabs [role="tab"]:text("yarn")');
      assert.equal(await page.getAttribute('#siteArticle .fm-tabs [role="tab"]:text("yarn")', 'aria-selected'), 'true');
      await page.keyboard.press('/');
      await page.keyboard.type('widget');
      await resultsShown(page);
      assert.deepEqual(await axeViolations(page), []);
    }));
}
