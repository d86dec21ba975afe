// The reading features, wired once the catalog is there: search and the marks of searched words,
// code blocks, and around each shown article its breadcrumbs, "On this page" column, edit link and
// previous/next links. main.js calls one hook, so the page's start-up does not list each feature.
import { el, state } from './state.js';
import { messageOf, say } from './dom.js';
import { wireSearch } from './search.js';
import { wireMarks } from './marks.js';
import { wireCode } from './code.js';
import { showBreadcrumbs } from './breadcrumbs.js';
import { showPager } from './pager.js';
import { hideOnPage, showOnPage } from './toc-column.js';
import { showEditLink } from './edit-link.js';
import { wireDrawer } from './drawer.js';

function surround(target) {
  if (!target || !Number.isInteger(target.n) || !el.siteArticle.querySelector('.fm-article')) {
    hideOnPage();
    return;
  }
  try {
    showBreadcrumbs(target.n);
    showOnPage(target);
    showEditLink(target.n);
    showPager(target.n);
  } catch (err) {
    say(`The article's surroundings could not be shown: ${messageOf(err)}`);
  }
}

export function wireReading() {
  wireMarks();
  wireCode();
  wireDrawer();
  document.addEventListener('foldmark:article', (event) => { if (event.detail.fresh) surround(event.detail.target); });
  if (state.current) surround(state.current);  // a prerendered article was shown before the catalog
  wireSearch();
}
