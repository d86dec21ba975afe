// A Docusaurus site folder read as Docusaurus 3 reads it (web/cli/docusaurus-config.js): the
// TypeScript config and sidebars of tests/fixtures/docusaurus-website, configs that export a
// function, what flags and foldmark.config.json override, the notice of what is not carried over,
// and the navbar and footer resolved against the site's docs (web/site/builder/site-chrome.js).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDocusaurusConfig, readDocusaurusConfig } from '../../web/cli/docusaurus-config.js';
import { resolveSettings } from '../../web/cli/config.js';
import { InputError } from '../../web/input-error.js';
import { siteChrome, sidebarTitle } from '../../web/site/builder/site-chrome.js';
import { encodeChrome, decodeNavbar } from '../../web/site/shared/chrome.js';
import { createFoldmark } from '../../web/node.js';
import { readSidebars } from '../../web/site/builder/sidebars.js';
import { get, listen, removeDir, root, startDev, stop, tempDir, writeFiles } from './util.mjs';

const website = join(root, 'tests', 'fixtures', 'docusaurus-website');
const dir = tempDir('docusaurus-config');
after(() => removeDir(dir));

const doc = (id, extra = {}) => ({ id, url: id, label: id, index: 0, ...extra });
const collect = () => {
  const warnings = [];
  return { warnings, problems: { warn: (message, where) => warnings.push({ message, ...where }) } };
};

test('the TypeScript config of the fixture site gives the docs plugin, site and theme settings', async () => {
  const file = findDocusaurusConfig(website);
  assert.equal(file, join(website, 'docusaurus.config.ts'));
  const { settings, site, notices } = await readDocusaurusConfig(file);
  assert.deepEqual(settings, {
    docs: join(website, 'content'),
    sidebars: join(website, 'sidebars.ts'),
    static: [join(website, 'static')],
    title: 'Tern Docs',
    baseUrl: 'https://tern.example/docs-site/',
    editUrl: 'https://git.example/tern/edit/main/website/',
  });
  assert.equal(site.routeBasePath, 'guide');
  assert.equal(site.tagline, 'Fast tables for small teams');
  assert.equal(site.favicon, 'img/favicon.svg');
  assert.deepEqual(
    site.navbar.items.map((i) => i.label ?? i.type),
    ['Guides', 'API', 'FAQ', 'Blog', 'More', 'Source', 'search'],
  );
  assert.equal(site.footer.links.length, 2);
  assert.equal(site.footer.copyright, 'Copyright © 2026 Tern. Built with Docusaurus.');
  // One line for what foldmark does not build, one for the package that is not installed.
  assert.deepEqual(notices, [
    `${file}: note: not carried over: plugins (@docusaurus/plugin-ideal-image); blog; i18n (locales en, fr: en is built)`,
    `${file}: note: prism-react-renderer is not installed here: read without it (foldmark does not use its values)`,
  ]);
});

test('Docusaurus 3 looks for .ts first, then .mts, .cts, .js, .mjs, .cjs', () => {
  const site = writeFiles(join(dir, 'order'), {
    'docusaurus.config.js': 'module.exports = {};',
    'docusaurus.config.mjs': 'export default {};',
  });
  assert.equal(findDocusaurusConfig(site), join(site, 'docusaurus.config.js'));
  writeFiles(site, { 'docusaurus.config.mts': 'export default {};' });
  assert.equal(findDocusaurusConfig(site), join(site, 'docusaurus.config.mts'));
  assert.equal(findDocusaurusConfig(join(dir, 'nowhere')), null);
});

test('a config that exports a function, async or not, is called (CommonJS, ES module, TypeScript)', async () => {
  const cases = {
    'cjs/docusaurus.config.js': "module.exports = async function () { return { title: 'From CJS' }; };",
    'mjs/docusaurus.config.mjs':
      "export default () => ({ title: 'From ESM', url: 'https://x.example', baseUrl: '/a/' });",
    'ts/docusaurus.config.ts':
      "import type {Config} from '@docusaurus/types';\nexport default async function createConfig(): Promise<Config> {\n  const title: string = 'From TS';\n  return { title } as Config;\n}\n",
  };
  writeFiles(dir, cases);
  const titles = [];
  for (const name of Object.keys(cases)) {
    const { settings } = await readDocusaurusConfig(join(dir, name));
    titles.push(settings.title);
    if (name.startsWith('mjs')) assert.equal(settings.baseUrl, 'https://x.example/a/');
  }
  assert.deepEqual(titles, ['From CJS', 'From ESM', 'From TS']);
});

test('the docs plugin may come as a plugin; other presets, themes and extra docs instances are noted', async () => {
  writeFiles(join(dir, 'plugin'), {
    'docusaurus.config.js': `module.exports = {
  title: 'P',
  presets: [['@acme/preset', {}]],
  themes: ['@docusaurus/theme-classic', '@docusaurus/theme-mermaid'],
  plugins: [
    ['@docusaurus/plugin-content-docs', { path: 'guides', routeBasePath: '/', sidebarPath: false }],
    ['@docusaurus/plugin-content-docs', { id: 'community', path: 'community' }],
  ],
};`,
    'guides/a.md': '# A\n',
    'versions.json': '["1.0"]',
  });
  const file = join(dir, 'plugin', 'docusaurus.config.js');
  const { settings, site, notices } = await readDocusaurusConfig(file);
  assert.equal(settings.docs, join(dir, 'plugin', 'guides'));
  assert.equal(settings.sidebars, undefined, 'sidebarPath: false: folders are the sidebar');
  assert.equal(site.routeBasePath, '');
  assert.deepEqual(notices, [
    `${file}: note: not carried over: presets (@acme/preset); more docs plugin instances (community); themes (@docusaurus/theme-mermaid); versions (the current docs are built)`,
  ]);
});

test('a config that throws, loops or exports no object is an error naming it', async () => {
  writeFiles(dir, {
    'throws/docusaurus.config.ts': "const x: number = 1;\nthrow new Error('no config for you');\n",
    'loops/docusaurus.config.js': 'for (;;) {}',
    'array/docusaurus.config.js': 'module.exports = [1, 2];',
  });
  await assert.rejects(readDocusaurusConfig(join(dir, 'throws', 'docusaurus.config.ts')), (err) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.file, join(dir, 'throws', 'docusaurus.config.ts'));
    assert.match(err.message, /cannot evaluate Docusaurus config: no config for you/);
    return true;
  });
  await assert.rejects(readDocusaurusConfig(join(dir, 'loops', 'docusaurus.config.js'), { timeout: 500 }), (err) => {
    assert.match(err.message, /did not finish within 0.5 s/);
    return true;
  });
  await assert.rejects(readDocusaurusConfig(join(dir, 'array', 'docusaurus.config.js')), /must export an object/);
});

test('settings: the site folder names the docs; foldmark.config.json and flags win over the Docusaurus config', async () => {
  const site = join(dir, 'layered');
  writeFiles(site, {
    'docusaurus.config.js': "module.exports = { title: 'Docusaurus title', url: 'https://d.example', baseUrl: '/' };",
    'docs/a.md': '# A\n',
  });
  let s = await resolveSettings('build', [site], {}, dir);
  assert.equal(s.docs, join(site, 'docs'));
  assert.equal(s.out, join(site, 'build'), 'built into the site folder’s build/, as Docusaurus does');
  assert.equal(s.title, 'Docusaurus title');
  assert.equal(s.siteConfigFile, join(site, 'docusaurus.config.js'));
  writeFiles(site, { 'foldmark.config.json': '{ "title": "foldmark title", "out": "site" }' });
  s = await resolveSettings('build', [site], {}, dir);
  assert.equal(s.title, 'foldmark title');
  assert.equal(s.out, join(site, 'site'));
  assert.equal(s.baseUrl, 'https://d.example/');
  s = await resolveSettings('build', [site], { title: 'flag title', out: 'elsewhere' }, dir);
  assert.equal(s.title, 'flag title');
  assert.equal(s.out, join(dir, 'elsewhere'));
  // Run inside the site folder with no argument: the same settings, the Docusaurus config read too.
  s = await resolveSettings('build', [], {}, site);
  assert.deepEqual(
    [s.title, s.docs, s.siteConfigFile],
    ['foldmark title', join(site, 'docs'), join(site, 'docusaurus.config.js')],
  );
});

test('a docs path that does not exist is an error at its line in the config', async () => {
  const site = join(dir, 'nodocs');
  writeFiles(site, {
    'docusaurus.config.js':
      "module.exports = {\n  presets: [['classic', {\n    docs: { path: '../docs' },\n  }]],\n};\n",
  });
  await assert.rejects(resolveSettings('build', [site], {}, dir), (err) => {
    assert.ok(err instanceof InputError);
    assert.deepEqual([err.file, err.line, err.column], [join(site, 'docusaurus.config.js'), 3, 13]);
    assert.match(err.message, /docs folder .* \(the docs plugin's "path"\) does not exist/);
    return true;
  });
});

test('a site folder copied apart from its repository (its "path" leads nowhere, docs/ lies beside the config) builds that docs folder, with a warning at the line', async () => {
  const site = join(dir, 'flattened');
  writeFiles(site, {
    'docusaurus.config.js':
      "module.exports = {\n  presets: [['classic', {\n    docs: { path: '../docs' },\n  }]],\n};\n",
    'docs/intro.md': '# Intro\n',
  });
  const settings = await resolveSettings('build', [site], {}, dir);
  assert.equal(settings.docs, join(site, 'docs'));
  assert.equal(settings.notices.length, 1);
  assert.match(
    settings.notices[0],
    /docusaurus\.config\.js:3:13: warning: the docs plugin's "path" leads to .*docs, which does not exist; building .*flattened.docs, the docs folder beside the config$/,
  );
});

test('sidebars.ts loads as Docusaurus loads it: two sidebars, types erased', async () => {
  const fm = await createFoldmark();
  const ids = ['intro', 'guides/install', 'guides/tables', 'api/overview', 'api/client', 'api/server'];
  const docs = ids.map((id, index) => doc(id, { index }));
  const { warnings, problems } = collect();
  const sidebars = await readSidebars(join(website, 'sidebars.ts'), {
    fm,
    docs,
    byId: new Map(docs.map((d) => [d.id, d])),
    dirs: [],
    categories: new Map(),
    problems,
  });
  assert.deepEqual(
    sidebars.map((s) => s.name),
    ['guideSidebar', 'apiSidebar'],
  );
  assert.equal(sidebars[1].items[1].label, 'Reference');
  assert.deepEqual(warnings, []);
});

test('the navbar resolves to sidebars, docs and links; what cannot land is left out with a warning at its line', async () => {
  const fm = await createFoldmark();
  const docs = [doc('intro', { index: 0 }), doc('api/client', { index: 1, url: 'api/client-page' })];
  const sidebars = [
    { name: 'main', items: [{ type: 'doc', doc: docs[0] }] },
    { name: 'apiSidebar', items: [{ type: 'doc', doc: docs[1] }] },
  ];
  const source = [
    'items: [',
    "  {type: 'docSidebar', sidebarId: 'apiSidebar', label: 'API'},",
    "  {type: 'docSidebar', sidebarId: 'gone'},",
    "  {to: '/guide/api/client-page#connect', label: 'Connect'},",
    "  {to: '/blog', label: 'Blog'},",
    "  {href: 'javascript:alert(1)', label: 'Bad'},",
    "  {type: 'localeDropdown'},",
    ']',
  ].join('\n');
  const navbar = {
    items: [
      { type: 'docSidebar', sidebarId: 'apiSidebar', label: 'API' },
      { type: 'docSidebar', sidebarId: 'gone' },
      { to: '/guide/api/client-page#connect', label: 'Connect' },
      { to: '/blog', label: 'Blog' },
      { href: 'javascript:alert(1)', label: 'Bad' },
      { type: 'localeDropdown' },
      { type: 'dropdown', label: 'More', items: [{ type: 'doc', docId: 'intro' }], position: 'right' },
    ],
  };
  const { warnings, problems } = collect();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const opts = { navbar, routeBasePath: 'guide', siteConfigFile: 'docusaurus.config.ts', siteSource: source };
  const chrome = siteChrome({ fm, docs, byId, sidebars, problems, opts });
  const items = chrome.navbar.items.map((i) => [i.type, i.label, i.sidebar ?? i.doc?.id ?? i.items?.length, i.heading]);
  assert.deepEqual(items, [
    ['sidebar', 'API', 1, undefined],
    ['doc', 'Connect', 'api/client', 'connect'],
    ['dropdown', 'More', 1, undefined],
  ]);
  assert.deepEqual(
    warnings.map((w) => [w.line, w.message]),
    [
      [
        3,
        'navbar item "docSidebar" names sidebar "gone", which the sidebars file does not hold (or is empty): left out',
      ],
      [5, 'navbar item "Blog" goes to /blog, which is not a doc of this site: left out'],
      [6, 'navbar item "Bad" has no URL that may be linked (http, https, mailto or relative): left out'],
      [7, 'navbar item "localeDropdown" is of type "localeDropdown", which foldmark has no equivalent of: left out'],
    ],
  );
  // Through the catalog and back: the same items, docs as indexes with their entries.
  const decoded = decodeNavbar(encodeChrome(chrome).navbar, (n) => n === 0 || n === 1, 2);
  assert.deepEqual(
    decoded.items.map((i) => [i.kind, i.label, i.doc]),
    [
      ['sidebar', 'API', 1],
      ['doc', 'Connect', 1],
      ['dropdown', 'More', undefined],
    ],
  );
  assert.equal(decodeNavbar({ items: [{ kind: 'sidebar', sidebar: 7, doc: 0 }] }, () => true, 2).items.length, 0);
});

test('without a config, several sidebars get a switcher named after them; one sidebar gets none', async () => {
  const fm = await createFoldmark();
  const docs = [doc('a', { index: 0 }), doc('b', { index: 1 })];
  const sidebars = [
    { name: 'tutorialSidebar', items: [{ type: 'doc', doc: docs[0] }] },
    { name: 'api-reference', items: [{ type: 'category', label: 'C', items: [{ type: 'doc', doc: docs[1] }] }] },
  ];
  const { problems } = collect();
  const chrome = siteChrome({ fm, docs, byId: new Map(), sidebars, problems, opts: {} });
  assert.deepEqual(
    chrome.navbar.items.map((i) => [i.label, i.sidebar, i.doc.id]),
    [
      ['Tutorial', 0, 'a'],
      ['Api reference', 1, 'b'],
    ],
  );
  assert.equal(
    siteChrome({ fm, docs, byId: new Map(), sidebars: sidebars.slice(0, 1), problems, opts: {} }).navbar,
    null,
  );
  assert.equal(sidebarTitle('guideSidebar'), 'Guide');
});

test('foldmark dev WEBSITE_DIR serves the site, rebuilds when the Docusaurus config changes, and says its notice once', async () => {
  const copy = join(dir, 'dev-site');
  cpSync(website, copy, { recursive: true });
  const dev = await startDev(copy, '.');
  const events = listen(dev.url);
  try {
    let catalog = await get(dev.url, '/_foldmark/catalog.js');
    assert.match(catalog.body, /Tern Docs/);
    const from = events.seen.length;
    const config = join(copy, 'docusaurus.config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace("title: 'Tern Docs'", "title: 'Tern Handbook'"));
    await events.next('reload', from);
    catalog = await get(dev.url, '/_foldmark/catalog.js');
    assert.match(catalog.body, /Tern Handbook/);
    assert.equal(dev.output().stderr.match(/note: not carried over/g).length, 1, dev.output().stderr);
  } finally {
    events.close();
    await stop(dev);
  }
});

test('a url or editUrl that --base-url / --edit-url would refuse is noted and left out', async () => {
  const file = join(dir, 'badurl', 'docusaurus.config.js');
  writeFiles(join(dir, 'badurl'), {
    'docusaurus.config.js':
      "module.exports = { url: 'ftp://x.example', baseUrl: '/', presets: [['classic', { docs: { editUrl: 'https://e.example/?a=1' } }]] };",
    'docs/a.md': '# A\n',
  });
  const { settings, notices } = await readDocusaurusConfig(file);
  assert.equal(settings.baseUrl, undefined);
  assert.equal(settings.editUrl, undefined);
  assert.deepEqual(notices, [
    `${file}: note: not carried over: url + baseUrl "ftp://x.example/" (must be an http(s) URL); docs editUrl "https://e.example/?a=1" (must not have a ?query: page paths are added after it)`,
  ]);
});
