// The public JS contract of web/foldmark.d.ts: createFoldmark, toHtml, render, version, FoldmarkError.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createFoldmark, FoldmarkError } from '../../web/node.js';
import { root } from './fixtures.mjs';

const fm = await createFoldmark();
const seed = readFileSync(join(root, 'content', 'how-is-webiny-serverless.md'), 'utf8');

function throwsCode(fn, code) {
  assert.throws(fn, (err) => err instanceof FoldmarkError && err.name === 'FoldmarkError' && err.code === code);
}

test('version names foldmark and md4c', () => {
  assert.match(fm.version.foldmark, /^\d+\.\d+\.\d+$/);
  assert.equal(fm.version.md4c, '0.5.2');
});

test('toHtml renders CommonMark and GFM', () => {
  assert.equal(fm.toHtml('# Hi *there*'), '<h1 id="hi-there">Hi <em>there</em></h1>\n');
  assert.equal(fm.toHtml('~~x~~'), '<p><del>x</del></p>\n');
  assert.equal(fm.toHtml('~~x~~', { gfm: false }), '<p>~~x~~</p>\n');
  assert.match(fm.toHtml('|a|b|\n|-|-|\n|1|2|'), /<table>[\s\S]*<td>2<\/td>/);
  assert.match(fm.toHtml('- [x] done'), /<input type="checkbox" class="task-list-item-checkbox" disabled checked>done/);
  assert.equal(fm.toHtml('see www.example.com'), '<p>see <a href="http://www.example.com">www.example.com</a></p>\n');
});

test('raw HTML is text unless allowRawHtml', () => {
  assert.equal(fm.toHtml('x <b>y</b>'), '<p>x &lt;b&gt;y&lt;/b&gt;</p>\n');
  assert.equal(fm.toHtml('x <b>y</b>', { allowRawHtml: true }), '<p>x <b>y</b></p>\n');
  assert.equal(fm.toHtml('<div>\nhi\n</div>'), '<pre class="fm-raw-html">&lt;div&gt;\nhi\n&lt;/div&gt;\n</pre>\n');
});

test("allowRawHtml 'safe' keeps allowlisted elements and drops the rest, never as text", () => {
  const safe = { allowRawHtml: 'safe' };
  assert.equal(fm.toHtml('x <b onclick="a()">y</b> <script>z</script>', safe), '<p>x <b>y</b> </p>\n');
  assert.equal(fm.toHtml('<div className="a">\nhi\n</div>', safe), '<div class="a">\nhi\n</div>\n');
  assert.equal(fm.toHtml('<a href="javascript:x">y</a>', safe), '<p><a>y</a></p>\n');
  for (const bad of ['SAFE', 'text', 1, null, {}])
    assert.throws(() => fm.toHtml('x', { allowRawHtml: bad }), { code: 'E_OPTION', message: /allowRawHtml/ });
});

test('link and image URLs are filtered after entity decoding', () => {
  assert.equal(fm.toHtml('[x](javascript:alert(1))'), '<p><a>x</a></p>\n');
  assert.equal(fm.toHtml('[x](&#x6A;avascript:alert(1))'), '<p><a>x</a></p>\n');
  assert.equal(
    fm.toHtml('[x](https://e.com/?q=javascript:1)'),
    '<p><a href="https://e.com/?q=javascript:1">x</a></p>\n',
  );
  assert.equal(fm.toHtml('[m](mailto:a@b.c)'), '<p><a href="mailto:a@b.c">m</a></p>\n');
  assert.equal(fm.toHtml('![i](data:image/png;base64,AAA)'), '<p><img src="data:image/png;base64,AAA" alt="i"></p>\n');
  assert.equal(fm.toHtml('![i](data:image/svg+xml;base64,AAA)'), '<p><img alt="i"></p>\n');
  assert.equal(fm.toHtml('[x](data:image/png;base64,AAA)'), '<p><a>x</a></p>\n');
});

test('heading ids: github-slugger rules, repeats, idPrefix, off', () => {
  assert.equal(fm.toHtml('## What is "FaaS"?'), '<h2 id="what-is-faas">What is &quot;FaaS&quot;?</h2>\n');
  assert.equal(fm.toHtml('# a\n# a\n# a'), '<h1 id="a">a</h1>\n<h1 id="a-1">a</h1>\n<h1 id="a-2">a</h1>\n');
  assert.equal(fm.toHtml('# a', { idPrefix: 'doc-' }), '<h1 id="doc-a">a</h1>\n');
  assert.equal(fm.toHtml('# a', { headingIds: false }), '<h1>a</h1>\n');
});

test('markdown may be a Uint8Array of UTF-8; invalid bytes become U+FFFD', () => {
  assert.equal(fm.toHtml(new TextEncoder().encode('*é*')), '<p><em>é</em></p>\n');
  assert.equal(fm.toHtml(new Uint8Array([0x61, 0xc0, 0xbc, 0x62])), '<p>a\uFFFD\uFFFDb</p>\n');
  assert.equal(fm.toHtml('x\uD800c'), '<p>x\uFFFDc</p>\n');
});

test('bad input and options throw FoldmarkError with a code, and the instance keeps working', () => {
  for (const bad of [undefined, null, 5, {}, [], new ArrayBuffer(2)]) throwsCode(() => fm.toHtml(bad), 'E_INPUT');
  throwsCode(() => fm.toHtml('x', { nope: true }), 'E_OPTION');
  throwsCode(() => fm.toHtml('x', { gfm: 'yes' }), 'E_OPTION');
  throwsCode(() => fm.render('x', { collapse: 'all' }), 'E_OPTION');
  throwsCode(() => fm.render('x', { idPrefix: '"><script>' }), 'E_OPTION');
  throwsCode(() => fm.toHtml('x', 'options'), 'E_OPTION');
  assert.equal(fm.toHtml('ok'), '<p>ok</p>\n');
});

test('output over budget is E_LIMIT and the next call works', () => {
  const def = `[r]: /${'u'.repeat(2000)}\n\n`;
  throwsCode(() => fm.toHtml(def + '[r] '.repeat(20000)), 'E_LIMIT');
  assert.equal(fm.toHtml('after'), '<p>after</p>\n');
});

test('render returns the Article of foldmark.d.ts for the seed article', () => {
  const a = fm.render(seed);
  assert.deepEqual(Object.keys(a).sort(), ['html', 'jsonLd', 'meta', 'questions', 'title', 'toc', 'warnings']);
  assert.equal(a.title, 'How is Webiny serverless?');
  assert.deepEqual(
    a.questions.map((q) => q.id),
    ['what-is-serverless', 'what-is-faas'],
  );
  assert.ok(a.html.startsWith('<article class="fm-article">\n<h1 class="fm-title">How is Webiny serverless?</h1>'));
  assert.equal(JSON.parse(a.jsonLd)['@type'], 'FAQPage');
});

test('jsonLd is built on first access from what render was given, not what changed since', () => {
  const source = '## Why \u{1F600}?\n\nBecause [it](https://e.com) is.\n\n## How?\n\nSo.\n';
  const eager = JSON.parse(JSON.stringify(fm.render(source)));
  assert.equal(JSON.parse(eager.jsonLd).mainEntity.length, 2);
  const bytes = new TextEncoder().encode(source);
  const options = { idPrefix: 'a-' };
  const a = fm.render(bytes, options);
  bytes.fill(0x41);
  options.idPrefix = 'changed-';
  fm.render('# Another article?\n\n## Other?\n\nx'); // the core's buffers now hold other output
  assert.equal(a.jsonLd, fm.render(source, { idPrefix: 'a-' }).jsonLd);
  assert.equal(a.jsonLd, eager.jsonLd); // the prefix shapes ids, not the JSON-LD
  assert.equal(a.jsonLd, a.jsonLd);
  assert.equal(fm.render('## Not a question\n\nx').jsonLd, '');
  const described = Object.getOwnPropertyDescriptor(a, 'jsonLd');
  assert.equal(described.enumerable, true);
  a.jsonLd = 'replaced';
  assert.equal(a.jsonLd, 'replaced');
  assert.equal({ ...a }.jsonLd, 'replaced');
});

test('non-ASCII output of every size decodes exactly (Latin-1, UTF-16 and UTF-8 paths)', () => {
  for (const unit of ['plain ascii text ', 'caf\u00e9 \u65e5\u672c \u{1F600} ']) {
    for (const repeat of [1, 1000, 80000]) {
      const text = unit.repeat(repeat).trim();
      assert.equal(fm.toHtml(text), `<p>${text}</p>\n`, `${unit} × ${repeat}`);
    }
  }
});

test('a large output keeps a surrogate pair wherever it falls (a 64 KiB or 128 KiB boundary)', () => {
  // '<p>' puts the emoji's first UTF-16 unit at index 32,767, 32,768 or 65,535: the edges where a
  // decoder that works in pieces or a buffer that grows would split it.
  for (const lead of [32767 - 3, 32768 - 3, 65535 - 3]) {
    const text = `${'a'.repeat(lead)}\u{1F600}${'b'.repeat(70000)} \u65e5`;
    const html = fm.toHtml(text);
    assert.equal(html, `<p>${text}</p>\n`, `lead ${lead}`);
    assert.equal(html.codePointAt(lead + 3), 0x1f600);
  }
});

test('idPrefix applies to the call that names it and no other', () => {
  assert.equal(fm.toHtml('# T', { idPrefix: 'p-' }), '<h1 id="p-t">T</h1>\n');
  assert.equal(fm.toHtml('# T'), '<h1 id="t">T</h1>\n');
  assert.equal(fm.render('# T\n\n## Q?\n\nA', { idPrefix: 'x:' }).questions[0].id, 'x:q');
  assert.equal(fm.toHtml('# T', { idPrefix: '' }), '<h1 id="t">T</h1>\n');
});
