// Heading ids against github-slugger itself, on headings from real READMEs/CHANGELOGs in
// node_modules plus hand-picked hard cases, one document (one slugger) per source file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import GithubSlugger from 'github-slugger';
import { createFoldmark } from '../../web/node.js';
import { root } from './fixtures.mjs';

const fm = await createFoldmark();

const HARD_CASES = [
  'What is "serverless"?',
  'Webiny uses MongoDB, that is not "serverless"',
  'C++ & C#',
  'ΟΔΟΣ ΣΑΣ',
  'İstanbul ılık',
  'Привет non-latin 你好',
  '😄 emoji 👍🏽 skin',
  'a\u00a0b',
  'tab\there',
  '1.2.3',
  '-_-',
  'Ünïcödé ÀÉÎ ß ẞ',
  'ﬁ ligature',
  'Ǆ titlecase ǅ',
  'Straße',
  'ᾈ greek',
  '⅓ vulgar ½',
  'x² y³',
  'foo()',
  '`code` in heading',
  'emoji :tada: shortcode',
  'मराठी भाषा',
  'עברית',
  'العربية ؟',
  'カタカナ・ひらがな',
  'a',
  'a',
  'a-1',
  'a',
  'API',
  'api',
  'Api',
  '',
  '???',
  'x'.repeat(120),
];

// Heading lines of real Markdown files (READMEs, changelogs and docs of the npm packages and of
// the Debian packages on this machine): ATX headings outside fenced code.
function headingsOf(text) {
  const out = [];
  let fence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s{0,3}(```|~~~)/.test(line)) fence = !fence;
    const m = !fence && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) out.push(m[1]);
  }
  return out;
}

function markdownFiles(dir, found = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) markdownFiles(path, found);
    else if (/\.md$/i.test(name)) found.push(path);
  }
  return found;
}

// Our ids differ from github-slugger's by design in two cases (README, d.ts): slugs are cut to
// 100 bytes, and an empty slug becomes "section" instead of an empty id.
function intendedDifference(text, expected) {
  return Buffer.byteLength(expected) > 100 || expected.replace(/-\d+$/, '') === '' || expected === '';
}

function compareDocument(headings, counts, mismatches) {
  const md = headings.map((h) => `## ${h.replace(/^#+/, '')}\n`).join('\n');
  const { toc } = fm.render(md, { collapse: 'none' });
  const slugger = new GithubSlugger();
  for (const entry of toc) {
    const expected = slugger.slug(entry.text);
    counts.total += 1;
    if (entry.id === expected) counts.equal += 1;
    else if (intendedDifference(entry.text, expected)) counts.intended += 1;
    else mismatches.push(`${JSON.stringify(entry.text)}: ours ${entry.id}, github-slugger ${expected}`);
  }
}

test('heading ids equal github-slugger on real and hard headings', () => {
  const counts = { total: 0, equal: 0, intended: 0 };
  const mismatches = [];
  compareDocument(HARD_CASES.filter(Boolean), counts, mismatches);
  // This repository's Markdown and node_modules (npm ci) are there wherever the tests run: 1,003
  // headings when this was written. /usr/share/doc adds thousands (8,904 in all) where the system
  // keeps its docs; slim system images drop them, and the test must not need them.
  const sources = [
    join(root, 'README.md'),
    join(root, 'content'),
    join(root, 'tests', 'fixtures'),
    join(root, 'node_modules'),
    '/usr/share/doc',
  ];
  const files = sources
    .filter((path) => existsSync(path))
    .flatMap((path) => (path.endsWith('.md') ? [path] : markdownFiles(path)));
  for (const file of files) {
    const headings = headingsOf(readFileSync(file, 'utf8'));
    if (headings.length) compareDocument(headings, counts, mismatches);
  }
  console.log(
    `headings vs github-slugger: ${counts.equal}/${counts.total} equal, ${counts.intended} intended differences, ${files.length} files`,
  );
  assert.ok(counts.total > 800, `only ${counts.total} headings compared`);
  assert.deepEqual(mismatches, []);
});
