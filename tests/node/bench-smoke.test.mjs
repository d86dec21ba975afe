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
import { readmeSpeed } from '../../bench/report.mjs';
import { root } from './fixtures.mjs';

test('npm run bench works in quick mode on tiny corpora', { timeout: 30_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'foldmark-bench-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
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
  assert.match(r.stderr, /correctness: \d+ libraries × 5 corpora OK/);
  const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
  assert.deepEqual(
    results.corpora.map((c) => c.name),
    ['spec', 'readmes', 'faq', 'small', 'docusaurus'],
  );
  for (const c of results.corpora) {
    for (const name of [
      'foldmark toHtml',
      'foldmark toHtml mdx',
      'foldmark render',
      'foldmark render+jsonLd',
      'markdown-wasm',
      'md4w',
      'marked',
      'markdown-it',
      'commonmark',
    ]) {
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
  assert.equal(readFileSync(join(root, 'README.md'), 'utf8'), readme, 'a quick run leaves README alone');
});

test("README's speed section is the run's table, conditions, sizes and missed targets", () => {
  const row = (mbps, ratio) => ({ mbps, ratio, usPerItem: 10, spread: 0.2 });
  const results = {
    date: '2026-12-06T00:00:00.000Z',
    node: 'v20',
    config: { rounds: 5, seconds: 1 },
    corpora: [
      { name: 'small', title: '2 small articles' },
      { name: 'docusaurus', title: 'Redux docs' },
    ],
    runners: ['foldmark toHtml', 'markdown-wasm'],
    rows: {
      small: { 'foldmark toHtml': row(60, 1.2), 'markdown-wasm': row(50, 1) },
      docusaurus: { 'foldmark toHtml': row(40, 1.3), 'markdown-wasm': row(30, 1) },
    },
    cold: { 'foldmark toHtml': { ms: 20 }, 'markdown-wasm': { ms: 21 } },
    size: {
      foldmark: { gz: 80 * 1024 },
      'foldmark wasm + glue': { gz: 70 * 1024 },
      'markdown-wasm': { gz: 29 * 1024 },
    },
    targets: [
      { what: 'toHtml ≥ 1.25× on small', value: '1.20×', ok: false },
      { what: 'x', value: 'y', ok: true },
    ],
  };
  const text = readmeSpeed(results);
  assert.match(text, /^\| library \| 2 small articles \| Redux docs \|\n/);
  assert.match(text, /\| foldmark toHtml \| 60\.0 \(1\.20×\) \| 40\.0 \(1\.30×\) \|/);
  assert.match(text, /up to 20 %/);
  assert.match(text, /wasm \+ Embind glue 70\.0 KiB gzipped; the npm module's whole browser download 80\.0 KiB/);
  assert.match(text, /Targets missed in this run: toHtml ≥ 1\.25× on small \(1\.20×\)\./);
});

test('the correctness check rejects empty, truncated and unlinked output', () => {
  const text = faqArticle(7, 2000) + `\n## ${MARKER_HEADING}\n\n[x](${MARKER_URL})\n`;
  const good = `<h2>${MARKER_HEADING}</h2><p><a href="${MARKER_URL}">x</a></p>`.padEnd(text.length, ' ');
  const lib = (out) => ({ run: () => out, html: (s) => s });
  checkOutput('good', 'faq', [text], lib(good));
  assert.throws(() => checkOutput('empty', 'faq', [text], lib('')), /output is 0 chars/);
  assert.throws(() => checkOutput('nolink', 'faq', [text], lib(good.replace('href', 'data-x'))), /lacks the link/);
  assert.throws(
    () => checkOutput('nohead', 'faq', [text], lib(good.replace(MARKER_HEADING, 'x'))),
    /lacks the heading/,
  );
});

test('corpora are deterministic', () => {
  assert.equal(faqArticle(3, 5000), faqArticle(3, 5000));
  assert.ok(faqArticle(3, 5000).startsWith('---\ntitle: '));
});

test('bench/string-cost.mjs reports each string size and the cost of a fresh page', () => {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'string-cost.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_MS: '20' },
  });
  assert.equal(r.status, 0, r.stderr);
  const sizes = [...r.stdout.matchAll(/^string-cost: +(\d+) KiB → +([\d.]+) µs a string .*collector (\d+) %/gm)];
  assert.deepEqual(
    sizes.map((m) => Number(m[1])),
    [64, 120, 140, 256, 512],
  );
  for (const m of sizes) assert.ok(Number(m[2]) > 0, m[0]);
  assert.match(r.stdout, /^string-cost: a fresh 4 KiB page's first write -?[\d.]+ µs/m);
});
