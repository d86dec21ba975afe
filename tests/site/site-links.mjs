// Checks a built site's addresses (tests/site/every-link.test.mjs): every href and src of every
// page, and of every article as the page shows it, lands (a route to an existing article and
// heading, a heading of the page itself, a file in the site, an external URL), and every link
// the build left without an address was warned about with file:line:column.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { headingIds, linkValues } from '../../web/site/builder/links.js';
import { rewriteLinks } from '../../web/site/builder/pages.js';
import { decodeComponent } from '../../web/site/shared/text.js';

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
// warned about, naming the doc's file (or the MDX partial's, `_name.md`, that holds the link), line
// and column.
const WARNING_AT = /^(.+):\d+:\d+: warning: /;
function unreported({ doc, abs, html, warnings }) {
  const missing = [];
  for (const { value } of linkValues(html)) {
    if (doc.links[value] !== null) continue;
    const warned = warnings.some((w) => {
      const file = WARNING_AT.exec(w)?.[1];
      return (file === abs || /(^|[\\/])_[^\\/]*$/.test(file ?? '')) && w.includes(`'${value}'`);
    });
    if (!warned) missing.push(value);
  }
  return missing;
}

// How many links and images of an article the links map leaves without an address, by tag.
function nullCounts(html, links) {
  const counts = { a: 0, img: 0 };
  for (const { tag, value } of linkValues(html)) if (links[value] === null) counts[tag] += 1;
  return counts;
}

/**
 * fm: a forDocs() renderer; summary and warnings: what buildSite returned and printed for the
 * site in outDir. Returns { dead, silent, miscounted, addresses }: lists of problems (empty when
 * every address lands and every broken one was reported) and how many addresses were checked.
 */
export function checkBuiltSite({ fm, outDir, prerender, summary, warnings }) {
  const { catalog, docs } = readSite(outDir);
  const ids = new Set(docs.map((d) => d.id));
  const byId = new Map(docs.map((d, n) => [d.id, n]));
  const articles = docs.map((d) => fm.render(d.markdown, { collapse: catalog.collapse, ...d.options }));
  const idsOfDoc = (id) => headingIds(articles[byId.get(id)].html);
  const landingIds = idsOfDoc(docs[catalog.landing].id);
  const dead = [];
  const miscounted = [];
  let addresses = 0;
  const checkPage = (name, { html, pageUrl, pageIds }) => {
    addresses += addressesOf(html).out.length;
    for (const d of deadAddresses({ outDir, ids, idsOfDoc, pageUrl, html, pageIds })) dead.push(`${name}: ${d}`);
  };
  const indexUrl = pathToFileURL(join(outDir, 'index.html')).href;
  const template = headingIds(readFileSync(join(outDir, 'index.html'), 'utf8'));
  // The pages as written (with --prerender, the articles are in them). On the plain index.html a
  // bare '#x' is the landing doc's heading, whichever article is shown.
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const pageIds = headingIds(html);
    if (!prerender && file === join(outDir, 'index.html')) for (const id of landingIds) pageIds.add(id);
    checkPage(relative(outDir, file).split(sep).join('/'), { html, pageUrl: pathToFileURL(file).href, pageIds });
  }
  const siteDocs = docs.map((d, index) => ({ id: d.id, index }));
  for (const [n, d] of docs.entries()) {
    const shown = rewriteLinks(articles[n].html, d.links, {
      mode: prerender ? 'path' : 'hash',
      root: prerender ? '../'.repeat(d.id.split('/').length) : '',
      docs: siteDocs,
      self: siteDocs[n],
    });
    // Plain sites: each article as the page shows it on index.html.
    if (!prerender)
      checkPage(`#/${d.id}`, { html: shown, pageUrl: indexUrl, pageIds: new Set([...template, ...landingIds]) });
    const expected = nullCounts(articles[n].html, d.links);
    const { brokenLinks, imagesWithoutSrc } = addressesOf(shown);
    if (brokenLinks !== expected.a || imagesWithoutSrc !== expected.img)
      miscounted.push(
        `${d.id}: ${brokenLinks} fm-broken-link, ${imagesWithoutSrc} img without src; links map: ${expected.a}, ${expected.img}`,
      );
  }
  const silent = summary.site.docs.flatMap((doc, n) =>
    unreported({ doc: docs[n], abs: doc.abs, html: articles[n].html, warnings }).map((v) => `${doc.rel}: ${v}`),
  );
  return { dead, silent, miscounted, addresses };
}
