// The features around the shown article, wired once the catalog is there (features.js): search
// and the marks of searched words, diagrams, math, code blocks, the phone drawer, the navbar and footer,
// the sidebar's table of contents,
// and around each article its breadcrumbs, "On this page" column, edit link and previous/next
// links. A new feature is a module exporting { wire?, onArticle } and one line here.
import { search } from './search.js';
import { marks } from './marks.js';
import { code } from './code.js';
import { diagrams } from './diagrams.js';
import { math } from './math.js';
import { drawer } from './drawer.js';
import { navbar } from './navbar.js';
import { sidebarToc } from './sidebar.js';
import { breadcrumbs } from './breadcrumbs.js';
import { onPage } from './toc-column.js';
import { editLink } from './edit-link.js';
import { pager } from './pager.js';

// Features of a doc of the site's own, shown without error: not of a local file or an error box.
const aroundDocs = (feature) => ({
  onArticle: (detail) => {
    if (detail.fresh && detail.article && Number.isInteger(detail.target?.n)) feature.onArticle(detail);
  },
});

export const FEATURES = [
  marks,
  diagrams,
  math,
  code,
  drawer,
  navbar,
  sidebarToc,
  aroundDocs(breadcrumbs),
  onPage,
  aroundDocs(editLink),
  aroundDocs(pager),
  search,
];
