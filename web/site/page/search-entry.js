// The lazily loaded part of search, bundled by esbuild into dist/foldmark-search.js (the builder
// copies it to _foldmark/search.js): MiniSearch and the index wrapper, so a reader who never
// searches never downloads them.
import { GLOBALS } from '../shared/paths.js';
import { SearchIndex } from './search-index.js';

self[GLOBALS.searchIndex] = SearchIndex;
