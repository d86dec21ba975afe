// Fixture files shared with the native runner (tests/native/fixtures.cpp is the C++ twin: same
// format, same flag vocabulary, same per-file defaults).
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const md4cTests = join(root, '.deps', 'md4c', 'test');

export const md4cFiles = [
  'spec.txt',
  'spec-tables.txt',
  'spec-strikethrough.txt',
  'spec-tasklists.txt',
  'spec-permissive-autolinks.txt',
  'regressions.txt',
].map((f) => join(md4cTests, f));

const FENCE = '`'.repeat(32);

export function readFixtures(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out = [];
  let state = 0;
  let f;
  lines.forEach((line, i) => {
    if (state === 0 && line.startsWith(`${FENCE} example`)) {
      f = { id: `${basename(path)}:${i + 1}`, markdown: '', expected: '', flags: [] };
      state = 1;
    } else if (state > 0 && line === FENCE) {
      f.markdown = f.markdown.replaceAll('→', '\t');
      f.expected = f.expected.replaceAll('→', '\t');
      out.push(f);
      state = 0;
    } else if (state > 0 && line === '.') {
      state += 1;
    } else if (state === 1) {
      f.markdown += `${line}\n`;
    } else if (state === 2) {
      f.expected += `${line}\n`;
    } else if (state === 3) {
      f.flags.push(...line.split(/\s+/).filter(Boolean));
    }
  });
  return out;
}

const GFM_FLAGS = new Set([
  '--ftables',
  '--fstrikethrough',
  '--ftasklists',
  '--fpermissive-url-autolinks',
  '--fpermissive-www-autolinks',
  '--fpermissive-email-autolinks',
  '--gfm',
]);

export function planFixture(f, ownFile) {
  const options = ownFile ? {} : { allowRawHtml: true, gfm: false, headingIds: false };
  const run = { options, mode: 'html', exact: ownFile, skip: false };
  for (const flag of f.flags) {
    if (GFM_FLAGS.has(flag)) options.gfm = true;
    else if (flag === '--no-gfm') options.gfm = false;
    else if (flag === '--raw-html') options.allowRawHtml = true;
    else if (flag === '--raw-html=safe') options.allowRawHtml = 'safe';
    else if (flag === '--no-heading-ids') options.headingIds = false;
    else if (flag === '--mdx') options.mdx = true;
    else if (flag === '--math') options.math = true;
    else if (flag.startsWith('--id-prefix=')) options.idPrefix = flag.slice(12);
    else if (flag.startsWith('--collapse=')) options.collapse = flag.slice(11);
    else if (flag === '--render') run.mode = 'render';
    else if (flag === '--render-json') run.mode = 'render-json';
    else run.skip = true;
  }
  return run;
}

// The same text the native runner produces; render-json goes through the Article object and back
// to JSON in the native key order, which is what makes the byte comparison meaningful.
export function runFixture(fm, f, run) {
  try {
    if (run.mode === 'html') return fm.toHtml(f.markdown, run.options);
    const article = fm.render(f.markdown, run.options);
    return run.mode === 'render' ? article.html : `${JSON.stringify(article)}\n`;
  } catch (err) {
    if (run.mode === 'render-json') throw err;
    return `ERROR: ${err.message}\n`;
  }
}

export function readDeviations() {
  const text = readFileSync(join(root, 'tests', 'spec', 'deviations.txt'), 'utf8');
  return new Set(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(/\s+/)[0]),
  );
}
