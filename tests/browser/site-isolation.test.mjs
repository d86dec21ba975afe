// One doc never takes the site down: a doc whose script is missing, one whose
// script throws, one over the renderer's input limit (E_LIMIT) and one of 150,000 headings (a TOC
// too long for a spread call such as Math.min(...toc)) each show an error or themselves in
// #siteArticle, and the sidebar and every other doc keep working.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import vm from 'node:vm';
import { buildSite, launch, load, openPage, removeDir, root, serve, tempDir } from './harness.mjs';

const work = tempDir('isolation');
const docsDir = join(work, 'docs');
const siteDir = join(work, 'site');
const HEADINGS = 150000;
let n;
let server;
let browser;
before(async () => {
  cpSync(join(root, 'tests', 'fixtures', 'docs-tree', 'docs'), docsDir, { recursive: true });
  writeFileSync(
    join(docsDir, 'huge.md'),
    `# Huge\n\n${Array.from({ length: HEADINGS }, (_, i) => `## H${i}\n\nx\n`).join('\n')}`,
  );
  writeFileSync(join(docsDir, 'gone.md'), '# Gone\n\nIts script is deleted after the build.\n');
  writeFileSync(join(docsDir, 'throws.md'), '# Throws\n');
  writeFileSync(join(docsDir, 'limit.md'), '# Limit\n');
  await buildSite(docsDir, siteDir);
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(siteDir, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  n = Object.fromEntries(sandbox.self.foldmarkCatalog.docs.map(([id], i) => [id, i]));
  rmSync(join(siteDir, '_foldmark', 'docs', `${n.gone}.js`));
  server = await serve({
    routes: { '/': siteDir },
    pages: {
      [`/_foldmark/docs/${n.throws}.js`]: 'throw new Error("a broken doc script");\n',
      // Made in the page: one byte over the renderer's 32 MiB input limit.
      [`/_foldmark/docs/${n.limit}.js`]: `self.foldmarkDoc(${n.limit}, { id: 'limit', markdown: 'x'.repeat(32 * 1024 * 1024 + 1), options: {}, links: {} });\n`,
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  removeDir(work);
});

const articleTitle = (page) => page.textContent('#siteArticle .fm-title');

// Shows doc id by its route and waits for text in the article (its title, or the error).
async function open(page, id, expected, timeout = 30000) {
  await page.evaluate((route) => {
    location.hash = route;
  }, `#/${id}`);
  await page.waitForFunction(
    (text) => document.querySelector('#siteArticle .fm-title')?.textContent.includes(text),
    expected,
    { timeout },
  );
}

async function stillWorks(page) {
  await page.click(`#siteNav a[data-n="${n.intro}"]`);
  await page.waitForFunction(() => document.querySelector('#siteArticle .fm-title')?.textContent === 'Welcome');
  await open(page, 'reference/api', 'API reference');
}

test('a doc whose script is missing shows an error; the sidebar and the other docs work', async () => {
  const { page, problems } = await openPage(browser.context);
  try {
    await load(page, `${pathToFileURL(join(siteDir, 'index.html')).href}#/gone`);
    assert.match(await articleTitle(page), /“Gone” could not be shown/);
    assert.match(await page.textContent('#siteArticle .site-error'), /_foldmark\/docs\/\d+\.js could not be loaded/);
    assert.equal(await page.getAttribute(`#siteNav a[data-n="${n.gone}"]`, 'aria-current'), 'page');
    await stillWorks(page);
    await open(page, 'gone', 'could not be shown');
    assert.deepEqual(
      problems.filter((p) => !/ERR_FILE_NOT_FOUND/.test(p)),
      [],
    );
  } finally {
    await page.close();
  }
});

test('a doc script that throws, and a doc over the input limit (E_LIMIT), each show an error', async () => {
  const { page, problems } = await openPage(browser.context);
  try {
    await load(page, `${server.url}/index.html#/throws`);
    assert.match(await page.textContent('#siteArticle .site-error'), /did not deliver doc/);
    await stillWorks(page);
    await open(page, 'limit', 'could not be shown');
    assert.match(await page.textContent('#siteArticle .site-error'), /maximum is 33554432/);
    await stillWorks(page);
    assert.ok(
      problems.length > 0 && problems.every((p) => p === 'pageerror: a broken doc script'),
      problems.join('\n'),
    );
  } finally {
    await page.close();
  }
});

// Rendering and laying out 150,000 items takes seconds alone and many minutes on an overloaded
// machine (a 180 s wait ran out there): the wait has no ceiling of its own; the test's timeout
// stops a page that never shows it.
test(`a doc of ${HEADINGS.toLocaleString('en')} headings is shown (its TOC capped); nothing else breaks`, {
  timeout: 20 * 60_000,
}, async () => {
  const { page, problems } = await openPage(browser.context);
  try {
    await load(page, `${pathToFileURL(join(siteDir, 'index.html')).href}#/intro`);
    await open(page, 'huge', 'Huge', 0);
    assert.equal(await page.locator('#siteArticle .site-error').count(), 0);
    const toc = await page.locator('#siteNav .site-toc li').count();
    assert.ok(toc > 0 && toc <= 300, `the sidebar lists at most 300 of its headings (${toc})`);
    await stillWorks(page);
    assert.deepEqual(
      problems.filter((p) => !/ERR_FILE_NOT_FOUND/.test(p)),
      [],
      'only the deleted script of "gone" fails',
    );
  } finally {
    await page.close();
  }
});

test('a site whose page script (_foldmark/site.js) is missing says so instead of showing an empty page', async () => {
  const bare = join(work, 'no-site-js');
  cpSync(siteDir, bare, { recursive: true });
  rmSync(join(bare, '_foldmark', 'site.js'));
  const { page, problems } = await openPage(browser.context);
  try {
    await page.goto(`${pathToFileURL(join(bare, 'index.html')).href}#/intro`);
    await page.waitForFunction(
      () => /_foldmark\/site\.js\) did not load/.test(document.getElementById('siteStatus').textContent),
      null,
      { timeout: 30000 },
    );
    assert.ok(await page.locator('#siteStatus').isVisible());
    // The doc script finds no receiver: that error, and the missing file, are all that go wrong.
    assert.deepEqual(
      problems.filter((p) => !/ERR_FILE_NOT_FOUND|foldmarkDoc is not a function/.test(p)),
      [],
    );
  } finally {
    await page.close();
  }
});
