// The command line the site is built with: `foldmark render` (HTML or Article JSON) and
// `foldmark build`; exit codes 0 ok, 1 bad input (file:line:column on stderr), 2 usage.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFoldmark } from '../../web/node.js';
import { catalogEntry, sortCatalog } from '../../web/site/catalog.js';
import { toClassicScript } from '../../web/site/build.js';
import { foldmark, removeDir, root, tempDir } from './harness.mjs';

const work = tempDir('cli');
after(() => removeDir(work));
const seed = join(root, 'content', 'how-is-webiny-serverless.md');
const fm = await createFoldmark();

function contentDir(name, files) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

test('render prints the article HTML, the same bytes as the API (and the native CLI)', async () => {
  const r = await foldmark('render', seed);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, fm.render(readFileSync(seed)).html);
  const native = join(root, 'build', 'native', 'wasm', 'foldmark');
  if (existsSync(native)) {
    const { execFileSync } = await import('node:child_process');
    assert.equal(r.stdout, execFileSync(native, ['render', seed], { encoding: 'utf8' }));
  }
});

test('render --json prints the whole Article', async () => {
  const r = await foldmark('render', seed, '--json');
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), fm.render(readFileSync(seed)));
});

test('front matter warnings go to stderr as file:line:column; the article still renders', async () => {
  const dir = contentDir('warn', { 'warn.md': '---\ntitle: [unclosed\n---\n\n## Still here?\n\nYes.\n' });
  const r = await foldmark('render', join(dir, 'warn.md'));
  assert.equal(r.code, 0);
  assert.match(r.stderr, new RegExp(`^${join(dir, 'warn.md')}:2:\\d+: warning: `));
  assert.match(r.stdout, /Still here\?/);
});

test('usage errors exit 2 with the usage text', async () => {
  for (const args of [[], ['frobnicate'], ['render'], ['render', 'a.md', 'b.md'], ['render', seed, '--html'],
    ['build', 'content'], ['build', 'content', '--out'], ['build', '--out', 'x']]) {
    const r = await foldmark(...args);
    assert.equal(r.code, 2, `foldmark ${args.join(' ')}`);
    assert.match(r.stderr, /^foldmark: .*\nusage: foldmark render/);
  }
  const help = await foldmark('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /foldmark build CONTENT_DIR --out DIR/);
});

test('bad input exits 1 and names the file (and line and column when known)', async () => {
  const missing = await foldmark('render', join(work, 'nope.md'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.md: error: cannot read file: ENOENT/);

  const noDir = await foldmark('build', join(work, 'no-such-dir'), '--out', join(work, 'o1'));
  assert.equal(noDir.code, 1);
  assert.match(noDir.stderr, /no-such-dir: error: cannot read the content directory/);

  const empty = await foldmark('build', contentDir('empty', {}), '--out', join(work, 'o2'));
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /empty: error: no \.md files/);

  const dup = contentDir('dup', { 'a.md': '---\nid: same\n---\n# A\n', 'b.md': '---\ntitle: B\nid: same\n---\n# B\n' });
  const r = await foldmark('build', dup, '--out', join(work, 'o3'));
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `${join(dup, 'b.md')}:3:1: error: article id "same" is already used by ${join(dup, 'a.md')}\n`);
  assert.equal(existsSync(join(work, 'o3', 'index.html')), false, 'nothing is written');
});

test('build writes a self-contained site; the sidebar follows sidebar_position, then file name', async () => {
  const dir = contentDir('order', {
    'b.md': '---\nsidebar_position: 1\nsidebar_label: Bee\n---\n# B title\n',
    'a.md': '# A title\n',
    'c.md': '---\nid: sea\ntitle: C title\nsidebar_position: 1\n---\n',
    'z.md': '---\nsidebar_position: 0.5\n---\n# Z\n',
  });
  const out = join(work, 'order-site');
  const r = await foldmark('build', dir, '--out', out, '--title', 'My <docs>');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /4 articles → file:\/\//);
  for (const f of ['index.html', 'app.js', 'style.css', 'favicon.svg', 'foldmark-classic.js', 'foldmark-wasm.js', 'foldmark-api.js', 'catalog.js', 'articles.js']) {
    assert.ok(existsSync(join(out, f)), f);
  }
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(links, [['#/a', 'A title'], ['#/z', 'Z'], ['#/b', 'Bee'], ['#/sea', 'C title']]);
  assert.match(html, /<title>A title · My &lt;docs&gt;<\/title>/);
  assert.match(html, /<noscript>/, 'without --prerender the page says it needs JavaScript');
  assert.doesNotMatch(html, /site-prerendered/);
});

test('the catalog rules: id from meta.id else file name, label from sidebar_label else title', () => {
  const entry = (file, meta, title = '') => catalogEntry(file, { meta, title });
  assert.deepEqual(sortCatalog([entry('b.md', {}, 'B'), entry('a.md', { sidebar_position: 2 }), entry('c.md', { sidebar_position: '1' })])
    .map((e) => e.id), ['b', 'c', 'a']);
  const e = entry('dir/x.md', { id: 'ex', sidebar_label: 'Ex', description: 'd' }, 'Title');
  assert.deepEqual([e.id, e.file, e.label, e.title, e.description], ['ex', 'x.md', 'Ex', 'Title', 'd']);
  assert.equal(entry('y.markdown', {}, '').label, 'y');
});

test('the API module becomes a classic script; anything it cannot convert stops the build', () => {
  const api = readFileSync(join(root, 'web', 'foldmark.js'), 'utf8');
  const script = toClassicScript(api, 'foldmark', 'web/foldmark.js');
  assert.doesNotMatch(script, /^\s*(export|import)\b/m);
  const scope = {};
  new Function('self', script)(scope);
  assert.equal(typeof scope.foldmark.wrapCore, 'function');
  assert.equal(new scope.foldmark.FoldmarkError('E_INPUT', 'x').code, 'E_INPUT');
  assert.throws(() => toClassicScript("import x from './x.js';\nexport const y = 1;\n", 'g', 'm.js'), /cannot turn m\.js/);
  assert.throws(() => toClassicScript('export default 1;\n', 'g', 'm.js'), /cannot turn m\.js/);
});
