// The navbar (a Docusaurus config's, or a switcher of every sidebar) and the footer, from the
// catalog (shared/chrome.js). A sidebar item opens its sidebar's first doc and is marked while a
// doc of that sidebar is shown; doc items open their doc; dropdowns open by click or keyboard and
// close on Escape, a choice or a click elsewhere. Below 900 px the navbar moves into the drawer
// (drawer.js), above the sidebar; it comes back to the header when the window widens.
import { decodeFooter, decodeNavbar } from '../shared/chrome.js';
import { link, make } from './dom.js';
import { docHref } from './router.js';
import { el, isDoc, learnDocs, sidebars, state } from './state.js';
import { shownSidebar } from './sidebar.js';

const NARROW = '(max-width: 899.98px)';
const bar = { nav: null, items: [] }; // items: [{ item, node }] of the navbar, dropdowns' included
let dropdowns = 0;

function itemLink(item) {
  if (item.kind === 'link') {
    const a = link(item.label, item.href);
    if (/^https?:/i.test(item.href)) a.rel = 'noopener';
    return a;
  }
  const a = link(item.label, docHref(item.doc, item.heading ?? ''));
  a.dataset.doc = String(item.doc); // not data-n: that marks the sidebar's own links (sidebar.js)
  return a;
}

function closeAll(except) {
  for (const button of bar.nav?.querySelectorAll('.site-navbar-dropdown > button') ?? []) {
    if (button !== except) setOpen(button, false);
  }
}

function setOpen(button, open) {
  button.setAttribute('aria-expanded', String(open));
  document.getElementById(button.getAttribute('aria-controls')).hidden = !open;
}

function dropdown(item) {
  const li = make('li', 'site-navbar-dropdown');
  const button = make('button', '', item.label);
  button.type = 'button';
  const list = make('ul', 'site-navbar-menu');
  list.id = `siteNavbarMenu${dropdowns++}`;
  list.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', list.id);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    closeAll(button);
    setOpen(button, open);
    if (open) list.querySelector('a')?.focus();
  });
  for (const inner of item.items) {
    const entry = make('li');
    const a = itemLink(inner);
    bar.items.push({ item: inner, node: a });
    entry.append(a);
    list.append(entry);
  }
  li.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    event.stopPropagation(); // the drawer's Escape is for the drawer, not for this menu
    setOpen(button, false);
    button.focus();
  });
  li.addEventListener('focusout', (event) => {
    if (!li.contains(event.relatedTarget)) setOpen(button, false);
  });
  li.append(button, list);
  return li;
}

function buildNavbar(navbar) {
  const nav = make('nav', 'site-navbar');
  nav.id = 'siteNavbar';
  nav.setAttribute('aria-label', 'Main');
  const lists = { left: make('ul', 'site-navbar-items'), right: make('ul', 'site-navbar-items site-navbar-right') };
  for (const item of navbar.items) {
    if (item.kind === 'dropdown') {
      lists[item.position].append(dropdown(item));
      continue;
    }
    const li = make('li');
    const a = itemLink(item);
    bar.items.push({ item, node: a });
    li.append(a);
    lists[item.position].append(li);
  }
  nav.append(...Object.values(lists).filter((l) => l.children.length));
  nav.addEventListener('click', (event) => {
    if (event.target.closest('a[href]')) closeAll();
  });
  document.addEventListener('click', (event) => {
    if (!nav.contains(event.target)) closeAll();
  });
  return nav;
}

// The header's site name shows the navbar's logo and title, as Docusaurus's navbar brand does.
function brand(navbar) {
  const name = document.querySelector('.site-name');
  if (!name || (!navbar.logo && !navbar.title)) return;
  const parts = [];
  if (navbar.logo) {
    const img = make('img', 'site-logo');
    img.src = new URL(navbar.logo.src, state.rootUrl).href;
    img.alt = navbar.logo.alt;
    parts.push(img);
  }
  if (navbar.title) parts.push(make('span', '', navbar.title));
  name.replaceChildren(...parts);
  if (!navbar.title) name.setAttribute('aria-label', state.siteTitle);
}

// In the header, or at the top of the drawer on narrow screens.
function place() {
  if (!bar.nav) return;
  if (matchMedia(NARROW).matches) {
    if (bar.nav.parentElement !== el.siteNav) el.siteNav.prepend(bar.nav);
  } else {
    const header = document.getElementById('siteHeader');
    const after = header?.querySelector('.site-name');
    if (after && bar.nav.previousElementSibling !== after) after.after(bar.nav);
  }
}

function buildFooter(footer) {
  const node = make('footer', 'site-footer');
  for (const column of footer.columns) {
    const section = make('div', 'site-footer-column');
    if (column.title) section.append(make('p', 'site-footer-title', column.title));
    const ul = make('ul');
    for (const item of column.items.flatMap((i) => (i.kind === 'dropdown' ? i.items : [i]))) {
      const li = make('li');
      li.append(itemLink(item));
      ul.append(li);
    }
    section.append(ul);
    node.append(section);
  }
  if (footer.copyright) node.append(make('p', 'site-footer-copyright', footer.copyright));
  return node;
}

// The entries the navbar's doc items brought: their hrefs need no parse of the catalog's doc list.
function learn(raw) {
  const refs = {};
  const visit = (items) => {
    for (const i of Array.isArray(items) ? items : []) {
      if (i && Number.isInteger(i.doc) && Array.isArray(i.entry)) refs[i.doc] = i.entry;
      if (i && Array.isArray(i.items)) visit(i.items);
    }
  };
  visit(raw?.items);
  for (const c of Array.isArray(raw?.columns) ? raw.columns : []) visit(c?.items);
  learnDocs(refs);
}

function wire() {
  const { catalog } = state;
  const count = sidebars().length;
  learn(catalog.navbar);
  learn(catalog.footer);
  const navbar = decodeNavbar(catalog.navbar, isDoc, count);
  const footer = decodeFooter(catalog.footer, isDoc, count);
  if (navbar) {
    brand(navbar);
    if (navbar.items.length) {
      bar.nav = buildNavbar(navbar);
      place();
      matchMedia(NARROW).addEventListener('change', place);
    }
  }
  if (footer && (footer.columns.length || footer.copyright)) document.body.append(buildFooter(footer));
}

// Marks the sidebar item of the shown doc's sidebar and the shown doc's own item.
function onArticle({ target }) {
  const n = target && Number.isInteger(target.n) ? target.n : null;
  const shown = n === null ? -1 : shownSidebar(n);
  for (const { item, node } of bar.items) {
    const current = item.kind === 'sidebar' ? item.sidebar === shown : item.kind === 'doc' && item.doc === n;
    if (current) node.setAttribute('aria-current', item.kind === 'sidebar' ? 'true' : 'page');
    else node.removeAttribute('aria-current');
  }
}

export const navbar = { wire, onArticle };
