// The steps every doc goes through, written once for `foldmark build` (index.js, all docs) and
// `foldmark dev` (update.js, one saved doc): its facts read from its rendered HTML, its links
// resolved, then its outputs: its doc script, and with --prerender its own page (and index.html
// when it is the landing doc).
import { docScriptPath } from '../shared/paths.js';
import { rootOf } from '../shared/hrefs.js';
import { docScript, referencedDocs } from './data-scripts.js';
import { cardLines, categoryOf, fillComponent } from './doc-lists.js';
import { headingIds, linkValues } from './links.js';
import { pageFrontMatter } from './page-front-matter.js';
import { pageWriter } from './pages.js';

/**
 * What a doc tells the rest of the build: its heading ids and the links it holds (from its
 * rendered HTML), and what its front matter asks of its page (page-front-matter.js).
 */
export function readDocFacts(doc) {
  doc.ids = headingIds(doc.html);
  doc.linkValues = linkValues(doc.html);
  doc.pageData = { ...doc.pageData, ...pageFrontMatter(doc.meta) };
}

/**
 * Once the sidebars are read: each <DocCardList /> (and the empty body of a category's own page)
 * becomes the list of that category's docs, and its doc is rendered again (its facts with it; the
 * search index keeps the text without the list, which only repeats other docs' titles). Returns
 * how many lists were written.
 */
export function listCategories(fm, docs, sidebars, problems) {
  let written = 0;
  for (const doc of docs) {
    const cards = doc.components;
    const empty = doc.emptyBody && !cards.length;
    if (!cards.length && !empty) continue;
    const category = categoryOf(sidebars, doc);
    if (!category && empty) continue;
    if (!category) {
      for (const c of cards)
        problems.warn('<DocCardList /> lists the docs of a sidebar category, and this doc is no category page', {
          file: c.file,
          line: c.line,
          column: c.prefix.length + 1,
        });
      for (let k = cards.length - 1; k >= 0; k -= 1) fillComponent(doc, k, []);
    } else if (empty) {
      fillComponent(doc, -1, cardLines(category, doc.dir));
      written += 1;
    } else {
      for (let k = cards.length - 1; k >= 0; k -= 1) {
        fillComponent(doc, k, cardLines(category, doc.dir));
        written += 1;
      }
    }
    doc.html = fm.render(doc.markdown, { collapse: doc.collapse }).html;
    readDocFacts(doc);
    doc.html = null;
  }
  return written;
}

/** doc.links, the map its doc script and pages carry (links.js), from a LinkResolver. */
export function linkDoc(doc, resolver) {
  doc.links = resolver.resolveDoc(doc);
  doc.linkValues = null;
}

/**
 * The outputs of docs, for a site read by index.js ({ fm, opts, docs, sidebars, landing,
 * problems }): each function returns [path in the site, content].
 */
export function docOutputs(site, template) {
  const aroundOf = referencedDocs(site.sidebars, site.docs);
  const page = pageWriter(site, template);
  const mode = site.opts.prerender ? 'path' : 'hash';
  return {
    script: (doc) => [docScriptPath(doc.index), docScript(doc, doc.links, aroundOf(doc), site.opts.syntax)],
    ownPage: (doc, article) => [
      `${doc.id}/index.html`,
      page({ doc, article, root: rootOf(doc.id), mode, prerender: true, own: true }),
    ],
    landingPage: (article) => [
      'index.html',
      page({ doc: site.landing, article, root: '', mode, prerender: site.opts.prerender }),
    ],
    notFoundPage: (root) => ['404.html', page({ doc: null, root, mode })],
  };
}

/** Writes one doc's outputs (write(path, content)): its script, and its pages when prerendered. */
export async function writeDoc(site, template, doc, write) {
  const out = docOutputs(site, template);
  await write(...out.script(doc));
  if (!site.opts.prerender) return;
  const article = site.fm.render(doc.markdown, { collapse: doc.collapse });
  await write(...out.ownPage(doc, article));
  if (site.landing === doc) await write(...out.landingPage(article));
}
