// Packaging: `npm pack` builds dist/ first and refuses to pack without it; the tarball holds exactly
// the package's files, none twice; installed into an empty project as a user installs it (its
// dependencies resolved from the registry npm is configured with, through an npm cache of this
// run's own) it imports and renders in Node (ES module and CommonJS, with and without
// require(esm)) with the same bytes as the native build, its types compile, and the browser entry
// bundles cleanly with esbuild.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { root } from './fixtures.mjs';

const work = mkdtempSync(join(tmpdir(), 'foldmark-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));
const seed = join(root, 'content', 'how-is-webiny-serverless.md');
const app = join(work, 'app');
const installed = join(app, 'node_modules', 'foldmark');

// What the package ships, and nothing else (LICENSE, README.md and package.json npm adds itself).
const EXPECTED_FILES = [
  'LICENSE',
  'README.md',
  'THIRD_PARTY_NOTICES.md',
  'package.json',
  'dist/foldmark-classic.js',
  'dist/foldmark-core.mjs',
  'dist/foldmark-core.wasm',
  'web/browser.js',
  'web/cli.js',
  'web/code-lines.js',
  'web/contract.js',
  'web/input-error.js',
  'web/foldmark.d.cts',
  'web/foldmark.d.ts',
  'web/foldmark.js',
  'web/index.cjs',
  'web/load.js',
  'web/node.js',
  'dist/foldmark-site.js',
  'dist/foldmark-search.js',
  ...[
    'code',
    'containment',
    'data-scripts',
    'doc-addresses',
    'doc-lists',
    'doc-pipeline',
    'docs',
    'html',
    'index',
    'libraries',
    'links',
    'mdx-lines',
    'nav',
    'output',
    'page-front-matter',
    'pages',
    'partials',
    'prerender',
    'problems',
    'render-worker',
    'search',
    'search-worker',
    'sidebar-values',
    'sidebars',
    'source-map',
    'site-chrome',
    'tree',
    'update',
    'user-code',
    'user-code-worker',
  ].map((m) => `web/site/builder/${m}.js`),
  'web/site/builder/stand-in-module.cjs',
  ...[
    'catalog',
    'chrome',
    'code-render',
    'doc-names',
    'doc-syntax',
    'hrefs',
    'paths',
    'reading-order',
    'search-options',
    'text',
    'toc',
  ].map((m) => `web/site/shared/${m}.js`),
  'web/site/dev/server.js',
  'web/site/dev/tree-watch.js',
  'web/site/dev/client.js',
  'web/site/dev/client.css',
  ...['config', 'dev', 'docusaurus-config', 'init', 'options'].map((m) => `web/cli/${m}.js`),
  ...[
    'foldmark.config.json',
    'guides/_category_.json',
    'guides/configuration.md',
    'guides/deploying.md',
    'intro.md',
    'sidebars.js',
    'tutorial.md',
  ].map((f) => `web/cli/starter/${f}`),
  'web/site/favicon.svg',
  'web/site/page.html',
  'web/site/style.css',
  'web/site/components.css',
  'web/site/chrome.css',
];

function run(cmd, args, cwd, env = process.env) {
  return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let packed;
before(() => {
  // prepack (scripts/prepack.sh) brings dist/ up to date first; its build log goes to stderr.
  [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // Not --offline and not this machine's npm cache: what an earlier install happened to leave there
  // (registry metadata of the dependencies) is not on a fresh machine, where that install failed
  // with ENOTCACHED. An empty cache of our own makes every run the fresh machine's.
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--cache',
      join(work, 'npm-cache'),
      '--prefer-online',
      join(work, packed.filename),
    ],
    app,
  );
  const deps = JSON.parse(run('npm', ['ls', '--json', '--all'], app)).dependencies.foldmark.dependencies;
  assert.deepEqual(
    Object.keys(deps)
      .filter((name) => deps[name].version) // an optional peer not installed is listed without one
      .sort(),
    ['jiti', 'minisearch', 'prismjs'],
    "the package's dependencies were installed with it",
  );
  // Mermaid (89 MB) and KaTeX (4.4 MB) are optional peers: a site that draws diagrams or
  // typesets math installs them, no other does.
  assert.equal(existsSync(join(app, 'node_modules', 'mermaid')), false, 'mermaid was not installed');
  assert.equal(existsSync(join(app, 'node_modules', 'katex')), false, 'katex was not installed');
});

test("the tarball holds exactly the package's files, none twice, and says where its source is", () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...EXPECTED_FILES].sort());
  const byHash = new Map();
  for (const f of files) {
    const hash = createHash('sha256')
      .update(readFileSync(join(installed, f)))
      .digest('hex');
    assert.ok(!byHash.has(hash), `${f} and ${byHash.get(hash)} have the same bytes`);
    byHash.set(hash, f);
  }
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.sideEffects, false);
  assert.ok(pkg.repository.url && pkg.keywords.includes('markdown'));
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.match(
    readFileSync(join(installed, 'THIRD_PARTY_NOTICES.md'), 'utf8'),
    /md4c[\s\S]*Copyright © 2016-2024 Martin Mitáš/,
  );
  // Measured, for the record: 21 files, about 130 KB packed and 307 KB unpacked at the time of writing;
  // 27 files and 171 KB with the reading features (search bundle, search and code stages, README);
  // 32 files and 202 KB with the Docusaurus syntax in the core (wasm 196 → 241 KB). The bound
  // catches what matters: a second copy of the wasm would add about 100 KB. `foldmark dev` and `init`
  // (web/cli/, web/site/dev/) add about 16 KB: 218 KB. The site's shared modules, the containment
  // rule, the user-code worker, the components' stylesheet and the generated contract module add
  // about 18 KB while the smaller wasm takes some back: 236 KB. MDX partials and the theme's lists
  // (four builder modules and their README section) add about 10 KB, reading Docusaurus site
  // folders (the config reader, navbar and footer, front matter of the page, README) about 12 KB;
  // the HTML sanitizer and npm2yarn in the wasm, link resolution and the diagrams page code about
  // 30 KB more: 290 KB.
  assert.ok(packed.size < 305_000, `tarball is ${packed.size} bytes`);
});

test('installed: import (ES module) renders the same bytes as the native build', () => {
  writeFileSync(
    join(app, 'main.mjs'),
    `
    import { readFileSync } from 'node:fs';
    import { createFoldmark, FoldmarkError } from 'foldmark';
    const fm = await createFoldmark();
    process.stdout.write(fm.render(readFileSync(process.argv[2], 'utf8')).html);
    if (typeof FoldmarkError !== 'function') process.exit(3);
  `,
  );
  const html = run('node', ['main.mjs', seed], app);
  const native = run(join(root, 'build', 'native', 'wasm', 'foldmark'), ['render', seed], root);
  assert.ok(html.includes('What is &quot;FaaS&quot;?'));
  assert.equal(html, native, 'installed package renders the same bytes as the native build');
});

test("installed: require('foldmark') works, with and without require(esm) (Node 20.0–20.18 have none)", () => {
  writeFileSync(
    join(app, 'main.cjs'),
    `
    const { createFoldmark, FoldmarkError } = require('foldmark');
    createFoldmark().then(async (fm) => {
      const esm = await import('foldmark');
      let caught;
      try { fm.toHtml(null); } catch (err) { caught = err; }
      const same = caught instanceof FoldmarkError && caught instanceof esm.FoldmarkError;
      process.stdout.write(fm.render(require('node:fs').readFileSync(process.argv[2], 'utf8')).html);
      if (!same || caught.code !== 'E_INPUT') process.exit(3);
    });
  `,
  );
  const esm = run('node', ['main.mjs', seed], app);
  assert.equal(run('node', ['main.cjs', seed], app), esm);
  assert.equal(run('node', ['--no-experimental-require-module', 'main.cjs', seed], app), esm);
});

test('installed: the types compile for an ES module and a CommonJS consumer, and refuse a wrong option', () => {
  for (const f of ['consumer.ts', 'consumer.cts', 'bad-option.ts', 'tsconfig.json', 'tsconfig.bad.json']) {
    copyFileSync(join(root, 'tests', 'types', f), join(app, f));
  }
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  assert.equal(run('node', [tsc, '-p', 'tsconfig.json'], app), '');
  const bad = spawnSync('node', [tsc, '-p', 'tsconfig.bad.json'], { cwd: app, encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /'rawHtml' does not exist in type 'Options'/);
});

test('packing without dist/ fails loudly instead of leaving it out', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts.prepack, 'bash scripts/prepack.sh');
  assert.match(readFileSync(join(root, 'scripts', 'prepack.sh'), 'utf8'), /node scripts\/check-package\.mjs/);
  // The check on a checkout with no dist/: a copy of package.json and the script, nothing built.
  const bare = join(work, 'bare');
  mkdirSync(join(bare, 'scripts'), { recursive: true });
  copyFileSync(join(root, 'package.json'), join(bare, 'package.json'));
  copyFileSync(join(root, 'scripts', 'check-package.mjs'), join(bare, 'scripts', 'check-package.mjs'));
  const r = spawnSync('node', ['scripts/check-package.mjs'], { cwd: bare, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing .*dist\/foldmark-core\.mjs.*dist\/foldmark-core\.wasm/);
  assert.equal(spawnSync('node', ['scripts/check-package.mjs'], { cwd: root }).status, 0);
  assert.ok(!existsSync(join(root, 'dist', 'foldmark-classic.wasm')), 'no second copy of the wasm in dist/');
});

test('the browser entry bundles with esbuild without warnings', () => {
  const entry = join(app, 'entry.mjs');
  writeFileSync(entry, `import { createFoldmark } from 'foldmark';\nexport default createFoldmark;\n`);
  const out = execFileSync(
    join(root, 'node_modules', '.bin', 'esbuild'),
    [
      entry,
      '--bundle',
      '--format=esm',
      '--platform=browser',
      `--outfile=${join(work, 'bundle.js')}`,
      '--log-level=warning',
    ],
    { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  assert.equal(out.trim(), '');
  const bundle = readFileSync(join(work, 'bundle.js'), 'utf8');
  assert.match(
    bundle,
    /new URL\("\.\.\/dist\/foldmark-core\.wasm", import\.meta\.url\)/,
    'the default wasm URL survives bundling',
  );
});
