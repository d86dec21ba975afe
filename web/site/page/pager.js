// Previous / next links under the article, in the reading order of the sidebar that holds it.
import { link, make } from './dom.js';
import { docLabel, el } from './state.js';
import { docHref } from './router.js';
import { placeOf, readingOrder } from './sidebar-order.js';

function pagerLink(entry, rel, text) {
  const a = link('', docHref(entry.n));
  a.className = `site-pager-${rel}`;
  a.rel = rel;
  a.append(make('span', 'site-pager-dir', text), make('span', 'site-pager-label', docLabel(entry.n)));
  return a;
}

/** Appends the pager for doc n to the shown article (nothing when the doc is in no sidebar). */
export function showPager(n) {
  el.siteArticle.querySelector('.site-pager')?.remove();
  const place = placeOf(n);
  if (!place) return;
  const order = readingOrder(place.sidebar);
  const i = order.findIndex((e) => e.n === n);
  if (i < 0) return;
  const nav = make('nav', 'site-pager');
  nav.setAttribute('aria-label', 'Previous and next articles');
  if (i > 0) nav.append(pagerLink(order[i - 1], 'prev', 'Previous'));
  if (i < order.length - 1) nav.append(pagerLink(order[i + 1], 'next', 'Next'));
  if (nav.children.length) el.siteArticle.append(nav);
}
