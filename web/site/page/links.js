// Applies a doc's `links` (build/links.js) to a rendered article before it is in the document, so
// that no image starts loading from an address the builder did not check:
//   [m, heading] → the route of doc m; 'path' → an asset relative to the site root;
//   null → broken (<a class="fm-broken-link"> without href, <img> without src). Protocol-relative '//host/x' becomes
//   'https://host/x', never a file://host request.
import { docCount, state } from './state.js';
import { docHref } from './router.js';

function mapped(value, links) {
  if (Object.hasOwn(links, value)) {
    const to = links[value];
    if (to === null) return { broken: true };
    if (typeof to === 'string') return { url: new URL(to.split('/').map(encodeURIComponent).join('/'), state.rootUrl).href };
    if (Array.isArray(to) && Number.isInteger(to[0]) && to[0] >= 0 && to[0] < docCount()) {
      return { url: docHref(to[0], typeof to[1] === 'string' ? to[1] : '') };
    }
    return { broken: true };
  }
  if (value.startsWith('//')) return { url: `https:${value}` };
  return null;
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
