// `foldmark build`: a Docusaurus-style docs tree → a static site that opens from file:// and any
// static host. Stages: walk the tree, load and render each doc, check ids, read the sidebars,
// resolve links, then write everything into a staging folder and move it into --out.
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Containment } from './containment.js';
import { checkIds, COLLAPSE_MODES, loadDoc } from './docs.js';
import { headingIds, LinkResolver, linkValues } from './links.js';
import { commitOutput, isGenerated, prepareOutput, stagingArea } from './output.js';
import {
  catalogScript, describeDoc, docScript, escapeHtml, fillTemplate, idPath, navWriter, placeDocs, referencedDocs, rewriteLinks, rootOf,
  scriptSafe, sitemapXml,
} from './pages.js';
import { prerenderedArticles } from './prerender.js';
import { Problems, SiteError } from './problems.js';
import { SearchIndexer, searchSections } from './search.js';
import { withHighlight, writeCode } from './code.js';
import { autogenerateFolder, docsInOrder, readSidebars } from './sidebars.js';
import { walkDocs } from './tree.js';

export { SiteError } from './problems.js';

const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageRoot = join(siteDir, '..', '..');
const dist = join(packageRoot, 'dist');

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function checkFolder(dir, what) {
  const info = await stat(dir).catch((err) => {
    throw new SiteError(`cannot read ${what}: ${err.code || err.message}`, { file: dir });
  });
  if (!info.isDirectory()) throw new SiteError(`${what} is not a folder`, { file: dir });
}

// Reads and renders every doc. Each doc, in order, gets its index, its heading ids and the links
// it holds; its search sections go to the indexer and its HTML is dropped: what stays per doc is
// its Markdown and a few small fields, so memory grows with the Markdown, not the HTML.
async function loadDocs(fm, { docsRoot, containment }, options, problems, indexer) {
  const tree = await walkDocs(docsRoot, problems, containment);
  const docs = [];
  const loaded = new Array(tree.docs.length);
  let next = 0;  // the first doc not yet handed on: docs are handed on in tree order
  const handOn = () => {
    for (; next < loaded.length && loaded[next] !== undefined; next += 1) {
      const doc = loaded[next];
      loaded[next] = null;
      if (!doc) continue;
      doc.index = docs.length;
      docs.push(doc);
      [doc.ids, doc.linkValues] = [headingIds(doc.html), linkValues(doc.html)];
      indexer.add(doc, searchSections(doc.html));
      doc.html = null;  // rendered again when prerendered
    }
  };
  await mapLimit(tree.docs, 32, async (file, i) => {
    loaded[i] = (await loadDoc(fm, file, { collapse: options.collapse, problems })) || null;
    handOn();
    options.progress?.('reading', i + 1, tree.docs.length);
  });
  return { tree, docs };
}

async function buildSidebars(fm, { tree, docs, byId }, options, problems) {
  const ctx = { fm, docs, byId, dirs: tree.dirs, categories: tree.categories, problems };
  if (options.sidebars) return readSidebars(resolve(options.sidebars), ctx);
  return [{ name: 'docs', items: await autogenerateFolder('.', ctx) }];
}

/**
 * Builds the site. options: { docsDir, outDir, sidebars, staticDirs, allowDirs (more folders files
 * may resolve into, besides the docs, --static and the workspace: containment.js), prerender, baseUrl, title,
 * collapse, strict, force, editUrl (ends with '/'), searchShardBytes (text per search shard; tests),
 * warn(line), report(problem), progress(stage, done, total) }. Returns a summary;
 * throws SiteError on bad input (after reporting every problem found).
 */
export async function buildSite(fm, options) {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts = { title: 'Documentation', collapse: 'sections', staticDirs: [], allowDirs: [], ...given };
  if (!COLLAPSE_MODES.includes(opts.collapse)) throw new SiteError(`--collapse must be one of ${COLLAPSE_MODES.join(', ')}`);
  const problems = new Problems(opts.warn, opts.report);
  const docsRoot = resolve(opts.docsDir);
  const staticDirs = opts.staticDirs.map((d) => resolve(d));
  await checkFolder(docsRoot, 'docs folder');
  for (const dir of staticDirs) await checkFolder(dir, '--static folder');
  const target = await prepareOutput(opts.outDir, { packageRoot, docsRoot, staticDirs, force: opts.force });
  const stage = await stagingArea(target);
  const indexer = new SearchIndexer(stage.tmp, { shardBytes: opts.searchShardBytes });
  const containment = new Containment({ docsRoot, staticDirs, allowDirs: opts.allowDirs.map((d) => resolve(d)) });
  try {
    const site = await readSite(fm, opts, { docsRoot, staticDirs, problems, indexer, containment });
    await writeSite(site, stage, indexer);
    await commitOutput(target, stage);
    return summary(site, target);
  } catch (err) {
    indexer.stop();
    await stage.discard();
    throw err;
  }
}

// Everything a build reads: the docs, their ids, the sidebars, the links between them.
async function readSite(fm, opts, { docsRoot, staticDirs, problems, indexer, containment }) {
  const { tree, docs } = await loadDocs(fm, { docsRoot, containment }, opts, problems, indexer);
  if (docs.length === 0) throw new SiteError(`no articles to build (.md or .mdx)${problems.leftOut.size ? `: ${problems.leftOutSummary()}` : ''}`, { file: docsRoot });
  const byId = checkIds(docs, problems, { prerender: opts.prerender });
  const sidebars = await buildSidebars(fm, { tree, docs, byId }, opts, problems);
  const landing = docsInOrder(sidebars[0]?.items ?? [])[0] || docs[0];

  const resolver = new LinkResolver({ docs, docsRoot, staticDirs, problems, containment });
  for (const doc of docs) {
    doc.links = resolver.resolveDoc(doc);
    doc.linkValues = null;
  }
  if (opts.strict && (resolver.counts.broken || resolver.counts.brokenAnchors)) {
    throw new SiteError(`${resolver.counts.broken + resolver.counts.brokenAnchors} broken link(s) (--strict)`);
  }
  return { fm, opts, docs, sidebars, landing, staticDirs, docsRoot, containment, assets: resolver.assets, problems, links: resolver.counts };
}

function summary(site, target) {
  const { docs, problems } = site;
  return {
    built: docs.length,
    leftOut: problems.leftOutSummary(),
    warnings: problems.warnings.length,
    links: site.links,
    landing: site.landing.id,
    outDir: target.out,
    site,  // what `foldmark dev` needs to rewrite one doc (update.js)
  };
}

async function writeSite(site, stage, indexer) {
  const { fm, opts, docs } = site;
  let wasm;
  try {
    wasm = await readFile(join(dist, 'foldmark-core.wasm'));
    await stat(join(dist, 'foldmark-site.js'));
    await stat(join(dist, 'foldmark-search.js'));
  } catch {
    throw new SiteError('the built page is missing (dist/): run npm run build first');
  }
  await stage.copy('_foldmark/core.js', join(dist, 'foldmark-classic.js'));
  await stage.copy('_foldmark/site.js', join(dist, 'foldmark-site.js'));
  // One stylesheet for the page: the shell's and the Docusaurus components' (kept apart in the source).
  const styles = await Promise.all(['style.css', 'components.css'].map((f) => readFile(join(siteDir, f), 'utf8')));
  await stage.write('_foldmark/style.css', styles.join('\n'));
  await stage.copy('_foldmark/favicon.svg', join(siteDir, 'favicon.svg'));
  // file:// pages cannot fetch the .wasm: its bytes travel as base64 in a classic script.
  await stage.write('_foldmark/wasm.js', `self.foldmarkWasm="${wasm.toString('base64')}";\n`);
  const code = await writeCode(docs, stage);
  if (opts.prerender) site.fm = await withHighlight(fm);  // Prism colours in prerendered pages when the core has the hook
  const aroundOf = referencedDocs(site.sidebars, docs);
  await mapLimit(docs, 32, (doc, i) => {
    opts.progress?.('writing', i + 1, docs.length);
    return stage.write(`_foldmark/docs/${doc.index}.js`, docScript(doc, doc.links, aroundOf(doc)));
  });
  const template = await readTemplate();
  const page = pageWriter(site, template);
  const mode = opts.prerender ? 'path' : 'hash';
  await stage.write('index.html', page({ doc: site.landing, root: '', mode, prerender: opts.prerender }));
  if (opts.prerender) {
    for await (const [doc, article] of prerenderedArticles(docs)) {
      opts.progress?.('pages', doc.index + 1, docs.length);
      await stage.write(`${doc.id}/index.html`, page({ doc, article, root: rootOf(doc.id), mode, prerender: true, own: true }));
    }
  }
  await stage.write('404.html', page({ doc: null, root: notFoundRoot(opts.baseUrl), mode }));
  if (opts.baseUrl) await stage.write('sitemap.xml', sitemapXml(baseUrl(opts.baseUrl), docs));
  const pages = new Set(docs.map((d) => `${d.id}/index.html`.toLowerCase()));
  for (const dir of site.staticDirs) await copyStatic(dir, stage, { ...site, pages });
  let copied = 0;
  for (const [rel, abs] of site.assets) {
    await stage.copy(rel, abs);
    opts.progress?.('files', ++copied, site.assets.size);
  }
  const search = await indexer.finish(stage);  // the catalog says how many shards there are
  await stage.write('_foldmark/catalog.js', catalogScript({ docs, sidebars: site.sidebars, landing: site.landing, title: opts.title, collapse: opts.collapse, search, code, editUrl: opts.editUrl }));
}

export const readTemplate = () => readFile(join(siteDir, 'page.html'), 'utf8');

const baseUrl = (url) => (url.endsWith('/') ? url : `${url}/`);
// 404.html is served for any missing path, at any depth: with --base-url its assets are absolute.
const notFoundRoot = (url) => (url ? new URL(baseUrl(url)).pathname : '');

// A --static folder into the site root: hidden names skipped, symlinks followed where containment
// allows (each folder once), never over a file the site generates.
async function copyStatic(dir, stage, { containment, problems, pages }) {
  const seen = new Set();
  async function walk(abs, rel) {
    const check = containment.check(abs);
    if (!check.real) return problems.warn(`folder ${check.refused ?? `cannot be read: ${check.missing}`}: not copied`, { file: abs });
    if (seen.has(check.real)) return undefined;
    seen.add(check.real);
    for (const entry of await readdir(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const from = join(abs, entry.name);
      const link = entry.isSymbolicLink();
      if (entry.isDirectory() || (link && await stat(from).then((s) => s.isDirectory(), () => false))) {
        await walk(from, child);
        continue;
      }
      if (isGenerated(child) || pages.has(child.toLowerCase())) {
        problems.warn(`"${child}" is a file the site generates: not copied`, { file: from });
        continue;
      }
      const file = link ? containment.check(from) : { real: from };
      if (file.refused) problems.warn(`${file.refused}: not copied`, { file: from });
      else await stage.copy(child, file.real ?? from);  // a dangling link: the copy says it cannot read it
    }
    return undefined;
  }
  await walk(dir, '');
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

export function pageWriter({ fm, opts, docs, sidebars, problems }, template) {
  const places = placeDocs(sidebars);
  const navFor = navWriter(docs);
  return ({ doc, article: given, root, mode, prerender, own }) => {
    const ctx = { mode, root, docs };
    let content = '<noscript><p class="site-status">This page renders its articles with JavaScript. '
      + 'Build it with <code>--prerender</code> to include them for readers without JavaScript.</p></noscript>';
    let head = '';
    let title = opts.title;
    let description = '';
    if (doc && prerender) {
      const article = given ?? fm.render(doc.markdown, { collapse: doc.collapse });
      content = rewriteLinks(article.html, doc.links, ctx);
      description = describeDoc(doc, article.html);
      head += jsonLdScript(article, doc, problems);
    } else if (!doc) {
      content = `<h1 class="fm-title">Page not found</h1>\n<p>This address does not match a page of this site. <a href="${escapeHtml(root)}index.html">Go to the start page</a>.</p>`;
      title = `Not found · ${opts.title}`;
    }
    if (doc) title = `${doc.title} · ${opts.title}`;
    if (doc && opts.baseUrl) {
      const url = own ? `${baseUrl(opts.baseUrl)}${idPath(doc.id)}/` : baseUrl(opts.baseUrl);
      head += `<link rel="canonical" href="${escapeHtml(url)}">\n<meta property="og:type" content="article">\n`
        + `<meta property="og:title" content="${escapeHtml(doc.title)}">\n<meta property="og:url" content="${escapeHtml(url)}">\n`
        + `<meta property="og:site_name" content="${escapeHtml(opts.title)}">\n`
        + (description ? `<meta property="og:description" content="${escapeHtml(description)}">\n` : '');
    }
    const place = (doc && places.get(doc)) || { sidebar: sidebars[0], path: [] };
    const nav = place.sidebar ? navFor(place, { mode, root, current: doc }) : '';
    return fillTemplate(template, {
      root: escapeHtml(root), mode, doc: doc ? String(doc.index) : '',
      title: escapeHtml(title), description: escapeHtml(description), siteTitle: escapeHtml(opts.title),
      version: escapeHtml(fm.version.foldmark), head,
      docScript: doc ? `<script src="${escapeHtml(root)}_foldmark/docs/${doc.index}.js" defer></script>` : '',
      nav, content,
    });
  };
}
