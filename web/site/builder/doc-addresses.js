// Which doc a link names, by the rules Docusaurus applies, so that a tree moved over keeps every
// link it had. A file path (…/x.md, …/x.mdx) is looked up from the linking file's folder, the docs
// root or the site folder, in Docusaurus' order for its form (`./x.md`, `x.md`, `/x.md`,
// `@site/x.md`). A URL path is resolved against the linking doc's own URL, its permalink
// /<routeBasePath>/<slug>: folder index pages and `trailingSlash: true` end it with '/', so
// `alert` from /docs/components/button is /docs/components/alert, from /docs/components/ it is
// /docs/components/alert too, and from /docs/components/button/ it is /docs/components/button/alert.
// `/<routeBasePath>/next/<id>` (the current version's URL in a versioned site) is the doc itself.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isFolderIndex, metaText } from '../shared/doc-names.js';
import { decodeComponent as safeDecode } from '../shared/text.js';

const CURRENT_VERSION = 'next';
const trimSlashes = (path) => path.replace(/^\/+|\/+$/g, '');

/**
 * routeBasePath: the docs plugin's (config); undefined when no config names it: then both
 * /docs/<url> and /<url> name a doc, as the two layouts Docusaurus sites use. siteDir: the folder
 * `/x.md` and `@site/x.md` fall back to (default: the docs folder's parent, where a site keeps
 * docs/). trailingSlash: the site config's (true, false or undefined).
 */
export class DocAddresses {
  constructor(docs, { docsRoot, siteDir = dirname(docsRoot), routeBasePath, trailingSlash } = {}) {
    this.docsRoot = docsRoot;
    this.siteDir = siteDir;
    this.trailingSlash = trailingSlash;
    this.bases = routeBasePath === undefined ? ['docs', ''] : [trimSlashes(String(routeBasePath))];
    this.byRel = new Map(docs.map((d) => [d.rel, d]));
    this.byUrl = new Map();
    for (const d of docs) if (!this.byUrl.has(d.url)) this.byUrl.set(d.url, d);
  }

  /** The doc's URL path as Docusaurus serves it, e.g. '/docs/guides/' or '/docs/guides/install'. */
  permalink(doc) {
    const path = `/${[this.bases[0], doc.url].filter(Boolean).join('/')}`;
    if (path === '/' || this.trailingSlash === false) return path;
    const slug = metaText(doc.meta?.slug);
    const folderPage = slug ? slug.endsWith('/') : isFolderIndex(doc.rel.split('/').pop(), doc.dir.split('/').pop());
    return this.trailingSlash === true || folderPage || doc.url === '' ? `${path}/` : path;
  }

  /** The doc a file path (percent-decoded, without #anchor or ?query) names, or undefined. */
  fileTarget(doc, path) {
    const fromHere = resolve(this.docsRoot, ...doc.dir.split('/'));
    let places;
    if (path.startsWith('@site/')) places = [resolve(this.siteDir, path.slice(6))];
    else if (path.startsWith('/')) places = [this.docsRoot, this.siteDir].map((dir) => resolve(dir, `.${path}`));
    else if (path.startsWith('./') || path.startsWith('../')) places = [resolve(fromHere, path)];
    else places = [fromHere, this.docsRoot, this.siteDir].map((dir) => resolve(dir, path));
    for (const place of places) {
      const rel = relative(this.docsRoot, place);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
      const target = this.byRel.get(rel.split(sep).join('/'));
      if (target) return target;
    }
    return undefined;
  }

  /** The doc a URL path (as written, without #anchor) names from doc's page, or undefined. */
  urlTarget(doc, pathPart) {
    return this.targetFrom(this.permalink(doc), pathPart);
  }

  /** The doc a URL path names from the site's root (a sidebar link's href), or undefined. */
  siteTarget(pathPart) {
    return this.targetFrom('/', pathPart);
  }

  targetFrom(page, pathPart) {
    let pathname;
    try {
      pathname = new URL(pathPart, `http://site${encodeURI(page)}`).pathname;
    } catch {
      return undefined;
    }
    const clean = trimSlashes(safeDecode(pathname).replace(/\/index\.html$|\.html$/, ''));
    for (const base of this.bases) {
      if (base && clean !== base && !clean.startsWith(`${base}/`)) continue;
      const rest = base ? trimSlashes(clean.slice(base.length)) : clean;
      const target =
        this.byUrl.get(rest) ??
        (rest === CURRENT_VERSION || rest.startsWith(`${CURRENT_VERSION}/`)
          ? this.byUrl.get(trimSlashes(rest.slice(CURRENT_VERSION.length)))
          : undefined);
      if (target) return target;
    }
    return undefined;
  }
}
