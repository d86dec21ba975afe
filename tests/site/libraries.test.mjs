// The browser libraries a site carries (web/site/builder/libraries.js): copied only when a doc has a
// block for them; one that is not installed (an optional peer dependency) is warned about once, at
// the first block, and left out of the catalog, so the page shows the blocks' source.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { librariesUsed, writeLibraries } from '../../web/site/builder/libraries.js';

const doc = (abs, markdown) => ({ abs, markdown, sourceMap: null });
const docs = [
  doc('/d/a.md', '# A\n\n```js\nx\n```\n'),
  doc('/d/b.md', '# B\n\ntext\n\n```mermaid\ngraph TD; a-->b\n```\n\n```mermaid\ngraph LR; c-->d\n```\n'),
];

function collect() {
  const copied = [];
  const warnings = [];
  return {
    copied,
    warnings,
    stage: { copy: async (to, from) => copied.push([to, from]) },
    problems: { warn: (message, where) => warnings.push({ message, ...where }) },
  };
}

test('a library is used only when some doc has a block for it', () => {
  assert.deepEqual(librariesUsed(docs.slice(0, 1)), []);
  assert.deepEqual(librariesUsed(docs), ['mermaid']);
});

test('an installed library is copied into the site and listed', async () => {
  const { copied, warnings, stage, problems } = collect();
  const lib = { name: 'mermaid', fence: 'mermaid', file: () => '/lib/mermaid.min.js' };
  assert.deepEqual(await writeLibraries(docs, stage, problems, [lib]), ['mermaid']);
  assert.deepEqual(copied, [['_foldmark/lib/mermaid.js', '/lib/mermaid.min.js']]);
  assert.deepEqual(warnings, []);
});

test('a library that is not installed is warned about once, at its first block, and left out', async () => {
  const { copied, warnings, stage, problems } = collect();
  const lib = {
    name: 'mermaid',
    fence: 'mermaid',
    file: () => {
      throw Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND' });
    },
  };
  assert.deepEqual(await writeLibraries(docs, stage, problems, [lib]), []);
  assert.deepEqual(copied, []);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].file, '/d/b.md');
  assert.equal(warnings[0].line, 5);
  assert.match(warnings[0].message, /```mermaid blocks are shown as their source: mermaid is not installed/);
});
