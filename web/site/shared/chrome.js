// The navbar and footer (a Docusaurus config's, or the sidebar switcher) as the catalog carries
// them: the builder's encoder and the page's decoder. Plain named objects; docs are indexes.
//
//   navbar  { title, logo?: { src (path in the site), alt }, items: [item] }
//   footer  { columns: [{ title, items: [item] }], copyright }
//   item    { kind: 'sidebar', label, sidebar: index in catalog.sidebars, doc: its first doc, entry, position }
//           { kind: 'doc', label, doc, entry, heading?, position }
//           { kind: 'link', label, href, position }
//           { kind: 'dropdown', label, items: [item], position }
// position: 'left' | 'right'; entry: the doc's catalog entry ([id, label]), so that the page links
// it without reading the catalog's doc list. Decoded items are the same objects, checked.

const docEntry = (doc) => [doc.id, doc.label];

function encodeItem(item) {
  const base = { kind: item.type, label: item.label, position: item.position ?? 'left' };
  if (item.type === 'sidebar')
    return { ...base, sidebar: item.sidebar, doc: item.doc.index, entry: docEntry(item.doc) };
  if (item.type === 'doc')
    return {
      ...base,
      doc: item.doc.index,
      entry: docEntry(item.doc),
      ...(item.heading ? { heading: item.heading } : {}),
    };
  if (item.type === 'link') return { ...base, href: item.href };
  return { ...base, items: item.items.map(encodeItem) };
}

/** The builder's chrome (site-chrome.js) → the catalog's { navbar?, footer? } (absent when none). */
export function encodeChrome({ navbar, footer } = {}) {
  const out = {};
  if (navbar)
    out.navbar = {
      title: navbar.title,
      ...(navbar.logo ? { logo: navbar.logo } : {}),
      items: navbar.items.map(encodeItem),
    };
  if (footer)
    out.footer = {
      columns: footer.columns.map((c) => ({ title: c.title, items: c.items.map(encodeItem) })),
      copyright: footer.copyright,
    };
  return out;
}

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const text = (v) => (typeof v === 'string' ? v : '');

// One item, or null when it names what the catalog does not hold. isDoc(n), sidebarCount.
function decodeItem(raw, isDoc, sidebarCount, depth = 0) {
  if (!isObject(raw)) return null;
  const base = { kind: raw.kind, label: text(raw.label), position: raw.position === 'right' ? 'right' : 'left' };
  if (raw.kind === 'sidebar') {
    if (!isDoc(raw.doc) || !Number.isInteger(raw.sidebar) || raw.sidebar < 0 || raw.sidebar >= sidebarCount)
      return null;
    return { ...base, sidebar: raw.sidebar, doc: raw.doc };
  }
  if (raw.kind === 'doc') return isDoc(raw.doc) ? { ...base, doc: raw.doc, heading: text(raw.heading) } : null;
  if (raw.kind === 'link') return typeof raw.href === 'string' ? { ...base, href: raw.href } : null;
  if (raw.kind === 'dropdown' && depth === 0 && Array.isArray(raw.items)) {
    const items = raw.items.map((i) => decodeItem(i, isDoc, sidebarCount, 1)).filter(Boolean);
    return items.length ? { ...base, items } : null;
  }
  return null;
}

const decodeItems = (raw, isDoc, sidebarCount) =>
  (Array.isArray(raw) ? raw : []).map((i) => decodeItem(i, isDoc, sidebarCount)).filter(Boolean);

/** The catalog's navbar, checked, or null. */
export function decodeNavbar(raw, isDoc, sidebarCount) {
  if (!isObject(raw)) return null;
  const logo =
    isObject(raw.logo) && typeof raw.logo.src === 'string' ? { src: raw.logo.src, alt: text(raw.logo.alt) } : null;
  return { title: text(raw.title), logo, items: decodeItems(raw.items, isDoc, sidebarCount) };
}

/** The catalog's footer, checked, or null. */
export function decodeFooter(raw, isDoc, sidebarCount) {
  if (!isObject(raw)) return null;
  const columns = (Array.isArray(raw.columns) ? raw.columns : [])
    .filter(isObject)
    .map((c) => ({ title: text(c.title), items: decodeItems(c.items, isDoc, sidebarCount) }))
    .filter((c) => c.items.length);
  return { columns, copyright: text(raw.copyright) };
}
