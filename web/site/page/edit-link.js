// "Edit this page" under the article when the site was built with --edit-url: catalog.editUrl +
// the doc's source path (the doc script's `path`), like Docusaurus's editUrl.
import { encodePath } from '../shared/hrefs.js';
import { link, make } from './dom.js';
import { el, state } from './state.js';
import { loadDoc } from './loader.js';

/** Adds the link for doc n after the article (before the pager), when the site has an edit URL. */
export async function showEditLink(n) {
  el.siteArticle.querySelector('.site-edit')?.remove();
  const base = state.catalog && typeof state.catalog.editUrl === 'string' ? state.catalog.editUrl : '';
  if (!/^https?:\/\//.test(base)) return;
  let doc;
  try {
    doc = await loadDoc(n);
  } catch {
    return; // the article shows its own error
  }
  if (!doc.path || !state.current || state.current.n !== n) return;
  const p = make('p', 'site-edit');
  const a = link('Edit this page', base + encodePath(doc.path));
  a.rel = 'noopener';
  p.append(a);
  const article = el.siteArticle.querySelector('.fm-article');
  if (article) article.after(p);
}

export const editLink = {
  onArticle: ({ target }) => {
    showEditLink(target.n);
  },
};
