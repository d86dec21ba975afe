// Which doc a link names (web/site/builder/doc-addresses.js), case by case as Docusaurus resolves
// it: file paths in Docusaurus' order for their form, URL paths against the linking doc's
// permalink (folder index pages and trailingSlash), routeBasePath, the current version's /next/.
// Pure: no files are read.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DocAddresses } from '../../web/site/builder/doc-addresses.js';

const site = join('/', 'site');
const docsRoot = join(site, 'docs');

// Docs as docs.js describes them: rel (to the docs root), dir, url (below the route base), meta.
const doc = (rel, url, meta = {}) => ({ rel, dir: rel.split('/').slice(0, -1).join('/'), url, meta, id: rel });
const docs = [
  doc('intro.md', 'intro'),
  doc('index.md', ''),
  doc('components/index.md', 'components'),
  doc('components/alert.md', 'components/alert'),
  doc('components/button.md', 'components/button'),
  doc('guides/install.md', 'setup', { slug: '/setup' }),
  doc('guides/folder.md', 'guides/folder', { slug: 'folder/' }),
  doc('next/notes.md', 'next/notes'),
];
const [intro, home, index, alert, button, , slashed] = docs;
const at = (options) => new DocAddresses(docs, { docsRoot, ...options });
const name = (d) => d?.rel;

describe('permalinks', () => {
  test('a folder index and a slug ending with / end with /, unless trailingSlash is false', () => {
    const a = at({});
    assert.equal(a.permalink(button), '/docs/components/button');
    assert.equal(a.permalink(index), '/docs/components/');
    assert.equal(a.permalink(home), '/docs/');
    assert.equal(a.permalink(slashed), '/docs/guides/folder/');
    assert.equal(at({ trailingSlash: true }).permalink(button), '/docs/components/button/');
    assert.equal(at({ trailingSlash: false }).permalink(index), '/docs/components');
    assert.equal(at({ routeBasePath: '/' }).permalink(button), '/components/button');
    assert.equal(at({ routeBasePath: '/' }).permalink(home), '/');
    assert.equal(at({ routeBasePath: 'api/' }).permalink(alert), '/api/components/alert');
  });
});

describe('URL paths', () => {
  const a = at({});
  test('relative to the linking doc: a sibling, a folder up, the folder index', () => {
    assert.equal(name(a.urlTarget(button, 'alert')), 'components/alert.md');
    assert.equal(name(a.urlTarget(index, 'alert')), 'components/alert.md', 'from /docs/components/');
    assert.equal(name(a.urlTarget(button, '../intro')), 'intro.md');
    assert.equal(name(a.urlTarget(button, './')), 'components/index.md');
    assert.equal(name(a.urlTarget(intro, 'components/alert')), 'components/alert.md');
    assert.equal(name(a.urlTarget(button, 'button')), 'components/button.md', 'the doc itself');
  });
  test('with trailingSlash: true a relative path is below the linking page, as in the browser', () => {
    assert.equal(at({ trailingSlash: true }).urlTarget(button, 'alert'), undefined);
    assert.equal(name(at({ trailingSlash: true }).urlTarget(button, '../alert')), 'components/alert.md');
  });
  test('absolute: /docs/<url>, /docs/next/<url>, a slug instead of the folder path', () => {
    assert.equal(name(a.urlTarget(intro, '/docs/components/alert')), 'components/alert.md');
    assert.equal(name(a.urlTarget(intro, '/docs/components/alert/')), 'components/alert.md');
    assert.equal(name(a.urlTarget(intro, '/docs/next/components/alert')), 'components/alert.md');
    assert.equal(name(a.urlTarget(intro, '/docs/next/notes')), 'next/notes.md', 'a real next/ folder first');
    assert.equal(name(a.urlTarget(intro, '/docs/setup')), 'guides/install.md');
    assert.equal(a.urlTarget(intro, '/docs/guides/install'), undefined, 'the slug replaces the path');
    assert.equal(name(a.urlTarget(intro, '/docs/')), 'index.md');
    assert.equal(a.urlTarget(intro, '/docs/1.0/intro'), undefined, 'another version is not built');
    assert.equal(a.urlTarget(intro, '/blog/post'), undefined);
  });
  test('no routeBasePath given: /docs/<url> and /<url> both name a doc', () => {
    assert.equal(name(a.urlTarget(intro, '/components/alert')), 'components/alert.md');
  });
  test('routeBasePath given: only its URLs name a doc', () => {
    const root = at({ routeBasePath: '/' });
    assert.equal(name(root.urlTarget(intro, '/components/alert')), 'components/alert.md');
    assert.equal(name(root.urlTarget(intro, '/next/components/alert')), 'components/alert.md');
    assert.equal(root.urlTarget(intro, '/docs/components/alert'), undefined);
    assert.equal(name(root.urlTarget(button, 'alert')), 'components/alert.md');
    const api = at({ routeBasePath: 'api' });
    assert.equal(name(api.urlTarget(intro, '/api/components/alert')), 'components/alert.md');
    assert.equal(api.urlTarget(intro, '/docs/components/alert'), undefined);
    assert.equal(api.urlTarget(intro, '/apiary/components/alert'), undefined);
  });
  test('percent-encoded paths and .html pages', () => {
    assert.equal(name(a.urlTarget(intro, '/docs/components/%61lert')), 'components/alert.md');
    assert.equal(name(a.urlTarget(intro, '/docs/components/alert.html')), 'components/alert.md');
  });
});

describe('file paths', () => {
  const a = at({});
  test('./x.md and ../x.md: from the linking file only', () => {
    assert.equal(name(a.fileTarget(button, './alert.md')), 'components/alert.md');
    assert.equal(name(a.fileTarget(button, '../intro.md')), 'intro.md');
    assert.equal(a.fileTarget(button, './intro.md'), undefined, 'not from the docs root');
  });
  test('x.md: from the linking file, then the docs root, then the site folder', () => {
    assert.equal(name(a.fileTarget(button, 'alert.md')), 'components/alert.md');
    assert.equal(name(a.fileTarget(button, 'intro.md')), 'intro.md');
    assert.equal(name(a.fileTarget(button, 'docs/intro.md')), 'intro.md');
  });
  test('/x.md: the docs root, then the site folder; @site/x.md: the site folder', () => {
    assert.equal(name(a.fileTarget(button, '/components/alert.md')), 'components/alert.md');
    assert.equal(name(a.fileTarget(button, '/docs/guides/install.md')), 'guides/install.md');
    assert.equal(name(a.fileTarget(button, '@site/docs/intro.md')), 'intro.md');
    assert.equal(a.fileTarget(button, '@site/intro.md'), undefined);
    assert.equal(name(at({ siteDir: docsRoot }).fileTarget(button, '@site/intro.md')), 'intro.md');
  });
  test('never outside the docs root', () => {
    assert.equal(name(a.fileTarget(button, '../../docs/intro.md')), 'intro.md', 'back in by another way');
    assert.equal(a.fileTarget(intro, '../intro.md'), undefined);
    assert.equal(a.fileTarget(intro, '/../../etc/x.md'), undefined);
  });
});
