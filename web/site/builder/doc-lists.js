// The lists Docusaurus's theme components compute, written as Markdown where the tag stands:
// `<TOCInline toc={toc} />` (the article's own headings, once it is rendered) and `<DocCardList />`
// (the docs of the sidebar category whose page this is, once the sidebars are read; a category
// page with an empty body gets the same list). Other props (a filtered toc, custom items) cannot
// be evaluated: the tag then degrades as every other component does.
import { posix } from 'node:path';
import { encodeDestination, escapeMarkdown } from './mdx-lines.js';
import { docsInOrder } from './sidebars.js';
import { SourceMap } from './source-map.js';

const EMPTY_ARTICLE = /^<article class="fm-article">\s*(<h1 class="fm-title"[^>]*>[\s\S]*?<\/h1>)?\s*<\/article>\s*$/;

/** Whether a rendered article shows nothing but its title. */
export const isEmptyArticle = (html) => EMPTY_ARTICLE.test(html);

/** The Markdown lines of a TOCInline: nested list items of the headings between its levels. */
export function tocLines(toc, attrs = {}) {
  const min = Number(attrs.minHeadingLevel) || 2;
  const max = Number(attrs.maxHeadingLevel) || 3;
  const lines = [];
  let depth = -1;
  for (const t of toc) {
    if (!t.id || t.level < min || t.level > max) continue;
    depth = Math.min(t.level - min, depth + 1);
    lines.push(`${'  '.repeat(depth)}- [${escapeMarkdown(t.text)}](#${t.id})`);
  }
  return lines;
}

const docLink = (hostDir, doc) => {
  const rel = posix.relative(hostDir, doc.rel);
  return encodeDestination(rel.startsWith('.') ? rel : `./${rel}`);
};

/** The Markdown lines of a DocCardList for a category: one item per entry, its description below. */
export function cardLines(category, hostDir) {
  const lines = [];
  for (const item of category.items) {
    let title;
    let dest;
    let description = '';
    if (item.type === 'doc') {
      title = item.label ?? item.doc.label ?? item.doc.title;
      dest = docLink(hostDir, item.doc);
      description = item.doc.description || item.doc.summary || '';
    } else if (item.type === 'category') {
      const first = item.doc ?? docsInOrder(item.items)[0];
      if (!first) continue;
      title = item.label;
      dest = docLink(hostDir, first);
      const count = item.items.length;
      description = `${count} item${count === 1 ? '' : 's'}`;
    } else if (item.type === 'link') {
      title = item.label;
      dest = encodeURI(item.href);
    } else continue;
    if (lines.length) lines.push('');
    lines.push(`- **[${escapeMarkdown(title)}](${dest})**`);
    if (description) lines.push('', `  ${escapeMarkdown(description)}`);
  }
  return lines;
}

/** The sidebar category whose own page doc is, in any sidebar, or undefined. */
export function categoryOf(sidebars, doc) {
  const find = (items) => {
    for (const item of items) {
      if (item.type !== 'category') continue;
      if (item.doc === doc) return item;
      const inner = find(item.items);
      if (inner) return inner;
    }
    return undefined;
  };
  for (const sidebar of sidebars) {
    const found = find(sidebar.items);
    if (found) return found;
  }
  return undefined;
}

/**
 * Writes lines in place of doc.components[k] (or after the article when k is -1), keeping
 * doc.sourceMap in step; later components move with the lines.
 */
export function fillComponent(doc, k, generated) {
  const lines = doc.markdown.split('\n');
  if (!doc.sourceMap) {
    doc.sourceMap = new SourceMap(doc.abs);
    lines.forEach((text, i) => doc.sourceMap.add(text, { file: doc.abs, line: i + 1 }));
  }
  const c = k < 0 ? { at: lines.length, count: 0, prefix: '', file: doc.abs, line: lines.length } : doc.components[k];
  const texts = generated.map((g) => (g ? c.prefix + g : c.prefix.replace(/[ \t]+$/, '')));
  if (k < 0) texts.unshift('');
  lines.splice(c.at, c.count, ...texts);
  doc.sourceMap.replace(c.at, c.count, texts, { file: c.file, line: c.line, shift: c.prefix.length });
  const moved = texts.length - c.count;
  for (const other of doc.components) if (other.at > c.at) other.at += moved;
  if (k >= 0) doc.components.splice(k, 1);
  doc.markdown = lines.join('\n');
}
