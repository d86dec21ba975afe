// The catalog (OUT/_foldmark/catalog.js, loaded by every page) and the entries doc scripts bring:
// its one encoder (the builder) and its one decoder (the page). Compact on the wire, named here.
//
//   catalog  { v: 1, title, collapse, landing: n, n: doc count, docs: [entry], sidebars: [[item]],
//              search: shard count, code: { fence language: [Prism files] }, libraries: [name],
//              editUrl,
//              navbar, footer (shared/chrome.js), classes?: { n: class names of doc n's sidebar
//              links (front matter sidebar_class_name) } }
//   entry    [id, label]                       a doc (catalog.docs[n], doc script refs[n])
//   item     n                                 a doc, shown with its entry's label
//            [n, label]                        a doc with a label of its own in this sidebar
//            ['c', label, collapsed, [item], n?]  a category (collapsed 1 | 0), n its own doc
//            ['l', label, href]                a link
//
// Decoded, items are the builder's own sidebar items with a doc index in place of the doc:
// { type: 'doc', doc, label? } | { type: 'category', label, collapsed, items, doc? } |
// { type: 'link', label, href }, so shared/reading-order.js reads both.

import { encodeChrome } from './chrome.js';

export const CATALOG_VERSION = 1;

/** The entry of a doc ({ id, label }). */
export const docEntry = (doc) => [doc.id, doc.label];
export const entryId = (entry) => String(entry[0]);
export const entryLabel = (entry) => String(entry[1] || entry[0]);

/**
 * A doc's front matter sidebar_class_name as class names a sidebar link may carry (letters,
 * digits, '-' and '_' only), or ''. The builder's no-JS sidebar and the page use the same.
 */
export function sidebarClassOf(doc) {
  const raw = doc.meta?.sidebar_class_name;
  return typeof raw === 'string' ? sidebarClasses(raw) : '';
}
export const sidebarClasses = (raw) =>
  String(raw)
    .split(/\s+/)
    .filter((c) => /^[A-Za-z_][\w-]{0,63}$/.test(c))
    .slice(0, 8)
    .join(' ');

/** Builder sidebar items (holding doc objects with .index and .label) → the wire form. */
export function encodeItems(items) {
  return items.map((item) => {
    if (item.type === 'doc')
      return item.label !== undefined && item.label !== item.doc.label ? [item.doc.index, item.label] : item.doc.index;
    if (item.type === 'link') return ['l', item.label, item.href];
    const c = ['c', item.label, item.collapsed ? 1 : 0, encodeItems(item.items)];
    if (item.doc) c.push(item.doc.index);
    return c;
  });
}

/**
 * The wire form → named items. isDoc(n) says which doc indexes exist: a doc item naming another
 * is left out, a category's own doc that does not exist is dropped. Anything unknown is left out.
 */
export function decodeItems(raw, isDoc) {
  const out = [];
  for (const item of Array.isArray(raw) ? raw : []) {
    if (isDoc(item)) out.push({ type: 'doc', doc: item });
    else if (!Array.isArray(item)) continue;
    else if (isDoc(item[0])) out.push({ type: 'doc', doc: item[0], ...(item[1] ? { label: String(item[1]) } : {}) });
    else if (item[0] === 'c') {
      out.push({
        type: 'category',
        label: String(item[1] ?? ''),
        collapsed: Boolean(item[2]),
        items: decodeItems(item[3], isDoc),
        ...(isDoc(item[4]) ? { doc: item[4] } : {}),
      });
    } else if (item[0] === 'l') out.push({ type: 'link', label: String(item[1]), href: String(item[2]) });
  }
  return out;
}

/** The catalog's data; docs in index order, sidebars as the builder made them (the first is the main one). */
export function encodeCatalog({
  docs,
  sidebars,
  landing,
  title,
  collapse,
  search = 0,
  code = {},
  libraries = [],
  editUrl = '',
  chrome,
}) {
  const classes = {};
  for (const doc of docs) {
    const names = sidebarClassOf(doc);
    if (names) classes[doc.index] = names;
  }
  return {
    v: CATALOG_VERSION,
    title,
    collapse,
    landing: landing.index,
    docs: docs.map(docEntry),
    sidebars: sidebars.map((s) => encodeItems(s.items)),
    search, // the number of search shards, shared/paths.js searchShardPath(k)
    code, // fence language → Prism files to load in order, prismPath(name)
    libraries, // names of the libraries the site carries, libraryPath(name): 'mermaid'
    editUrl, // --edit-url: "Edit this page" links to editUrl + the doc's path (doc script `path`)
    ...encodeChrome(chrome), // navbar and footer (shared/chrome.js)
    ...(Object.keys(classes).length ? { classes } : {}),
  };
}
