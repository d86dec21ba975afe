// The benchmark in quick mode on tiny corpora: every library passes the correctness check and the
// report files are written. Timing numbers are not asserted (this machine is shared).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkOutput } from '../../bench/check.mjs';
import { MARKER_HEADING, MARKER_URL, faqArticle } from '../../bench/corpus.mjs';
import { root } from './fixtures.mjs';

test('npm run bench works in quick mode on tiny corpora', { timeout: 30_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'foldmark-bench-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = spawnSync(process.execPath, [join(root, 'bench', 'run.mjs')], {
    encoding: 'utf8',
    env: {
      ...process.env,
      BENCH_QUICK: '1',
      BENCH_SECONDS: '0.02',
      BENCH_ROUNDS: '3',
      BENCH_COLD_RUNS: '1',
      BENCH_SCALE: '0.02',
      BENCH_OUT: join(dir, 'out'),
      BENCH_CORPUS_DIR: join(dir, 'corpus'),
    },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /correctness: \d+ libraries × 4 corpora OK/);
  const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
  assert.deepEqual(results.corpora.map((c) => c.name), ['spec', 'readmes', 'faq', 'small']);
  for (const c of results.corpora) {
    for (const name of ['foldmark toHtml', 'foldmark render', 'foldmark render+jsonLd', 'markdown-wasm', 'md4w', 'marked', 'markdown-it', 'commonmark']) {
      assert.ok(results.rows[c.name][name].mbps > 0, `${name} on ${c.name}`);
    }
  }
  assert.ok(results.cold['foldmark toHtml'].ms > 0);
  assert.ok(results.size.foldmark.gz > 0);
  assert.match(readFileSync(join(dir, 'out', 'results.md'), 'utf8'), /\| foldmark toHtml \|/);
  const svg = readFileSync(join(dir, 'out', 'bench.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.trimEnd().endsWith('</svg>'));
  assert.ok(existsSync(join(dir, 'corpus', 'manifest.json')));
});

test('the correctness check rejects empty, truncated and unlinked output', () => {
  const text = faqArticle(7, 2000) + `\n## ${MARKER_HEADING}\n\n[x](${MARKER_URL})\n`;
  const good = `<h2>${MARKER_HEADING}</h2><p><a href="${MARKER_URL}">x</a></p>`.padEnd(text.length, ' ');
  const lib = (out) => ({ run: () => out, html: (s) => s });
  checkOutput('good', 'faq', [text], lib(good));
  assert.throws(() => checkOutput('empty', 'faq', [text], lib('')), /output is 0 chars/);
  assert.throws(() => checkOutput('nolink', 'faq', [text], lib(good.replace('href', 'data-x'))), /lacks the link/);
  assert.throws(() => checkOutput('nohead', 'faq', [text], lib(good.replace(MARKER_HEADING, 'x'))), /lacks the heading/);
});

test('corpora are deterministic', () => {
  assert.equal(faqArticle(3, 5000), faqArticle(3, 5000));
  assert.ok(faqArticle(3, 5000).startsWith('---\ntitle: '));
});
