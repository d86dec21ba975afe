// The sidebar read as a book: which sidebar holds a doc, the categories above it, and the docs
// in reading order (a category's own doc before its children), for breadcrumbs and prev/next.
import { docCount, state } from './state.js';

const isDoc = (n) => Number.isInteger(n) && n >= 0 && n < docCount();
const docOf = (item) => (isDoc(item) ? item : Array.isArray(item) && isDoc(item[0]) ? item[0] : null);

function allSidebars() {
  return state.catalog && Array.isArray(state.catalog.sidebars) ? state.catalog.sidebars : [];
}

/** [{ n, label }] of a sidebar's docs in reading order (each doc once). */
export function readingOrder(items, out = [], seen = new Set()) {
  for (const item of Array.isArray(items) ? items : []) {
    const n = docOf(item);
    if (n !== null) {
      if (!seen.has(n)) out.push({ n, label: Array.isArray(item) && item[1] ? String(item[1]) : '' });
      seen.add(n);
    } else if (Array.isArray(item) && item[0] === 'c') {
      if (isDoc(item[4]) && !seen.has(item[4])) {
        out.push({ n: item[4], label: String(item[1] || '') });
        seen.add(item[4]);
      }
      readingOrder(item[3], out, seen);
    }
  }
  return out;
}

// The categories around doc n in items, outermost first, or null when n is not there.
function categoriesTo(items, n) {
  for (const item of Array.isArray(items) ? items : []) {
    if (docOf(item) === n) return [];
    if (Array.isArray(item) && item[0] === 'c') {
      if (item[4] === n) return [];
      const inner = categoriesTo(item[3], n);
      if (inner) return [item, ...inner];
    }
  }
  return null;
}

/** { sidebar: items, categories: [category items] } for doc n, or null when no sidebar holds it. */
export function placeOf(n) {
  for (const items of allSidebars()) {
    const categories = categoriesTo(items, n);
    if (categories) return { sidebar: items, categories };
  }
  return null;
}
