// Previous / next links under the article, in the reading order of the sidebar that holds it.
import { neighbours as placeNeighbours } from '../shared/reading-order.js';
import { link, make } from './dom.js';
import { docLabel, el, isDoc, placeOf } from './state.js';
import { deliveredDoc } from './loader.js';
import { docHref } from './router.js';

function pagerLink(n, rel, text, label) {
  const a = link('', docHref(n));
  a.className = `site-pager-${rel}`;
  a.rel = rel;
  a.append(make('span', 'site-pager-dir', text), make('span', 'site-pager-label', label || docLabel(n)));
  return a;
}

// [previous, next] of doc n (undefined: none): from its doc script when the builder wrote them
// (walking a 10,000-doc sidebar costs the first article milliseconds), else from the sidebar.
function neighbours(n) {
  const near = deliveredDoc(n)?.near;
  if (near) return near.map((m) => (isDoc(m) ? m : undefined));
  const place = placeOf(n);
  return place ? placeNeighbours(place) : [];
}

/** Appends the pager for doc n to the shown article (nothing when the doc is in no sidebar). */
export function showPager(n) {
  el.siteArticle.querySelector('.site-pager')?.remove();
  const [prev, next] = neighbours(n);
  if (prev === undefined && next === undefined) return;
  // A neighbour's front matter pagination_label names it here (builder: data-scripts.js).
  const labels = deliveredDoc(n)?.nearLabels;
  const label = (i) => (Array.isArray(labels) && typeof labels[i] === 'string' ? labels[i] : '');
  const nav = make('nav', 'site-pager');
  nav.setAttribute('aria-label', 'Previous and next articles');
  if (prev !== undefined) nav.append(pagerLink(prev, 'prev', 'Previous', label(0)));
  if (next !== undefined) nav.append(pagerLink(next, 'next', 'Next', label(1)));
  el.siteArticle.append(nav);
}

export const pager = { onArticle: ({ target }) => showPager(target.n) };
