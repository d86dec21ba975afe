// What the builder writes for the page: the compact catalog, one classic script per doc, the
// sidebar for readers without JavaScript, and the HTML pages (index, one per doc, 404, sitemap).
import { decodeAttr } from './links.js';

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/;
export const escapeHtml = (value) => {
  const s = String(value);
  return HTML_SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : s;  // most labels and paths have none
};

// JSON text made safe inside <script> (no '</script', no '<!--') and in any JS source: these
// characters can only be inside JSON strings, where their \u escapes mean the same. (replaceAll
// with plain strings: ten times faster than one regular expression with a callback.)
export const scriptSafe = (json) => json.replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026')
  .replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
export const scriptJson = (value) => scriptSafe(JSON.stringify(value));

// 'guides/install intro' → 'guides/install%20intro': each segment encoded, '/' kept.
const idPaths = new Map();
export const idPath = (id) => {
  let path = idPaths.get(id);
  if (path === undefined) idPaths.set(id, (path = id.split('/').map(encodeURIComponent).join('/')));
  return path;
};
export const rootOf = (id) => '../'.repeat(id.split('/').length);

// --- the catalog: ids, labels and sidebars, as small as it can be (every reader loads it) -------

function encodeItems(items) {
  return items.map((item) => {
    if (item.type === 'doc') return item.label !== undefined && item.label !== item.doc.label ? [item.doc.index, item.label] : item.doc.index;
    if (item.type === 'link') return ['l', item.label, item.href];
    const c = ['c', item.label, item.collapsed ? 1 : 0, encodeItems(item.items)];
    if (item.doc) c.push(item.doc.index);
    return c;
  });
}

export function catalogScript({ docs, sidebars, landing, title, collapse, search = 0, code = {}, editUrl = '' }) {
  const catalog = {
    v: 1, title, collapse, landing: landing.index,
    docs: docs.map((d) => [d.id, d.label]),
    sidebars: sidebars.map((s) => encodeItems(s.items)),
    search,  // the number of search shards, _foldmark/search/0.js …
    code,    // fence language → Prism files to load in order, _foldmark/prism/<name>.js
    editUrl, // --edit-url: "Edit this page" links to editUrl + the doc's path (doc script `path`)
  };
  // JSON.parse of a string: V8 reads JSON faster than a JavaScript object literal of the same size.
  // The doc list (most of the catalog: 575 of 650 KB at 10,000 docs) is parsed on first use: the
  // page shows its first article with the entries its doc script brings (docScript `refs`) and
  // reads the list after that paint. `n` is the doc count.
  const { docs: list, ...rest } = catalog;
  return `self.foldmarkCatalog=JSON.parse(${scriptJson(JSON.stringify({ ...rest, n: list.length }))});\n`
    + '(function(c,j){var d;Object.defineProperty(c,"docs",{enumerable:true,configurable:true,'
    + 'get:function(){return d||(d=JSON.parse(j));},set:function(v){d=v;}});})'
    + `(self.foldmarkCatalog,${scriptJson(JSON.stringify(list))});\n${SITE_SCRIPT_CHECK}`;
}

// The page's scripts run in order (defer) and site.js comes first: when the catalog runs without
// it (not uploaded, blocked, a host that drops _foldmark/), the reader would see an empty article
// and no reason. No inline script may say so (CSP), so the catalog does.
const SITE_SCRIPT_CHECK = 'if(typeof document!=="undefined"&&typeof self.foldmarkDoc!=="function"){'
  + '(function(s){if(s)s.textContent="This page\\u2019s script (_foldmark/site.js) did not load, so its articles, '
  + 'sidebar and search cannot be shown. Check that the site was uploaded whole.";})'
  + '(document.getElementById("siteStatus"));}\n';

/**
 * around (from referencedDocs): refs, the catalog entries ([id, label]) of the docs a doc's page
 * needs before the catalog's doc list is read (the doc, the docs its links go to, its categories'
 * own docs, its neighbours), and near, [previous, next] in its sidebar's reading order (-1: none),
 * absent when no sidebar holds the doc.
 */
export function docScript(doc, links, around = { refs: {} }) {
  const data = { id: doc.id, markdown: doc.markdown, options: { collapse: doc.collapse }, links, path: doc.rel, ...around };
  return `self.foldmarkDoc(${doc.index},${scriptJson(data)});\n`;
}

/**
 * Each doc's first place in the sidebars, found in one walk: { sidebar, categories (those above
 * it, outermost first), path (the categories open on its page: with a category's own doc, that
 * category too), order (its sidebar's docs in reading order: each once, a category's own doc
 * before its children, as web/site/page/sidebar-order.js reads them), at (its index in order) }.
 */
export function placeDocs(sidebars) {
  const places = new Map();
  for (const sidebar of sidebars) {
    const order = [];
    const seen = new Set();
    const visit = (doc, categories, path) => {
      if (seen.has(doc)) return;
      seen.add(doc);
      const at = order.push(doc) - 1;
      if (!places.has(doc)) places.set(doc, { sidebar, categories, path, order, at });
    };
    const walk = (items, categories) => {
      for (const item of items) {
        if (item.type === 'doc') visit(item.doc, categories, categories);
        if (item.type !== 'category') continue;
        const inner = [...categories, item];
        if (item.doc) visit(item.doc, categories, inner);
        walk(item.items, inner);
      }
    };
    walk(sidebar.items, []);
  }
  return places;
}

/**
 * A function doc → { refs, near } for docScript: the entries of the doc itself, its link targets,
 * the own docs of the categories above it and the docs before and after it in its sidebar's
 * reading order (the page's breadcrumbs and previous/next).
 */
export function referencedDocs(sidebars, docs) {
  const places = placeDocs(sidebars);
  return (doc) => {
    const refs = {};
    const add = (d) => { if (d) refs[d.index] = [d.id, d.label]; };
    add(doc);
    for (const target of Object.values(doc.links || {})) if (Array.isArray(target)) add(docs[target[0]]);
    const where = places.get(doc);
    if (!where) return { refs };
    for (const c of where.categories) add(c.doc);
    const near = [where.order[where.at - 1], where.order[where.at + 1]];
    near.forEach(add);
    return { refs, near: near.map((d) => (d ? d.index : -1)) };
  };
}

// --- links in prerendered HTML, exactly as the page rewrites them after rendering ------------------

export function docHref(mode, root, docs, index, anchor) {
  const hash = anchor ? `#${encodeURIComponent(anchor)}` : '';
  if (mode === 'hash') return `#/${idPath(docs[index].id)}${anchor ? `/${encodeURIComponent(anchor)}` : ''}`;
  return `${root}${idPath(docs[index].id)}/index.html${hash}`;
}

const LINK = /<(a|img)(\s[^>]*?)\b(href|src)="([^"]*)"/g;

export function rewriteLinks(html, links, { mode, root, docs }) {
  return html.replace(LINK, (whole, tag, between, attr, raw) => {
    const value = decodeAttr(raw);
    let target = Object.hasOwn(links, value) ? links[value] : undefined;
    if (target === undefined && value.startsWith('//')) target = `https:${value}`;
    if (target === undefined) return whole;
    if (target === null) return tag === 'a' ? `<a class="fm-broken-link"${between}`.trimEnd() : `<img${between}`.trimEnd();
    const href = Array.isArray(target) ? docHref(mode, root, docs, target[0], target[1])
      : target.startsWith('https:') ? target : `${root}${idPath(target)}`;
    return `<${tag}${between}${attr}="${escapeHtml(href)}"`;
  });
}

// --- the sidebar for readers without JavaScript: what a reader sees before opening anything ------

// At most this many entries besides the current doc's path: a tree whose categories are all
// expanded would otherwise put its whole sidebar into every one of its pages (the page's script
// builds the whole sidebar after the first paint).
export const NAV_BUDGET = 100;
// A list longer than three blocks shows three: the block holding the current doc (or the open
// category) and one on each side, so that page after page links every entry (crawlers find them
// all) while a 1,000-doc category costs a page 60 entries. Blocks are aligned, so the docs of one
// block share their sidebar (navWriter).
export const NAV_BLOCK = 20;
const NAV_WINDOW = 3 * NAV_BLOCK;

const isFocus = (item, current, open) => open.has(item) || (current && item.type === 'doc' && item.doc === current);

// The entries [start, end) of a list shown around its focus (the current doc or an open category).
function windowOf(entries, current, open) {
  if (entries.length <= NAV_WINDOW) return [0, entries.length];
  const focus = Math.max(0, entries.findIndex((item) => isFocus(item, current, open)));
  const start = Math.max(0, Math.min(Math.floor(focus / NAV_BLOCK) * NAV_BLOCK - NAV_BLOCK, entries.length - NAV_WINDOW));
  return [start, start + NAV_WINDOW];
}

const more = (n) => (n > 0 ? `<li class="site-nav-more">${n} more</li>` : '');

/**
 * The sidebar for readers without JavaScript (and the first paint): categories on the current
 * doc's path open, others open while the budget lasts, long lists shown around the current doc.
 * mark: false leaves aria-current out (navWriter adds it).
 */
export function navHtml(items, { mode, root, docs, current, open, mark = true }) {
  const link = (doc, label) => `<a href="${escapeHtml(docHref(mode, root, docs, doc.index, ''))}"${mark && doc === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  let budget = NAV_BUDGET;
  const list = (entries) => {
    const [start, end] = windowOf(entries, current, open);
    return `<ul class="site-nav-list">${more(start)}${entries.slice(start, end).map((item) => {
      budget -= 1;
      if (item.type === 'doc') return `<li>${link(item.doc, item.label ?? item.doc.label)}</li>`;
      if (item.type === 'link') return `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.label)}</a></li>`;
      const title = item.doc ? link(item.doc, item.label) : escapeHtml(item.label);
      const expanded = open.has(item) || (!item.collapsed && budget - Math.min(item.items.length, NAV_WINDOW) >= 0);
      return `<li class="site-nav-category"><span class="site-nav-label">${title}</span>${expanded ? list(item.items) : ''}</li>`;
    }).join('')}${more(entries.length - end)}</ul>`;
  };
  return list(items);
}

/**
 * navHtml for page after page: the docs of one folder share their sidebar, open path and root, so
 * the last page's sidebar is kept and only the current doc's mark differs. Pages written in tree
 * order (the builder's) make one sidebar per folder (per block of a long folder), not one per page.
 */
export function navWriter(docs) {
  let last = { key: null, html: '' };
  return ({ sidebar, path }, { mode, root, current }) => {
    const own = path.length ? path.at(-1).items : sidebar.items;
    const at = current ? own.findIndex((item) => item.type === 'doc' && item.doc === current) : -1;
    const key = [sidebar, path.at(-1), root, mode, own.length > NAV_WINDOW ? Math.floor(at / NAV_BLOCK) : 0];
    if (!last.key || key.some((k, i) => k !== last.key[i])) {
      last = { key, html: navHtml(sidebar.items, { mode, root, docs, current, open: new Set(path), mark: false }) };
    }
    if (!current) return last.html;
    const a = `<a href="${escapeHtml(docHref(mode, root, docs, current.index, ''))}"`;
    return last.html.replaceAll(`${a}>`, `${a} aria-current="page">`);
  };
}

// --- pages -----------------------------------------------------------------------------------------

export function fillTemplate(template, values) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!Object.hasOwn(values, name)) throw new Error(`page.html: unknown placeholder {{${name}}}`);
    return values[name];
  });
}

// The meta description: front matter `description`, else the article's first paragraph as text.
export function describeDoc(doc, html) {
  if (doc.description) return doc.description;
  const m = /<p>([\s\S]*?)<\/p>/.exec(html);
  if (!m) return '';
  const plain = decodeAttr(m[1].replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ').trim();
  return plain.length > 200 ? `${plain.slice(0, 197).replace(/\s+\S*$/, '')}…` : plain;
}

/**
 * A site's public URL (--base-url, --edit-url) as the address it will be joined to: parsed as a
 * browser parses it (WHATWG URL: spaces and other characters percent-encoded, host lower-cased),
 * ending with '/'. Throws Error(why) for what cannot be a folder's address on the web: not http(s),
 * no host, user name or password (they would be published), a ?query or #fragment (the page paths
 * are appended after it).
 */
export function publicUrl(value) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new Error('must be an http(s) URL');
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname || !/^https?:\/\/[^/]/i.test(String(value).trim())) throw new Error('must be an http(s) URL');
  if (url.username || url.password) throw new Error('must not hold a user name or password');
  if (url.search || url.href.includes('?')) throw new Error('must not have a ?query: page paths are added after it');
  if (url.hash || url.href.includes('#')) throw new Error('must not have a #fragment: page paths are added after it');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function sitemapXml(baseUrl, docs) {
  const urls = [baseUrl, ...docs.map((d) => `${baseUrl}${idPath(d.id)}/`)];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${
    urls.map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`).join('\n')}\n</urlset>\n`;
}
