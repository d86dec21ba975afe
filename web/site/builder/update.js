// One article saved while `foldmark dev` runs: when what the rest of the site knows about it (id,
// title, sidebar label and position, URL, layout, the files and code languages it uses) is
// unchanged, only its doc script (and its prerendered pages) are written again, in milliseconds
// instead of a whole build. The search index catches up at the next whole build.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { codeLanguages } from './code.js';
import { DOCS_DIR } from '../shared/paths.js';
import { decodeComponent as safeDecode } from '../shared/text.js';
import { loadDoc } from './docs.js';
import { linkDoc, readDocFacts, writeDoc } from './doc-pipeline.js';
import { siteLinkResolver } from './links.js';
import { notAFolder } from './output.js';
import { PartialFiles } from './partials.js';
import { readTemplate } from './pages.js';
import { Problems } from './problems.js';
import { capDocLabels } from './sidebar-values.js';

// What the catalog, the sidebars and other docs' links depend on.
const OUTLINE = ['id', 'title', 'label', 'position', 'url', 'collapse', 'rel'];

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

// Would a link from another doc to doc n#anchor change from working to broken (or back)? Then its
// warnings and its links map change too: a whole build.
function anchorsMoved(docs, n, before, after) {
  for (const d of docs) {
    if (d.index === n) continue;
    for (const [value, target] of Object.entries(d.links)) {
      if (!Array.isArray(target) || target[0] !== n || !value.includes('#')) continue;
      const anchor = safeDecode(value.slice(value.indexOf('#') + 1));
      if (before.has(anchor) !== after.has(anchor) || before.has(target[1]) !== after.has(target[1])) return true;
    }
  }
  return false;
}

function writeAtomic(outDir, rel, data) {
  const file = join(outDir, rel);
  const tmp = `${file}.foldmark-tmp-${process.pid}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * site: summary.site of the last full build (buildSite), outDir: where it was written, abs: the
 * saved file. Returns { n, warnings } when the doc was rewritten in place, or { full: reason }
 * when a whole build is needed. Updates site in place.
 */
export async function updateDoc(site, outDir, abs) {
  const old = site.docs.find((d) => d.abs === abs);
  if (!old) return { full: 'a new or left-out file' };
  if (site.containment && !site.containment.check(abs).real)
    return { full: 'it no longer resolves inside the workspace' };
  const problems = new Problems();
  const rel = relative(site.docsRoot, abs).split(sep).join('/');
  const partials = new PartialFiles({
    docsRoot: site.docsRoot,
    siteDir: site.opts.siteDir,
    containment: site.containment,
  });
  const doc = await loadDoc(site.fm, { rel, abs }, { collapse: site.opts.collapse, problems, partials });
  if (!doc) return { full: 'the article is now left out' };
  if (doc.components.length || doc.emptyBody) return { full: 'it lists its sidebar category (DocCardList)' };
  capDocLabels([doc], problems);
  const changed = OUTLINE.find((k) => doc[k] !== old[k]);
  if (changed) return { full: `its ${changed} changed` };
  doc.index = old.index;
  readDocFacts(doc);
  if (!sameSet(doc.ids, old.ids) && anchorsMoved(site.docs, doc.index, old.ids, doc.ids))
    return { full: 'a heading another article links to changed' };
  const docs = site.docs.map((d) => (d === old ? doc : d));
  const resolver = siteLinkResolver(site, { docs, problems });
  linkDoc(doc, resolver);
  for (const [path, from] of resolver.assets) {
    if (site.assets.get(path) !== from) return { full: 'it links a new file' };
  }
  if (site.opts.strict && (resolver.counts.broken || resolver.counts.brokenAnchors))
    return { full: 'a broken link (--strict)' };
  // The catalog lists the code languages the pages load (code.js): a new one needs a new catalog.
  site.codeLanguages ??= new Set(Object.keys(codeLanguages(site.docs)));
  if (Object.keys(codeLanguages([doc])).some((lang) => !site.codeLanguages.has(lang)))
    return { full: 'a new code language' };
  // Likewise the libraries: the first formula of a site needs KaTeX copied and listed.
  if (doc.hasMath && !site.docs.some((d) => d.hasMath)) return { full: 'its first formula' };
  doc.html = null;
  // The whole build says why it cannot write through a symlink placed in the output folder.
  if (notAFolder(outDir, DOCS_DIR) || (site.opts.prerender && notAFolder(outDir, doc.id)))
    return { full: 'a symlink in the output folder' };

  site.docs = docs;
  replaceInSidebars(site.sidebars, old, doc);
  if (site.landing === old) site.landing = doc;
  site.template ??= await readTemplate();
  await writeDoc({ ...site, problems }, site.template, doc, (rel, data) => writeAtomic(outDir, rel, data));
  return { n: doc.index, warnings: problems.warnings };
}

// The sidebar items hold doc objects: point them at the new one.
function replaceInSidebars(sidebars, old, doc) {
  const walk = (items) => {
    for (const item of items) {
      if (item.doc === old) item.doc = doc;
      if (item.items) walk(item.items);
    }
  };
  for (const s of sidebars) walk(s.items);
}
