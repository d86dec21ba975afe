// The sidebar from catalog.sidebars (build/pages.js): nested collapsible categories, built lazily —
// a collapsed category's children are made when it is first opened, so a site of 10,000 docs
// costs a few top-level elements at start-up. The shown doc's categories are opened, its link
// carries aria-current="page" and the article's table of contents. A doc shows the first sidebar
// that contains it (else sidebars[0], nothing marked).
import { link, make } from './dom.js';
import { docCount, docLabel, el, state } from './state.js';
import { docHref, hereHref, localHref } from './router.js';

const TOC_MAX = 300;  // entries listed under the shown doc; an article of 150,000 headings lists these
const nav = { sidebar: -1, list: null, current: null, toc: null };

const isDoc = (n) => Number.isInteger(n) && n >= 0 && n < docCount();

// Ancestors (category items) of doc n in items, outermost first, or null when n is not there.
function pathTo(items, n) {
  if (!Array.isArray(items)) return null;
  for (const item of items) {
    if (item === n || (Array.isArray(item) && item[0] === n)) return [];
    if (Array.isArray(item) && item[0] === 'c') {
      if (item[4] === n) return [item];
      const inner = pathTo(item[3], n);
      if (inner) return [item, ...inner];
    }
  }
  return null;
}

// The docs of a sidebar in reading order (categories' own docs first), made once per sidebar.
const orders = new Map();
function readingOrder(items, into = []) {
  for (const item of Array.isArray(items) ? items : []) {
    if (isDoc(item)) into.push(item);
    else if (Array.isArray(item) && isDoc(item[0])) into.push(item[0]);
    else if (Array.isArray(item) && item[0] === 'c') {
      if (isDoc(item[4])) into.push(item[4]);
      readingOrder(item[3], into);
    }
  }
  return into;
}

// The docs before and after n in its sidebar (what a reader opens next: prefetched when idle).
export function neighboursOf(n) {
  const all = sidebars();
  for (let i = 0; i < all.length; i += 1) {
    if (!orders.has(i)) orders.set(i, readingOrder(all[i]));
    const order = orders.get(i);
    const at = order.indexOf(n);
    if (at >= 0) return [order[at + 1], order[at - 1]].filter((m) => m !== undefined);
  }
  return [n + 1, n - 1].filter(isDoc);
}

function sidebars() {
  const all = state.catalog && Array.isArray(state.catalog.sidebars) ? state.catalog.sidebars : [];
  return all.length ? all : [[]];
}

function docLink(n, label) {
  const a = link(label || docLabel(n), docHref(n));
  a.dataset.n = String(n);
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
  const [, label, collapsed, items, n] = item;
  const li = make('li', 'site-cat');
  li.fmItems = Array.isArray(items) ? items : [];
  li.fmOpen = opened;
  const row = make('div', 'site-cat-row');
  const button = make('button', 'site-cat-toggle');
  button.type = 'button';
  if (isDoc(n)) {
    row.append(docLink(n, String(label)), button);
    button.setAttribute('aria-label', String(label));
  } else {
    button.append(make('span', 'site-cat-label', String(label)));
    row.append(button);
  }
  li.append(row);
  button.addEventListener('click', () => toggle(li, button.getAttribute('aria-expanded') !== 'true'));
  toggle(li, opened.has(item) || !collapsed);
  return li;
}

// One <ul> of items; categories in `opened` (or not collapsed) are built open, the others empty.
function buildList(items, opened) {
  const ul = make('ul', 'site-nav-list');
  for (const item of items) {
    let node = null;
    if (isDoc(item)) node = docLink(item);
    else if (Array.isArray(item) && isDoc(item[0])) node = docLink(item[0], item[1] ? String(item[1]) : '');
    else if (Array.isArray(item) && item[0] === 'c') {
      ul.append(category(item, opened));
      continue;
    } else if (Array.isArray(item) && item[0] === 'l') node = link(String(item[1]), String(item[2]));
    if (!node) continue;
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

// Shows the sidebar for the target ({ n } | { local } | null): the right sidebar, its categories
// opened down to the doc, the doc's link marked.
export function showInSidebar(target) {
  const all = sidebars();
  let which = 0;
  let path = null;
  if (target && isDoc(target.n)) {
    for (let i = 0; i < all.length && !path; i += 1) {
      path = pathTo(all[i], target.n);
      if (path) which = i;
    }
  }
  const opened = new Set(path || []);
  if (which !== nav.sidebar || el.siteNav.dataset.locals !== String(state.local.length)) {
    nav.sidebar = which;
    nav.list = buildList(all[which], opened);
    el.siteNav.replaceChildren(make('h2', 'site-nav-title', 'Articles'), nav.list, ...localGroup());
    el.siteNav.dataset.locals = String(state.local.length);
  } else {
    openPath(nav.list, path || []);
  }
  mark(target);
}

// Opens the categories of path (outermost first), building each level as needed.
function openPath(list, path) {
  let ul = list;
  for (const item of path) {
    const li = [...ul.children].find((c) => c.fmItems === item[3]);
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

// The shown article's headings under its sidebar link (at most TOC_MAX, two levels).
export function showToc(target, toc) {
  nav.toc?.remove();
  nav.toc = null;
  if (!nav.current || !Array.isArray(toc)) return;
  let top = Infinity;
  for (const t of toc) if (t.id && t.level < top) top = t.level;  // a loop: never spread a huge array
  const list = make('ul', 'site-toc');
  let count = 0;
  for (const t of toc) {
    if (count === TOC_MAX) break;
    if (!t.id || t.level > top + 1) continue;
    const li = make('li', t.level > top ? 'site-toc-sub' : '');
    li.append(link(t.text, hereHref(target, t.id)));
    list.append(li);
    count += 1;
  }
  if (!count) return;
  nav.toc = list;
  const holder = nav.current.closest('.site-cat-row') || nav.current;
  holder.after(list);
}
