// How a Markdown file gets its id, title and sidebar label, for the builder's docs and the files a
// reader opens on the page: Docusaurus's rules (front matter id, else the file name without its
// number prefix; title from the first h1, else front matter title; label sidebar_label, else title).

/** A front matter value as text: strings trimmed, numbers written out, anything else ''. */
export const metaText = (v) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** The article's front matter as an object ({} when it has none or it is not a map). */
export const metaOf = (article) => (article.meta && typeof article.meta === 'object' ? article.meta : {});

// Docusaurus's number prefixes: '01-intro' → 'intro', '2. Setup' → 'Setup'; '2021-01-01' is a date, kept.
export function stripNumberPrefix(name) {
  const m = /^\d+\s*[-_.]+\s*([^-_.\s].*)$/.exec(name);
  return m && !/^\d/.test(m[1]) ? m[1] : name;
}

export const MARKDOWN_FILE = /\.(md|mdx|markdown|txt)$/i;
/** A file name without its Markdown extension. */
export const stemOf = (file) => file.replace(MARKDOWN_FILE, '');

/** Does this file stand for its folder (index, README, or named like the folder)? */
export const isFolderIndex = (file, folder) => {
  const stem = stemOf(file);
  return /^(index|readme)$/i.test(stem) || Boolean(folder && stem.toLowerCase() === folder.toLowerCase());
};

/** The id a file gives itself, before its folder: front matter id, else its name. */
export const ownIdOf = (meta, file) => metaText(meta.id) || stripNumberPrefix(stemOf(file));

/** { title, label } of a rendered article; fallback: its id. */
export function titleAndLabel(article, meta, fallback) {
  const title = article.title || metaText(meta.title) || fallback;
  return { title, label: metaText(meta.sidebar_label) || title };
}
