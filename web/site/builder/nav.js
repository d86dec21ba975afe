// The sidebar for readers without JavaScript (and the page's first paint): what a reader sees
// before opening anything, in every page the builder writes.
import { sidebarClassOf } from '../shared/catalog.js';
import { docHref } from '../shared/hrefs.js';
import { escapeHtml } from './html.js';

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
  const focus = Math.max(
    0,
    entries.findIndex((item) => isFocus(item, current, open)),
  );
  const start = Math.max(
    0,
    Math.min(Math.floor(focus / NAV_BLOCK) * NAV_BLOCK - NAV_BLOCK, entries.length - NAV_WINDOW),
  );
  return [start, start + NAV_WINDOW];
}

const more = (n) => (n > 0 ? `<li class="site-nav-more">${n} more</li>` : '');

/**
 * The sidebar for readers without JavaScript (and the first paint): categories on the current
 * doc's path open, others open while the budget lasts, long lists shown around the current doc.
 * mark: false leaves aria-current out (navWriter adds it).
 */
export function navHtml(items, { mode, root, current, open, mark = true }) {
  const link = (doc, label) => {
    const classes = sidebarClassOf(doc);
    return `<a href="${escapeHtml(docHref(mode, root, doc.id))}"${classes ? ` class="${classes}"` : ''}${mark && doc === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  };
  let budget = NAV_BUDGET;
  const list = (entries) => {
    const [start, end] = windowOf(entries, current, open);
    return `<ul class="site-nav-list">${more(start)}${entries
      .slice(start, end)
      .map((item) => {
        budget -= 1;
        if (item.type === 'doc') return `<li>${link(item.doc, item.label ?? item.doc.label)}</li>`;
        if (item.type === 'link') return `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.label)}</a></li>`;
        const title = item.doc ? link(item.doc, item.label) : escapeHtml(item.label);
        const expanded = open.has(item) || (!item.collapsed && budget - Math.min(item.items.length, NAV_WINDOW) >= 0);
        return `<li class="site-nav-category"><span class="site-nav-label">${title}</span>${expanded ? list(item.items) : ''}</li>`;
      })
      .join('')}${more(entries.length - end)}</ul>`;
  };
  return list(items);
}

/**
 * navHtml for page after page: the docs of one folder share their sidebar, open path and root, so
 * the last page's sidebar is kept and only the current doc's mark differs. Pages written in tree
 * order (the builder's) make one sidebar per folder (per block of a long folder), not one per page.
 */
export function navWriter() {
  let last = { key: null, html: '' };
  return ({ sidebar, path }, { mode, root, current }) => {
    const own = path.length ? path.at(-1).items : sidebar.items;
    const at = current ? own.findIndex((item) => item.type === 'doc' && item.doc === current) : -1;
    const key = [sidebar, path.at(-1), root, mode, own.length > NAV_WINDOW ? Math.floor(at / NAV_BLOCK) : 0];
    if (!last.key || key.some((k, i) => k !== last.key[i])) {
      last = { key, html: navHtml(sidebar.items, { mode, root, current, open: new Set(path), mark: false }) };
    }
    if (!current) return last.html;
    const classes = sidebarClassOf(current);
    const a = `<a href="${escapeHtml(docHref(mode, root, current.id))}"${classes ? ` class="${classes}"` : ''}`;
    return last.html.replaceAll(`${a}>`, `${a} aria-current="page">`);
  };
}
