// The search stage of `foldmark build`: each doc's rendered HTML → sections (heading id, heading
// text, the text under it), indexed at build time with MiniSearch and written as classic scripts
// OUT/_foldmark/search/<k>.js (file:// pages cannot fetch JSON). The page loads them on first use.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { scriptJson } from './pages.js';
import { INDEX_OPTIONS } from './search-options.js';

// A shard holds the sections of consecutive docs until its text reaches this size: one shard for a
// small site, several for a big one so that no single script is huge and results arrive in steps.
export const SHARD_TEXT_BYTES = 4 * 1024 * 1024;

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

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

// Groups the docs' sections into shards of about shardBytes of text each.
function shardsOf(docs, shardBytes) {
  const shards = [];
  let shard = null;
  for (const doc of docs) {
    if (!shard || shard.bytes > shardBytes) shards.push((shard = { docs: [], bytes: 0 }));
    shard.docs.push(doc);
    for (const s of doc.search) shard.bytes += s.x.length + s.t.length;
  }
  return shards;
}

/**
 * One shard's script: self.foldmarkSearch(k, { index, sections }) where index is MiniSearch's JSON
 * and sections[i] = [doc index, heading id, heading text, text] for the index's id i.
 */
export function shardScript(k, docs) {
  const index = new MiniSearch(INDEX_OPTIONS);
  const sections = [];
  for (const doc of docs) {
    for (const s of doc.search) {
      const i = sections.length;
      sections.push([doc.index, s.h, s.t, s.x]);
      index.add({ i, title: doc.title, heading: s.t, text: s.x });
    }
  }
  return `self.foldmarkSearch(${k},${scriptJson({ index: index.toJSON(), sections })});\n`;
}

// The page's lazily loaded search code (MiniSearch + web/site/page/search-index.js), built by
// scripts/build.sh from web/site/page/search-entry.js.
const searchCode = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'foldmark-search.js');

/**
 * Writes OUT/_foldmark/search.js (the code) and OUT/_foldmark/search/<k>.js for every shard;
 * returns the shard count (for the catalog).
 */
export async function writeSearch(docs, stage, { shardBytes = SHARD_TEXT_BYTES } = {}) {
  const shards = shardsOf(docs.filter((d) => Array.isArray(d.search)), shardBytes);
  if (shards.length) await stage.copy('_foldmark/search.js', searchCode);
  for (let k = 0; k < shards.length; k += 1) await stage.write(`_foldmark/search/${k}.js`, shardScript(k, shards[k].docs));
  return shards.length;
}
