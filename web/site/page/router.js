// Addresses. Hash routes (#/<id>, #/<id>/<heading>; the longest known id wins, since ids contain
// '/') work on every page. In data-mode=path each doc also has its own page,
// <root><id>/index.html#<heading>: on http(s) a click there is rendered here after pushState; on
// file:// pushState cannot change the path (HTML spec), so the browser loads that page for real.
import { entryId } from '../shared/catalog.js';
import { hashRoute, pageHref } from '../shared/hrefs.js';
import { decodeComponent as decode } from '../shared/text.js';
import { docCount, docId, state } from './state.js';

let idIndex = null; // id → doc index, built on the first hash route
let longestSiteId = 0;

function byId(id) {
  if (!idIndex) {
    idIndex = new Map();
    const { docs } = state.catalog;
    for (let n = 0; n < docs.length; n += 1) {
      const key = entryId(docs[n]);
      if (idIndex.has(key)) continue;
      idIndex.set(key, n);
      longestSiteId = Math.max(longestSiteId, key.length);
    }
  }
  return idIndex.get(id);
}

// An address longer than this is no route of this site (ids and heading ids are far shorter); its
// length alone would make the page work in proportion to whatever a link says.
export const MAX_ROUTE_CHARS = 8192;
const shortened = (text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

// '#/a/b/c' → the doc whose id is the longest prefix of a/b/c, and the rest as the heading id.
// Local files opened by the reader are matched first (their ids never collide with the site's).
// Only prefixes no longer than the longest id are looked up, so a route of many short segments
// costs time in proportion to its length, not to its length squared.
export function resolveRoute(path) {
  if (path.length > MAX_ROUTE_CHARS) return { missing: `${decode(path.slice(0, 200))}…` };
  const parts = path.split('/').map(decode);
  byId('');
  const longest = state.local.reduce((most, e) => Math.max(most, e.id.length), longestSiteId);
  const prefixes = [parts[0]];
  for (let i = 1; i < parts.length && prefixes[i - 1].length + 1 + parts[i].length <= longest; i += 1) {
    prefixes.push(`${prefixes[i - 1]}/${parts[i]}`);
  }
  for (let i = prefixes.length; i >= 1; i -= 1) {
    const id = prefixes[i - 1];
    if (id.length > longest) continue;
    const local = state.local.find((e) => e.id === id);
    const n = local ? undefined : byId(id);
    if (local || n !== undefined) return { target: local ? { local } : { n }, heading: parts.slice(i).join('/') };
  }
  return { missing: shortened(parts.join('/')) };
}

// The doc a data-mode=path address stands for: <root><id>/index.html (or <root><id>/), or null.
function docOfPath(url) {
  const rootPath = state.rootUrl.pathname;
  if (url.origin !== state.rootUrl.origin || !url.pathname.startsWith(rootPath)) return null;
  const rest = url.pathname
    .slice(rootPath.length)
    .replace(/(^|\/)index\.html$/, '')
    .replace(/\/$/, '');
  if (rest === '') return landing();
  const n = byId(rest.split('/').map(decode).join('/'));
  return n === undefined ? null : n;
}

function landing() {
  const landing = Number(state.catalog.landing);
  return Number.isInteger(landing) && landing >= 0 && landing < docCount() ? landing : docCount() ? 0 : null;
}

// Where the address bar points now: { target, heading } | { missing } | { none } (the 404 page).
export function fromLocation() {
  const { hash } = location;
  if (hash.startsWith('#/') && hash.length > 2) return resolveRoute(hash.slice(2));
  const heading = hash.startsWith('#/') ? '' : decode(hash.slice(1));
  if (state.mode === 'path') {
    const n = docOfPath(new URL(location.href));
    return n === null ? { none: true } : { target: { n }, heading };
  }
  if (state.page === '404') return { none: true };
  const n = landing();
  return n === null ? { none: true } : { target: { n }, heading, anchor: hash.length > 1 };
}

// The href of a doc (and heading) for links in the sidebar and in articles.
export function docHref(n, heading = '') {
  const id = docId(n);
  if (state.mode === 'path') return pageHref(state.rootUrl.href, id, heading);
  const route = hashRoute(id, heading);
  return state.page === 'index' ? route : `${state.rootUrl.href}index.html${route}`;
}

export const localHref = (entry, heading = '') => hashRoute(entry.id, heading);

// The address to put in the bar (replaceState, same document) for a heading of the shown doc.
export function hereHref(target, heading = '') {
  if (target.local) return localHref(target.local, heading);
  if (state.mode === 'path' && target.n === docOfPath(new URL(location.href))) {
    return heading ? `#${encodeURIComponent(heading)}` : `${location.pathname}${location.search}`;
  }
  if (state.mode === 'path') return hashRoute(docId(target.n), heading);
  return docHref(target.n, heading).replace(/^[^#]*/, '');
}

// The plain left click on a link that a page handler may take over, or null.
function plainLinkClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const a = event.target.closest?.('a[href]');
  if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return null;
  return a;
}

// A link to the address already in the bar (#/<id>/<heading> after the reader scrolled away from
// it) makes no hashchange or popstate: onSame() shows its heading again.
export function sameAddressClicks(onSame) {
  document.addEventListener('click', (event) => {
    const a = plainLinkClick(event);
    if (!a || !a.hash || a.href !== location.href) return;
    event.preventDefault();
    onSame();
  });
}

// Same-origin clicks on links to another doc page become pushState + client-side rendering, on
// http(s) in path mode only. onNavigate(route) shows it.
export function interceptClicks(onNavigate) {
  if (state.mode !== 'path' || !/^https?:$/.test(location.protocol)) return;
  // Relative addresses written by the builder are relative to this page's path, which pushState
  // changes (Chromium even requests the icon again): make them absolute first.
  for (const node of document.querySelectorAll('a[href], link[rel~="icon"]')) node.setAttribute('href', node.href);
  document.addEventListener('click', (event) => {
    const a = plainLinkClick(event);
    if (!a) return;
    const url = new URL(a.href, location.href);
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // the browser's
    const n = docOfPath(url);
    if (n === null) return;
    event.preventDefault();
    history.pushState(null, '', url.href);
    onNavigate({ target: { n }, heading: decode(url.hash.slice(1)), pushed: true });
  });
}
