// Which headings a table of contents lists (the sidebar's under the shown doc and the "On this
// page" column): the core's `toc` (headings inside an admonition, a tab panel or a <details> are
// not in it), those with an id, the top two levels present.

/** [{ id, text, sub }] from article.toc, at most max; sub: the second level. */
export function tocEntries(toc, max) {
  if (!Array.isArray(toc)) return [];
  let top = Infinity;
  for (const t of toc) if (t.id && t.level < top) top = t.level; // a loop: never spread a huge array
  const out = [];
  for (const t of toc) {
    if (out.length === max) break;
    if (!t.id || t.level > top + 1) continue;
    out.push({ id: t.id, text: t.text, sub: t.level > top });
  }
  return out;
}
