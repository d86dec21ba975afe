// `foldmark build WEBSITE_DIR`: a Docusaurus site folder (tests/fixtures/docusaurus-website, with
// docusaurus.config.ts and sidebars.ts) builds with its own docs folder, sidebars, static files,
// title, URL, favicon, navbar and footer; what it names that foldmark does not build is said once;
// without --out it goes to WEBSITE_DIR/build; sidebars.ts works with --sidebars too.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import vm from 'node:vm';
import { foldmarkIn, removeDir, root, tempDir, writeFiles } from './util.mjs';

const website = join(root, 'tests', 'fixtures', 'docusaurus-website');
const work = tempDir('website');
after(() => removeDir(work));

function catalogOf(outDir) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(outDir, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  return JSON.parse(JSON.stringify(sandbox.self.foldmarkCatalog));
}

const listing = (dir) => readdirSync(dir, { recursive: true }).sort();

test('build WEBSITE_DIR reads docusaurus.config.ts and sidebars.ts and carries the site over', async () => {
  const out = join(work, 'site');
  const before = listing(website);
  const r = await foldmarkIn(work, 'build', website, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    listing(website),
    before,
    'loading the TypeScript files wrote nothing beside them (no transpile cache)',
  );
  assert.match(r.stdout, /^foldmark: 7 articles built; /);
  const config = join(website, 'docusaurus.config.ts');
  const lines = r.stderr.trim().split('\n');
  assert.deepEqual(lines, [
    `${config}: note: not carried over: plugins (@docusaurus/plugin-ideal-image); blog; i18n (locales en, fr: en is built)`,
    `${config}: note: prism-react-renderer is not installed here: read without it (foldmark does not use its values)`,
    `${config}:51:15: warning: navbar item "Blog" goes to /blog, which is not a doc of this site: left out`,
  ]);
  const catalog = catalogOf(out);
  assert.equal(catalog.title, 'Tern Docs');
  assert.equal(catalog.editUrl, 'https://git.example/tern/edit/main/website/');
  assert.equal(catalog.sidebars.length, 2, 'both sidebars of sidebars.ts');
  assert.deepEqual(
    catalog.navbar.items.map((i) => [i.kind, i.label]),
    [
      ['sidebar', 'Guides'],
      ['sidebar', 'API'],
      ['doc', 'FAQ'],
      ['dropdown', 'More'],
      ['link', 'Source'],
    ],
  );
  assert.deepEqual(catalog.navbar.logo, { src: 'img/logo.svg', alt: 'Tern logo' });
  assert.deepEqual(
    catalog.footer.columns.map((c) => [c.title, c.items.map((i) => i.label)]),
    [
      ['Docs', ['Getting started', 'API']],
      ['Community', ['Forum']],
    ],
  );
  const index = readFileSync(join(out, 'index.html'), 'utf8');
  assert.match(index, /<link rel="icon" href="img\/favicon.svg" type="image\/svg\+xml">/);
  assert.match(index, /<meta name="description" content="Fast tables for small teams">/);
  assert.ok(existsSync(join(out, 'img', 'logo.svg')), 'the static folder is copied');
  // The config's url is the site's public URL: with --prerender each doc has a page there, and the
  // sitemap lists it; without, docs live at index.html#/id and no sitemap is written.
  assert.equal(existsSync(join(out, 'sitemap.xml')), false);
  const pages = join(work, 'site-pages');
  const prerendered = await foldmarkIn(work, 'build', website, '--out', pages, '--prerender');
  assert.equal(prerendered.code, 0, prerendered.stderr);
  assert.ok(existsSync(join(pages, 'api', 'client', 'index.html')));
  assert.match(readFileSync(join(pages, 'sitemap.xml'), 'utf8'), /https:\/\/tern\.example\/docs-site\/api\/client\//);
});

test('without --out a site folder builds into its build/, as Docusaurus does', async () => {
  const copy = join(work, 'copy');
  cpSync(website, copy, { recursive: true });
  const r = await foldmarkIn(copy, 'build');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(copy, 'build', 'index.html')));
  assert.equal(r.stderr.match(/note: not carried over/g).length, 1);
});

test('a sidebars.ts given with --sidebars loads (it was refused: "sidebars file must be .js, .cjs, .mjs or .json")', async () => {
  const dir = writeFiles(join(work, 'ts'), {
    'docs/a.md': '# A\n',
    'docs/b.md': '# B\n',
    'sidebars.ts':
      "import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';\nconst s: SidebarsConfig = { one: ['a'], two: [{type: 'doc', id: 'b', label: 'Bee'}] };\nexport default s;\n",
  });
  const r = await foldmarkIn(dir, 'build', 'docs', '--sidebars', 'sidebars.ts', '--out', 'site');
  assert.equal(r.code, 0, r.stderr);
  const catalog = catalogOf(join(dir, 'site'));
  assert.equal(catalog.sidebars.length, 2);
  assert.deepEqual(
    catalog.navbar.items.map((i) => i.label),
    ['One', 'Two'],
    'a switcher of both sidebars',
  );
});

test('a site folder whose config fails names the config file and exits 1, nothing built', async () => {
  const dir = writeFiles(join(work, 'bad'), {
    'docusaurus.config.ts': "const a: string = 'x';\nexport default (a as any).nope.deeper;\n",
    'docs/a.md': '# A\n',
  });
  const r = await foldmarkIn(dir, 'build', '.', '--out', 'site');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /docusaurus\.config\.ts(:\d+:\d+)?: error: cannot evaluate Docusaurus config: /);
  assert.equal(existsSync(join(dir, 'site')), false);
});
