// Links between docs and to files, resolved as Docusaurus resolves them (doc-addresses.js: file
// paths from the file's folder, the docs root or the site folder; URL paths against the doc's own
// URL), `/img/x.png` in a static folder, `./x.png` beside the article. Each doc gets a map from the
// attribute value in its HTML to [doc index, heading id] | path in the site | null (broken); an
// anchor of its own (`#x`) that exists stays out of it, as every page reads `#x` as a heading of
// the article shown (shared/hrefs.js). A file is linked only when containment allows it and the
// site does not generate its path.
import { statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { CONTRACT } from '../../contract.js';
import { RESERVED_PATH as RESERVED } from '../shared/paths.js';
import { decodeComponent as safeDecode, decodeEntities, lineLocator } from '../shared/text.js';
import { Containment } from './containment.js';
import { DocAddresses } from './doc-addresses.js';
import { isGenerated } from './output.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DOC_FILE = /\.mdx?$/i;
const LINK_ATTR = /<(a|img)\s[^>]*?\b(href|src)="([^"]*)"/g;
const ID_ATTR = /\sid="([^"]*)"/g;

const BROKEN_REPORTED = Symbol('broken, already reported');
const IN_PAGE = Symbol('a heading of the linking doc, left as written');
const MAX_ID_BYTES = CONTRACT.limits.maxSlugBytes;

function cutId(id) {
  const bytes = new TextEncoder().encode(id);
  if (bytes.length <= MAX_ID_BYTES) return id;
  let end = MAX_ID_BYTES;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/** The attribute values (as a DOM reads them) of every link and image in rendered HTML. */
export function linkValues(html) {
  const out = [];
  for (const m of html.matchAll(LINK_ATTR)) out.push({ tag: m[1], value: decodeEntities(m[3]) });
  return out;
}

export function headingIds(html) {
  return new Set([...html.matchAll(ID_ATTR)].map((m) => decodeEntities(m[1])));
}

// Where a doc's link values appear in its Markdown source: { line, column } (1-based) or {}.
// Links mostly come in source order, interleaved with reference definitions further down, so a
// value (as written, or percent-decoded) is looked for forward from the places the last few were
// found, in windows that grow fourfold: a value close after one of them costs about its distance.
// Not found there, it is looked for from the start. The lines are indexed once. A doc's searches
// together read at most SCAN_PASSES times its length (plus a floor for small docs); past that a
// warning names the file without a line, so many broken links never cost quadratic time.
const CURSORS = 4;
const FIRST_WINDOW = 256;
const SCAN_PASSES = 32;
const SCAN_FLOOR = 64 * 1024 * 1024;
export function sourceLocator(markdown) {
  const lineOf = lineLocator(markdown);
  const length = markdown.length;
  let cursors = [0]; // most recently used first
  let budget = SCAN_PASSES * length + SCAN_FLOOR;
  // The first place in [from, to) where one of the needles starts, or -1.
  const earliest = (needles, from, to) => {
    let best = -1;
    for (const needle of needles) {
      const end = Math.min(length, to + needle.length);
      if (budget <= 0 || end - from < needle.length) continue;
      const at = (end === length ? markdown : markdown.slice(0, end)).indexOf(needle, from);
      budget -= (at < 0 ? end : at + needle.length) - from;
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    return best;
  };
  const found = (at, replaced) => {
    cursors = [at, ...cursors.filter((c) => c !== replaced && c !== at)].slice(0, CURSORS);
    return lineOf(at);
  };
  return (value) => {
    const needles = [value, safeDecode(value)].filter((n, i, all) => n && all.indexOf(n) === i);
    const scans = cursors.map((from) => ({ from, done: from }));
    for (let window = FIRST_WINDOW; scans.length && budget > 0; window *= 4) {
      for (let k = 0; k < scans.length; ) {
        const scan = scans[k];
        const to = Math.min(length, scan.from + window);
        const at = earliest(needles, scan.done, to);
        if (at >= 0) return found(at, scan.from);
        scan.done = to;
        if (to >= length) scans.splice(k, 1);
        else k += 1;
      }
    }
    const at = earliest(needles, 0, Math.min(...cursors));
    return at >= 0 ? found(at, undefined) : {};
  };
}

export class LinkResolver {
  /**
   * site: { docs (with .index, .dir, .rel, .url, .meta, .ids), docsRoot, staticDirs, problems,
   * containment, landing (the doc the site opens on: what the site root '/' names), and the
   * Docusaurus addresses: siteDir, routeBasePath, trailingSlash (doc-addresses.js) }
   */
  constructor({
    docs,
    docsRoot,
    staticDirs,
    problems,
    containment = new Containment({ docsRoot, staticDirs }),
    landing,
    siteDir,
    routeBasePath,
    trailingSlash,
  }) {
    Object.assign(this, { docs, docsRoot, staticDirs, problems, containment, landing });
    this.pages = new Set(docs.map((d) => `${d.id}/index.html`.toLowerCase()));
    this.addresses = new DocAddresses(docs, { docsRoot, siteDir, routeBasePath, trailingSlash });
    this.assets = new Map(); // path in the site → absolute source file
    this.fileCache = new Map();
    this.counts = { docLinks: 0, inPage: 0, assets: 0, broken: 0, brokenAnchors: 0 };
  }

  isFile(abs) {
    let known = this.fileCache.get(abs);
    if (known === undefined) {
      try {
        known = statSync(abs).isFile();
      } catch {
        known = false;
      }
      this.fileCache.set(abs, known);
    }
    return known;
  }

  /** The links map of one doc (shared/hrefs.js linkTarget reads it), reporting what is broken. */
  resolveDoc(doc) {
    const locate = sourceLocator(doc.markdown);
    this.locate = doc.sourceMap ? (value) => doc.sourceMap.where(locate(value)) : locate;
    const links = {};
    const seen = new Set();
    for (const { tag, value } of doc.linkValues ?? linkValues(doc.html)) {
      if (seen.has(value)) continue;
      seen.add(value);
      let target = this.resolve(doc, value, tag);
      if (target === IN_PAGE) {
        this.counts.inPage += 1;
        continue;
      }
      if (target === undefined) continue;
      if (target && target.refused) {
        this.counts.broken += 1;
        this.problems.warn(`'${value}' ${target.refused}`, { file: doc.abs, ...this.locate(value) });
        target = BROKEN_REPORTED;
      }
      if (target === BROKEN_REPORTED) target = null;
      else if (target === null) {
        this.counts.broken += 1;
        this.problems.warn(`broken ${tag === 'img' ? 'image' : 'link'} '${value}'`, {
          file: doc.abs,
          ...this.locate(value),
        });
      }
      links[value] = target;
      if (target === null) continue;
      if (!Array.isArray(target)) this.counts.assets += 1;
      else if (target[0] === doc.index) this.counts.inPage += 1;
      else this.counts.docLinks += 1;
    }
    return links;
  }

  resolve(doc, value, tag) {
    if (value === '' || SCHEME.test(value) || value.startsWith('//')) return undefined;
    const hashAt = value.indexOf('#');
    const anchor = hashAt < 0 ? '' : safeDecode(value.slice(hashAt + 1));
    const pathPart = (hashAt < 0 ? value : value.slice(0, hashAt)).replace(/\?.*$/, '');
    if (pathPart === '') {
      const target = this.toDoc(doc, doc, anchor, value);
      return value.startsWith('#') && Array.isArray(target) && target[1] === anchor ? IN_PAGE : target;
    }
    const path = safeDecode(pathPart);
    if (tag === 'a' && DOC_FILE.test(path)) {
      const target = this.addresses.fileTarget(doc, path);
      return target ? this.toDoc(doc, target, anchor, value) : null;
    }
    const asset = this.assetFile(doc, path);
    if (asset !== undefined) return asset;
    if (tag === 'img') return null;
    const target = this.addresses.urlTarget(doc, pathPart) ?? this.siteRoot(doc, pathPart);
    return target ? this.toDoc(doc, target, anchor, value) : null;
  }

  // The site's root URL ('/', or '../..' up to it) names the page the site opens on, as the home
  // page of a Docusaurus site does, unless a doc has that URL itself.
  siteRoot(doc, pathPart) {
    if (!this.landing) return undefined;
    try {
      const { pathname } = new URL(pathPart, `http://site${encodeURI(this.addresses.permalink(doc))}`);
      return pathname === '/' ? this.landing : undefined;
    } catch {
      return undefined;
    }
  }

  // A doc, with its anchor checked: a missing heading still lands on another article (and is
  // reported); on the linking article itself it is a broken link.
  toDoc(from, target, anchor, value) {
    if (anchor && !target.ids.has(anchor)) {
      // The core cuts heading ids at MAX_ID_BYTES; a link written with the whole slug still lands.
      const cut = cutId(anchor);
      if (target.ids.has(cut)) return [target.index, cut];
      this.counts.brokenAnchors += 1;
      this.problems.warn(`broken link '${value}': no heading "${anchor}" in ${target.rel}`, {
        file: from.abs,
        ...this.locate(value),
      });
      return target === from ? BROKEN_REPORTED : [target.index, ''];
    }
    return [target.index, anchor];
  }

  // A file in a static folder (absolute paths) or beside the article (relative ones); undefined
  // when there is none, so the path may still be a doc URL; { refused: why } when it may not be
  // published.
  assetFile(doc, path) {
    if (path.startsWith('/')) {
      const rel = posix.normalize(path).replace(/^\/+/, '');
      if (rel.startsWith('..') || RESERVED.test(rel)) return undefined;
      for (const dir of this.staticDirs) {
        if (!this.isFile(join(dir, rel))) continue;
        const check = this.containment.check(join(dir, rel));
        return check.real ? rel : { refused: `${check.refused}: not published` };
      }
      return undefined;
    }
    const rel = posix.join(doc.dir, path);
    if (rel.startsWith('../') || rel === '..' || RESERVED.test(rel)) return undefined;
    const abs = join(this.docsRoot, rel);
    if (!this.isFile(abs) || DOC_FILE.test(rel)) return undefined;
    if (isGenerated(rel) || this.pages.has(rel.toLowerCase()))
      return { refused: 'is a file the site generates: not copied; link it under another name' };
    const check = this.containment.check(abs);
    if (!check.real) return { refused: `${check.refused}: not published` };
    this.assets.set(rel, check.real);
    return rel;
  }
}

/** The LinkResolver of a site read by index.js (or its docs replaced, for one doc saved in dev). */
export function siteLinkResolver(site, { docs = site.docs, problems = site.problems } = {}) {
  const { opts } = site;
  return new LinkResolver({
    docs,
    docsRoot: site.docsRoot,
    staticDirs: site.staticDirs,
    problems,
    containment: site.containment,
    landing: site.landing && docs[site.landing.index],
    siteDir: opts.siteDir === undefined ? undefined : resolve(opts.siteDir),
    routeBasePath: opts.routeBasePath,
    trailingSlash: opts.trailingSlash,
  });
}
