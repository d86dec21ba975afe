// Which headings a table of contents lists (the sidebar's under the shown doc and the "On this
// page" column): the core's `toc` (headings inside an admonition, a tab panel or a <details> are
// not in it), those with an id, the top two levels present, or the levels the doc's front matter
// names (toc_min_heading_level, toc_max_heading_level: builder page-front-matter.js).

/** [{ id, text, sub }] from article.toc, at most max; sub: below the first level listed. levels: [min, max]. */
export function tocEntries(toc, max, levels) {
  if (!Array.isArray(toc)) return [];
  const [min, most] = Array.isArray(levels) && levels.length === 2 ? levels : [0, 0];
  let top = Infinity;
  for (const t of toc) if (t.id && t.level < top && t.level >= min) top = t.level; // a loop: never spread a huge array
  const bottom = most ? most : top + 1;
  const out = [];
  for (const t of toc) {
    if (out.length === max) break;
    if (!t.id || t.level < top || t.level > bottom) continue;
    out.push({ id: t.id, text: t.text, sub: t.level > top });
  }
  return out;
}
