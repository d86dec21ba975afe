// The builder against input shaped to be slow, deep or endless: a huge article's search text,
// thousands of broken links, cyclic, deep or throwing sidebars, a sidebars.js that never returns,
// a folder tree hundreds of levels deep. Each ends in a bounded time with a clear message naming
// the file, never a stack overflow or a hang. Needs only the repository (no ../shared).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createFoldmark } from '../../web/node.js';
import { buildSite, InputError } from '../../web/site/builder/index.js';
import { LinkResolver } from '../../web/site/builder/links.js';
import { MAX_SEARCH_TEXT, searchSections } from '../../web/site/builder/search.js';
import { MAX_FOLDER_DEPTH } from '../../web/site/builder/tree.js';
import { MAX_VALUE_DEPTH } from '../../web/site/builder/user-code.js';
import { removeDir, tempDir, writeFiles } from './util.mjs';

const fm = await createFoldmark();
const work = tempDir('hostile');
after(() => removeDir(work));

let n = 0;
const docsDir = (files) => writeFiles(join(work, `docs${n++}`), files);

// Builds; resolves { lines } or rejects with the InputError, as the command line would print it.
async function build(docsDir, extra = {}) {
  const lines = [];
  await buildSite(fm, { docsDir, outDir: join(work, `out${n++}`), warn: (l) => lines.push(l), ...extra });
  return { lines };
}

describe('search text', () => {
  test('one pass over the HTML, at most MAX_SEARCH_TEXT characters per article, and the cut is reported', () => {
    const html = `<h1 class="fm-title">Amp</h1><h2 id="a">A &amp; B</h2><p>${'&amp;'.repeat(MAX_SEARCH_TEXT + 5000)}</p><h2 id="b">B</h2><p>after</p>`;
    let cuts = 0;
    const sections = searchSections(html, {
      onCut: () => {
        cuts += 1;
      },
    });
    const total = sections.reduce((sum, s) => sum + s.t.length + s.x.length, 0);
    assert.ok(total <= MAX_SEARCH_TEXT, `${total} characters indexed`);
    assert.ok(total > MAX_SEARCH_TEXT - 100, 'the text up to the limit is kept');
    assert.equal(cuts, 1);
    assert.deepEqual(
      sections.map((s) => [s.h, s.t]),
      [
        ['', ''],
        ['a', 'A & B'],
      ],
      'what lies past the limit is not indexed',
    );
    assert.equal(sections[0].x, 'Amp');
  });

  test('an article of 1.25 Mi "&" builds, warns that search indexes only its first part, and its shard stays small', async () => {
    const docs = docsDir({
      'amp.md': `# Amp\n\n${'&'.repeat(1.25 * 1024 * 1024)}\n`,
      'b.md': '# B\n\nfindable words\n',
    });
    const outDir = join(work, 'amp-site');
    const lines = [];
    await buildSite(fm, { docsDir: docs, outDir, warn: (l) => lines.push(l) });
    assert.deepEqual(lines, [
      `${join(docs, 'amp.md')}: warning: search indexes the first 1,048,576 characters of this article's text: the rest is not searchable`,
    ]);
    const shards = readdirSync(join(outDir, '_foldmark', 'search'));
    const bytes = shards.reduce((sum, f) => sum + readFileSync(join(outDir, '_foldmark', 'search', f)).length, 0);
    assert.ok(bytes < 8 * MAX_SEARCH_TEXT, `search shards: ${bytes} bytes`); // "&" is \u0026 in a script: 6 bytes
    assert.match(readFileSync(join(outDir, '_foldmark', 'search', shards.at(-1)), 'utf8'), /findable words/);
  });
});

describe('broken links', () => {
  const resolve = (markdown, values) => {
    const doc = {
      index: 0,
      rel: 'many.md',
      dir: '',
      url: 'many',
      id: 'many',
      ids: new Set(),
      abs: '/d/many.md',
      markdown,
      linkValues: values.map((value) => ({ tag: 'a', value })),
    };
    const warned = [];
    new LinkResolver({
      docs: [doc],
      docsRoot: '/d',
      staticDirs: [],
      problems: { warn: (message, where) => warned.push(where) },
    }).resolveDoc(doc);
    return warned;
  };

  test('10,000 broken links are located in linear time, each at its own line', () => {
    const count = 10000;
    const lines = ['# Many', ''];
    for (let i = 0; i < count; i++) lines.push(`See [b${i}](./missing${i}.md).`);
    const started = performance.now();
    const warned = resolve(
      lines.join('\n'),
      Array.from({ length: count }, (_, i) => `./missing${i}.md`),
    );
    const ms = performance.now() - started;
    assert.equal(warned.length, count);
    assert.deepEqual(warned[0], { file: '/d/many.md', line: 3, column: 10 });
    assert.ok(
      warned.every((w, i) => w.line === i + 3 && w.column === `See [b${i}](`.length + 1),
      'every warning at its own line and column',
    );
    // Splitting the text before each link (the old way) took 14 s here; this takes well under one.
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
  });

  test('reference definitions below their uses, and URLs written with spaces, are located too', () => {
    const count = 2000;
    const lines = ['# Refs', ''];
    for (let i = 0; i < count; i++) lines.push(`[in${i}](<./sp ace${i}.md>) and [r${i}][r${i}]`);
    lines.push('');
    for (let i = 0; i < count; i++) lines.push(`[r${i}]: ./ref${i}.md`);
    const values = [];
    for (let i = 0; i < count; i++) values.push(`./sp%20ace${i}.md`, `./ref${i}.md`);
    const warned = resolve(lines.join('\n'), values);
    assert.equal(warned.length, 2 * count);
    warned.forEach((w, k) => {
      const i = k >> 1;
      assert.equal(w.line, k % 2 ? count + 4 + i : i + 3, `${values[k]}`);
    });
  });
});

describe('sidebars', () => {
  const docs = () => docsDir({ 'a.md': '# A\n', 'b.md': '# B\n' });
  const sidebarsError = async (name, source, userCodeTimeout = 5000) => {
    const dir = docs();
    const file = join(dir, '..', `${n++}-${name}`);
    writeFileSync(file, source);
    const err = await build(dir, { sidebars: file, userCodeTimeout }).then(
      () => null,
      (e) => e,
    );
    assert.ok(err instanceof InputError, `${name}: a InputError, not ${err && err.stack}`);
    assert.equal(err.file, file);
    return err.message;
  };

  test('a sidebars.js whose categories contain themselves is an error naming the file', async () => {
    const message = await sidebarsError(
      'cyclic.js',
      "const a = [{ type: 'category', label: 'x', items: ['a'] }];\na[0].items.push(a[0]);\nmodule.exports = { s: a };\n",
    );
    assert.match(
      message,
      /^the sidebars file exports an unusable value: s\[0\]\.items\[1\] is a value it is inside of \(a cycle\)$/,
    );
  });

  test('a 20,000-deep sidebars.js and a 3,000-deep sidebars.json are errors, not a stack overflow', async () => {
    const deepJs = await sidebarsError(
      'deep.js',
      "let items = ['a'];\nfor (let i = 0; i < 20000; i++) items = [{ type: 'category', label: 'c' + i, items }];\nmodule.exports = { s: items };\n",
    );
    assert.match(
      deepJs,
      new RegExp(`nested more than ${MAX_VALUE_DEPTH} levels deep at s\\[0\\]\\.items\\[0\\]\\.items\\[0\\]`),
    );
    let json = '["a"]';
    for (let i = 0; i < 3000; i++) json = `[{"type":"category","label":"c","items":${json}}]`;
    const deepJson = await sidebarsError('deep.json', `{"s":${json}}`);
    assert.match(
      deepJson,
      new RegExp(`^the sidebars file holds an unusable value: nested more than ${MAX_VALUE_DEPTH} levels deep`),
    );
  });

  test('a getter that throws is a sidebars error naming the key, not an internal error', async () => {
    const message = await sidebarsError('getter.js', "module.exports = { get main() { throw new Error('boom'); } };\n");
    assert.equal(message, 'the sidebars file exports an unusable value: reading main threw: boom');
  });

  test('an array shared at every level (2^60 items) is refused after a million values, not copied', async () => {
    const message = await sidebarsError(
      'shared.js',
      "let items = ['a'];\nfor (let i = 0; i < 60; i++) items = [{ type: 'category', label: 'c', items }, { type: 'category', label: 'd', items }];\nmodule.exports = { s: items };\n",
      60000,
    ); // a million values take about half a second, many times that on a loaded machine
    assert.match(message, /more than 1000000 values/);
  });

  test('a sidebars.js that never returns is stopped after the time limit', async () => {
    const started = performance.now();
    const message = await sidebarsError('endless.js', 'while (true) {}\n', 1500);
    assert.equal(message, 'the sidebars file did not finish within 1.5 s (an endless loop?): stopped');
    assert.ok(performance.now() - started < 15000);
  });

  test('deep but sane sidebars still build, and an evaluation error keeps its line and column', async () => {
    const dir = docs();
    const file = join(dir, '..', `sane-${n++}.js`);
    let items = "['a']";
    for (let i = 0; i < 40; i++) items = `[{ type: 'category', label: 'c${i}', items: ${items} }]`;
    writeFileSync(file, `module.exports = { s: ${items}, t: ['b'] };\n`);
    await build(dir, { sidebars: file });
    const broken = join(dir, '..', `broken-${n++}.js`);
    writeFileSync(broken, 'module.exports = {\n  s: [undefinedThing],\n};\n');
    const err = await build(dir, { sidebars: broken }).then(
      () => null,
      (e) => e,
    );
    assert.equal(err.message, 'cannot evaluate sidebars file: undefinedThing is not defined');
    assert.deepEqual([err.file, err.line, err.column], [broken, 2, 7]);
  });
});

describe('folders', () => {
  test(`a tree deeper than ${MAX_FOLDER_DEPTH} folders builds what is above the limit and reports the deeper folder`, async () => {
    const files = { 'top.md': '# Top\n' };
    let path = '';
    for (let i = 1; i <= MAX_FOLDER_DEPTH + 20; i++) {
      path += 'd/';
      if (i === MAX_FOLDER_DEPTH) files[`${path}last.md`] = '# Last\n';
      if (i === MAX_FOLDER_DEPTH + 20) files[`${path}deep.md`] = '# Deep\n';
    }
    const dir = docsDir(files);
    const { lines } = await build(dir);
    const tooDeep = join(dir, ...Array(MAX_FOLDER_DEPTH + 1).fill('d'));
    assert.deepEqual(lines, [
      `${tooDeep}: warning: folder more than ${MAX_FOLDER_DEPTH} levels below the docs folder: not read`,
    ]);
  });
});
