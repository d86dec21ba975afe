// Smoke test of the npm module's browser entry with no bundler: a page imports web/browser.js from a
// loopback host, the glue fetches the .wasm next to itself, and the seed article renders.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, openPage, root, serve } from './harness.mjs';

const render = `
import { createFoldmark } from '/web/browser.js';
const fm = await createFoldmark();
const markdown = await (await fetch('/content/how-is-webiny-serverless.md')).text();
const article = fm.render(markdown);
document.getElementById('out').innerHTML = article.html;
document.title = article.title;
document.body.dataset.version = fm.version.foldmark;
`;
const html = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>smoke</title>
<link rel="icon" href="data:,"></head><body><main id="out">loading…</main>${script}</body></html>`;
const routes = { '/web/': join(root, 'web'), '/dist/': join(root, 'dist'), '/content/': join(root, 'content') };

let plain;
let strict;
let browser;
before(async () => {
  plain = await serve({ routes, pages: { '/index.html': html(`<script type="module">${render}</script>`) } });
  strict = await serve({
    routes,
    pages: { '/index.html': html('<script type="module" src="/render.js"></script>'), '/render.js': render },
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src data:" },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await plain?.close();
  await strict?.close();
});

async function smoke(server) {
  const { page, problems } = await openPage(browser.context);
  try {
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector('body[data-version]');
    assert.equal(await page.title(), 'How is Webiny serverless?');
    assert.ok(await page.getByText('What is "FaaS"?').isVisible());
    assert.equal(await page.locator('#out details.fm-qa').count(), 3);
    assert.equal(await page.getByText('In a gist').count(), 1);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
}

test('<script type="module"> importing /web/browser.js renders the seed article', () => smoke(plain));

test("the same from a module file under script-src 'self' 'wasm-unsafe-eval'", () => smoke(strict));
