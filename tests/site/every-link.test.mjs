// Every address a built site writes lands, or is reported (site-links.mjs): for every fixture
// tree in tests/fixtures and the Redux docs kept in tests/corpus, built plain (hash routes,
// articles rendered by the page) and with --prerender, every href and src of every page and every
// article is a route to an existing article (and heading), a heading of the page itself, a file in
// the site, or an external URL; every fm-broken-link and every image without src stands for a
// link the build warned about with file:line:column. Needs only the repository (no ../shared).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createFoldmark } from '../../web/node.js';
import { buildSite } from '../../web/site/builder/index.js';
import { forDocs } from '../../web/site/shared/doc-syntax.js';
import { checkBuiltSite } from './site-links.mjs';
import { removeDir, root, tempDir } from './util.mjs';

const fixtures = join(root, 'tests', 'fixtures');
const fm = forDocs(await createFoldmark());
const work = tempDir('every-link');
after(() => removeDir(work));

// A fixture is a docs folder, or a site folder holding docs/ (and sidebars.js, static/).
function optionsOf(dir) {
  const docsDir = existsSync(join(dir, 'docs')) ? join(dir, 'docs') : dir;
  const sidebars = ['sidebars.js', 'sidebars.json'].map((f) => join(dir, f)).find((f) => existsSync(f));
  const staticDirs = existsSync(join(dir, 'static')) ? [join(dir, 'static')] : [];
  return { docsDir, sidebars, staticDirs };
}

const trees = readdirSync(fixtures)
  .filter((d) => statSync(join(fixtures, d)).isDirectory())
  .map((d) => [d, join(fixtures, d)]);
trees.push(['Redux docs (tests/corpus)', join(root, 'tests', 'corpus', 'redux-docs')]);

describe('every href of every built page lands or is reported', () => {
  test('the fixture trees are found', () => {
    assert.ok(trees.length >= 5, trees.map(([name]) => name).join(', '));
  });
  for (const [name, dir] of trees) {
    for (const prerender of [false, true]) {
      test(`${name}, ${prerender ? '--prerender' : 'plain'}`, async () => {
        const warnings = [];
        const outDir = join(work, `${name.replace(/\W+/g, '-')}-${prerender ? 'path' : 'hash'}`);
        const summary = await buildSite(fm, {
          ...optionsOf(dir),
          outDir,
          prerender,
          warn: (line) => warnings.push(line),
        });
        const { dead, silent, miscounted, addresses } = checkBuiltSite({ fm, outDir, prerender, summary, warnings });
        assert.deepEqual(dead, [], 'addresses that do not land');
        assert.deepEqual(silent, [], 'broken links without a warning');
        assert.deepEqual(miscounted, [], 'links without an address that the links map does not explain');
        assert.ok(addresses > summary.built, `${addresses} addresses checked`);
      });
    }
  }
});

test('sidebar link items: a doc URL is that doc, another page of the Docusaurus site is reported', async () => {
  const warnings = [];
  const dir = join(fixtures, 'links');
  const outDir = join(work, 'sidebar-links');
  await buildSite(fm, { ...optionsOf(dir), outDir, prerender: true, warn: (line) => warnings.push(line) });
  const nav = readFileSync(join(outDir, 'cli', 'index.html'), 'utf8');
  assert.match(nav, /<a href="\.\.\/components\/alert\/index\.html">Alert, by its URL<\/a>/);
  assert.doesNotMatch(nav, /Error messages/);
  assert.match(nav, /<a href="https:\/\/example\.org\/"[^>]*>Project home<\/a>/);
  assert.ok(
    warnings.includes(
      `${join(dir, 'sidebars.js')}:14:52: warning: sidebar link "Error messages": "/errors" is not an article of this site (foldmark builds a Docusaurus site's docs, not its other pages): left out`,
    ),
    warnings.join('\n'),
  );
});
