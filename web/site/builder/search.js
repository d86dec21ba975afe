// The search stage of `foldmark build`: each doc's rendered HTML → sections (heading id, heading
// text, the text under it), indexed at build time with MiniSearch and written as classic scripts
// OUT/_foldmark/search/<k>.js (file:// pages cannot fetch JSON). The page loads them on first use.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import MiniSearch from 'minisearch';
import { GLOBALS, PATHS } from '../shared/paths.js';
import { decodeEntities } from '../shared/text.js';
import { InputError } from './problems.js';
import { scriptJson } from './html.js';
import { INDEX_OPTIONS } from '../shared/search-options.js';

// A shard holds the sections of consecutive docs until its text reaches this size: one shard for a
// small site, several for a big one so that no single script is huge and results arrive in steps.
export const SHARD_TEXT_BYTES = 4 * 1024 * 1024;

// HTML → plain text: tags become spaces where they separate words (blocks, cells, <br>), nothing
// inside a word (<em>a</em>b stays "ab").
const BLOCK_TAG = /<\/?(p|div|li|ul|ol|tr|td|th|table|pre|blockquote|h[1-6]|br|hr|summary|details|dt|dd)\b[^>]*>/gi;
export function htmlText(html) {
  return decodeEntities(html.replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

const HEADING = /<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/gi;

/**
 * The searchable sections of one rendered article: [{ h: heading id ('' for the part before the
 * first heading with an id), t: heading text, x: text under the heading up to the next heading }].
 * Sections with no heading id and no text are dropped.
 */
export function searchSections(html) {
  const sections = [];
  let current = { h: '', t: '', start: 0 };
  const close = (end) => {
    const x = htmlText(html.slice(current.start, end));
    if (x || current.h) sections.push({ h: current.h, t: current.t, x });
  };
  for (const m of html.matchAll(HEADING)) {
    const id = /\bid="([^"]*)"/.exec(m[2]);
    if (!id) continue;  // the article title (fm-title) has no id: its text is the doc's title
    close(m.index);
    current = { h: decodeEntities(id[1]), t: htmlText(m[3]), start: m.index + m[0].length };
  }
  close(html.length);
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
    this.bytes = 0;  // text indexed so far: a shard is closed past the builder's shardBytes
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

const BATCH_DOCS = 64;  // docs per message to the worker: fewer, larger messages cost less

/**
 * The search index of a build, made in a worker thread (search-worker.js) while the build goes on:
 * add(doc) in doc order as each doc is read (its sections are handed over, not kept), then
 * finish(stage) writes OUT/_foldmark/search.js and records the shard files the worker wrote into
 * the staging folder; it resolves to the shard count (for the catalog). stop() ends the worker
 * when the build fails.
 */
export class SearchIndexer {
  constructor(stageDir, { shardBytes = SHARD_TEXT_BYTES } = {}) {
    this.worker = new Worker(new URL('./search-worker.js', import.meta.url), { workerData: { dir: stageDir, shardBytes } });
    this.batch = [];
    this.result = new Promise((resolve, reject) => {
      this.worker.on('message', (m) => {
        if (m.done) resolve(m.done);
        else if (m.error) reject(new InputError(`cannot write the search index: ${m.error.code || m.error.message}`, { file: m.error.file }));
      });
      this.worker.on('error', (err) => reject(new InputError(`the search index failed: ${err.message}`)));
      this.worker.on('exit', (code) => reject(new InputError(`the search index stopped (exit ${code})`)));
    });
    this.result.catch(() => {});  // reported by finish(); a build that fails first never asks
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
