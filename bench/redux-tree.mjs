// Builds the Redux docs tree (needs ../shared/testdata/redux-docs: it says so and exits 2 without
// it) and checks it as a reader would, in Chromium from file://: every article opens, every link
// between docs lands on an article (and on its section when it names one), every image shows.
// Prints the build summary, link and image counts, and the landing page's time to first article.
// Usage: node bench/redux-tree.mjs [--prerender]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, load, median, openPage, removeDir, RENDERED_MARK, root, tempDir } from '../tests/browser/harness.mjs';

const tree = join(root, '..', 'shared', 'testdata', 'redux-docs');
if (!existsSync(join(tree, 'sidebars.js'))) {
  console.error(`bench/redux-tree.mjs needs the Redux docs tree at ${tree} (not part of this repository)`);
  process.exit(2);
}
const work = tempDir('redux');
const out = join(work, 'site');
const started = performance.now();
const summary = execFileSync(
  process.execPath,
  [
    join(root, 'web', 'cli.js'),
    'build',
    join(tree, 'docs'),
    '--sidebars',
    join(tree, 'sidebars.js'),
    '--static',
    join(tree, 'static'),
    '--out',
    out,
    ...process.argv.slice(2),
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
);
const buildMs = performance.now() - started;
console.log(summary.trim());
console.log(`build: ${(buildMs / 1000).toFixed(2)} s (wall, one run, including Node start-up)`);

const browser = await launch();
const index = pathToFileURL(join(out, 'index.html')).href;
try {
  const firsts = [];
  for (let i = 0; i < 5; i += 1) {
    const { page } = await openPage(browser.context);
    await page.goto(index);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, RENDERED_MARK);
    firsts.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, RENDERED_MARK));
    await page.close();
  }
  console.log(
    `landing page, first article in the DOM: median ${median(firsts).toFixed(1)} ms of 5 (${firsts.map((t) => t.toFixed(0)).join(', ')})`,
  );

  const { page, problems } = await openPage(browser.context);
  await page.goto(index);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, RENDERED_MARK);
  const ids = await page.evaluate(() => self.foldmarkCatalog.docs.map(([id]) => id));
  const links = [];
  let images = 0;
  let shown = 0;
  const broken = [];
  for (const id of ids) {
    await load(page, `${index}#/${id.split('/').map(encodeURIComponent).join('/')}`);
    const found = await page.evaluate(() => {
      const article = document.querySelector('#siteArticle');
      return {
        // Routes on index.html (#/id), or with --prerender the articles' own pages (id/index.html).
        links: [...article.querySelectorAll('a[href^="#/"], a[href$="/index.html"], a[href*="/index.html#"]')].map(
          (a) => (a.getAttribute('href').startsWith('#/') ? a.getAttribute('href') : a.href),
        ),
        broken: article.querySelectorAll('a.fm-broken-link').length,
        images: [...article.querySelectorAll('img')].map((img) => ({
          src: img.getAttribute('src'),
          ok: img.complete && img.naturalWidth > 0,
        })),
      };
    });
    const site = new URL('.', index).href; // links out of the site are not the builder's
    for (const href of found.links) if (href.startsWith('#/') || href.startsWith(site)) links.push({ from: id, href });
    broken.push(...Array(found.broken).fill(id));
    for (const img of found.images) {
      if (!img.src) continue;
      images += 1;
      if (img.ok) shown += 1;
      else console.log(`image not shown: ${img.src} in ${id}`);
    }
  }
  let landed = 0;
  for (const { from, href } of new Map(links.map((l) => [l.href, l])).values()) {
    if (!href.startsWith('#/')) {
      // An article's own page: it shows an article, and the section its fragment names.
      await page.goto('about:blank'); // a fresh navigation each time, even to the same page
      const ok = await page
        .goto(href)
        .then(() => page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, RENDERED_MARK))
        .then(
          () =>
            page.evaluate(
              () =>
                Boolean(document.querySelector('#siteArticle .fm-article')) &&
                (!location.hash || document.getElementById(decodeURIComponent(location.hash.slice(1))) !== null),
            ),
          () => false,
        );
      if (ok) landed += 1;
      else console.log(`link did not land: ${href} (from ${from})`);
      continue;
    }
    // Lands: the article is shown, and the section the link names (its last part) is in it.
    const ok = await load(page, `${index}${href}`).then(
      () =>
        page.evaluate((h) => {
          const article = document.querySelector('#siteArticle .fm-article');
          const route = decodeURIComponent(h.slice(2));
          if (!article) return false;
          if (self.foldmarkCatalog.docs.some(([id]) => id === route)) return true; // the whole route is an article
          return document.getElementById(route.slice(route.lastIndexOf('/') + 1)) !== null;
        }, href),
      () => false,
    );
    if (ok) landed += 1;
    else console.log(`link did not land: ${href} (from ${from})`);
  }
  console.log(
    `articles opened: ${ids.length}; links between docs in the pages: ${links.length} (${new Set(links.map((l) => l.href)).size} distinct, ${landed} landed); ` +
      `broken links shown without href: ${broken.length}; images: ${shown} of ${images} shown`,
  );
  const real = problems.filter((p) => !/ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/.test(p));
  console.log(`page errors: ${real.length}${real.length ? `\n${real.slice(0, 10).join('\n')}` : ''}`);
} finally {
  await browser.close();
  removeDir(work);
}
