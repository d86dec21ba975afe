// What every feature module shares: the page's data-* settings, its elements, and what is shown.
export const html = document.documentElement;

export const state = {
  catalog: null,     // self.foldmarkCatalog once catalog.js has run
  rootUrl: null,     // absolute URL of the site's root folder (OUT/), from data-root
  mode: 'hash',      // 'hash': #/<id>/<heading> links; 'path': <root><id>/index.html#<heading>
  page: 'index',     // 'index' | 'doc' | '404' (data-page)
  pathDoc: null,     // the doc this page's path stands for (data-doc), or null
  current: null,     // the shown doc: { n } or { local: entry }, or null
  local: [],         // local files opened by the reader: { id, label, file, article }
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
  state.page = d.page === 'doc' || d.page === '404' ? d.page : 'index';
  state.rootUrl = new URL(d.root || './', location.href);
  state.rootUrl.hash = '';
  state.rootUrl.search = '';
  const n = d.doc === undefined || d.doc === '' ? NaN : Number(d.doc);
  state.pathDoc = Number.isInteger(n) && n >= 0 ? n : null;
}

export const sameTarget = (a, b) => Boolean(a && b) && (a.local ? a.local === b.local : a.n === b.n);

export function docCount() {
  return state.catalog && Array.isArray(state.catalog.docs) ? state.catalog.docs.length : 0;
}

export function docId(n) {
  return String(state.catalog.docs[n][0]);
}

export function docLabel(n) {
  const entry = state.catalog.docs[n];
  return String(entry[1] || entry[0]);
}
