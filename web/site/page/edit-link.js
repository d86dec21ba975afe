// "Edit this page" under the article when the site was built with --edit-url: catalog.editUrl +
// the doc's source path (the doc script's `path`), like Docusaurus's editUrl; a doc's front matter
// custom_edit_url replaces it (null: no link). Beside it, the doc's front matter last_update
// ("Last updated on DATE by AUTHOR").
import { encodePath } from '../shared/hrefs.js';
import { link, make } from './dom.js';
import { el, state } from './state.js';
import { loadDoc } from './loader.js';

function editHref(doc) {
  if (Object.hasOwn(doc, 'editUrl')) return typeof doc.editUrl === 'string' ? doc.editUrl : '';
  const base = state.catalog && typeof state.catalog.editUrl === 'string' ? state.catalog.editUrl : '';
  return base && doc.path ? base + encodePath(doc.path) : '';
}

function lastUpdated(doc) {
  const u = doc.lastUpdate;
  if (!u || typeof u !== 'object') return '';
  const date = typeof u.date === 'string' ? u.date : '';
  const author = typeof u.author === 'string' ? u.author : '';
  if (!date && !author) return '';
  return `Last updated${date ? ` on ${date}` : ''}${author ? ` by ${author}` : ''}`;
}

/** Adds the edit link and last-updated line for doc n after the article (before the pager). */
export async function showEditLink(n) {
  el.siteArticle.querySelector('.site-edit')?.remove();
  let doc;
  try {
    doc = await loadDoc(n);
  } catch {
    return; // the article shows its own error
  }
  if (!state.current || state.current.n !== n) return;
  const href = editHref(doc);
  const updated = lastUpdated(doc);
  if (!/^https?:\/\//.test(href) && !updated) return;
  const p = make('p', 'site-edit');
  if (/^https?:\/\//.test(href)) {
    const a = link('Edit this page', href);
    a.rel = 'noopener';
    p.append(a);
  }
  if (updated) p.append(make('span', 'site-last-update', updated));
  const article = el.siteArticle.querySelector('.fm-article');
  if (article) article.after(p);
}

export const editLink = {
  onArticle: ({ target }) => {
    showEditLink(target.n);
  },
};
