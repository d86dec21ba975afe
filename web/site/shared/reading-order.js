// The sidebars read as a book, for the builder (its pages' open categories, the doc scripts'
// neighbours) and the page (breadcrumbs, previous/next, prefetching). Items are the builder's or the
// decoded catalog's (shared/catalog.js): `doc` is a doc object there and a doc index here.

/**
 * Each doc's first place in the sidebars, found in one walk: { sidebar, sidebarIndex, categories
 * (those above it, outermost first), path (the categories open on its page: with a category's own
 * doc, that category too), order (its sidebar's docs in reading order: each once, a category's own
 * doc before its children), at (its index in order) }. sidebars: [{ items }].
 */
export function placeDocs(sidebars) {
  const places = new Map();
  sidebars.forEach((sidebar, sidebarIndex) => {
    const order = [];
    const seen = new Set();
    const visit = (doc, categories, path) => {
      if (seen.has(doc)) return;
      seen.add(doc);
      const at = order.push(doc) - 1;
      if (!places.has(doc)) places.set(doc, { sidebar, sidebarIndex, categories, path, order, at });
    };
    const walk = (items, categories) => {
      for (const item of items) {
        if (item.type === 'doc') visit(item.doc, categories, categories);
        if (item.type !== 'category') continue;
        const inner = [...categories, item];
        if (item.doc !== undefined) visit(item.doc, categories, inner);
        walk(item.items, inner);
      }
    };
    walk(sidebar.items, []);
  });
  return places;
}

/** [previous, next] of a place (undefined: none). */
export const neighbours = (place) => [place.order[place.at - 1], place.order[place.at + 1]];
