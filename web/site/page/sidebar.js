// The sidebar from catalog.sidebars (shared/catalog.js): nested collapsible categories, built lazily —
// a collapsed category's children are made when it is first opened, so a site of 10,000 docs
// costs a few top-level elements at start-up. The shown doc's categories are opened, its link
// carries aria-current="page" and the article's table of contents. A doc shows the first sidebar
// that contains it (else sidebars[0], nothing marked).
import { sidebarClasses } from '../shared/catalog.js';
import { neighbours } from '../shared/reading-order.js';
import { tocEntries } from '../shared/toc.js';
import { link, make } from './dom.js';
import { docLabel, el, isDoc, placeOf, sameTarget, sidebars, state } from './state.js';
import { docHref, hereHref, localHref } from './router.js';
import { deliveredDoc } from './loader.js';

const TOC_MAX = 300; // entries listed under the shown doc; an article of 150,000 headings lists these
const nav = { sidebar: null, list: null, current: null, toc: null };
let shownToc = null; // { target, toc } of the article shown last: its TOC comes back with the sidebar

// The docs after and before n in its sidebar (what a reader opens next: prefetched when idle).
export function neighboursOf(n) {
  const place = placeOf(n);
  if (place)
    return neighbours(place)
      .reverse()
      .filter((m) => m !== undefined);
  return [n + 1, n - 1].filter(isDoc);
}

function docLink(n, label) {
  const a = link(label || docLabel(n), docHref(n));
  a.dataset.n = String(n);
  const classes = state.catalog?.classes?.[n];
  if (typeof classes === 'string' && classes) a.className = sidebarClasses(classes);
  return a;
}

function toggle(li, open) {
  const button = li.querySelector(':scope > .site-cat-row > .site-cat-toggle');
  button.setAttribute('aria-expanded', String(open));
  li.classList.toggle('site-cat-open', open);
  let list = li.querySelector(':scope > ul');
  if (open && !list) {
    list = buildList(li.fmItems, li.fmOpen);
    li.append(list);
  }
  if (list) list.hidden = !open;
}

function category(item, opened) {
  const li = make('li', 'site-cat');
  li.fmItems = item.items;
  li.fmOpen = opened;
  const row = make('div', 'site-cat-row');
  const button = make('button', 'site-cat-toggle');
  button.type = 'button';
  if (item.doc !== undefined) {
    row.append(docLink(item.doc, item.label), button);
    button.setAttribute('aria-label', item.label);
  } else {
    button.append(make('span', 'site-cat-label', item.label));
    row.append(button);
  }
  li.append(row);
  button.addEventListener('click', () => toggle(li, button.getAttribute('aria-expanded') !== 'true'));
  toggle(li, opened.has(item) || !item.collapsed);
  return li;
}

// One <ul> of items; categories in `opened` (or not collapsed) are built open, the others empty.
function buildList(items, opened) {
  const ul = make('ul', 'site-nav-list');
  for (const item of items) {
    if (item.type === 'category') {
      ul.append(category(item, opened));
      continue;
    }
    const node = item.type === 'doc' ? docLink(item.doc, item.label) : link(item.label, item.href);
    const li = make('li');
    li.append(node);
    ul.append(li);
  }
  return ul;
}

function localGroup() {
  if (!state.local.length) return [];
  const ul = make('ul', 'site-nav-list');
  for (const entry of state.local) {
    const li = make('li');
    const a = link(entry.label, localHref(entry));
    a.dataset.local = entry.id;
    li.append(a);
    ul.append(li);
  }
  return [make('h2', 'site-nav-title', 'Opened files'), ul];
}

/**
 * The index of the sidebar doc n's page shows: its front matter's displayed_sidebar (the doc
 * script's `sidebar`; -1: none), else the first sidebar that holds it, else the main one.
 */
export function shownSidebar(n) {
  const chosen = isDoc(n) ? deliveredDoc(n)?.sidebar : undefined;
  if (Number.isInteger(chosen) && chosen >= -1 && chosen < sidebars().length) return chosen;
  return (isDoc(n) ? placeOf(n)?.sidebarIndex : undefined) ?? 0;
}

// Shows the sidebar for the target ({ n } | { local } | null): the right sidebar, its categories
// opened down to the doc, the doc's link marked.
export function showInSidebar(target) {
  const all = sidebars();
  const place = target && isDoc(target.n) ? placeOf(target.n) : undefined;
  const which = target && isDoc(target.n) ? shownSidebar(target.n) : 0;
  const path = place && place.sidebarIndex === which ? place.path : null;
  const opened = new Set(path || []);
  if (which !== nav.sidebar || el.siteNav.dataset.locals !== String(state.local.length)) {
    nav.sidebar = which;
    nav.list = buildList(which >= 0 ? all[which].items : [], opened);
    // The navbar lives at the top of the drawer on narrow screens (navbar.js): it stays.
    const navbar = el.siteNav.querySelector(':scope > #siteNavbar');
    el.siteNav.replaceChildren(
      ...(navbar ? [navbar] : []),
      make('h2', 'site-nav-title', 'Articles'),
      nav.list,
      ...localGroup(),
    );
    el.siteNav.dataset.locals = String(state.local.length);
  } else {
    openPath(nav.list, path || []);
  }
  mark(target);
  if (shownToc && sameTarget(shownToc.target, target)) showToc(target, shownToc.toc);
}

// Opens the categories of path (outermost first), building each level as needed.
function openPath(list, path) {
  let ul = list;
  for (const item of path) {
    const li = [...ul.children].find((c) => c.fmItems === item.items);
    if (!li) return;
    toggle(li, true);
    ul = li.querySelector(':scope > ul');
  }
}

function mark(target) {
  nav.current?.removeAttribute('aria-current');
  nav.toc?.remove();
  nav.current = null;
  nav.toc = null;
  if (!target) return;
  const selector = target.local ? `a[data-local="${CSS.escape(target.local.id)}"]` : `a[data-n="${target.n}"]`;
  nav.current = el.siteNav.querySelector(selector);
  nav.current?.setAttribute('aria-current', 'page');
}

// The shown article's headings under its sidebar link (shared/toc.js, at most TOC_MAX).
export function showToc(target, toc) {
  nav.toc?.remove();
  nav.toc = null;
  const entries = tocEntries(toc, TOC_MAX, isDoc(target?.n) ? deliveredDoc(target.n)?.tocLevels : undefined);
  if (!nav.current || !entries.length) return;
  const list = make('ul', 'site-toc');
  for (const t of entries) {
    const li = make('li', t.sub ? 'site-toc-sub' : '');
    li.append(link(t.text, hereHref(target, t.id)));
    list.append(li);
  }
  nav.toc = list;
  const holder = nav.current.closest('.site-cat-row') || nav.current;
  holder.after(list);
}

// A feature (features.js): the shown article's TOC under its link, now or when the sidebar is built.
export const sidebarToc = {
  onArticle({ target, toc, fresh }) {
    if (!fresh) return;
    shownToc = { target, toc };
    showToc(target, toc);
  },
};
