// The reading features (issue 14), wired once the catalog is there: search, marks of searched
// words, and what surrounds each shown article. One hook in main.js keeps merges with the page easy.
import { wireSearch } from './search.js';
import { wireMarks } from './marks.js';
import { wireCode } from './code.js';

export function wireReading() {
  wireMarks();
  wireCode();
  wireSearch();
}
