// "On this page": the shown article's headings in a column beside it on wide screens (CSS shows it
// from 1200 px). The entry of the heading being read is marked as the reader scrolls; a click
// goes through the router, which opens the collapsed item holding that heading.
import { link, make } from './dom.js';
import { el } from './state.js';
import { hereHref } from './router.js';

const MAX = 200;
let column = null;
let observer = null;

function ensureColumn() {
  if (column) return column;
  column = make('aside', 'site-onpage');
  column.setAttribute('aria-labelledby', 'siteOnPageTitle');
  const title = make('h2', 'site-onpage-title', 'On this page');
  title.id = 'siteOnPageTitle';
  column.append(title, make('ul', 'site-onpage-list'));
  el.siteMain.after(column);
  return column;
}

function setCurrent(id) {
  for (const a of column.querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
  column.querySelector(`a[data-id="${CSS.escape(id)}"]`)?.setAttribute('aria-current', 'location');
}

// The heading nearest above the top quarter of the viewport is the one being read.
function follow(headings) {
  observer?.disconnect();
  const visible = new Map();
  observer = new IntersectionObserver((entries) => {
    for (const e of entries) visible.set(e.target, e.isIntersecting);
    const shown = headings.filter((h) => h.getClientRects().length);
    const line = innerHeight / 4;
    let current = shown[0];
    for (const h of shown) if (h.getBoundingClientRect().top <= line) current = h;
    if (current) setCurrent(current.id);
  }, { rootMargin: '0px 0px -60% 0px' });
  for (const h of headings) observer.observe(h);
}

/** Fills the column from the shown article's h2/h3 headings (hidden when there are none). */
export function showOnPage(target) {
  const box = ensureColumn();
  const list = box.querySelector('.site-onpage-list');
  const headings = [...el.siteArticle.querySelectorAll('.fm-article :is(h2, h3)[id]')].slice(0, MAX);
  list.replaceChildren(...headings.map((h) => {
    const li = make('li', h.tagName === 'H3' ? 'site-onpage-sub' : '');
    const a = link(h.textContent, hereHref(target, h.id));
    a.dataset.id = h.id;
    li.append(a);
    return li;
  }));
  box.hidden = headings.length < 2;
  if (!box.hidden && typeof IntersectionObserver === 'function') follow(headings);
}

export function hideOnPage() {
  if (column) column.hidden = true;
  observer?.disconnect();
}
