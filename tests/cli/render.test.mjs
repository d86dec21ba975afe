// The command line: `foldmark render` (HTML or Article JSON), usage and input errors; exit codes 0
// ok, 1 bad input (file:line:column on stderr), 2 usage. `foldmark build` on docs trees: tests/site/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFoldmark } from '../../web/node.js';
import { foldmark, removeDir, root, tempDir } from './util.mjs';

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

test("render reads raw HTML as the site does ('safe'); --raw-html text|safe|trusted chooses", async () => {
  const dir = contentDir('raw-html', {
    'a.md': '## A <span className="b">beta</span>\n\n<img src="x.png" onerror="alert(1)">\n',
  });
  const file = join(dir, 'a.md');
  const safe = await foldmark('render', file);
  assert.equal(safe.code, 0, safe.stderr);
  assert.match(safe.stdout, /<h2 id="a-beta">A <span class="b">beta<\/span><\/h2>/);
  assert.match(safe.stdout, /<img src="x.png">/);
  assert.equal((await foldmark('render', file, '--raw-html', 'safe')).stdout, safe.stdout);
  assert.match((await foldmark('render', file, '--raw-html', 'text')).stdout, /&lt;img src=&quot;x.png&quot; onerror/);
  assert.match(
    (await foldmark('render', file, '--raw-html', 'trusted')).stdout,
    /<img src="x.png" onerror="alert\(1\)">/,
  );
  const bad = await foldmark('render', file, '--raw-html', 'yes');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--raw-html must be one of text, safe, trusted/);
});

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
  for (const args of [
    [],
    ['frobnicate'],
    ['render'],
    ['render', 'a.md', 'b.md'],
    ['render', seed, '--html'],
    ['build', 'content'],
    ['build', 'content', '--out'],
    ['build', '--out', 'x'],
  ]) {
    const r = await foldmark(...args);
    assert.equal(r.code, 2, `foldmark ${args.join(' ')}`);
    assert.match(r.stderr, /^foldmark: .*\nusage: foldmark (render|build)/);
  }
  const help = await foldmark('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /foldmark build \[DOCS_DIR \| WEBSITE_DIR\] \[--out DIR\]/);
  assert.match(help.stdout, /foldmark dev \[DOCS_DIR \| WEBSITE_DIR\][\s\S]*foldmark init \[DIR\]/);
});

test('bad input exits 1 and names the file (and line and column when known)', async () => {
  const missing = await foldmark('render', join(work, 'nope.md'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.md: error: cannot read file: ENOENT/);

  // Read as build reads a doc: a file build leaves out is refused, UTF-16 with a BOM is decoded.
  const bytes = contentDir('bytes', {
    'bad.md': Buffer.from('# bad \xff\xfe byte\n', 'latin1'),
    'nul.md': '# nul\0\n',
    'u16.md': Buffer.from('\ufeff# hi \u00e9\n', 'utf16le'),
  });
  for (const name of ['bad.md', 'nul.md']) {
    const r = await foldmark('render', join(bytes, name));
    assert.equal(r.code, 1, name);
    assert.equal(r.stdout, '', name);
    assert.match(r.stderr, new RegExp(`${name}: error: not a UTF-8 \\(or UTF-16 with BOM\\) text file`));
  }
  const u16 = await foldmark('render', join(bytes, 'u16.md'));
  assert.equal(u16.code, 0, u16.stderr);
  assert.equal(u16.stdout, fm.render('# hi \u00e9\n').html);

  const noDir = await foldmark('build', join(work, 'no-such-dir'), '--out', join(work, 'o1'));
  assert.equal(noDir.code, 1);
  assert.match(noDir.stderr, /no-such-dir: error: cannot read docs folder: ENOENT/);

  const empty = await foldmark('build', contentDir('empty', {}), '--out', join(work, 'o2'));
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /empty: error: no articles to build/);
  assert.equal(existsSync(join(work, 'o2', 'index.html')), false, 'nothing is written');
});
