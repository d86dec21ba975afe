// Which articles the site lists, under which id and label, in which order (front matter rules
// shared by the builder in Node and the page). No imports: the builder ships it as a classic script.

// 'content/how-it-works.md' → 'how-it-works'
export function fileStem(file) {
  return String(file).replace(/^.*[\\/]/, '').replace(/\.(md|markdown|mdx|txt)$/i, '');
}

function text(value) {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function position(value) {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

// One sidebar entry for a rendered Article: id from meta.id else the file name without .md,
// label from meta.sidebar_label else the title.
export function catalogEntry(file, article) {
  const meta = article.meta && typeof article.meta === 'object' ? article.meta : {};
  const id = text(meta.id) || fileStem(file);
  const title = article.title || text(meta.title) || id;
  return {
    id,
    file: String(file).replace(/^.*[\\/]/, ''),
    title,
    label: text(meta.sidebar_label) || title,
    position: position(meta.sidebar_position),
    description: text(meta.description),
    article,
  };
}

// Ordered by sidebar_position, then by file name. An article without a position counts as 0, so
// a lone unpositioned article (typically the site's own main one) leads the sidebar.
export function sortCatalog(entries) {
  const byFile = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return entries.slice().sort((a, b) => (a.position === b.position ? byFile(a, b) : a.position < b.position ? -1 : 1));
}

// Hash routes: '#/<article-id>' and '#/<article-id>/<heading-id>', each part URI-encoded.
export function routeHref(articleId, headingId) {
  return `#/${encodeURIComponent(articleId)}${headingId ? `/${encodeURIComponent(headingId)}` : ''}`;
}
