// In-page links on the links fixture (tests/fixtures/links), in Chromium from file:// and from
// loopback with a strict CSP, on the plain site (hash routes) and with --prerender (a page per
// doc): a click on `#--seednum` or on the article's own URL with #x scrolls to that heading within
// the article, opens the folded answer that holds it, and never opens another article; Back
// returns to where the reader was, Forward to the heading again. Every link of every article, as
// the page wrote it, lands.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe } from 'node:test';
import { fixtureSites, load, root, settles } from './harness.mjs';

const tree = join(root, 'tests', 'fixtures', 'links');
const flags = ['--sidebars', join(tree, 'sidebars.js'), '--static', join(tree, 'static')];
const site = fixtureSites('links', {
  '/hash/': [join(tree, 'docs'), ...flags],
  '/path/': [join(tree, 'docs'), ...flags, '--prerender'],
});
const { check } = site;
const [hashDir, pathDir] = Object.values(site.dirs);

const openItem = (page, id) =>
  page.evaluate((i) => document.getElementById(i)?.closest('details.fm-qa')?.open ?? null, id);
const where = (page) =>
  page.evaluate(() => ({ hash: location.hash, title: document.querySelector('.fm-title')?.textContent }));

// The heading is open and at the top of the viewport (below nothing but the page's own margin),
// or as near as the page scrolls.
async function shown(page, id) {
  await settles(() => openItem(page, id), true, `the answer holding #${id} opens`);
  await settles(
    () =>
      page.evaluate((i) => {
        const { top } = document.getElementById(i).getBoundingClientRect();
        const atEnd = Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) < 2;
        return top > -2 && (top < 120 || (atEnd && top < innerHeight - 40));
      }, id),
    true,
    `#${id} is scrolled to the top`,
  );
}

const origins = {
  'file://': (dir, path) => `${pathToFileURL(dir).href}/${path}`,
  'http with a strict CSP': (dir, path) => `${site.server.url}/${dir === hashDir ? 'hash' : 'path'}/${path}`,
};

for (const [origin, url] of Object.entries(origins)) {
  describe(`in-page links, ${origin}`, () => {
    check('plain site: #--seednum opens the folded answer that holds it, in the same article', async (page) => {
      await load(page, url(hashDir, 'index.html#/cli'));
      assert.equal(await openItem(page, '--seednum'), false, 'folded at first');
      const link = '#siteArticle a:has-text("--seed=<num>") >> nth=0';
      assert.equal(await page.getAttribute(link, 'href'), '#/cli/--seednum');
      await page.click(link);
      await shown(page, '--seednum');
      assert.deepEqual(await where(page), { hash: '#/cli/--seednum', title: 'Command line' });
    });

    check('plain site: Back returns to where the reader clicked, Forward to the heading', async (page) => {
      await load(page, url(hashDir, 'index.html#/cli'));
      const link = '#siteArticle a:text("its current-version URL")';
      await page.locator(link).scrollIntoViewIfNeeded();
      const linkTop = () => page.$eval(link, (a) => Math.round(a.getBoundingClientRect().top));
      const before = { scrollY: await page.evaluate(() => scrollY), top: await linkTop() };
      assert.ok(before.scrollY > 100, `the link is below the first screen (scrollY ${before.scrollY})`);
      await page.click(link);
      await shown(page, '--seednum');
      await page.goBack();
      await settles(() => where(page), { hash: '#/cli', title: 'Command line' }, 'Back: the article, no heading');
      // The answer the jump opened stays open above the link: the link is back where it was on screen.
      await settles(linkTop, before.top, 'Back: where the reader was');
      assert.equal(await openItem(page, '--seednum'), true);
      await page.goForward();
      await settles(() => where(page), { hash: '#/cli/--seednum', title: 'Command line' }, 'Forward');
      await shown(page, '--seednum');
    });

    check('plain site: in-page links of an article that is not the landing one stay in it', async (page) => {
      await load(page, url(hashDir, 'index.html#/components/alert'));
      await page.click('#where-does-it-go'); // open the item holding the links
      await page.click('#siteArticle a:text("in the page")');
      await settles(() => where(page), { hash: '#/components/alert/alertbutton', title: 'Alert' }, '#alertbutton');
      await shown(page, 'alertbutton');
      await page.evaluate(() => scrollTo(0, 0));
      await page.click('#siteArticle a:text("AlertButton") >> nth=0'); // written `alert#alertbutton`
      await settles(() => where(page), { hash: '#/components/alert/alertbutton', title: 'Alert' }, 'by its URL');
      await shown(page, 'alertbutton');
    });

    check('plain site: a link inside a heading to the heading itself', async (page) => {
      await load(page, url(hashDir, 'index.html#/components/button'));
      const link = page.locator('#siteArticle summary a', { hasText: 'useButton' });
      assert.equal(await link.getAttribute('href'), '#/components/button/usebutton');
      await link.click();
      await settles(() => where(page), { hash: '#/components/button/usebutton', title: 'Button' }, 'the heading');
    });

    check('--prerender: #--seednum scrolls within the page and opens its answer; Back and Forward', async (page) => {
      await load(page, url(pathDir, 'cli/index.html'));
      const path = await page.evaluate(() => location.pathname);
      const link = '#siteArticle a:has-text("--seed=<num>") >> nth=0';
      assert.deepEqual(await page.$eval(link, (a) => [a.pathname === location.pathname, a.hash]), [true, '#--seednum']);
      await page.click(link);
      await shown(page, '--seednum');
      assert.deepEqual(await page.evaluate(() => [location.pathname, location.hash]), [path, '#--seednum']);
      await page.goBack();
      await settles(() => page.evaluate(() => [location.hash, scrollY]), ['', 0], 'Back: the top of the article');
      await page.goForward();
      await shown(page, '--seednum');
    });

    check('--prerender: the same article named by its URL stays in the page', async (page) => {
      await load(page, url(pathDir, 'components/alert/index.html'));
      const link = '#siteArticle a:text("AlertButton") >> nth=0';
      assert.deepEqual(await page.$eval(link, (a) => [a.pathname === location.pathname, a.hash]), [
        true,
        '#alertbutton',
      ]);
      await page.evaluate(() => {
        window.pageMarker = 'same page';
      });
      await page.click(link);
      await shown(page, 'alertbutton');
      assert.equal(await page.evaluate(() => window.pageMarker), 'same page', 'no reload');
    });
  });
}
