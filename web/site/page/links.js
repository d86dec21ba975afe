// Applies a doc's `links` (shared/hrefs.js linkTarget and articleHref, as the builder does in
// prerendered pages) to a rendered article before it is in the document, so that no image starts
// loading from an address the builder did not check: a broken one is <a class="fm-broken-link">
// without href, <img> without src. A link to a heading of the article itself becomes its address
// here (router.js hereHref), so it scrolls within the article and is never read as a route.
import { articleHref, encodePath, linkTarget } from '../shared/hrefs.js';
import { isDoc, state } from './state.js';
import { docHref, hereHref } from './router.js';

function apply(node, attribute, links, at) {
  const to = linkTarget(links, node.getAttribute(attribute));
  if (!to) return;
  const href = articleHref(to, at);
  if (href === null) {
    node.removeAttribute(attribute);
    if (attribute === 'href') node.classList.add('fm-broken-link');
  } else node.setAttribute(attribute, href);
}

/** target: the { n } or { local } the article is (docview.js). */
export function applyLinks(fragment, links, target) {
  const at = {
    self: target.n,
    isDoc,
    docHref,
    selfHref: (heading) => hereHref(target, heading),
    assetHref: (path) => new URL(encodePath(path), state.rootUrl).href,
  };
  for (const a of fragment.querySelectorAll('a[href]')) apply(a, 'href', links, at);
  for (const img of fragment.querySelectorAll('img[src]')) apply(img, 'src', links, at);
}
