// The HTML pages the builder writes: index.html, one page per doc (--prerender), 404.html, and
// sitemap.xml. One template (web/site/page.html); links in prerendered articles are rewritten
// exactly as the page rewrites them after rendering (shared/hrefs.js).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleHref, docHref, encodePath, linkTarget, selfHref } from '../shared/hrefs.js';
import { docScriptPath, PATHS } from '../shared/paths.js';
import { placeDocs } from '../shared/reading-order.js';
import { decodeEntities } from '../shared/text.js';
import { escapeHtml, fillTemplate, scriptSafe } from './html.js';
import { navWriter } from './nav.js';
import { pageMeta } from './page-front-matter.js';

const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const readTemplate = () => readFile(join(siteDir, 'page.html'), 'utf8');

export const baseUrl = (url) => (url.endsWith('/') ? url : `${url}/`);
// 404.html is served for any missing path, at any depth: with --base-url its assets are absolute.
export const notFoundRoot = (url) => (url ? new URL(baseUrl(url)).pathname : '');

const LINK = /<(a|img)(\s[^>]*?)\b(href|src)="([^"]*)"/g;

/**
 * A rendered article's links and images with the doc's links map applied (shared/hrefs.js
 * linkTarget and articleHref), on a page of `mode` whose root is `root`; self: the article's doc.
 */
export function rewriteLinks(html, links, { mode, root, docs, self }) {
  const at = {
    self: self.index,
    isDoc: (n) => Number.isInteger(n) && n >= 0 && n < docs.length,
    docHref: (n, heading) => docHref(mode, root, docs[n].id, heading),
    selfHref: (heading) => selfHref(mode, root, self.id, heading),
    assetHref: (path) => `${root}${encodePath(path)}`,
  };
  return html.replace(LINK, (whole, tag, between, attr, raw) => {
    const to = linkTarget(links, decodeEntities(raw));
    if (to === null) return whole;
    const href = articleHref(to, at);
    if (href === null)
      return tag === 'a' ? `<a class="fm-broken-link"${between}`.trimEnd() : `<img${between}`.trimEnd();
    return `<${tag}${between}${attr}="${escapeHtml(href)}"`;
  });
}

// The meta description: front matter `description`, else the article's first paragraph as text.
export function describeDoc(doc, html) {
  if (doc.description) return doc.description;
  const m = /<p>([\s\S]*?)<\/p>/.exec(html);
  if (!m) return '';
  const plain = decodeEntities(m[1].replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 197).replace(/\s+\S*$/, '')}…` : plain;
}

/**
 * A site's public URL (--base-url, --edit-url) as the address it will be joined to: parsed as a
 * browser parses it (WHATWG URL: spaces and other characters percent-encoded, host lower-cased),
 * ending with '/'. Throws Error(why) for what cannot be a folder's address on the web: not http(s),
 * no host, user name or password (they would be published), a ?query or #fragment (the page paths
 * are appended after it).
 */
export function publicUrl(value) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new Error('must be an http(s) URL');
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname || !/^https?:\/\/[^/]/i.test(String(value).trim()))
    throw new Error('must be an http(s) URL');
  if (url.username || url.password) throw new Error('must not hold a user name or password');
  if (url.search || url.href.includes('?')) throw new Error('must not have a ?query: page paths are added after it');
  if (url.hash || url.href.includes('#')) throw new Error('must not have a #fragment: page paths are added after it');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function sitemapXml(base, docs) {
  const urls = [base, ...docs.map((d) => `${base}${encodePath(d.id)}/`)];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`)
    .join('\n')}\n</urlset>\n`;
}

// The FAQPage JSON-LD of a page; an article whose JSON-LD is over the output budget gets none.
function jsonLdScript(article, doc, problems) {
  let json;
  try {
    json = article.jsonLd;
  } catch (err) {
    problems.warn(`no FAQPage JSON-LD: ${err.code ? `${err.code}: ` : ''}${err.message}`, { file: doc.abs });
    return '';
  }
  return json ? `<script type="application/ld+json">${scriptSafe(json)}</script>\n` : '';
}

// The template's {{PATHS.<name>}} placeholders: the site's own files, named where the page reads them.
const PATH_VALUES = Object.fromEntries(
  Object.entries(PATHS).map(([name, path]) => [`PATHS.${name}`, escapeHtml(path)]),
);

/**
 * page({ doc, article?, root, mode, prerender, own }) → the HTML of one page. doc: the doc shown
 * (null: the 404 page); article: its rendered Article when prerendered (else rendered here);
 * own: the doc's own page (its canonical URL is its own).
 */
// The sidebar a page shows and its open categories: front matter displayed_sidebar (a sidebar's
// name; null: none), else the first sidebar holding the doc, else the main one.
function shownPlace(doc, place, sidebars) {
  const chosen = doc?.meta && Object.hasOwn(doc.meta, 'displayed_sidebar') ? doc.meta.displayed_sidebar : undefined;
  if (chosen === null) return { sidebar: null, path: [] };
  const named = typeof chosen === 'string' ? sidebars.find((s) => s.name === chosen) : undefined;
  if (named) return { sidebar: named, path: place?.sidebar === named ? place.path : [] };
  return place || { sidebar: sidebars[0], path: [] };
}

const ICON_TYPES = { svg: 'image/svg+xml', ico: 'image/x-icon', png: 'image/png', gif: 'image/gif', jpg: 'image/jpeg' };

// The icon's link: the config's favicon (a path in the site) or foldmark's own.
function faviconTag(root, favicon) {
  const href = favicon ? `${root}${encodePath(favicon)}` : `${root}${PATHS.favicon}`;
  const type = ICON_TYPES[(favicon ?? 'x.svg').split('.').pop().toLowerCase()];
  return `<link rel="icon" href="${escapeHtml(href)}"${type ? ` type="${type}"` : ''}>`;
}

export function pageWriter({ fm, opts, docs, sidebars, problems, favicon }, template) {
  const places = placeDocs(sidebars);
  const navFor = navWriter();
  return ({ doc, article: given, root, mode, prerender, own }) => {
    const ctx = { mode, root, docs };
    let content =
      '<noscript><p class="site-status">This page renders its articles with JavaScript. ' +
      'Build it with <code>--prerender</code> to include them for readers without JavaScript.</p></noscript>';
    let head = '';
    let title = opts.title;
    let description = '';
    if (doc && prerender) {
      const article = given ?? fm.render(doc.markdown, { collapse: doc.collapse });
      content = rewriteLinks(article.html, doc.links, { ...ctx, self: doc });
      description = describeDoc(doc, article.html);
      const { keywords, image } = pageMeta(doc.meta);
      if (keywords) head += `<meta name="keywords" content="${escapeHtml(keywords)}">\n`;
      if (image && opts.baseUrl) {
        const src = /^https?:\/\//i.test(image)
          ? image
          : `${baseUrl(opts.baseUrl)}${encodePath(image.replace(/^\/+/, ''))}`;
        head += `<meta property="og:image" content="${escapeHtml(src)}">\n`;
      }
      head += jsonLdScript(article, doc, problems);
    } else if (!doc) {
      content = `<h1 class="fm-title">Page not found</h1>\n<p>This address does not match a page of this site. <a href="${escapeHtml(root)}index.html">Go to the start page</a>.</p>`;
      title = `Not found · ${opts.title}`;
    }
    if (doc) title = `${doc.title} · ${opts.title}`;
    if (doc && opts.baseUrl) {
      const url = own ? `${baseUrl(opts.baseUrl)}${encodePath(doc.id)}/` : baseUrl(opts.baseUrl);
      head +=
        `<link rel="canonical" href="${escapeHtml(url)}">\n<meta property="og:type" content="article">\n` +
        `<meta property="og:title" content="${escapeHtml(doc.title)}">\n<meta property="og:url" content="${escapeHtml(url)}">\n` +
        `<meta property="og:site_name" content="${escapeHtml(opts.title)}">\n` +
        (description ? `<meta property="og:description" content="${escapeHtml(description)}">\n` : '');
    }
    const place = shownPlace(doc, places.get(doc), sidebars);
    const nav = place.sidebar ? navFor(place, { mode, root, current: doc }) : '';
    return fillTemplate(template, {
      ...PATH_VALUES,
      root: escapeHtml(root),
      mode,
      doc: doc ? String(doc.index) : '',
      title: escapeHtml(title),
      description: escapeHtml(description || (doc === null || own ? '' : (opts.tagline ?? ''))),
      favicon: faviconTag(root, favicon),
      siteTitle: escapeHtml(opts.title),
      version: escapeHtml(fm.version.foldmark),
      head,
      docScript: doc ? `<script src="${escapeHtml(root)}${docScriptPath(doc.index)}" defer></script>` : '',
      nav,
      content,
    });
  };
}
