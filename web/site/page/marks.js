// Marks the searched words in the section a search result opened: the address carries them as
// ?hl=…; once the article is shown they are wrapped in <mark class="site-hit"> between the section's
// heading and the next heading, and ?hl= leaves the address (the marks stay until the next show).
import { decodeComponent } from '../shared/text.js';
import { el } from './state.js';
import { termsPattern } from './search-text.js';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

// The text nodes from the heading (included) to the next heading, in document order.
function sectionTextNodes(article, heading) {
  const headings = [...article.querySelectorAll(HEADINGS)];
  const start = heading || null;
  const after = start ? headings.slice(headings.indexOf(start) + 1) : headings.filter((h) => h.id);
  const end = after.find((h) => !start || !start.contains(h)) || null;
  const nodes = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (start && !(start.contains(node) || start.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING))
      continue;
    if (end && (end.contains(node) || end.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    if (node.parentElement.closest('script, style, .site-copy')) continue;
    nodes.push(node);
  }
  return nodes;
}

function wrap(node, pattern) {
  const text = node.nodeValue;
  const matches = [...text.matchAll(pattern)];
  if (!matches.length) return 0;
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const m of matches) {
    if (m.index > last) fragment.append(text.slice(last, m.index));
    const mark = document.createElement('mark');
    mark.className = 'site-hit';
    mark.textContent = m[0];
    fragment.append(mark);
    last = m.index + m[0].length;
  }
  if (last < text.length) fragment.append(text.slice(last));
  node.replaceWith(fragment);
  return matches.length;
}

/** Marks terms in the section of headingId ('' = before the first heading); returns the count. */
export function markSection(terms, headingId) {
  const article = el.siteArticle.querySelector('.fm-article') || el.siteArticle;
  const pattern = termsPattern(terms);
  if (!pattern) return 0;
  for (const old of article.querySelectorAll('mark.site-hit')) old.replaceWith(...old.childNodes);
  article.normalize();
  const heading = headingId ? article.querySelector(`[id="${CSS.escape(headingId)}"]`) : null;
  if (headingId && !heading) return 0;
  let count = 0;
  for (const node of sectionTextNodes(article, heading)) count += wrap(node, pattern);
  return count;
}

// A feature (features.js): on every show, not on the replay of one shown before it was wired (a
// prerendered page, rendered again by the renderer's take-over, which is shown then).
export const marks = {
  onArticle({ heading: shown, replay }) {
    if (replay) return;
    const url = new URL(location.href);
    const words = url.searchParams.get('hl');
    if (words === null) return;
    // A per-doc page's own #heading is the exact section (the renderer's take-over only knows the item).
    const own = location.hash.length > 1 && !location.hash.startsWith('#/');
    const heading = own ? decodeComponent(location.hash.slice(1), shown) : shown;
    markSection(words.split(/\s+/).filter(Boolean), heading);
    url.searchParams.delete('hl');
    history.replaceState(history.state, '', url.href);
  },
};
