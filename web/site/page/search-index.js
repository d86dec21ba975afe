// The search index on the page side, without DOM: the shards written by the builder
// (web/site/builder/search.js) loaded into MiniSearch and queried. It is bundled apart from the page
// (search-entry.js → _foldmark/search.js, loaded on first use with the shards); Node imports it too
// (bench/search-quality.mjs ranks exactly like the page).
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, QUERY_OPTIONS } from '../shared/search-options.js';

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
