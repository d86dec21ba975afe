// MDX partials under `foldmark dev`: saving a partial rebuilds the articles that import it, and a
// warning found in a partial is replaced, not repeated, when the article importing it is saved.
// Needs only the repository.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { devSession, writeFiles } from './util.mjs';

const dev = devSession(
  'partials-dev',
  (work) =>
    writeFiles(join(work, 'docs'), {
      'a.md': "# A\n\nimport P from './_p.md';\n\nBefore.\n\n<P />\n",
      '_p.md': 'Partial v1, see [nothing](./nothing.md).\n',
    }),
  'docs',
);
const docs = join(dev.work, 'docs');

const scriptOf = (n) => readFileSync(join(dev.outDir, '_foldmark', 'docs', `${n}.js`), 'utf8');

test("saving the article keeps one warning for its partial's broken link", { timeout: 60_000 }, async () => {
  const from = dev.stream.seen.length;
  writeFileSync(join(docs, 'a.md'), "# A\n\nimport P from './_p.md';\n\nBefore, saved.\n\n<P />\n");
  const { n } = await dev.stream.next('doc', from);
  assert.match(scriptOf(n), /Before, saved\.[\s\S]*Partial v1/);
  const { problems } = await dev.stream.next('problems', from);
  assert.deepEqual(
    problems.map((p) => [p.message, p.file, p.line, p.column]),
    [["broken link './nothing.md'", join('docs', '_p.md'), 1, 27]],
  );
});

test('saving a partial rebuilds the article that imports it', { timeout: 60_000 }, async () => {
  const from = dev.stream.seen.length;
  writeFileSync(join(docs, '_p.md'), 'Partial v2.\n');
  await dev.stream.next('reload', from);
  assert.match(scriptOf(0), /Partial v2\./);
  const { problems } = await dev.stream.next('problems', from);
  assert.deepEqual(problems, []);
});
