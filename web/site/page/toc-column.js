// "On this page": the shown article's headings in a column beside it on wide screens (CSS shows it
// from 1200 px). The entry of the heading being read is marked as the reader scrolls (one
// rAF-throttled scroll listener); a click
// goes through the router, which opens the collapsed item holding that heading.
import { link, make } from './dom.js';
import { el } from './state.js';
import { hereHref } from './router.js';

const MAX = 200;
let column = null;
let stop = null;  // removes the scroll listener of the previous article

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

// The heading being read: the last one above the top quarter of the window, or the last one shown
// when the page is scrolled to its end (a short last section never reaches the top).
function currentHeading(headings) {
  const shown = headings.filter((h) => h.getClientRects().length);
  if (!shown.length) return null;
  if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) {
    const onScreen = shown.filter((h) => h.getBoundingClientRect().top < innerHeight);
    if (onScreen.length) return onScreen[onScreen.length - 1];
  }
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
  el.siteArticle.addEventListener('toggle', onScroll, true);  // an item opened or closed
  stop = () => {
    removeEventListener('scroll', onScroll);
    el.siteArticle.removeEventListener('toggle', onScroll, true);
  };
  update();
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
  if (!box.hidden) follow(headings);
}

export function hideOnPage() {
  if (column) column.hidden = true;
  stop?.();
  stop = null;
}
