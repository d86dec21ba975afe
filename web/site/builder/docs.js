// The content model: each doc file read, decoded, rendered once and given its Docusaurus v2 id
// (folder path + front matter `id`, else the file name, number prefixes removed) and URL.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CONTRACT } from '../../contract.js';
import {
  isFolderIndex,
  metaOf,
  metaText as text,
  ownIdOf,
  stripNumberPrefix,
  titleAndLabel,
} from '../shared/doc-names.js';
import { fillComponent, isEmptyArticle, tocLines } from './doc-lists.js';
import { isGenerated } from './output.js';
import { describeDoc } from './pages.js';
import { expandPartials } from './partials.js';
import { InputError, location, printableName } from './problems.js';

export const MAX_DOC_BYTES = CONTRACT.limits.maxInputBytes;
export const COLLAPSE_MODES = CONTRACT.values.collapse;
// How the core marks a formula (the math option).
const MATH_MARKUP = 'class="fm-math';

function position(value) {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

// Reads at most MAX_DOC_BYTES + 1 bytes, so /dev/zero or a huge file never fills memory.
// tooLarge is the size as said to the user: a regular file's own, else 'more than' the limit. Sync:
// thousands of small files read faster without a promise and a FileHandle each.
function readCapped(path) {
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    if (info.isFile() && info.size > MAX_DOC_BYTES) return { tooLarge: `${info.size}` };
    let buffer = Buffer.allocUnsafe(Math.min((info.isFile() ? info.size : 0) + 1, MAX_DOC_BYTES + 1) || 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > MAX_DOC_BYTES) return { tooLarge: `more than ${MAX_DOC_BYTES}` };
        const bigger = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, 64 * 1024), MAX_DOC_BYTES + 1));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return total > MAX_DOC_BYTES ? { tooLarge: `more than ${MAX_DOC_BYTES}` } : { bytes: buffer.subarray(0, total) };
  } finally {
    closeSync(fd);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is not a text file we can trust.
function decodeText(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  const body = strictUtf8.decode(bytes);
  if (body.includes('\0')) throw new Error('binary');
  return body.replace(/^\uFEFF/, '');
}

export const NOT_TEXT = 'not a UTF-8 (or UTF-16 with BOM) text file';

// A doc, partial or article file as text: readCapped, then decodeText. Returns { text }, or
// readCapped's { tooLarge }, or { notText: true }; throws as openSync/readSync do.
export function readText(path) {
  const read = readCapped(path);
  if (read.tooLarge) return read;
  try {
    return { text: decodeText(read.bytes) };
  } catch {
    return { notText: true };
  }
}

// Where the id in use is written: the last top-level `id:` of the front matter (the value a YAML
// reader keeps), else the file itself.
export function idLocation(markdown) {
  const lines = markdown.split(/\r?\n/, 4096);
  if (lines[0].trimEnd() !== '---') return { line: 1, column: 1 };
  let found = { line: 1, column: 1 };
  for (let i = 1; i < lines.length && lines[i].trimEnd() !== '---'; i++) {
    if (/^id\s*:/.test(lines[i])) found = { line: i + 1, column: 1 };
  }
  return found;
}

/**
 * Loads one doc file; returns the doc, or null when it is left out (reported to problems).
 * partials: a PartialFiles (partials.js) to inline MDX partials from; without it none are.
 */
export async function loadDoc(fm, { rel, abs }, { collapse, problems, partials }) {
  let read;
  try {
    read = readText(abs);
  } catch (err) {
    problems.leaveOut('unreadable', `cannot read file: ${err.code || err.message}`, { file: abs });
    return null;
  }
  if (read.tooLarge) {
    problems.leaveOut('too large', `file is ${read.tooLarge} bytes; the limit is ${MAX_DOC_BYTES}: left out`, {
      file: abs,
    });
    return null;
  }
  if (read.notText) {
    problems.leaveOut('not UTF-8 text', `${NOT_TEXT}: left out`, { file: abs });
    return null;
  }
  const expanded = expandPartials(read.text, { abs, files: partials, problems });
  let article;
  try {
    article = fm.render(expanded.markdown, { collapse });
    article = inlineTocs(fm, expanded, article, collapse);
  } catch (err) {
    problems.leaveOut('failed to render', `cannot render: ${err.code || ''} ${err.message}`.trim(), { file: abs });
    return null;
  }
  const meta = metaOf(article);
  if (meta.draft === true) {
    problems.leaveOut('drafts', null);
    return null;
  }
  return describe(fm, { rel, abs, markdown: expanded.markdown, article, meta, collapse, problems, expanded });
}

// Each <TOCInline toc={toc} /> becomes the article's TOC list; the article is rendered again.
function inlineTocs(fm, expanded, article, collapse) {
  const doc = { ...expanded, abs: undefined };
  let filled = 0;
  for (let k = doc.components.length - 1; k >= 0; k -= 1) {
    const c = doc.components[k];
    if (c.kind !== 'toc-inline') continue;
    doc.abs = c.file;
    fillComponent(doc, k, tocLines(article.toc, c.attrs));
    filled += 1;
  }
  if (!filled) return article;
  Object.assign(expanded, { markdown: doc.markdown, sourceMap: doc.sourceMap, components: doc.components });
  expanded.tocInline = filled;
  return fm.render(doc.markdown, { collapse });
}

function describe(fm, { rel, abs, markdown, meta, collapse, problems, article, expanded }) {
  const slash = rel.lastIndexOf('/');
  const dir = slash < 0 ? '' : rel.slice(0, slash);
  const file = rel.slice(slash + 1);
  const dirId = dir.split('/').filter(Boolean).map(stripNumberPrefix).join('/');
  const ownId = text(meta.id);
  if (ownId && (ownId.includes('/') || ownId === '.' || ownId === '..')) {
    problems.leaveOut(
      'with an invalid id',
      `front matter id "${ownId}" may not contain "/" (Docusaurus scopes ids by folder): left out`,
      { file: abs, ...idLocation(markdown) },
    );
    return null;
  }
  const base = ownIdOf(meta, file);
  const id = dirId ? `${dirId}/${base}` : base;
  let docCollapse = collapse;
  if (meta.collapse !== undefined) {
    if (COLLAPSE_MODES.includes(meta.collapse)) docCollapse = meta.collapse;
    else
      problems.warn(`front matter collapse must be ${COLLAPSE_MODES.join(', ')}: "${meta.collapse}" ignored`, {
        file: abs,
      });
  }
  if (docCollapse !== collapse) article = fm.render(markdown, { collapse: docCollapse });
  const map = expanded.sourceMap;
  for (const w of article.warnings)
    problems.warn(w.message, { file: abs, line: w.line, column: w.column, ...map?.where(w, 'codepoint') });
  const { title, label } = titleAndLabel(article, meta, base);
  return {
    rel,
    abs,
    dir,
    id,
    markdown,
    meta,
    title,
    label,
    position: position(meta.sidebar_position),
    collapse: docCollapse,
    description: text(meta.description),
    url: docUrl(dir, dirId, base, file, text(meta.slug)),
    html: article.html,
    summary: describeDoc({ description: text(meta.description) }, article.html),
    emptyBody: isEmptyArticle(article.html),
    hasMath: article.html.includes(MATH_MARKUP), // KaTeX's page and doc option (libraries.js, data-scripts.js)
    sourceMap: expanded.sourceMap, // where each line of markdown was written (partials inlined), or null
    components: expanded.components.filter((c) => c.kind === 'doc-card-list'),
    partials: { inlined: expanded.inlined, tocInline: expanded.tocInline ?? 0 },
  };
}

// The doc's Docusaurus URL path below the docs route: its slug (absolute, or relative to its
// folder), else folder id + id; index/README (or a file named like its folder) stand for the folder.
function docUrl(dir, dirId, base, file, slug) {
  if (slug) return slug.startsWith('/') ? slug.replace(/^\/+|\/+$/g, '') : [dirId, slug].filter(Boolean).join('/');
  if (isFolderIndex(file, dir.split('/').pop() || '')) return dirId;
  return dirId ? `${dirId}/${base}` : base;
}

// What an id may not be, wherever it came from (file names, front matter): every id becomes the
// folder of its prerendered page, <id>/index.html, so the same rule holds with and without
// --prerender and a site that builds on one system builds on the others.
const MAX_ID_PART_BYTES = 255; // a file name's limit on every common file system
const shownId = (id) => printableName(id.length > 80 ? `${id.slice(0, 80)}…` : id);

export function idProblem(id) {
  if (/[\x00-\x1f\x7f]/.test(id)) return 'holds a control character';
  const parts = id.split(/[\\/]/);
  if (parts.some((p) => p === '' || p === '.' || p === '..'))
    return 'has a part that may not be "." or ".." or empty (a backslash separates folders on Windows)';
  if (parts.some((p) => Buffer.byteLength(p) > MAX_ID_PART_BYTES))
    return `is longer than ${MAX_ID_PART_BYTES} bytes in one part (a file name's limit)`;
  if (isGenerated(id) || isGenerated(`${id}/index.html`)) return 'is a file the site generates; choose another id';
  return '';
}

/**
 * Reports every id no output path can hold, every duplicate id and, with prerendered pages, ids
 * that differ only in case or Unicode form (one folder on macOS and Windows), each naming both
 * files with line and column. Throws if any.
 */
export function checkIds(docs, problems, { prerender = false } = {}) {
  const byId = new Map();
  const folded = new Map();
  const at = (doc) => ({ file: doc.abs, ...idLocation(doc.markdown) });
  const where = (doc) => location(at(doc));
  for (const doc of docs) {
    const problem = idProblem(doc.id);
    if (problem) {
      problems.error(`article id "${shownId(doc.id)}" ${problem}`, at(doc));
      continue;
    }
    const first = byId.get(doc.id);
    if (first) {
      problems.error(`article id "${doc.id}" is already used by ${where(first)}`, at(doc));
      continue;
    }
    byId.set(doc.id, doc);
    const key = doc.id.normalize('NFC').toLowerCase();
    const same = folded.get(key);
    if (same && prerender)
      problems.error(
        `article id "${doc.id}" differs only in case from "${same.id}" (${where(same)}): their pages would be one folder on macOS and Windows`,
        at(doc),
      );
    else if (!same) folded.set(key, doc);
  }
  if (problems.errors.length)
    throw new InputError(`${problems.errors.length} article id error${problems.errors.length === 1 ? '' : 's'}`);
  return byId;
}
