// `foldmark build`: a Docusaurus-style docs tree → a static site that opens from file:// and any
// static host. Stages: walk the tree, load and render each doc, check ids, read the sidebars,
// resolve links, then write everything into a staging folder and move it into --out.
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOBALS, PATHS } from '../shared/paths.js';
import { Containment } from './containment.js';
import { catalogScript } from './data-scripts.js';
import { DocAddresses } from './doc-addresses.js';
import { docOutputs, linkDoc, listCategories, readDocFacts } from './doc-pipeline.js';
import { checkIds, COLLAPSE_MODES, loadDoc } from './docs.js';
import { siteLinkResolver } from './links.js';
import { PartialFiles } from './partials.js';
import { commitOutput, isGenerated, prepareOutput, stagingArea } from './output.js';
import { baseUrl, notFoundRoot, publicUrl, readTemplate, sitemapXml } from './pages.js';
import { prerenderedArticles } from './prerender.js';
import { docOptions, forDocs } from '../shared/doc-syntax.js';
import { InputError, Problems } from './problems.js';
import { MAX_SEARCH_TEXT, SearchIndexer, searchSections } from './search.js';
import { withHighlight, writeCode } from './code.js';
import { writeLibraries } from './libraries.js';
import { capDocLabels } from './sidebar-values.js';
import { autogenerateFolder, docsInOrder, readSidebars } from './sidebars.js';
import { walkDocs } from './tree.js';
import { siteChrome } from './site-chrome.js';

export { InputError } from './problems.js';

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
    throw new InputError(`cannot read ${what}: ${err.code || err.message}`, { file: dir });
  });
  if (!info.isDirectory()) throw new InputError(`${what} is not a folder`, { file: dir });
}

// Reads and renders every doc. Each doc, in order, gets its index, its heading ids and the links
// it holds; its search sections go to the indexer and its HTML is dropped: what stays per doc is
// its Markdown and a few small fields, so memory grows with the Markdown, not the HTML.
async function loadDocs(fm, { docsRoot, containment }, options, problems, indexer) {
  const tree = await walkDocs(docsRoot, problems, containment);
  const siteDir = options.siteDir === undefined ? undefined : resolve(options.siteDir);
  const partials = new PartialFiles({ docsRoot, siteDir, containment });
  const docs = [];
  const loaded = new Array(tree.docs.length);
  let next = 0; // the first doc not yet handed on: docs are handed on in tree order
  const handOn = () => {
    for (; next < loaded.length && loaded[next] !== undefined; next += 1) {
      const doc = loaded[next];
      loaded[next] = null;
      if (!doc) continue;
      doc.index = docs.length;
      docs.push(doc);
      readDocFacts(doc);
      const cut = () =>
        problems.warn(
          `search indexes the first ${MAX_SEARCH_TEXT.toLocaleString('en')} characters of this article's text: the rest is not searchable`,
          { file: doc.abs },
        );
      indexer.add(doc, searchSections(doc.html, { onCut: cut }));
      doc.html = null; // rendered again when prerendered
    }
  };
  await mapLimit(tree.docs, 32, async (file, i) => {
    loaded[i] = (await loadDoc(fm, file, { collapse: options.collapse, problems, partials })) || null;
    handOn();
    options.progress?.('reading', i + 1, tree.docs.length);
  });
  return { tree, docs };
}

async function buildSidebars(fm, { tree, docs, byId }, options, problems) {
  const ctx = {
    fm,
    docs,
    byId,
    dirs: tree.dirs,
    categories: tree.categories,
    problems,
    timeout: options.userCodeTimeout,
    addresses: new DocAddresses(docs, {
      docsRoot: resolve(options.docsDir),
      routeBasePath: options.routeBasePath,
      trailingSlash: options.trailingSlash,
    }),
  };
  if (options.sidebars) return readSidebars(resolve(options.sidebars), ctx);
  return [{ name: 'docs', items: await autogenerateFolder('.', ctx) }];
}

/**
 * Builds the site. options: { docsDir, outDir, sidebars, staticDirs, allowDirs (more folders files
 * may resolve into, besides the docs, --static and the workspace: containment.js), siteDir (where
 * `@site/` imports of MDX partials point; default: the docs folder's parent), prerender, baseUrl, title,
 * collapse, strict, force, editUrl (ends with '/'), searchShardBytes (text per search shard; tests),
 * userCodeTimeout (ms sidebars.js may run; tests), siteDir, routeBasePath and trailingSlash (a
 * Docusaurus config's: how links are resolved, doc-addresses.js),
 * warn(line), report(problem), progress(stage, done, total) }. Returns a summary;
 * throws InputError on bad input (after reporting every problem found).
 */
export async function buildSite(fm, options) {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts = { title: 'Documentation', collapse: 'sections', staticDirs: [], allowDirs: [], ...given };
  if (!COLLAPSE_MODES.includes(opts.collapse))
    throw new InputError(`--collapse must be one of ${COLLAPSE_MODES.join(', ')}`);
  try {
    opts.syntax = docOptions(opts.rawHtml, opts.math);
  } catch (err) {
    throw new InputError(`--raw-html: ${err.message}`);
  }
  for (const [key, flag] of [
    ['baseUrl', '--base-url'],
    ['editUrl', '--edit-url'],
  ]) {
    if (opts[key] === undefined) continue;
    try {
      opts[key] = publicUrl(opts[key]);
    } catch (err) {
      throw new InputError(`${flag} ${err.message}: ${JSON.stringify(String(opts[key]))}`);
    }
  }
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
    const site = await readSite(forDocs(fm, opts.syntax), opts, {
      docsRoot,
      staticDirs,
      problems,
      indexer,
      containment,
    });
    await writeSite(site, stage, indexer, problems);
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
  if (docs.length === 0)
    throw new InputError(
      `no articles to build (.md or .mdx)${problems.leftOut.size ? `: ${problems.leftOutSummary()}` : ''}`,
      { file: docsRoot },
    );
  const byId = checkIds(docs, problems, { prerender: opts.prerender });
  capDocLabels(docs, problems);
  const sidebars = await buildSidebars(fm, { tree, docs, byId }, opts, problems);
  const landing = docsInOrder(sidebars[0]?.items ?? [])[0] || docs[0];
  const docLists = listCategories(fm, docs, sidebars, problems);
  const chrome = siteChrome({ fm, docs, byId, sidebars, problems, opts });
  const favicon = findFavicon(opts.favicon, staticDirs, problems, opts.siteConfigFile);

  const resolver = siteLinkResolver({ opts, docs, docsRoot, staticDirs, problems, containment, landing });
  for (const doc of docs) linkDoc(doc, resolver);
  if (opts.strict && (resolver.counts.broken || resolver.counts.brokenAnchors)) {
    throw new InputError(`${resolver.counts.broken + resolver.counts.brokenAnchors} broken link(s) (--strict)`);
  }
  return {
    fm,
    opts,
    docs,
    sidebars,
    landing,
    chrome,
    favicon,
    staticDirs,
    docsRoot,
    containment,
    assets: resolver.assets,
    problems,
    links: resolver.counts,
    partials: {
      inlined: docs.reduce((n, d) => n + d.partials.inlined, 0),
      tocInline: docs.reduce((n, d) => n + d.partials.tocInline, 0),
      docCardLists: docLists,
    },
  };
}

function summary(site, target) {
  const { docs, problems } = site;
  return {
    built: docs.length,
    leftOut: problems.leftOutSummary(),
    warnings: problems.warnings.length,
    links: site.links,
    partials: site.partials,
    landing: site.landing.id,
    outDir: target.out,
    site, // what `foldmark dev` needs to rewrite one doc (update.js)
  };
}

async function writeSite(site, stage, indexer, problems) {
  const { fm, opts, docs } = site;
  let wasm;
  try {
    wasm = await readFile(join(dist, 'foldmark-core.wasm'));
    await stat(join(dist, 'foldmark-site.js'));
    await stat(join(dist, 'foldmark-search.js'));
  } catch {
    throw new InputError('the built page is missing (dist/): run npm run build first');
  }
  await stage.copy(PATHS.core, join(dist, 'foldmark-classic.js'));
  await stage.copy(PATHS.site, join(dist, 'foldmark-site.js'));
  // One stylesheet for the page: the shell's, the Docusaurus components' and the navbar's (kept
  // apart in the source).
  const styles = await Promise.all(
    ['style.css', 'components.css', 'chrome.css'].map((f) => readFile(join(siteDir, f), 'utf8')),
  );
  await stage.write(PATHS.style, styles.join('\n'));
  await stage.copy(PATHS.favicon, join(siteDir, 'favicon.svg'));
  // file:// pages cannot fetch the .wasm: its bytes travel as base64 in a classic script.
  await stage.write(PATHS.wasm, `self.${GLOBALS.wasm}="${wasm.toString('base64')}";\n`);
  const code = await writeCode(docs, stage);
  const libraries = await writeLibraries(docs, stage, problems);
  if (opts.prerender) site.fm = await withHighlight(forDocs(fm, opts.syntax)); // Prism colours in prerendered pages when the core has the hook
  const out = docOutputs(site, await readTemplate());
  await mapLimit(docs, 32, (doc, i) => {
    opts.progress?.('writing', i + 1, docs.length);
    return stage.write(...out.script(doc));
  });
  await stage.write(...out.landingPage());
  if (opts.prerender) {
    for await (const [doc, article] of prerenderedArticles(docs, opts.syntax)) {
      opts.progress?.('pages', doc.index + 1, docs.length);
      await stage.write(...out.ownPage(doc, article));
    }
  }
  await stage.write(...out.notFoundPage(notFoundRoot(opts.baseUrl)));
  // Only prerendered articles have addresses of their own to list; without them every doc lives
  // at index.html#/id, and a sitemap of /id/ addresses would send crawlers to 404s.
  if (opts.baseUrl && opts.prerender) await stage.write('sitemap.xml', sitemapXml(baseUrl(opts.baseUrl), docs));
  const pages = new Set(docs.map((d) => `${d.id}/index.html`.toLowerCase()));
  for (const dir of site.staticDirs) await copyStatic(dir, stage, { ...site, pages });
  let copied = 0;
  for (const [rel, abs] of site.assets) {
    await stage.copy(rel, abs);
    opts.progress?.('files', ++copied, site.assets.size);
  }
  const search = await indexer.finish(stage); // the catalog says how many shards there are
  await stage.write(
    PATHS.catalog,
    catalogScript({
      docs,
      sidebars: site.sidebars,
      landing: site.landing,
      title: opts.title,
      collapse: opts.collapse,
      search,
      code,
      libraries,
      editUrl: opts.editUrl,
      chrome: site.chrome,
    }),
  );
}

// The config's favicon, a path in a static folder (Docusaurus resolves it there), as a path in the
// site; the site's own when it names none or a file no static folder holds.
function findFavicon(favicon, staticDirs, problems, file) {
  if (typeof favicon !== 'string' || !favicon) return null;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(favicon)) return null;
  const rel = favicon.replace(/^\/+/, '');
  if (rel.split('/').some((part) => part === '..' || part === '')) return null;
  if (staticDirs.some((dir) => existsSync(join(dir, rel)))) return rel;
  problems.warn(`favicon ${favicon} is not in a static folder: the site's own is used`, { file });
  return null;
}

// A --static folder into the site root: hidden names skipped, symlinks followed where containment
// allows (each folder once), never over a file the site generates.
async function copyStatic(dir, stage, { containment, problems, pages }) {
  const seen = new Set();
  async function walk(abs, rel) {
    const check = containment.check(abs);
    if (!check.real)
      return problems.warn(`folder ${check.refused ?? `cannot be read: ${check.missing}`}: not copied`, { file: abs });
    if (seen.has(check.real)) return undefined;
    seen.add(check.real);
    for (const entry of await readdir(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const from = join(abs, entry.name);
      const link = entry.isSymbolicLink();
      if (
        entry.isDirectory() ||
        (link &&
          (await stat(from).then(
            (s) => s.isDirectory(),
            () => false,
          )))
      ) {
        await walk(from, child);
        continue;
      }
      if (isGenerated(child) || pages.has(child.toLowerCase())) {
        problems.warn(`"${child}" is a file the site generates: not copied`, { file: from });
        continue;
      }
      const file = link ? containment.check(from) : { real: from };
      if (file.refused) problems.warn(`${file.refused}: not copied`, { file: from });
      else await stage.copy(child, file.real ?? from); // a dangling link: the copy says it cannot read it
    }
    return undefined;
  }
  await walk(dir, '');
}
