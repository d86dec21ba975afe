// The authoring loop a new user meets first: from an empty folder, `foldmark init docs` then `foldmark dev docs`, the
// starter site opens in Chromium under the strict CSP, and a save shows in the open page, in place
// (no reload, the wasm kept, the scroll position kept); an outline change reloads at the same
// route; a broken link shows in a panel the reader can dismiss. Needs only the repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, launch, median, openPage, removeDir, STRICT_CSP, tempDir } from './harness.mjs';
import { startDev, stop } from '../site/util.mjs';
import { measureSaves } from './dev-latency.mjs';

const work = tempDir('dev-browser');
const docs = join(work, 'docs');
let dev;
let browser;
let page;
let problems;

before(async () => {
  mkdirSync(work, { recursive: true });
  execFileSync(process.execPath, [cli, 'init', 'docs'], { cwd: work });
  dev = await startDev(work, 'docs');
  browser = await launch();
  ({ page, problems } = await openPage(browser.context));
  await page.setViewportSize({ width: 900, height: 400 });
});
after(async () => {
  await browser?.close();
  if (dev) await stop(dev);
  removeDir(work);
});

const articleText = () => page.locator('#siteArticle').textContent();

test('the starter site opens from the dev server under the strict CSP, with no console error', async () => {
  const response = await page.goto(`${dev.url}#/guides/deploying`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await page.waitForFunction(() => document.querySelector('#siteArticle h1')?.textContent === 'Deploying');
  assert.match(await page.locator('#siteNav').textContent(), /Guides/);
  assert.deepEqual(problems, []);
});

// A long article, scrolled down, so keeping the position means something: file gets 60 more
// paragraphs; once the page shows them, the document is marked (self.devMarker), every answer
// opened and the page scrolled to y. Returns file's text from before.
async function lengthenOpenAndScroll(file, marker, y) {
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\n## Is there more?\n\n${'Lines to scroll past.\n\n'.repeat(60)}`);
  await page.waitForFunction(() => document.querySelector('#siteArticle').textContent.includes('Is there more?'));
  await page.evaluate(
    ([mark, top]) => {
      self.devMarker = mark;
      document.querySelectorAll('#siteArticle details').forEach((d) => {
        d.open = true;
      });
      scrollTo(0, top);
    },
    [marker, y],
  );
  return original;
}

test('a save shows in the open page in place: same document, same scroll position', async (t) => {
  const file = join(docs, 'guides', 'deploying.md');
  const original = await lengthenOpenAndScroll(file, 'same document', 600);
  const times = await measureSaves(page, file, 5);
  const state = await page.evaluate(() => ({
    marker: self.devMarker,
    y: scrollY,
    open: [...document.querySelectorAll('#siteArticle details')].every((d) => d.open),
  }));
  assert.deepEqual(state, { marker: 'same document', y: 600, open: true });
  assert.deepEqual(problems, []);
  t.diagnostic(
    `save to screen (starter, ${times.length} saves): median ${median(times).toFixed(0)} ms, each ${times.map((x) => x.toFixed(0)).join(', ')}`,
  );
  writeFileSync(file, original);
  await page.waitForFunction(() => !document.querySelector('#siteArticle').textContent.includes('Is there more?'));
});

test('an outline change (a title) reloads the page at the same route, scroll position and open answers', async () => {
  const file = join(docs, 'guides', 'deploying.md');
  await lengthenOpenAndScroll(file, 'before', 700);
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Deploying', 'title: Publishing'));
  await page.waitForFunction(
    () => self.devMarker === undefined && /Publishing/.test(document.querySelector('#siteNav').textContent),
  );
  await page.waitForFunction(() => scrollY === 700);
  assert.match(page.url(), /#\/guides\/deploying$/);
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('#siteArticle details')].every((d) => d.open)));
  assert.deepEqual(problems, []);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## Is there more\?[\s\S]*$/, '\n'));
  await page.waitForFunction(() => !document.querySelector('#siteArticle').textContent.includes('Is there more?'));
});

test('a broken link shows in a panel that the reader can dismiss; fixing it removes the panel', async () => {
  const file = join(docs, 'intro.md');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\nSee [nothing](./nothing.md).\n`);
  const panel = page.locator('.fm-dev-panel');
  await panel.waitFor();
  assert.match(await panel.textContent(), /intro\.md:\d+:\d+ warning: broken link '\.\/nothing\.md'/);
  assert.match(await panel.textContent(), /error: 1 broken link\(s\) \(--strict\)/);
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await panel.count(), 0);
  await page.evaluate(() => {
    self.devMarker = 'before the fix';
  });
  writeFileSync(file, `${original}\nSee [the tutorial](./tutorial.md).\n`);
  await page.waitForFunction(() => self.devMarker === undefined); // the failed build left a stale site: rebuilt, reloaded
  // The reloaded page shows its article once its scripts have run: wait for it, then look.
  await page.waitForFunction(() => /Deploying|Publishing/.test(document.querySelector('#siteArticle')?.textContent));
  assert.equal(await page.locator('.fm-dev-panel').count(), 0);
  assert.match(await articleText(), /Deploying|Publishing/);
  assert.deepEqual(problems, []);
});
