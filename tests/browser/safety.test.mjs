// Hostile front matter and headings cannot break out of <title>, <meta>, the sidebar or the JSON-LD
// <script>: checked in the built index.html and in Chromium (file:// and under a strict CSP).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { buildSite, closeAndRemove, launch, load, openPage, serveWithStrictCsp, tempDir } from './harness.mjs';

const TITLE = "</title><script>alert('title')</script>";
const DESCRIPTION = `"><script>alert('description')</script>`;
const LABEL = "<img src=x onerror=alert('label')>";
const QUESTION = "Is </script><!--<script>alert('jsonld')</script> safe?";
// The site renders raw HTML 'safe': the heading's script goes with its content, the stray end tag
// too; `<!--` that never closes is text. What is left is the question's name, as text.
const QUESTION_SHOWN = 'Is <!-- safe?';

const evil = `---
id: evil
title: ${JSON.stringify(TITLE)}
description: ${JSON.stringify(DESCRIPTION)}
sidebar_label: ${JSON.stringify(LABEL)}
---

Intro with <script>alert('raw')</script> and [a link](javascript:alert('link')).

## ${QUESTION}

An answer with <img src=x onerror=alert('img')> and </script> in it.
`;

const work = tempDir('safety');
const siteDir = join(work, 'site');
let server;
let browser;
before(async () => {
  mkdirSync(join(work, 'content'));
  writeFileSync(join(work, 'content', 'evil.md'), evil);
  await buildSite(join(work, 'content'), siteDir, '--prerender');
  server = await serveWithStrictCsp({ '/': siteDir });
  browser = await launch();
});
after(() => closeAndRemove({ browser, server, dir: work }));

test("index.html: the only <script> elements are the site's, and the JSON-LD parses back", () => {
  const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(scripts, [
    '<script type="application/ld+json">',
    '<script src="_foldmark/site.js" defer>',
    '<script src="_foldmark/core.js" defer>',
    '<script src="_foldmark/wasm.js" defer>',
    '<script src="_foldmark/catalog.js" defer>',
    '<script src="_foldmark/docs/0.js" defer>',
  ]);
  const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)[1];
  assert.doesNotMatch(jsonLd, /<|>/);
  assert.equal(JSON.parse(jsonLd).mainEntity[0].name, QUESTION_SHOWN);
  assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;/);
  assert.match(html, /<meta name="description" content="&quot;&gt;&lt;script&gt;/);
});

for (const [origin, url] of [
  ['file://', () => pathToFileURL(join(siteDir, 'index.html')).href],
  ['http with a strict CSP', () => `${server.url}/index.html`],
]) {
  test(`${origin}: hostile text stays text; nothing runs`, async () => {
    const { page, problems } = await openPage(browser.context);
    try {
      await load(page, `${url()}#/evil`);
      assert.equal(await page.title(), `${TITLE} · Documentation`);
      assert.equal(await page.getAttribute('meta[name="description"]', 'content'), DESCRIPTION);
      assert.equal(await page.textContent('#siteNav a[aria-current="page"]'), LABEL);
      assert.equal(await page.locator('#siteNav img, #siteArticle img, #siteArticle script').count(), 0);
      assert.equal(await page.getAttribute('#siteArticle .fm-intro a', 'href'), null, 'javascript: link dropped');
      const jsonLd = await page.evaluate(() =>
        JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent),
      );
      assert.equal(jsonLd.mainEntity[0].name, QUESTION_SHOWN);
      assert.equal(await page.evaluate(() => document.scripts.length), 6, "the site's five scripts and the JSON-LD");
      await page.click('#siteArticle summary');
      assert.deepEqual(problems, [], 'no dialogs, errors or CSP violations');
    } finally {
      await page.close();
    }
  });
}
