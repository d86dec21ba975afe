// Front matter that shapes a doc's page (web/site/builder/page-front-matter.js): what the doc
// scripts carry for the page (TOC levels, hidden TOC, edit URL, last update, previous/next and
// their labels, the sidebar shown), the sidebar classes in the catalog, and what prerendered pages
// hold (keywords, og:image, the sidebar shown). The page's side is in
// tests/browser/page-front-matter.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { pageFrontMatter } from '../../web/site/builder/page-front-matter.js';
import { tocEntries } from '../../web/site/shared/toc.js';
import { foldmarkIn, removeDir, tempDir, writeFiles } from './util.mjs';
import { FRONT_MATTER_DOCS } from './page-front-matter-docs.mjs';

const dir = tempDir('page-front-matter');
after(() => removeDir(dir));

// self.foldmarkDoc(n, data) of each doc script, by id.
function docScripts(out, count) {
  const byId = {};
  for (let n = 0; n < count; n++) {
    const sandbox = { self: { foldmarkDoc: (_, data) => (byId[data.id] = data) } };
    vm.runInNewContext(readFileSync(join(out, '_foldmark', 'docs', `${n}.js`), 'utf8'), sandbox);
  }
  return JSON.parse(JSON.stringify(byId));
}

test('pageFrontMatter reads what Docusaurus reads and ignores values of the wrong kind', () => {
  assert.deepEqual(pageFrontMatter({ toc_min_heading_level: 3 }), { tocLevels: [3, 3] });
  assert.deepEqual(pageFrontMatter({ toc_max_heading_level: 5 }), { tocLevels: [2, 5] });
  assert.deepEqual(pageFrontMatter({ toc_min_heading_level: 5, toc_max_heading_level: 3 }), {});
  assert.deepEqual(pageFrontMatter({ toc_min_heading_level: 'two', hide_table_of_contents: 'yes' }), {});
  assert.deepEqual(pageFrontMatter({ custom_edit_url: 'javascript:alert(1)' }), {});
  assert.deepEqual(pageFrontMatter({ custom_edit_url: null, last_update: { author: 'Bo' } }), {
    editUrl: null,
    lastUpdate: { author: 'Bo' },
  });
  assert.deepEqual(pageFrontMatter({ unknown_key: 1 }), {});
});

test('toc levels from front matter choose the headings a TOC lists', () => {
  const toc = [2, 3, 4, 5].map((level) => ({ level, text: `h${level}`, id: `h${level}` }));
  assert.deepEqual(
    tocEntries(toc, 10).map((t) => t.id),
    ['h2', 'h3'],
  );
  assert.deepEqual(
    tocEntries(toc, 10, [3, 4]).map((t) => [t.id, t.sub]),
    [
      ['h3', false],
      ['h4', true],
    ],
  );
});

test('doc scripts carry the page fields; prerendered pages carry keywords and og:image', async () => {
  writeFiles(dir, FRONT_MATTER_DOCS);
  const r = await foldmarkIn(
    dir,
    'build',
    'docs',
    '--sidebars',
    'sidebars.js',
    '--out',
    'site',
    '--prerender',
    '--base-url',
    'https://d.example/x/',
    '--edit-url',
    'https://edit.example/base/',
  );
  assert.equal(r.code, 0, r.stderr);
  const docs = docScripts(join(dir, 'site'), 4);
  assert.deepEqual(
    {
      tocLevels: docs.a.tocLevels,
      editUrl: docs.a.editUrl,
      lastUpdate: docs.a.lastUpdate,
      near: docs.a.near.map((n) => n >= 0),
      nearLabels: docs.a.nearLabels,
    },
    {
      tocLevels: [3, 4],
      editUrl: 'https://edit.example/a',
      lastUpdate: { date: '2026-11-02', author: 'Ana' },
      near: [false, true],
      nearLabels: [null, 'The C page'],
    },
    'a: its next is c (named by pagination_next), shown by its pagination_label',
  );
  assert.equal(docs.b.hideToc, true);
  assert.equal(docs.b.editUrl, null);
  assert.deepEqual(
    docs.b.near.map((n) => n >= 0),
    [false, true],
    'b: pagination_prev null hides its previous',
  );
  assert.equal(docs.c.editUrl, undefined, 'c: the site edit URL applies');
  assert.equal(docs.c.sidebar, 1, 'c: displayed_sidebar t');
  assert.equal(docs.a.sidebar, undefined);
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(dir, 'site', '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  const c = Object.keys(docs).sort().indexOf('c');
  assert.deepEqual(JSON.parse(JSON.stringify(sandbox.self.foldmarkCatalog.classes)), { [c]: 'special' });
  // The no-JS sidebar of c's page is sidebar t; a's lists c with its class.
  const navOf = (id) =>
    /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(readFileSync(join(dir, 'site', id, 'index.html'), 'utf8'))[1];
  assert.match(navOf('c'), /D<\/a>/);
  assert.doesNotMatch(navOf('c'), /A<\/a>/);
  assert.match(navOf('a'), /<a href="[^"]*c\/index.html" class="special">C<\/a>/);
  const page = readFileSync(join(dir, 'site', 'a', 'index.html'), 'utf8');
  assert.match(page, /<meta name="keywords" content="tables, speed">/);
  assert.match(page, /<meta property="og:image" content="https:\/\/d\.example\/x\/img\/card\.png">/);
});
