// The search stage of `foldmark build`: each doc's rendered HTML → sections (heading id, heading
// text, the text under it), indexed at build time with MiniSearch and written as classic scripts
// OUT/_foldmark/search/<k>.js (file:// pages cannot fetch JSON). The page loads them on first use.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import MiniSearch from 'minisearch';
import { GLOBALS, PATHS } from '../shared/paths.js';
import { InputError } from './problems.js';
import { scriptJson } from './html.js';
import { INDEX_OPTIONS } from '../shared/search-options.js';
import { decodeEntities, entityAt } from '../shared/text.js';

// A shard holds the sections of consecutive docs until its text reaches this size: one shard for a
// small site, several for a big one so that no single script is huge and results arrive in steps.
export const SHARD_TEXT_BYTES = 4 * 1024 * 1024;

// The text of one article that search indexes: past this many characters (headings and text
// together) the rest of the article is not searchable, and the build says so. It keeps one
// article from filling a shard (and the worker's memory) on its own.
export const MAX_SEARCH_TEXT = 1024 * 1024;

// What /\s/ matches.
const isSpace = (c) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0xa0 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));

// Tags that separate words (blocks, cells, <br>); any other tag sits inside a word (<em>a</em>b is "ab").
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'pre',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'summary',
  'details',
  'dt',
  'dd',
]);
const HEADING = /^h[1-6]$/;

// Plain text gathered piece by piece: runs of white space become one space, none at either end.
class Text {
  constructor() {
    this.parts = [];
    this.gap = false;
  }

  space() {
    if (this.parts.length) this.gap = true;
  }

  // Adds s (no white space in it) within budget.left characters; false once the budget is spent.
  add(s, budget) {
    const need = s.length + (this.gap ? 1 : 0);
    if (need > budget.left) {
      if (this.gap && budget.left > 1) this.parts.push(' ', s.slice(0, budget.left - 1));
      else if (!this.gap && budget.left > 0) this.parts.push(s.slice(0, budget.left));
      budget.left = 0;
      return false;
    }
    if (this.gap) this.parts.push(' ');
    this.parts.push(s);
    this.gap = false;
    budget.left -= need;
    return true;
  }

  toString() {
    return this.parts.join('');
  }
}

/**
 * Walks rendered HTML once, left to right: text (entities decoded) goes to into().add, white space
 * and word-separating tags to into().space; tag(name, closing, attrs) sees every tag. Stops when
 * the budget is spent and returns false then.
 */
function walkHtml(html, { into, tag = () => {}, budget }) {
  const n = html.length;
  let i = 0;
  let unclosed = false; // no '>' after some '<': the rest has none either
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 60) {
      // <
      const end = unclosed ? -1 : html.indexOf('>', i + 1);
      if (end < 0) {
        unclosed = true;
        if (!into().add('<', budget)) return false;
        i += 1;
        continue;
      }
      const closing = html.charCodeAt(i + 1) === 47;
      const nameStart = i + (closing ? 2 : 1);
      let nameEnd = nameStart;
      while (nameEnd < end && /\w/.test(html[nameEnd])) nameEnd += 1;
      const name = html.slice(nameStart, nameEnd).toLowerCase();
      if (BLOCK.has(name)) into().space();
      tag(name, closing, html.slice(nameEnd, end));
      i = end + 1;
    } else if (c === 38) {
      // &
      const ref = entityAt(html, i);
      if (!ref) {
        if (!into().add('&', budget)) return false;
        i += 1;
      } else {
        if (ref.value.length === 1 && isSpace(ref.value.charCodeAt(0))) into().space();
        else if (!into().add(ref.value, budget)) return false;
        i += ref.length;
      }
    } else if (isSpace(c)) {
      into().space();
      i += 1;
    } else {
      let j = i + 1;
      for (let d = html.charCodeAt(j); j < n && d !== 60 && d !== 38 && !isSpace(d); d = html.charCodeAt(++j));
      if (!into().add(html.slice(i, j), budget)) return false;
      i = j;
    }
  }
  return true;
}

/** HTML → plain text: tags become spaces where they separate words, nothing inside a word. */
export function htmlText(html, limit = Infinity) {
  const text = new Text();
  walkHtml(html, { into: () => text, budget: { left: limit } });
  return text.toString();
}

/**
 * The searchable sections of one rendered article: [{ h: heading id ('' for the part before the
 * first heading with an id), t: heading text, x: text under the heading up to the next heading }].
 * Sections with no heading id and no text are dropped. One pass over the HTML, and at most limit
 * characters of text in all: onCut() is called when the article has more.
 */
export function searchSections(html, { limit = MAX_SEARCH_TEXT, onCut = () => {} } = {}) {
  const sections = [];
  let current = { h: '', t: null, x: new Text() };
  let open = null; // the name of the heading whose text is being read, e.g. 'h2'
  const close = () => {
    const x = current.x.toString();
    if (x || current.h) sections.push({ h: current.h, t: current.t === null ? '' : current.t.toString(), x });
  };
  const tag = (name, closing, attrs) => {
    if (open) {
      if (closing && name === open) open = null;
      return;
    }
    if (closing || !HEADING.test(name)) return;
    const id = /\bid="([^"]*)"/.exec(attrs);
    if (!id) return; // a heading without an id is text of its section
    close();
    current = { h: decodeEntities(id[1]), t: new Text(), x: new Text() };
    open = name;
  };
  const into = () => (open ? current.t : current.x);
  if (!walkHtml(html, { into, tag, budget: { left: limit } })) onCut();
  close();
  return sections;
}

/**
 * One shard, indexed as its docs are added. script(k) is its classic script:
 * self.foldmarkSearch(k, JSON.parse('{ index, sections }')) where index is MiniSearch's JSON and
 * sections[i] = [doc index, heading id, heading text, text] for the index's id i.
 */
export class ShardBuilder {
  constructor() {
    this.index = new MiniSearch(INDEX_OPTIONS);
    this.sections = [];
    this.bytes = 0; // text indexed so far: a shard is closed past the builder's shardBytes
  }

  add(docIndex, title, sections) {
    for (const s of sections) {
      const i = this.sections.length;
      this.sections.push([docIndex, s.h, s.t, s.x]);
      this.index.add({ i, title, heading: s.t, text: s.x });
      this.bytes += s.x.length + s.t.length;
    }
  }

  // JSON.parse of a string literal: a browser parses a 10 MB object literal in about a second
  // (measured in Chromium), the same data as a string in a few tens of milliseconds.
  script(k) {
    const json = JSON.stringify({ index: this.index.toJSON(), sections: this.sections });
    return `self.${GLOBALS.search}(${k},JSON.parse(${scriptJson(json)}));\n`;
  }
}

// The page's lazily loaded search code (MiniSearch + web/site/page/search-index.js), built by
// scripts/build.sh from web/site/page/search-entry.js.
const searchCode = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'foldmark-search.js');

const BATCH_DOCS = 64; // docs per message to the worker: fewer, larger messages cost less

/**
 * The search index of a build, made in a worker thread (search-worker.js) while the build goes on:
 * add(doc) in doc order as each doc is read (its sections are handed over, not kept), then
 * finish(stage) writes OUT/_foldmark/search.js and records the shard files the worker wrote into
 * the staging folder; it resolves to the shard count (for the catalog). stop() ends the worker
 * when the build fails.
 */
export class SearchIndexer {
  constructor(stageDir, { shardBytes = SHARD_TEXT_BYTES } = {}) {
    this.worker = new Worker(new URL('./search-worker.js', import.meta.url), {
      workerData: { dir: stageDir, shardBytes },
    });
    this.batch = [];
    this.result = new Promise((resolve, reject) => {
      this.worker.on('message', (m) => {
        if (m.done) resolve(m.done);
        else if (m.error)
          reject(
            new InputError(`cannot write the search index: ${m.error.code || m.error.message}`, { file: m.error.file }),
          );
      });
      this.worker.on('error', (err) => reject(new InputError(`the search index failed: ${err.message}`)));
      this.worker.on('exit', (code) => reject(new InputError(`the search index stopped (exit ${code})`)));
    });
    this.result.catch(() => {}); // reported by finish(); a build that fails first never asks
  }

  add(doc, sections) {
    this.batch.push([doc.index, doc.title, sections]);
    if (this.batch.length >= BATCH_DOCS) this.flush();
  }

  flush() {
    if (this.batch.length) this.worker.postMessage({ docs: this.batch });
    this.batch = [];
  }

  async finish(stage) {
    this.flush();
    this.worker.postMessage({ end: true });
    try {
      const { shards, files } = await this.result;
      if (shards) await stage.copy(PATHS.searchCode, searchCode);
      stage.files.push(...files);
      return shards;
    } finally {
      this.stop();
    }
  }

  stop() {
    this.worker.removeAllListeners('exit');
    this.worker.terminate();
  }
}
