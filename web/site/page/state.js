// What every feature module shares: the page's data-* settings, its elements, and what is shown.
export const html = document.documentElement;

export const state = {
  catalog: null,     // self.foldmarkCatalog once catalog.js has run
  rootUrl: null,     // absolute URL of the site's root folder (OUT/), from data-root
  mode: 'hash',      // 'hash': #/<id>/<heading> links; 'path': <root><id>/index.html#<heading>
  page: 'index',     // 'index' (OUT/index.html), 'doc' (OUT/<id>/index.html) or '404'
  pathDoc: null,     // the doc this page was written for (data-doc), or null (404.html)
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
  state.rootUrl = new URL(d.root || './', location.href);
  state.rootUrl.hash = '';
  state.rootUrl.search = '';
  const n = d.doc === undefined || d.doc === '' ? NaN : Number(d.doc);
  state.pathDoc = Number.isInteger(n) && n >= 0 ? n : null;
  // Only 404.html has no doc of its own; the root index.html has data-root="".
  state.page = state.pathDoc === null ? '404' : d.root ? 'doc' : 'index';
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
