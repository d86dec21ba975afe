// Addresses of docs and site files, as the builder writes them into pages and the page writes them
// into the sidebar and articles. Two modes: 'hash' (#/<id>/<heading> routes, every page) and
// 'path' (<root><id>/index.html#<heading>, one page per doc, --prerender). A link from an article
// to a heading of its own (`#x`, or its own URL with #x) stays in the page: in hash mode it is
// the route #/<id>/x, so that it never reads as a route of its own and works with Back and
// Forward; in path mode it is #x, which the browser scrolls to even without JavaScript.
import { decodeComponent } from './text.js';

const encoded = new Map();
/** 'guides/install intro' → 'guides/install%20intro': each segment encoded, '/' kept. */
export function encodePath(path) {
  let out = encoded.get(path);
  if (out === undefined) {
    out = path.split('/').map(encodeURIComponent).join('/');
    if (encoded.size < 100000) encoded.set(path, out); // the builder asks for each id many times
  }
  return out;
}

/** The path from a doc's own page (<id>/index.html) back to the site root. */
export const rootOf = (id) => '../'.repeat(id.split('/').length);

/** '#/<id>' or '#/<id>/<heading>'. */
export const hashRoute = (id, heading = '') => `#/${encodePath(id)}${heading ? `/${encodeURIComponent(heading)}` : ''}`;

/** '<root><id>/index.html' or '…#<heading>'. */
export const pageHref = (root, id, heading = '') =>
  `${root}${encodePath(id)}/index.html${heading ? `#${encodeURIComponent(heading)}` : ''}`;

/** The href of a doc in a page of this mode whose root is root. */
export const docHref = (mode, root, id, heading = '') =>
  mode === 'hash' ? hashRoute(id, heading) : pageHref(root, id, heading);

/** The href of a heading of the article a page shows (in path mode, the page's own article). */
export const selfHref = (mode, root, id, heading = '') =>
  mode === 'path' && heading ? `#${encodeURIComponent(heading)}` : docHref(mode, root, id, heading);

/**
 * What a link or image of a rendered article becomes, from its attribute value and the doc's
 * links map (builder links.js): { doc, heading } | { self: true, heading } (a heading of the
 * article itself: '#x' is never a route) | { asset: path in the site } | { url } |
 * { broken: true } | null (left as written). Protocol-relative '//host/x' becomes https, never a
 * file://host request.
 */
export function linkTarget(links, value) {
  if (Object.hasOwn(links, value)) {
    const to = links[value];
    if (Array.isArray(to)) return { doc: to[0], heading: typeof to[1] === 'string' ? to[1] : '' };
    if (typeof to === 'string') return { asset: to };
    return { broken: true };
  }
  if (value.startsWith('//')) return { url: `https:${value}` };
  if (value.startsWith('#') && !value.startsWith('#/')) return { self: true, heading: decodeComponent(value.slice(1)) };
  return null;
}

/**
 * The href a link of an article becomes (to: a linkTarget answer), or null when it is broken.
 * at: { self (index of the doc the article is, undefined for a reader's own file), isDoc(n),
 * docHref(n, heading), selfHref(heading), assetHref(path) }.
 */
export function articleHref(to, at) {
  if (to.broken) return null;
  if (to.url !== undefined) return to.url;
  if (to.asset !== undefined) return at.assetHref(to.asset);
  if (to.self || to.doc === at.self) return at.selfHref(to.heading);
  return at.isDoc(to.doc) ? at.docHref(to.doc, to.heading) : null;
}
