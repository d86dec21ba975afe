// Every address a built site writes lands, or is reported: for every fixture tree in
// tests/fixtures, built plain (hash routes, articles rendered by the page) and with --prerender,
// every href and src of every page and every article is a route to an existing article (and
// heading), a heading of the page itself, a file in the site, or an external URL; every
// fm-broken-link and every image without src stands for a link the build warned about with
// file:line:column. Plain articles are rendered here as the page renders them (the doc script's
// Markdown and options, its links applied by shared/hrefs.js in hash mode). Needs only the
// repository (no ../shared).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import vm from 'node:vm';
import { createFoldmark } from '../../web/node.js';
import { buildSite } from '../../web/site/builder/index.js';
import { headingIds, linkValues } from '../../web/site/builder/links.js';
import { rewriteLinks } from '../../web/site/builder/pages.js';
import { forDocs } from '../../web/site/shared/doc-syntax.js';
import { decodeComponent } from '../../web/site/shared/text.js';
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

function run(file, sandbox) {
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
  return sandbox;
}

// The site as the page sees it: the catalog's ids and each doc script.
function readSite(outDir) {
  const catalog = run(join(outDir, '_foldmark', 'catalog.js'), { self: {} }).self.foldmarkCatalog;
  const docs = catalog.docs.map((_, n) => {
    let doc;
    run(join(outDir, '_foldmark', 'docs', `${n}.js`), { self: { foldmarkDoc: (_i, d) => (doc = d) } });
    return doc;
  });
  return { catalog, docs };
}

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith('.html') && statSync(f).isFile());
}

const ATTR = /<([a-z]+)\b([^>]*)>/gi;
const VALUE = /\s(href|src)="([^"]*)"/g;
const decodeEntities = (s) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]);

// Every href/src of a page: { tag, attr, value }; and how many links and images lost theirs.
function addressesOf(html) {
  const out = [];
  let brokenLinks = 0;
  let imagesWithoutSrc = 0;
  for (const [, tag, attrs] of html.matchAll(ATTR)) {
    for (const [, attr, value] of attrs.matchAll(VALUE)) out.push({ tag, attr, value: decodeEntities(value) });
    if (tag === 'a' && /\bclass="fm-broken-link"/.test(attrs)) brokenLinks += 1;
    if (tag === 'img' && !/\ssrc="/.test(attrs)) imagesWithoutSrc += 1;
  }
  return { out, brokenLinks, imagesWithoutSrc };
}

/**
 * Checks one page (its file URL, its HTML, the ids it shows) against the site; returns the
 * addresses that do not land, as 'value: why'.
 */
function deadAddresses({ outDir, ids, idsOfDoc, pageUrl, html, pageIds }) {
  const dead = [];
  // '#/<id>/<heading>': the longest id that is a prefix, then its heading.
  const route = (path) => {
    const parts = path.split('/').map((p) => decodeComponent(p));
    for (let i = parts.length; i >= 1; i -= 1) {
      const id = parts.slice(0, i).join('/');
      if (!ids.has(id)) continue;
      const heading = parts.slice(i).join('/');
      return !heading || idsOfDoc(id).has(heading) ? '' : `no heading "${heading}" in ${id}`;
    }
    return 'no such article';
  };
  for (const { value } of addressesOf(html).out) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1].toLowerCase();
    if (scheme && ['http', 'https', 'mailto'].includes(scheme)) continue;
    if (scheme && scheme !== 'file') {
      dead.push(`${value}: scheme ${scheme}`);
      continue;
    }
    const url = new URL(value, pageUrl);
    const file = fileURLToPath(url);
    const samePage = url.pathname === new URL(pageUrl).pathname;
    if (!samePage) {
      const rel = relative(outDir, file);
      if (rel.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) {
        dead.push(`${value}: no file ${rel}`);
        continue;
      }
    }
    const hash = url.hash.slice(1);
    if (!hash) continue;
    let why = '';
    if (hash.startsWith('/')) why = route(hash.slice(1));
    else {
      const heading = decodeComponent(hash);
      const shown = samePage ? pageIds : headingIds(readFileSync(file, 'utf8'));
      if (!shown.has(heading)) why = `no id "${heading}" on ${samePage ? 'this page' : relative(outDir, file)}`;
    }
    if (why) dead.push(`${value}: ${why}`);
  }
  return dead;
}

// Every link value of a doc's article that became fm-broken-link (or an image without src) was
// warned about, naming the doc's file, line and column.
function unreported({ doc, abs, html, warnings }) {
  const missing = [];
  for (const { value } of linkValues(html)) {
    if (doc.links[value] !== null) continue;
    const warned = warnings.some(
      (w) => w.startsWith(`${abs}:`) && /^:\d+:\d+: warning: /.test(w.slice(abs.length)) && w.includes(`'${value}'`),
    );
    if (!warned) missing.push(value);
  }
  return missing;
}

const trees = readdirSync(fixtures).filter((d) => statSync(join(fixtures, d)).isDirectory());

describe('every href of every built page lands or is reported', () => {
  test('the fixture trees are found', () => {
    assert.ok(trees.length >= 4, trees.join(', '));
  });
  for (const name of trees) {
    for (const prerender of [false, true]) {
      test(`${name}, ${prerender ? '--prerender' : 'plain'}`, async () => {
        const warnings = [];
        const outDir = join(work, `${name}-${prerender ? 'path' : 'hash'}`);
        const summary = await buildSite(fm, {
          ...optionsOf(join(fixtures, name)),
          outDir,
          prerender,
          warn: (line) => warnings.push(line),
        });
        const { catalog, docs } = readSite(outDir);
        const ids = new Set(docs.map((d) => d.id));
        const byId = new Map(docs.map((d, n) => [d.id, n]));
        const articles = docs.map((d) => fm.render(d.markdown, { collapse: catalog.collapse, ...d.options }));
        const idsOfDoc = (id) => headingIds(articles[byId.get(id)].html);
        const dead = [];
        let hrefs = 0;
        let broken = 0;
        // The pages as written (with --prerender, the articles are in them).
        for (const file of htmlFiles(outDir)) {
          const html = readFileSync(file, 'utf8');
          const pageUrl = pathToFileURL(file).href;
          const pageIds = headingIds(html);
          if (!prerender && file === join(outDir, 'index.html')) {
            for (const id of idsOfDoc(docs[catalog.landing].id)) pageIds.add(id); // '#x' reads as the landing doc's
          }
          hrefs += addressesOf(html).out.length;
          broken += addressesOf(html).brokenLinks;
          for (const d of deadAddresses({ outDir, ids, idsOfDoc, pageUrl, html, pageIds }))
            dead.push(`${relative(outDir, file).split(sep).join('/')}: ${d}`);
        }
        // Plain sites: each article as the page shows it on index.html.
        if (!prerender) {
          const siteDocs = docs.map((d, index) => ({ id: d.id, index }));
          for (const [n, d] of docs.entries()) {
            const html = rewriteLinks(articles[n].html, d.links, {
              mode: 'hash',
              root: '',
              docs: siteDocs,
              self: siteDocs[n],
            });
            // On index.html a bare '#x' is the landing doc's heading (or the page's own element),
            // whichever article is shown.
            const template = headingIds(readFileSync(join(outDir, 'index.html'), 'utf8'));
            const pageIds = new Set([...template, ...idsOfDoc(docs[catalog.landing].id)]);
            hrefs += addressesOf(html).out.length;
            broken += addressesOf(html).brokenLinks;
            for (const x of deadAddresses({
              outDir,
              ids,
              idsOfDoc,
              pageUrl: pathToFileURL(join(outDir, 'index.html')).href,
              html,
              pageIds,
            }))
              dead.push(`#/${d.id}: ${x}`);
          }
        }
        assert.deepEqual(dead, [], 'addresses that do not land');
        const silent = summary.site.docs.flatMap((doc, n) =>
          unreported({ doc: docs[n], abs: doc.abs, html: articles[n].html, warnings }).map((v) => `${doc.rel}: ${v}`),
        );
        assert.deepEqual(silent, [], 'broken links without a warning');
        assert.ok(hrefs > docs.length, `${hrefs} addresses checked`);
        if (broken) assert.ok(summary.links.broken + summary.links.brokenAnchors > 0);
      });
    }
  }
});
