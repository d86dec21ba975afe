// The builder against a careless or hostile user: what --out may touch, atomic output, files that
// cannot be articles, odd names, duplicate ids, usage mistakes. Each case is a way a real docs tree
// or a slip of the hand could lose files or break the site.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import vm from 'node:vm';
import { SearchIndexer } from '../../web/site/builder/search.js';
import { InputError } from '../../web/site/builder/problems.js';
import { NAV_BLOCK, NAV_BUDGET, navHtml, navWriter } from '../../web/site/builder/nav.js';
import { foldmarkIn, removeDir, root, tempDir, writeFiles } from './util.mjs';

const work = tempDir('robust');
after(() => removeDir(work));

const foldmark = (...args) => foldmarkIn(work, ...args);

let n = 0;
const docsDir = (files) => writeFiles(join(work, `docs${n++}`), files);
const simple = () => docsDir({ 'a.md': '# A\n\n## Q?\n\nA\n', 'b.md': '# B\n\n## Other?\n\nB\n' });

describe('--out', () => {
  test('a folder with files foldmark did not write is refused, and left as it was', async () => {
    const out = join(work, 'user');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<h1>my page</h1>');
    writeFileSync(join(out, 'app.js'), 'my app');
    const r = await foldmark('build', simple(), '--out', out);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /refusing to write into a folder foldmark did not build .*--force/);
    assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), '<h1>my page</h1>');
    assert.deepEqual(readdirSync(out).sort(), ['app.js', 'index.html']);
  });
  test('--force adds the site and keeps the files it does not replace', async () => {
    const out = join(work, 'forced');
    mkdirSync(out);
    writeFileSync(join(out, 'CNAME'), 'docs.example');
    const r = await foldmark('build', simple(), '--out', out, '--force');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(out, 'CNAME'), 'utf8'), 'docs.example');
    assert.ok(existsSync(join(out, 'index.html')));
  });
  test('a rebuild removes only what the previous build wrote', async () => {
    const out = join(work, 'rebuild');
    const docs = docsDir({ 'a.md': '# A\n', 'gone.md': '# Gone\n' });
    assert.equal((await foldmark('build', docs, '--out', out, '--prerender')).code, 0);
    assert.ok(existsSync(join(out, 'gone', 'index.html')));
    writeFileSync(join(out, 'CNAME'), 'docs.example');
    removeDir(join(docs, 'gone.md'));
    const r = await foldmark('build', docs, '--out', out, '--prerender');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!existsSync(join(out, 'gone')), 'the page of the removed doc and its folder are gone');
    assert.equal(readFileSync(join(out, 'CNAME'), 'utf8'), 'docs.example', 'a file the user added stays');
  });
  test('inside the package or the docs tree is refused', async () => {
    const docs = simple();
    const inPackage = await foldmark('build', docs, '--out', join(root, 'web', 'site'));
    assert.equal(inPackage.code, 1);
    assert.match(inPackage.stderr, /refusing to write the site into the foldmark package itself/);
    for (const out of [join(root, 'dist', 'x'), root, join(root, '..')]) {
      const r = await foldmark('build', docs, '--out', out);
      assert.equal(r.code, 1, out);
      assert.match(r.stderr, /refusing to write the site into the foldmark package itself/, out);
    }
    const checkoutOut = join(root, 'out', `robust-test-${process.pid}`);
    const ok = await foldmark('build', docs, '--out', checkoutOut); // npm start writes a checkout's out/site
    removeDir(checkoutOut);
    assert.equal(ok.code, 0, ok.stderr);
    const inDocs = await foldmark('build', docs, '--out', join(docs, 'site'));
    assert.equal(inDocs.code, 1);
    assert.match(inDocs.stderr, /inside the docs folder/);
    assert.ok(!existsSync(join(docs, 'site')));
  });
  test('a flag where the folder belongs is a usage error, not a folder named --prerender', async () => {
    const r = await foldmark('build', simple(), '--out', '--prerender');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--out/);
    assert.ok(!existsSync(join(work, '--prerender')));
  });
  test('a failed build leaves the previous site whole and no temporary folder', async () => {
    const out = join(work, 'atomic');
    const docs = simple();
    assert.equal((await foldmark('build', docs, '--out', out)).code, 0);
    const before = readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8');
    const statics = join(work, 'static-broken');
    mkdirSync(statics);
    symlinkSync(join(work, 'nowhere.png'), join(statics, 'dangling.png'));
    writeFileSync(join(docs, 'c.md'), '# C\n');
    const r = await foldmark('build', docs, '--out', out, '--static', statics);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /dangling\.png: error: cannot read: ENOENT/, 'names the file that failed');
    assert.equal(readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8'), before);
    assert.deepEqual(
      readdirSync(work).filter((f) => f.includes('foldmark-tmp')),
      [],
    );
  });
});

describe('files that cannot be articles', () => {
  test('binary and non-UTF-8 files are reported and left out; the others build', async () => {
    const docs = simple();
    writeFileSync(join(docs, 'bin.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x80, 0x0a]));
    writeFileSync(join(docs, 'nul.md'), '# Has a NUL\0 byte\n');
    const r = await foldmark('build', docs, '--out', join(work, 'binary'), '--prerender');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /bin\.md: warning: not a UTF-8 \(or UTF-16 with BOM\) text file: left out/);
    assert.match(r.stderr, /nul\.md: warning: not a UTF-8/);
    assert.match(r.stdout, /2 articles built, 2 left out \(2 not UTF-8 text\)/);
  });
  test('UTF-16 with a BOM is read', async () => {
    const docs = docsDir({});
    mkdirSync(docs, { recursive: true });
    writeFileSync(
      join(docs, 'u16.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Wide ünïcode\n', 'utf16le')]),
    );
    const r = await foldmark('build', docs, '--out', join(work, 'u16'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(work, 'u16', '_foldmark', 'catalog.js'), 'utf8'), /Wide ünïcode/);
  });
  test('odd names: invalid UTF-8 reported, symlinks followed, hidden files reported, backslashes kept', async () => {
    const docs = docsDir({ 'a.md': '# A\n', '.md': '# Hidden\n', 'p\\x.md': '# X\n', 'sub/n.md': '# Nested\n' });
    writeFileSync(Buffer.concat([Buffer.from(`${docs}/bad`), Buffer.from([0xff]), Buffer.from('.md')]), '# Bad name\n');
    symlinkSync(join(docs, 'a.md'), join(docs, 'linked.md'));
    symlinkSync(docs, join(docs, 'sub', 'loop'));
    const r = await foldmark('build', docs, '--out', join(work, 'names'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /bad\\xff\.md: warning: file name is not valid UTF-8: left out/);
    assert.match(r.stderr, /\/\.md: warning: hidden file/);
    assert.match(r.stderr, /loop: warning: folder already read through another path/);
    const sandbox = { self: {} };
    vm.runInNewContext(readFileSync(join(work, 'names', '_foldmark', 'catalog.js'), 'utf8'), sandbox);
    const ids = sandbox.self.foldmarkCatalog.docs.map(([id]) => id);
    assert.deepEqual([...ids].sort(), ['a', 'linked', 'p\\x', 'sub/n']);
    assert.match(r.stdout, /4 articles built, 2 left out \(1 hidden, 1 with a file name that is not UTF-8\)/);
  });
  test('every duplicate id is reported in one run, at the line of the id in use, naming both files', async () => {
    const docs = docsDir({
      'a.md': '---\nid: same\n---\n# A\n',
      'b.md': '---\nid: other\ntitle: B\nid: same\n---\n# B\n',
      'x/one.md': '# One\n',
      'x/01-one.md': '# One again\n',
    });
    const r = await foldmark('build', docs, '--out', join(work, 'dups'));
    assert.equal(r.code, 1);
    assert.ok(
      r.stderr.includes(
        `${join(docs, 'b.md')}:4:1: error: article id "same" is already used by ${join(docs, 'a.md')}:2:1`,
      ),
      r.stderr,
    );
    assert.ok(r.stderr.includes(`error: article id "x/one" is already used by`), r.stderr);
    assert.ok(!existsSync(join(work, 'dups')));
  });
  test('a file over the 32 MiB input limit is reported without being read whole', async () => {
    const docs = simple();
    writeFileSync(join(docs, 'huge.md'), '');
    (await import('node:fs')).truncateSync(join(docs, 'huge.md'), 33 * 1024 * 1024);
    const r = await foldmark('build', docs, '--out', join(work, 'huge'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /huge\.md: warning: file is 34603008 bytes; the limit is 33554432: left out/);
  });
});

describe('size', () => {
  test("a page's no-JS sidebar stays bounded when every category is expanded, and long lists still link every doc", async () => {
    const files = {};
    for (let c = 0; c < 4; c += 1) {
      files[`c${c}/_category_.json`] = '{ "collapsed": false }';
      for (let i = 0; i < 150; i += 1) files[`c${c}/d${String(i).padStart(3, '0')}.md`] = `# Doc ${c}-${i}\n`;
    }
    const out = join(work, 'wide');
    const r = await foldmark('build', docsDir(files), '--out', out, '--prerender');
    assert.equal(r.code, 0, r.stderr);
    const linked = new Set();
    for (let i = 0; i < 150; i += 1) {
      const page = readFileSync(join(out, 'c3', `d${String(i).padStart(3, '0')}`, 'index.html'), 'utf8');
      const nav = page.slice(page.indexOf('<nav'), page.indexOf('</nav>'));
      const links = [...nav.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(
        links.length <= 3 * NAV_BLOCK + NAV_BUDGET,
        `${links.length} links: a window of ${3 * NAV_BLOCK} and at most ${NAV_BUDGET} others`,
      );
      assert.match(nav, new RegExp(`aria-current="page">Doc 3-${i}<`), 'the current doc is in its window');
      assert.match(nav, /class="site-nav-more">\d+ more</);
      for (const href of links) if (href.startsWith('../../c3/')) linked.add(href);
    }
    assert.equal(linked.size, 150, 'every doc of the long category is linked from some page of it');
  });
});

describe('worker threads', () => {
  test('a search index the worker cannot write is a clear error, and the worker ends', async () => {
    const blocker = join(work, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const indexer = new SearchIndexer(join(blocker, 'stage'), { shardBytes: 10 });
    indexer.add({ index: 0, title: 'A' }, [{ h: '', t: '', x: 'some words to index' }]);
    await assert.rejects(
      indexer.finish({ files: [], copy: async () => {} }),
      (err) =>
        err instanceof InputError &&
        /cannot write the search index: ENOTDIR/.test(err.message) &&
        err.file.startsWith(join(blocker, 'stage')),
    );
  });
});

describe('the no-JS sidebar of page after page', () => {
  test('navWriter (one sidebar per folder, then the current doc marked) writes what navHtml writes for each page', () => {
    const docs = [];
    const doc = (id) => {
      const d = { index: docs.length, id, label: `Doc ${id}` };
      docs.push(d);
      return { type: 'doc', doc: d };
    };
    const category = (label, collapsed, items, own) => ({
      type: 'category',
      label,
      collapsed,
      items,
      ...(own ? { doc: own.doc } : {}),
    });
    const inner = category('Inner', true, [doc('a/b/x'), doc('a/b/y')]);
    const long = category(
      'Long',
      false,
      Array.from({ length: 3 * NAV_BLOCK + 45 }, (_, i) => doc(`long/${i}`)),
    );
    const a = category('A', false, [doc('a/one'), inner, doc('a/two')], doc('a/index'));
    const sidebar = {
      items: [
        doc('intro'),
        a,
        category('B', true, [doc('b/one')]),
        long,
        { type: 'link', label: 'Out', href: 'https://example.com/' },
      ],
    };
    const path = {
      'a/b/x': [a, inner],
      'a/b/y': [a, inner],
      'a/one': [a],
      'a/two': [a],
      'a/index': [a],
      'b/one': [sidebar.items[2]],
      intro: [],
    };
    for (const item of long.items) path[item.doc.id] = [long];
    const navFor = navWriter(docs);
    for (const mode of ['path', 'hash']) {
      for (const d of [...docs, docs[0], null]) {
        const open = d ? path[d.id] : [];
        const root = d ? '../'.repeat(d.id.split('/').length) : '';
        const expected = navHtml(sidebar.items, { mode, root, docs, current: d, open: new Set(open) });
        assert.equal(navFor({ sidebar, path: open }, { mode, root, current: d }), expected, `${mode} ${d?.id}`);
        if (d) assert.equal(expected.split('aria-current').length, 2, 'one link marked');
      }
    }
  });
});

describe('command line', () => {
  test('build --help exits 0; -o works; a missing value exits 2', async () => {
    const help = await foldmark('build', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--sidebars FILE/);
    const short = await foldmark('build', simple(), '-o', join(work, 'short'));
    assert.equal(short.code, 0, short.stderr);
    const missing = await foldmark('build', simple());
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /build needs --out DIR/);
  });
});
