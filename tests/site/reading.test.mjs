// The builder's reading stages without a browser: search sections from the rendered
// HTML, shards a SearchIndex can load and rank, Prism languages with their dependencies, the
// per-line code rendering shared by page and builder, the `highlight` hook's feature detection,
// and --edit-url in the catalog and doc scripts. Needs only the repository (tests/fixtures/reading).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import vm from 'node:vm';
import { createFoldmark } from '../../web/node.js';
import { buildSite } from '../../web/site/builder/index.js';
import { htmlText, searchSections } from '../../web/site/builder/search.js';
import { codeLanguages, withHighlight } from '../../web/site/builder/code.js';
import { codeHtml, tokenLines } from '../../web/site/shared/code-render.js';
import { SearchIndex } from '../../web/site/page/search-index.js';
import { markParts, snippetOf } from '../../web/site/page/search-text.js';
import { cli, removeDir, root, tempDir } from './util.mjs';

const fm = await createFoldmark();
const work = tempDir('reading');
const fixture = join(root, 'tests', 'fixtures', 'reading');

function readCatalog(out) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  return JSON.parse(JSON.stringify(sandbox.self.foldmarkCatalog));
}

function loadIndex(out) {
  const index = new SearchIndex();
  const dir = join(out, '_foldmark', 'search');
  for (const f of readdirSync(dir)) {
    vm.runInNewContext(readFileSync(join(dir, f), 'utf8'), {
      self: { foldmarkSearch: (k, data) => index.addShard(JSON.parse(JSON.stringify(data))) },
    });
  }
  return index;
}

let out;
let catalog;
before(async () => {
  out = join(work, 'site');
  await buildSite(fm, {
    docsDir: fixture,
    outDir: out,
    editUrl: 'https://example.org/edit/main/docs/',
    warn: () => {},
  });
  catalog = readCatalog(out);
});
after(() => removeDir(work));

test('search sections: one per heading with an id, text without tags, entities decoded, the intro under ""', () => {
  const html =
    '<article class="fm-article"><h1 class="fm-title">T</h1><p>Intro &amp; more</p>' +
    '<h2 id="a-b">A <code>b</code></h2><p>one<em>two</em></p><ul><li>x</li><li>y</li></ul>' +
    '<h3 id="c">C &lt;3</h3><p>last</p></article>';
  assert.deepEqual(searchSections(html), [
    { h: '', t: '', x: 'T Intro & more' },
    { h: 'a-b', t: 'A b', x: 'onetwo x y' },
    { h: 'c', t: 'C <3', x: 'last' },
  ]);
  assert.equal(htmlText('<p>a</p><p>b<br>c</p><td>d</td>'), 'a b c d');
});

test('search sections: a reference named like an inherited property (&constructor;) is text, not a crash', () => {
  const html = '<h2 id="a&amp;b">x &constructor; y</h2><p>&toString; &#32;z&nbsp;w</p>';
  assert.deepEqual(searchSections(html), [{ h: 'a&b', t: 'x &constructor; y', x: '&toString; z w' }]);
});

test('the built index finds a phrase from an answer in its section, first', () => {
  assert.equal(catalog.search, 1);
  const index = loadIndex(out);
  const [hit] = index.search('marmalade setting');
  assert.equal(catalog.docs[hit.n][0], 'intro');
  assert.equal(hit.heading, 'where-is-the-configuration-stored');
  assert.ok(hit.terms.includes('marmalade'));
  const [typo] = index.search('capacitr'); // a typo still finds it (fuzzy), a prefix too
  assert.equal(typo.heading, 'how-do-i-tune-the-flux-capacitor');
  assert.equal(index.search('zeppel')[0].heading, 'which-servers-are-supported');
  assert.deepEqual(index.search('   '), []);
});

test('a big site is split into several shards that together answer like one', async () => {
  const small = join(work, 'sharded');
  await buildSite(fm, { docsDir: fixture, outDir: small, warn: () => {}, searchShardBytes: 10 });
  const shards = readCatalog(small).search;
  assert.equal(shards, 3);
  assert.equal(readdirSync(join(small, '_foldmark', 'search')).length, 3);
  assert.equal(loadIndex(small).search('capacitor')[0].heading, 'how-do-i-tune-the-flux-capacitor');
});

test('snippets centre on the first match and marks cover word starts only', () => {
  const text = `${'lorem '.repeat(60)}the capacitor is here ${'ipsum '.repeat(60)}`;
  const snippet = snippetOf(text, ['capacitor']);
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…') && snippet.includes('capacitor'));
  assert.ok(snippet.length <= 170);
  assert.deepEqual(markParts('Tune the capacitors, not acapacitor', ['capacitor']), [
    { text: 'Tune the ', mark: false },
    { text: 'capacitor', mark: true },
    { text: 's, not acapacitor', mark: false },
  ]);
  assert.deepEqual(
    markParts('axb a.b', ['a.b']),
    [
      { text: 'axb ', mark: false },
      { text: 'a.b', mark: true },
    ],
    'regex characters are literal',
  );
});

test('code: only the languages the docs use are copied, with their dependencies first', () => {
  assert.deepEqual(catalog.code, {
    js: ['clike', 'javascript'],
    bash: ['bash'],
    ts: ['clike', 'javascript', 'typescript'],
  });
  for (const name of ['core', 'clike', 'javascript', 'bash', 'typescript'])
    assert.ok(existsSync(join(out, '_foldmark', 'prism', `${name}.js`)), name);
  assert.ok(!existsSync(join(out, '_foldmark', 'prism', 'jsx.js')));
  const langs = codeLanguages([{ markdown: '```tsx title="a"\nx\n```\n~~~Shell\ny\n~~~\n```nosuchlang\n```' }]);
  assert.deepEqual(langs, { tsx: ['markup', 'clike', 'javascript', 'jsx', 'typescript', 'tsx'], shell: ['bash'] });
});

test('code lines: a token over two lines is closed and reopened, text escaped, highlighted lines marked', () => {
  const tokens = ['a <', { type: 'comment', content: '/* x\ny */' }, '\nz\n'];
  const lines = tokenLines(tokens);
  assert.deepEqual(lines, [
    'a &lt;<span class="token comment">/* x</span>',
    '<span class="token comment">y */</span>',
    'z',
    '',
  ]);
  // The page's lines: each numbered line in span.site-line, the highlighted one marked as the core marks it.
  assert.equal(
    codeHtml(lines, [2]),
    '<span class="site-line">a &lt;<span class="token comment">/* x</span></span>\n' +
      '<span class="fm-line-highlight"><span class="site-line"><span class="token comment">y */</span></span>\n</span>' +
      '<span class="site-line">z</span>\n',
  );
  assert.equal(codeHtml(['a']), '<span class="site-line">a</span>\n');
});

test("prerendered code is coloured through the core's highlight hook, highlighted lines kept", async () => {
  const wrapped = await withHighlight(fm);
  const html = wrapped.render('```js {1}\nconst a = 1;\n```\n', { collapse: 'none' }).html;
  assert.ok(
    html.includes(
      '<code class="language-js"><span class="fm-line-highlight"><span class="token keyword">const</span> a ',
    ),
    html,
  );
  assert.equal((html.match(/fm-line-highlight/g) || []).length, 1, 'one mark, from the core');
  assert.equal(
    fm.render('# x', { collapse: 'none' }).html,
    wrapped.render('# x', { collapse: 'none' }).html,
    'the other options pass through',
  );
});

test('--edit-url: the catalog has the URL, each doc script its path in the docs folder; a bad URL is a usage error', async () => {
  assert.equal(catalog.editUrl, 'https://example.org/edit/main/docs/');
  const n = catalog.docs.findIndex(([id]) => id === 'guides/advanced/tuning');
  const s = {
    self: {
      foldmarkDoc: (i, d) => {
        s.doc = d;
      },
    },
  };
  vm.runInNewContext(readFileSync(join(out, '_foldmark', 'docs', `${n}.js`), 'utf8'), s);
  assert.equal(s.doc.path, 'guides/advanced/tuning.md');
  const run = promisify(execFile);
  const err = await run(process.execPath, [
    cli,
    'build',
    fixture,
    '--out',
    join(work, 'bad'),
    '--edit-url',
    'javascript:alert(1)',
  ]).catch((e) => e);
  assert.equal(err.code, 2);
  assert.match(err.stderr, /--edit-url must be an http\(s\) URL/);
});
