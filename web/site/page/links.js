// Applies a doc's `links` (shared/hrefs.js linkTarget, as the builder does in prerendered pages)
// to a rendered article before it is in the document, so that no image starts loading from an
// address the builder did not check: a broken one is <a class="fm-broken-link"> without href,
// <img> without src.
import { encodePath, linkTarget } from '../shared/hrefs.js';
import { isDoc, state } from './state.js';
import { docHref } from './router.js';

function mapped(value, links) {
  const to = linkTarget(links, value);
  if (!to || to.broken || to.url) return to;
  if (to.asset !== undefined) return { url: new URL(encodePath(to.asset), state.rootUrl).href };
  return isDoc(to.doc) ? { url: docHref(to.doc, to.heading) } : { broken: true };
}

function apply(node, attribute, links) {
  const result = mapped(node.getAttribute(attribute), links);
  if (!result) return;
  if (result.broken) {
    node.removeAttribute(attribute);
    if (attribute === 'href') node.classList.add('fm-broken-link');
  } else node.setAttribute(attribute, result.url);
}

export function applyLinks(fragment, links = {}) {
  for (const a of fragment.querySelectorAll('a[href]')) apply(a, 'href', links);
  for (const img of fragment.querySelectorAll('img[src]')) apply(img, 'src', links);
}
