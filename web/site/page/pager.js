// Previous / next links under the article, in the reading order of the sidebar that holds it.
import { link, make } from './dom.js';
import { docCount, docLabel, el } from './state.js';
import { deliveredDoc } from './loader.js';
import { docHref } from './router.js';
import { placeOf, readingOrder } from './sidebar-order.js';

function pagerLink(entry, rel, text) {
  const a = link('', docHref(entry.n));
  a.className = `site-pager-${rel}`;
  a.rel = rel;
  a.append(make('span', 'site-pager-dir', text), make('span', 'site-pager-label', docLabel(entry.n)));
  return a;
}

// [previous, next] of doc n (undefined: none): from its doc script when the builder wrote them
// (walking a 10,000-doc sidebar costs the first article milliseconds), else from the sidebar.
function neighbours(n) {
  const near = deliveredDoc(n)?.near;
  if (near) return near.map((m) => (m >= 0 && m < docCount() ? { n: m } : undefined));
  const place = placeOf(n);
  if (!place) return [];
  const order = readingOrder(place.sidebar);
  const i = order.findIndex((e) => e.n === n);
  return i < 0 ? [] : [order[i - 1], order[i + 1]];
}

/** Appends the pager for doc n to the shown article (nothing when the doc is in no sidebar). */
export function showPager(n) {
  el.siteArticle.querySelector('.site-pager')?.remove();
  const [prev, next] = neighbours(n);
  if (!prev && !next) return;
  const nav = make('nav', 'site-pager');
  nav.setAttribute('aria-label', 'Previous and next articles');
  if (prev) nav.append(pagerLink(prev, 'prev', 'Previous'));
  if (next) nav.append(pagerLink(next, 'next', 'Next'));
  el.siteArticle.append(nav);
}
