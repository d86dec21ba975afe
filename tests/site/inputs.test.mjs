// What a sidebars file, a label or --base-url can put into every page of a site: link URLs pass the
// rule Markdown links pass, labels are bounded, the public URL is parsed. Each case was reproduced
// against the previous builder (a probe of the site builder).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import vm from 'node:vm';
import { createFoldmark } from '../../web/node.js';
import { buildSite, InputError } from '../../web/site/builder/index.js';
import { MAX_LABEL_CHARS } from '../../web/site/builder/sidebar-values.js';
import { foldmarkIn, removeDir, tempDir, writeFiles } from './util.mjs';

const work = tempDir('inputs');
after(() => removeDir(work));
const fm = await createFoldmark();

const foldmark = (...args) => foldmarkIn(work, ...args);

let n = 0;
const project = (files) => writeFiles(join(work, `p${n++}`), files);

function catalogOf(out) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  return JSON.parse(JSON.stringify(sandbox.self.foldmarkCatalog));
}

function siteBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const info = statSync(join(dir, name));
    if (info.isFile()) total += info.size;
  }
  return total;
}

const htmlFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

describe('sidebar link items', () => {
  const BAD = [
    'javascript:alert(document.domain)',
    ' javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ];
  const GOOD = ['https://example.org/', 'http://example.org/x', 'mailto:docs@example.org'];
  // Paths on the site that name no article (a Docusaurus site's blog, a file): they could only be
  // dead links in a foldmark site, so they are left out with a warning too.
  const ELSEWHERE = ['/blog/', '../other/', 'page.html#x', 'jav&#x61;script:alert(1)'];

  for (const kind of ['json', 'js']) {
    test(`sidebars.${kind}: a URL Markdown links may not have is left out of the catalog and every page, with a warning at its line`, async () => {
      const items = [
        'intro',
        ...[...BAD, ...GOOD, ...ELSEWHERE].map((href, i) => ({ type: 'link', label: `L${i}`, href })),
      ];
      const source =
        kind === 'json'
          ? JSON.stringify({ main: items }, null, 2)
          : `module.exports = ${JSON.stringify({ main: items }, null, 2)};\n`;
      const dir = project({ 'docs/intro.md': '# Intro\n\nHello.\n', [`sidebars.${kind}`]: source });
      const out = join(dir, 'out');
      const r = await foldmark(
        'build',
        join(dir, 'docs'),
        '--out',
        out,
        '--sidebars',
        join(dir, `sidebars.${kind}`),
        '--prerender',
      );
      assert.equal(r.code, 0, r.stderr);
      const warnings = r.stderr.split('\n').filter((l) => /sidebar link .* is not allowed/.test(l));
      assert.equal(warnings.length, BAD.length, r.stderr);
      const elsewhere = r.stderr.split('\n').filter((l) => /sidebar link .* is not an article of this site/.test(l));
      assert.equal(elsewhere.length, ELSEWHERE.length, r.stderr);
      // Located in the sidebars file; a URL written with escapes (\t, \n in JSON) is found by its file alone.
      assert.match(
        warnings[0],
        new RegExp(
          `^${join(dir, `sidebars.${kind}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: warning: sidebar link "L0"`,
        ),
      );
      const links = catalogOf(out).sidebars[0].filter((item) => Array.isArray(item) && item[0] === 'l');
      assert.deepEqual(
        links.map((l) => l[2]),
        GOOD,
      );
      for (const html of htmlFiles(out)) {
        // What a browser would follow: every href of the page, resolved as the page would resolve it.
        const schemes = new Set(
          [...html.matchAll(/\shref="([^"]*)"/g)].map(
            (m) => new URL(m[1].replaceAll('&amp;', '&'), 'https://site.example/docs/page.html').protocol,
          ),
        );
        assert.deepEqual([...schemes].sort(), ['http:', 'https:', 'mailto:']);
      }
    });
  }
});

describe('labels', () => {
  test(`labels over ${MAX_LABEL_CHARS} characters are cut, with a warning at their file and line; the site stays small`, async () => {
    const huge = 'Ω'.repeat(200_000);
    const docs = {};
    for (let i = 0; i < 30; i += 1) docs[`docs/d${String(i).padStart(2, '0')}.md`] = `# Doc ${i}\n\nText.\n`;
    const dir = project({
      ...docs,
      'docs/long.md': `---\nsidebar_position: 1\n---\n\n# ${huge}\n\nA long title.\n`,
      'docs/side.md': `---\ntitle: Side\nsidebar_label: ${huge}x\n---\n\nText.\n`,
      'docs/cat/_category_.json': `{\n  "position": 2,\n  "label": "${huge}y"\n}\n`,
      'docs/cat/inner.md': '# Inner\n\nText.\n',
    });
    const out = join(dir, 'out');
    const r = await foldmark('build', join(dir, 'docs'), '--out', out, '--prerender');
    assert.equal(r.code, 0, r.stderr);
    const warned = r.stderr.split('\n').filter((l) => /warning: sidebar label of \d+ characters cut to 200/.test(l));
    assert.deepEqual(warned.map((l) => l.replace(/: warning.*/, '').slice(dir.length)).sort(), [
      '/docs/cat/_category_.json:3',
      '/docs/long.md:5',
      '/docs/side.md:3',
    ]);
    const catalog = catalogOf(out);
    const long = catalog.docs.find(([id]) => id === 'long');
    assert.equal(Array.from(long[1]).length, MAX_LABEL_CHARS);
    assert.ok(long[1].endsWith('…'));
    assert.equal(Array.from(catalog.docs.find(([id]) => id === 'side')[1]).length, MAX_LABEL_CHARS);
    const category = catalog.sidebars[0].find((item) => Array.isArray(item) && item[0] === 'c');
    assert.equal(Array.from(category[1]).length, MAX_LABEL_CHARS);
    // Measured: 32.9 MB before (the three labels in the sidebar of every page), 3.2 MB now (the long
    // title stays in its own page, doc script and search entry).
    const bytes = siteBytes(out);
    assert.ok(bytes < 8_000_000, `the site is ${bytes} bytes`);
  });

  test('a doc item label, a category label and a shorthand category in a sidebars file are cut where they are written', async () => {
    const huge = 'x'.repeat(5000);
    const dir = project({
      'docs/intro.md': '# Intro\n\nHello.\n',
      'sidebars.json': JSON.stringify(
        {
          main: [
            { type: 'doc', id: 'intro', label: huge },
            { type: 'category', label: `${huge}c`, items: [] },
            { [`${huge}s`]: ['intro'] },
          ],
        },
        null,
        2,
      ),
    });
    const out = join(dir, 'out');
    const r = await foldmark('build', join(dir, 'docs'), '--out', out, '--sidebars', join(dir, 'sidebars.json'));
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr
      .split('\n')
      .filter((l) => /sidebar label of/.test(l))
      .map((l) => l.replace(/: warning.*/, '').slice(dir.length));
    assert.deepEqual(lines, ['/sidebars.json:6:16', '/sidebars.json:10:16', '/sidebars.json:14:7']);
    const [doc, category, shorthand] = catalogOf(out).sidebars[0];
    assert.equal(doc[1].length, MAX_LABEL_CHARS);
    assert.equal(category[1].length, MAX_LABEL_CHARS);
    assert.equal(shorthand[1].length, MAX_LABEL_CHARS);
  });
});

describe('--base-url', () => {
  const docs = () => project({ 'docs/a.md': '# A\n\n## Q?\n\nA.\n', 'docs/g/b.md': '# B\n\nB.\n' }).concat('/docs');

  test('a ?query, a #fragment, credentials or another scheme is a usage error saying what is wrong; nothing is built', async () => {
    const cases = [
      ['https://x.example/my docs?ref=1#top', /^foldmark: --base-url must not have a \?query/m],
      ['https://x.example/docs#top', /--base-url must not have a #fragment/],
      ['https://x.example/docs?', /--base-url must not have a \?query/],
      ['https://user:secret@x.example/', /--base-url must not hold a user name or password/],
      ['ftp://x.example/', /--base-url must be an http\(s\) URL/],
      ['https://', /--base-url must be an http\(s\) URL/],
    ];
    for (const [url, message] of cases) {
      const out = join(work, `bad${n++}`);
      const r = await foldmark('build', docs(), '--out', out, '--prerender', '--base-url', url);
      assert.equal(r.code, 2, `${url}: ${r.stderr}`);
      assert.match(r.stderr, message, url);
      assert.throws(() => statSync(out), /ENOENT/, 'nothing written');
    }
  });

  test('a space is percent-encoded as a browser would; canonical, og:url, the sitemap and 404.html agree', async () => {
    const out = join(work, `spaced${n++}`);
    const r = await foldmark('build', docs(), '--out', out, '--prerender', '--base-url', 'https://X.example/my docs');
    assert.equal(r.code, 0, r.stderr);
    const page = readFileSync(join(out, 'g', 'b', 'index.html'), 'utf8');
    assert.match(page, /<link rel="canonical" href="https:\/\/x\.example\/my%20docs\/g\/b\/">/);
    assert.match(page, /<meta property="og:url" content="https:\/\/x\.example\/my%20docs\/g\/b\/">/);
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    assert.deepEqual(
      [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]),
      ['https://x.example/my%20docs/', 'https://x.example/my%20docs/a/', 'https://x.example/my%20docs/g/b/'],
    );
    assert.match(readFileSync(join(out, '404.html'), 'utf8'), /href="\/my%20docs\/_foldmark\/style\.css"/);
  });

  test('without --prerender no sitemap.xml is written: its /id/ addresses would not exist', async () => {
    const out = join(work, `no-prerender${n++}`);
    const r = await foldmark('build', docs(), '--out', out, '--base-url', 'https://x.example/docs');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(join(out, 'sitemap.xml')), false);
    assert.equal(existsSync(join(out, 'g', 'b', 'index.html')), false, 'the addresses a sitemap would list');
    assert.match(readFileSync(join(out, '404.html'), 'utf8'), /href="\/docs\/_foldmark\/style\.css"/);
  });

  test('the builder API refuses what the command line refuses, and --edit-url is checked the same way', async () => {
    const dir = docs();
    await assert.rejects(
      buildSite(fm, {
        docsDir: dir,
        outDir: join(work, `api${n++}`),
        baseUrl: 'https://x.example/?a=1',
        warn: () => {},
      }),
      (err) => err instanceof InputError && /--base-url must not have a \?query/.test(err.message),
    );
    const r = await foldmark(
      'build',
      dir,
      '--out',
      join(work, `edit${n++}`),
      '--edit-url',
      'https://x.example/edit/main#frag',
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--edit-url must not have a #fragment/);
  });
});
