// The search index on the page side, without DOM: the shards written by the builder
// (web/site/build/search.js) loaded into MiniSearch, queried, and each hit given a snippet with its
// matched words marked. Node imports it too (bench/search-quality.mjs ranks exactly like the page).
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, QUERY_OPTIONS } from '../build/search-options.js';

const SNIPPET_CHARS = 160;

export class SearchIndex {
  constructor() {
    this.shards = [];
  }

  /** data: what one shard script passes to self.foldmarkSearch(k, data). */
  addShard(data) {
    if (!data || !Array.isArray(data.sections) || !data.index) throw new Error('a search shard holds no index');
    this.shards.push({ index: MiniSearch.loadJS(data.index, INDEX_OPTIONS), sections: data.sections });
  }

  /**
   * The best sections for query, best first: [{ n, heading, headingText, text, score, terms }],
   * terms being the indexed words that matched (lower case), for marking.
   */
  search(query, limit = 20) {
    const hits = [];
    if (!String(query).trim()) return hits;
    for (const shard of this.shards) {
      for (const r of shard.index.search(String(query), QUERY_OPTIONS)) {
        const [n, heading, headingText, text] = shard.sections[r.id];
        hits.push({ n, heading, headingText, text, score: r.score, terms: markable(r) });
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }
}

// The matched words worth marking: those the query's words begin (exact and prefix matches); a
// typo-tolerant match ("shape" for "share") only when a query word matched nothing else.
function markable(r) {
  const query = r.queryTerms || [];
  const close = r.terms.filter((t) => query.some((q) => t.startsWith(q)));
  return close.length ? close : r.terms;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression that finds any of the words at the start of a word, case-insensitive. */
export function termsPattern(terms) {
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})`, 'giu') : null;
}

/**
 * Splits text into [{ text, mark }] parts, marking each occurrence of the terms (the caller builds
 * DOM nodes from them: no HTML is ever made from the index's text).
 */
export function markParts(text, terms) {
  const pattern = termsPattern(terms);
  if (!pattern) return [{ text, mark: false }];
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

/** About SNIPPET_CHARS of text around the first matched term, cut at word boundaries. */
export function snippetOf(text, terms) {
  if (text.length <= SNIPPET_CHARS) return text;
  const pattern = termsPattern(terms);
  const at = pattern ? text.search(pattern) : -1;
  let start = Math.max(0, (at < 0 ? 0 : at) - SNIPPET_CHARS / 4);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
