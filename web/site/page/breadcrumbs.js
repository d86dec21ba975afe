// Breadcrumbs above the article for docs inside categories: each category (a link when it has its
// own doc), then the doc itself.
import { link, make } from './dom.js';
import { docLabel, el, placeOf } from './state.js';
import { docHref } from './router.js';

/** Puts the trail for doc n before the shown article (nothing for a top-level doc). */
export function showBreadcrumbs(n) {
  el.siteArticle.querySelector('.site-breadcrumbs')?.remove();
  const place = placeOf(n);
  if (!place || !place.categories.length) return;
  const nav = make('nav', 'site-breadcrumbs');
  nav.setAttribute('aria-label', 'Breadcrumbs');
  const list = make('ol');
  for (const category of place.categories) {
    const li = make('li');
    const own = category.doc;
    li.append(own !== undefined && own !== n ? link(category.label, docHref(own)) : make('span', '', category.label));
    list.append(li);
  }
  const here = make('li', '', docLabel(n));
  here.setAttribute('aria-current', 'page');
  list.append(here);
  nav.append(list);
  el.siteArticle.prepend(nav);
}

export const breadcrumbs = { onArticle: ({ target }) => showBreadcrumbs(target.n) };
