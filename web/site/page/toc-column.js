// "On this page": the shown article's headings in a column beside it on wide screens (CSS shows it
// from 1200 px). The entry of the heading being read is marked as the reader scrolls (one
// rAF-throttled scroll listener); a click
// goes through the router, which opens the collapsed item holding that heading.
import { tocEntries } from '../shared/toc.js';
import { link, make } from './dom.js';
import { el } from './state.js';
import { hereHref } from './router.js';
import { deliveredDoc } from './loader.js';

const MAX = 200;
let column = null;
let stop = null; // removes the scroll listener of the previous article

function ensureColumn() {
  if (column) return column;
  column = make('aside', 'site-onpage');
  column.setAttribute('aria-labelledby', 'siteOnPageTitle');
  const title = make('h2', 'site-onpage-title', 'On this page');
  title.id = 'siteOnPageTitle';
  column.append(title, make('ul', 'site-onpage-list'));
  column.addEventListener('click', pin);
  el.siteMain.after(column);
  return column;
}

function setCurrent(id) {
  for (const a of column.querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
  column.querySelector(`a[data-id="${CSS.escape(id)}"]`)?.setAttribute('aria-current', 'location');
}

let pinned = ''; // the entry the reader chose in the column, until they scroll themselves

// The heading being read: the last one above the top quarter of the window.
function currentHeading(headings) {
  if (pinned) return headings.find((h) => h.id === pinned) || null;
  const shown = headings.filter((h) => h.getClientRects().length);
  if (!shown.length) return null;
  let current = shown[0];
  for (const h of shown) if (h.getBoundingClientRect().top <= innerHeight / 4) current = h;
  return current;
}

function follow(headings) {
  stop?.();
  let queued = false;
  const update = () => {
    queued = false;
    const h = currentHeading(headings);
    if (h) setCurrent(h.id);
  };
  const onScroll = () => {
    if (!queued) requestAnimationFrame(update);
    queued = true;
  };
  addEventListener('scroll', onScroll, { passive: true });
  el.siteArticle.addEventListener('toggle', onScroll, true); // an item opened or closed
  stop = () => {
    removeEventListener('scroll', onScroll);
    el.siteArticle.removeEventListener('toggle', onScroll, true);
  };
  update();
}

/**
 * Fills the column from the shown article's TOC (the core's, shared/toc.js: the sidebar's rule);
 * hidden when it lists fewer than two headings, or the doc's front matter hides it
 * (hide_table_of_contents).
 */
export function showOnPage(target, toc) {
  const box = ensureColumn();
  const list = box.querySelector('.site-onpage-list');
  const entries = [];
  const headings = [];
  const doc = Number.isInteger(target.n) ? deliveredDoc(target.n) : null;
  for (const t of doc?.hideToc ? [] : tocEntries(toc, MAX, doc?.tocLevels)) {
    const h = el.siteArticle.querySelector(`.fm-article [id="${CSS.escape(t.id)}"]`);
    if (!h) continue;
    entries.push(t);
    headings.push(h);
  }
  list.replaceChildren(
    ...entries.map((t) => {
      const li = make('li', t.sub ? 'site-onpage-sub' : '');
      const a = link(t.text, hereHref(target, t.id));
      a.dataset.id = t.id;
      li.append(a);
      return li;
    }),
  );
  box.hidden = headings.length < 2;
  pinned = '';
  if (!box.hidden) follow(headings);
}

// A short last section never reaches the top: the chosen entry stays marked until the reader
// scrolls by wheel, touch or keys.
function pin(event) {
  const a = event.target.closest('a[data-id]');
  if (a) pinned = a.dataset.id;
}
const unpin = () => {
  pinned = '';
};
for (const type of ['wheel', 'touchmove', 'keydown']) addEventListener(type, unpin, { passive: true });

export function hideOnPage() {
  if (column) column.hidden = true;
  stop?.();
  stop = null;
}

// A feature (features.js): the column of each article of the site, hidden for anything else.
export const onPage = {
  onArticle({ target, toc, fresh, article }) {
    if (!fresh) return;
    if (article && Number.isInteger(target?.n)) showOnPage(target, toc);
    else hideOnPage();
  },
};
