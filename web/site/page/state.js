// What every feature module shares: the page's data-* settings, its elements, and what is shown.
import { decodeItems, entryId, entryLabel } from '../shared/catalog.js';
import { placeDocs } from '../shared/reading-order.js';

export const html = document.documentElement;

export const state = {
  catalog: null, // self.foldmarkCatalog once catalog.js has run
  rootUrl: null, // absolute URL of the site's root folder (OUT/), from data-root
  mode: 'hash', // 'hash': #/<id>/<heading> links; 'path': <root><id>/index.html#<heading>
  page: 'index', // 'index' (OUT/index.html), 'doc' (OUT/<id>/index.html) or '404'
  pathDoc: null, // the doc this page was written for (data-doc), or null (404.html)
  current: null, // the shown doc: { n } or { local: entry }, or null
  local: [], // local files opened by the reader: { id, label, file, article }
  siteTitle: '',
};

export const el = {};

export function findElements() {
  for (const id of ['siteNav', 'siteMain', 'siteArticle', 'siteStatus', 'siteToolbar', 'themeToggle', 'fileInput']) {
    el[id] = document.getElementById(id);
  }
}

// Reads the settings the builder put on <html>; works before catalog.js has run.
export function readSettings() {
  const d = html.dataset;
  state.mode = d.mode === 'path' ? 'path' : 'hash';
  state.rootUrl = new URL(d.root || './', location.href);
  state.rootUrl.hash = '';
  state.rootUrl.search = '';
  const n = d.doc === undefined || d.doc === '' ? NaN : Number(d.doc);
  state.pathDoc = Number.isInteger(n) && n >= 0 ? n : null;
  // Only 404.html has no doc of its own; the root index.html has data-root="".
  state.page = state.pathDoc === null ? '404' : d.root ? 'doc' : 'index';
}

export const sameTarget = (a, b) => Boolean(a && b) && (a.local ? a.local === b.local : a.n === b.n);

// Catalog entries ([id, label]) that delivered doc scripts brought (their `refs`): enough to show a
// doc, its links, breadcrumbs and previous/next before the catalog's doc list is parsed, which at
// 10,000 docs costs the page about 15 ms (catalog.js makes that list on first use).
const known = new Map();

export function learnDocs(refs) {
  for (const [key, entry] of Object.entries(refs)) {
    const n = Number(key);
    if (Number.isInteger(n) && n >= 0 && Array.isArray(entry) && typeof entry[0] === 'string')
      known.set(n, [entry[0], String(entry[1] ?? '')]);
  }
}

// The catalog's doc count: `n`, so that counting does not parse the list.
export function docCount() {
  const c = state.catalog;
  if (!c) return 0;
  if (Number.isInteger(c.n) && c.n >= 0) return c.n;
  return Array.isArray(c.docs) ? c.docs.length : 0;
}

const entryOf = (n) => known.get(n) ?? state.catalog.docs[n];

export const docId = (n) => entryId(entryOf(n));
export const docLabel = (n) => entryLabel(entryOf(n));

export const isDoc = (n) => Number.isInteger(n) && n >= 0 && n < docCount();

let decoded = null; // { from: catalog.sidebars, sidebars: [{ items }] }, decoded once (shared/catalog.js)

/** The catalog's sidebars as named items ([{ items: [] }] when it has none). */
export function sidebars() {
  const raw = state.catalog && Array.isArray(state.catalog.sidebars) ? state.catalog.sidebars : [];
  if (decoded?.from !== raw) {
    const all = raw.map((items) => ({ items: decodeItems(items, isDoc) }));
    decoded = { from: raw, sidebars: all.length ? all : [{ items: [] }], places: null };
  }
  return decoded.sidebars;
}

/** Doc n's first place in the sidebars (shared/reading-order.js placeDocs), or undefined. */
export function placeOf(n) {
  sidebars();
  decoded.places ??= placeDocs(decoded.sidebars);
  return decoded.places.get(n);
}
