// The navbar and footer of a Docusaurus config (themeConfig.navbar, .footer) as the page shows
// them: each item resolved to a doc of the site, a sidebar (its first doc), or a link that passes
// the Markdown link rule. Without a config's navbar, a sidebars file with several sidebars gets a
// switcher that lists each one. What cannot land (a route the site does not build, an item type
// foldmark has no equivalent of) is left out with a warning at its place in the config.
import { docsInOrder } from './sidebars.js';
import { capLabel, linkAllowed } from './sidebar-values.js';

const MAX_ITEMS = 50; // items of one navbar, dropdown or footer column: a bar, not a sitemap
const MAX_COPYRIGHT_CHARS = 1000; // a line under every page

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);

/** 'guideSidebar' → 'Guide'; 'api' → 'Api'; 'tutorial-sidebar' → 'Tutorial'. */
export function sidebarTitle(name) {
  const words = String(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean);
  if (words.length > 1 && /^sidebar$/i.test(words.at(-1))) words.pop();
  const title = words.join(' ');
  return title ? title[0].toUpperCase() + title.slice(1) : String(name);
}

// A `to` route of the config (relative to the site's baseUrl, with or without a leading '/') →
// { doc, heading } of the site, or undefined.
function routeFinder(docs, routeBasePath) {
  const byRoute = new Map();
  for (const doc of docs) {
    if (!byRoute.has(doc.url)) byRoute.set(doc.url, doc);
    if (!byRoute.has(doc.id)) byRoute.set(doc.id, doc);
  }
  const base = routeBasePath.replace(/^\/+|\/+$/g, '');
  return (to) => {
    const [path, heading = ''] = String(to).split('#', 2);
    let route = path.replace(/^\/+|\/+$/g, '');
    if (base && (route === base || route.startsWith(`${base}/`))) route = route.slice(base.length + 1);
    const doc = byRoute.get(route) ?? (route === '' ? undefined : byRoute.get(`${route}/index`));
    return doc ? { doc, heading } : undefined;
  };
}

/**
 * The chrome of a site: { navbar: { title, logo?, items } | null, footer: { columns, copyright } |
 * null }. Items: { type: 'sidebar', label, sidebar, doc, position } | { type: 'doc', label, doc,
 * heading, position } | { type: 'link', label, href, position } | { type: 'dropdown', label, items,
 * position }; doc is the builder's doc object. ctx: { fm, docs, byId, sidebars, problems, opts }.
 */
export function siteChrome(ctx) {
  const { opts, sidebars } = ctx;
  const where = locator(opts.siteSource ?? '', opts.siteConfigFile);
  const find = routeFinder(ctx.docs, opts.routeBasePath ?? 'docs');
  const item = (raw) => navItem(raw, { ...ctx, where, find, what: 'navbar item' });
  const footerItem = (raw) => navItem(raw, { ...ctx, where, find, what: 'footer link' });
  let navbar = null;
  if (isObject(opts.navbar)) {
    let logo = isObject(opts.navbar.logo) && str(opts.navbar.logo.src) ? opts.navbar.logo : null;
    if (logo && !linkAllowed(ctx.fm, logo.src)) {
      ctx.problems.warn(
        `navbar logo ${JSON.stringify(logo.src)} is not a URL an image may have: left out`,
        where(logo.src),
      );
      logo = null;
    }
    navbar = {
      title: str(opts.navbar.title) ?? '',
      ...(logo ? { logo: { src: logo.src.replace(/^\/+/, ''), alt: str(logo.alt) ?? '' } } : {}),
      items: list(opts.navbar.items).flatMap(item),
    };
  } else if (sidebars.length > 1) {
    navbar = {
      title: '',
      items: sidebars.flatMap((s, i) => {
        const first = docsInOrder(s.items)[0];
        return first
          ? [{ type: 'sidebar', label: sidebarTitle(s.name), sidebar: i, doc: first, position: 'left' }]
          : [];
      }),
    };
  }
  return { navbar, footer: isObject(opts.footer) ? footer(opts.footer, footerItem) : null };
}

const list = (v) => (Array.isArray(v) ? v.slice(0, MAX_ITEMS) : []);

function footer(raw, item) {
  const links = list(raw.links);
  // Columns ({ title, items }) or one row of links, as Docusaurus accepts both.
  const columns = links.some((l) => isObject(l) && Array.isArray(l.items))
    ? links.filter(isObject).map((c) => ({ title: str(c.title) ?? '', items: list(c.items).flatMap(item) }))
    : [{ title: '', items: links.flatMap(item) }];
  // The copyright is HTML in Docusaurus; here it is text (its tags dropped), never markup.
  const copyright = str(raw.copyright)
    ?.replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_COPYRIGHT_CHARS);
  return { columns: columns.filter((c) => c.items.length), copyright: copyright ?? '' };
}

function locator(source, file) {
  return (needle) => {
    const at = needle ? source.indexOf(needle) : -1;
    if (at < 0) return { file };
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    return { file, line, column: at - before.lastIndexOf('\n') };
  };
}

function navItem(raw, ctx) {
  if (!isObject(raw)) return [];
  const { problems, where } = ctx;
  const position = raw.position === 'right' ? 'right' : 'left';
  const label = (fallback) => capLabel(String(str(raw.label) ?? fallback ?? ''), () => where(raw.label), problems);
  const skip = (why, needle) => {
    problems.warn(`${ctx.what} ${JSON.stringify(str(raw.label) ?? raw.type ?? '?')} ${why}: left out`, where(needle));
    return [];
  };
  const type = raw.type ?? (Array.isArray(raw.items) ? 'dropdown' : 'default');
  if (type === 'docSidebar') {
    const at = ctx.sidebars.findIndex((s) => s.name === raw.sidebarId);
    const first = at >= 0 ? docsInOrder(ctx.sidebars[at].items)[0] : undefined;
    if (!first)
      return skip(
        `names sidebar "${raw.sidebarId}", which the sidebars file does not hold (or is empty)`,
        `${raw.sidebarId}`,
      );
    return [{ type: 'sidebar', label: label(sidebarTitle(raw.sidebarId)), sidebar: at, doc: first, position }];
  }
  if (type === 'doc') {
    const doc = ctx.byId.get(String(raw.docId ?? ''));
    if (!doc && raw.to !== undefined) return navLink(raw, ctx, { position, label });
    if (!doc) return skip(`names doc "${raw.docId}", which is not an article of this site`, `${raw.docId}`);
    return [{ type: 'doc', label: label(doc.label), doc, heading: '', position }];
  }
  if (type === 'dropdown') {
    const items = list(raw.items).flatMap((i) => navItem(i, ctx));
    if (!items.length) return skip('has no item that lands', str(raw.label));
    return [{ type: 'dropdown', label: label('More'), items, position }];
  }
  if (type === 'default' || type === 'link') {
    if (raw.html !== undefined && raw.to === undefined && raw.href === undefined) return skip('is raw HTML', 'html');
    return navLink(raw, ctx, { position, label });
  }
  if (type === 'search') return []; // the page has its own search, in the header
  return skip(`is of type "${type}", which foldmark has no equivalent of`, `'${type}'`);
}

// A `to` (a route of the site) or an `href` (a URL as it is).
function navLink(raw, ctx, { position, label }) {
  const { problems, where } = ctx;
  const shown = JSON.stringify(str(raw.label) ?? raw.to ?? raw.href ?? '?');
  if (typeof raw.to === 'string') {
    const found = ctx.find(raw.to);
    if (found)
      return [{ type: 'doc', label: label(found.doc.label), doc: found.doc, heading: found.heading, position }];
    problems.warn(`${ctx.what} ${shown} goes to ${raw.to}, which is not a doc of this site: left out`, where(raw.to));
    return [];
  }
  const href = str(raw.href);
  if (href && linkAllowed(ctx.fm, href)) return [{ type: 'link', label: label(href), href, position }];
  problems.warn(
    `${ctx.what} ${shown} has no URL that may be linked (http, https, mailto or relative): left out`,
    where(href),
  );
  return [];
}
