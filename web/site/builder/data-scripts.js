// The page's data as classic scripts (file:// pages cannot fetch JSON): the catalog every page
// loads, and one script per doc with its Markdown, its links and what its page needs at once.
import { docEntry, encodeCatalog } from '../shared/catalog.js';
import { DOC_OPTIONS } from '../shared/doc-syntax.js';
import { GLOBALS, PATHS } from '../shared/paths.js';
import { neighbours, placeDocs } from '../shared/reading-order.js';
import { scriptJson } from './html.js';
import { pagerLabel, paginationOf } from './page-front-matter.js';

/** OUT/_foldmark/catalog.js (shared/catalog.js says what it holds). */
export function catalogScript(site) {
  const { docs: list, ...rest } = encodeCatalog(site);
  // JSON.parse of a string: V8 reads JSON faster than a JavaScript object literal of the same size.
  // The doc list (most of the catalog: 575 of 650 KB at 10,000 docs) is parsed on first use: the
  // page shows its first article with the entries its doc script brings (docScript `refs`) and
  // reads the list after that paint. `n` is the doc count.
  return (
    `self.${GLOBALS.catalog}=JSON.parse(${scriptJson(JSON.stringify({ ...rest, n: list.length }))});\n` +
    '(function(c,j){var d;Object.defineProperty(c,"docs",{enumerable:true,configurable:true,' +
    'get:function(){return d||(d=JSON.parse(j));},set:function(v){d=v;}});})' +
    `(self.${GLOBALS.catalog},${scriptJson(JSON.stringify(list))});\n${SITE_SCRIPT_CHECK}`
  );
}

// The page's scripts run in order (defer) and site.js comes first: when the catalog runs without
// it (not uploaded, blocked, a host that drops _foldmark/), the reader would see an empty article
// and no reason. No inline script may say so (CSP), so the catalog does.
const SITE_SCRIPT_CHECK =
  `if(typeof document!=="undefined"&&typeof self.${GLOBALS.doc}!=="function"){` +
  `(function(s){if(s)s.textContent="This page\\u2019s script (${PATHS.site}) did not load, so its articles, ` +
  'sidebar and search cannot be shown. Check that the site was uploaded whole.";})' +
  '(document.getElementById("siteStatus"));}\n';

/**
 * OUT/_foldmark/docs/<n>.js: self.foldmarkDoc(n, { id, markdown, options, links, path, ...pageData,
 * refs, near? }). doc.pageData: fields a builder step gives the page's features (a feature reads
 * them as deliveredDoc(n).name, page/loader.js), carried as they are.
 * around (from referencedDocs): refs, the catalog entries of the docs a doc's page needs before
 * the catalog's doc list is read (the doc, the docs its links go to, its categories' own docs, its
 * neighbours), and near, [previous, next] in its sidebar's reading order (-1: none), absent when
 * no sidebar holds the doc. The page passes every field on to its features (page/loader.js).
 */
export function docScript(doc, links, around = { refs: {} }, syntax = DOC_OPTIONS) {
  const options = { collapse: doc.collapse };
  // The page renders with DOC_OPTIONS: only another --raw-html mode travels with the doc.
  if (syntax.allowRawHtml !== DOC_OPTIONS.allowRawHtml) options.allowRawHtml = syntax.allowRawHtml;
  // A doc without a formula renders the same either way, so only a doc with math pays for it.
  if (syntax.math && doc.hasMath) options.math = true;
  const data = {
    id: doc.id,
    markdown: doc.markdown,
    options,
    links,
    path: doc.rel,
    ...doc.pageData,
    ...around,
  };
  return `self.${GLOBALS.doc}(${doc.index},${scriptJson(data)});\n`;
}

/**
 * A function doc → { refs, near, nearLabels?, sidebar? } for docScript (see there). Front matter
 * pagination_prev / pagination_next override the sidebar's neighbours (null: none), and a
 * neighbour's pagination_label names it in this doc's pager (nearLabels, [previous, next]).
 */
export function referencedDocs(sidebars, docs) {
  const places = placeDocs(sidebars);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const sidebarIndex = new Map(sidebars.map((s, i) => [s.name, i]));
  return (doc) => ({ ...around(doc), ...displayedSidebar(doc, sidebarIndex) });
  function around(doc) {
    const refs = {};
    const add = (d) => {
      if (d) refs[d.index] = docEntry(d);
    };
    add(doc);
    for (const target of Object.values(doc.links || {})) if (Array.isArray(target)) add(docs[target[0]]);
    const where = places.get(doc);
    const own = paginationOf(doc, byId);
    if (!where && own.every((d) => d === undefined)) return { refs };
    if (where) for (const c of where.categories) add(c.doc);
    const near = (where ? neighbours(where) : [undefined, undefined]).map((d, i) =>
      own[i] === undefined ? d : (own[i] ?? undefined),
    );
    near.forEach(add);
    const labels = near.map((d) => (d && pagerLabel(d) !== d.label ? pagerLabel(d) : null));
    return {
      refs,
      near: near.map((d) => (d ? d.index : -1)),
      ...(labels.some((l) => l !== null) ? { nearLabels: labels } : {}),
    };
  }
}

// Front matter displayed_sidebar: the sidebar a doc's page shows ({ sidebar: its index }), or none
// (null: { sidebar: -1 }); a name the sidebars file does not hold changes nothing.
function displayedSidebar(doc, sidebarIndex) {
  if (!doc.meta || !Object.hasOwn(doc.meta, 'displayed_sidebar')) return {};
  const name = doc.meta.displayed_sidebar;
  if (name === null) return { sidebar: -1 };
  return sidebarIndex.has(name) ? { sidebar: sidebarIndex.get(name) } : {};
}
