// Front matter that shapes a doc's page, as Docusaurus reads it: which headings its tables of
// contents list (toc_min_heading_level, toc_max_heading_level, hide_table_of_contents), its edit
// link (custom_edit_url; null: none), its "last updated" line (last_update), its previous/next
// (pagination_prev / pagination_next: a doc id, or null for none; pagination_label: how other
// docs' pagers name it) and its prerendered page's keywords and image. Unknown keys are ignored,
// as Docusaurus ignores them; a value of the wrong kind is ignored too.

const HEADING_LEVELS = [2, 3, 4, 5, 6];
const text = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const level = (v) => (HEADING_LEVELS.includes(v) ? v : undefined);

// Docusaurus's defaults: levels 2 to 3.
function tocLevels(meta) {
  const min = level(meta.toc_min_heading_level);
  const max = level(meta.toc_max_heading_level);
  if (min === undefined && max === undefined) return undefined;
  const from = min ?? 2;
  const to = max ?? Math.max(3, from);
  return from <= to ? [from, to] : undefined;
}

function lastUpdate(meta) {
  const raw = meta.last_update;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const date = text(raw.date) ?? (typeof raw.date === 'number' ? String(raw.date) : undefined);
  const author = text(raw.author);
  return date || author ? { ...(date ? { date } : {}), ...(author ? { author } : {}) } : undefined;
}

/** The fields of doc.pageData (its doc script; the page's features read them) from its front matter. */
export function pageFrontMatter(meta = {}) {
  const data = {};
  if (meta.hide_table_of_contents === true) data.hideToc = true;
  const levels = tocLevels(meta);
  if (levels) data.tocLevels = levels;
  if (meta.custom_edit_url === null) data.editUrl = null;
  else if (text(meta.custom_edit_url) && /^https?:\/\/[^/]/i.test(meta.custom_edit_url.trim()))
    data.editUrl = meta.custom_edit_url.trim();
  const update = lastUpdate(meta);
  if (update) data.lastUpdate = update;
  return data;
}

/**
 * [previous, next] of a doc with its front matter applied: pagination_prev / pagination_next name
 * a doc by id (byId) or are null (none). Each side is a doc, null (none) or undefined (the sidebar's).
 */
export function paginationOf(doc, byId) {
  const side = (key) => {
    if (!doc.meta || !Object.hasOwn(doc.meta, key)) return undefined;
    const value = doc.meta[key];
    if (value === null) return null;
    return typeof value === 'string' ? (byId.get(value) ?? undefined) : undefined;
  };
  return [side('pagination_prev'), side('pagination_next')];
}

/** How a pager names doc: its pagination_label, else its label. */
export const pagerLabel = (doc) => text(doc.meta?.pagination_label) ?? doc.label;

/** The prerendered page's keywords (a list or a comma-separated string) and image path or URL. */
export function pageMeta(meta = {}) {
  const keywords = Array.isArray(meta.keywords)
    ? meta.keywords.filter((k) => typeof k === 'string' && k.trim()).join(', ')
    : text(meta.keywords);
  return { keywords: keywords || undefined, image: text(meta.image) };
}
