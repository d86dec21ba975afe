// Time from navigation start to the seed article in the DOM (the page marks it), median of several
// loads from file:// and from loopback http, and the page weight (gzip) of the built site.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import {
  buildSite,
  launch,
  load,
  median,
  openPage,
  removeDir,
  RENDERED_MARK,
  root,
  serve,
  tempDir,
} from './harness.mjs';

const LOADS = 7;
const ROUTE = '#/how-is-webiny-serverless';
const work = tempDir('perf');
let server;
let browser;
before(async () => {
  await buildSite(join(root, 'content'), work, '--prerender');
  server = await serve({ routes: { '/': work } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  removeDir(work);
});

test('page weight: what index.html loads (page, scripts, stylesheet, its doc), gzipped', (t) => {
  const html = readFileSync(join(work, 'index.html'), 'utf8');
  const files = [
    'index.html',
    ...[...html.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((m) => m[1]),
  ];
  const sizes = files.map((f) => {
    const bytes = readFileSync(join(work, f));
    return { f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const total = sizes.reduce((s, x) => s + x.gz, 0);
  for (const { f, raw, gz } of sizes) t.diagnostic(`${f}: ${kb(raw)} (${kb(gz)} gz)`);
  console.log(
    `page weight: ${kb(total)} gz in ${files.length} files (${kb(sizes.reduce((s, x) => s + x.raw, 0))} raw)`,
  );
  assert.ok(total < 400 * 1024, 'the whole page stays well under 400 KB gzipped');
});

for (const [origin, url] of [
  ['file://', () => pathToFileURL(join(work, 'index.html')).href],
  ['http', () => `${server.url}/index.html`],
]) {
  test(`time to render the seed article, ${origin}: median of ${LOADS} loads`, async (t) => {
    const { page, problems } = await openPage(browser.context);
    const times = [];
    try {
      await load(page, `${url()}${ROUTE}`); // warm-up: process and disk caches
      for (let i = 0; i < LOADS; i++) {
        await load(page, `${url()}${ROUTE}`);
        times.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, RENDERED_MARK));
        assert.equal(await page.textContent('#siteArticle .fm-title'), 'How is Webiny serverless?');
      }
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
    const line =
      `time to render, ${origin}: median ${median(times).toFixed(0)} ms ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, n=${LOADS})`;
    t.diagnostic(line);
    console.log(line);
    assert.ok(median(times) < 5000, 'renders within 5 s even on a busy machine');
  });
}
