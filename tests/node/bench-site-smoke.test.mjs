// The site benchmark on a 10-article tree: every generated link and image resolves, the builder
// reports no broken link, Chromium loads both builds from file:// without a failed request, and
// the report has its shape. Timing numbers are not asserted (this machine is shared). Needs the
// build (dist/) and Debian's Chromium, as the browser tests do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { test } from 'node:test';
import { generateTree, slug } from '../../bench/site/generate.mjs';
import { root } from './fixtures.mjs';

const mdFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.md'))
    .sort();

test('generated trees are deterministic and every link and image in them resolves', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'foldmark-site-tree-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const a = generateTree(40, join(dir, 'a'));
  const b = generateTree(40, join(dir, 'b'));
  assert.equal(a.cached, false);
  assert.equal(generateTree(40, join(dir, 'a')).cached, true);
  const files = mdFiles(a.docs);
  assert.equal(files.length, 40);
  assert.deepEqual(mdFiles(b.docs), files);
  let links = 0;
  let anchors = 0;
  let images = 0;
  for (const f of files) {
    const text = readFileSync(join(a.docs, f), 'utf8');
    assert.equal(text, readFileSync(join(b.docs, f), 'utf8'), f);
    assert.match(text, /^---\ntitle: |^---\nid: /);
    assert.ok(f.split('/').length <= 4, `${f} is at most 3 folders deep`);
    for (const [, url] of text.matchAll(/\]\(([^)]+)\)/g)) {
      const [path, anchor] = url.split('#');
      const target = path.startsWith('/') ? join(a.static, path) : join(a.docs, dirname(f), path);
      assert.ok(existsSync(target), `${f}: ${url} resolves`);
      if (path.endsWith('.md')) links += 1;
      else images += 1;
      if (anchor) {
        const headings = [...readFileSync(target, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => slug(m[1]));
        assert.ok(headings.includes(anchor), `${f}: #${anchor} is a heading of ${path}`);
        anchors += 1;
      }
    }
  }
  assert.ok(links > 40 && anchors > 10 && images > 10, `${links} links, ${anchors} anchors, ${images} images`);
  assert.ok(
    files.some((f) => posix.dirname(f).split('/').length === 3),
    'some articles are 3 folders deep',
  );
  assert.ok(readdirSync(a.docs, { recursive: true }).some((f) => f.endsWith('_category_.json')));
  assert.ok(a.bytes / 40 > 2000 && a.bytes / 40 < 6000, `${a.bytes / 40} bytes per article`);
});

test('npm run bench:site works on a 10-article tree', { timeout: 60_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'foldmark-bench-site-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = spawnSync(process.execPath, [join(root, 'bench', 'site', 'run.mjs')], {
    encoding: 'utf8',
    env: {
      ...process.env,
      BENCH_SITE_SIZES: '10',
      BENCH_SITE_BUILDS: '1',
      BENCH_SITE_LOADS: '1',
      BENCH_SITE_OUT: join(dir, 'out'),
      BENCH_SITE_TREES: join(dir, 'trees'),
      BENCH_SITE_SITES: join(dir, 'sites'),
    },
  });
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
  assert.deepEqual(
    results.rows.map((row) => row.n),
    [10],
  );
  const row = results.rows[0];
  assert.deepEqual(Object.keys(row.modes), ['plain', 'prerender']);
  for (const [mode, m] of Object.entries(row.modes)) {
    for (const key of [
      'buildMs',
      'buildCpuMs',
      'rssMiB',
      'outBytes',
      'downloadGz',
      'catalogPerDoc',
      'firstMs',
      'secondMs',
    ]) {
      assert.ok(m[key] > 0, `${mode}: ${key} = ${m[key]}`);
    }
    assert.equal(m.brokenWarnings, 0, `${mode}: ${m.warningExamples.join('\n')}`);
    assert.equal(m.failed, 0, `${mode}: ${m.failedExamples.join('\n')}`);
    assert.deepEqual(m.errors, [], mode);
    assert.ok(
      m.files.some((f) => f.endsWith('.png')),
      `${mode}: the article's images load: ${m.files}`,
    );
  }
  const md = readFileSync(join(dir, 'out', 'results.md'), 'utf8');
  assert.match(md, /\| first article \(ms, median\) \| \d+ \| 1\.00× \|/);
  assert.match(md, /\| 0 failed requests per load \| 0 \| yes \|/);
  const svg = readFileSync(join(dir, 'out', 'site-bench.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.trimEnd().endsWith('</svg>'));
});
