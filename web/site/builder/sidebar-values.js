// What a sidebar entry may hold: labels of a bounded length (each is repeated in the sidebar of
// every page) and link URLs that pass the rule the core applies to Markdown links.

// Longer labels are cut: a sidebar label is a line of text, and a megabyte one would be written
// into every page of the site (5 MB of docs made 981 MB of pages).
export const MAX_LABEL_CHARS = 200;

/**
 * label cut to MAX_LABEL_CHARS characters (code points, never half a pair) ending with '…', with a
 * warning at `where` ({ file, line, column }, or a function that finds it: only called for a label
 * that is cut); shorter labels as they are.
 */
export function capLabel(label, where, problems) {
  if (label.length <= MAX_LABEL_CHARS) return label;
  let chars = 0;
  for (const c of label) chars += c ? 1 : 0;
  if (chars <= MAX_LABEL_CHARS) return label;
  problems.warn(
    `sidebar label of ${chars} characters cut to ${MAX_LABEL_CHARS}`,
    typeof where === 'function' ? where() : where,
  );
  // MAX_LABEL_CHARS - 1 code points lie within the first 2 * MAX_LABEL_CHARS code units.
  return `${Array.from(label.slice(0, 2 * MAX_LABEL_CHARS))
    .slice(0, MAX_LABEL_CHARS - 1)
    .join('')}…`;
}

// Backslash-escapes every character that means something in a Markdown link destination written
// in angle brackets (entities, escapes, the brackets), so that the core sees the URL itself. CR
// and LF, which a destination cannot hold, are removed, as the browser's URL parser removes them.
const asDestination = (url) => url.replace(/[\r\n]/g, '').replace(/[\\<>&]/g, (c) => `\\${c}`);

/** Whether the core keeps href as a link's URL (its scheme allowlist, the one Markdown links get). */
export function linkAllowed(fm, href) {
  return /<a href=/.test(fm.toHtml(`[x](<${asDestination(href)}>)`));
}

/** 1-based line of the first line of text that matches re, else 1. */
export function lineOf(text, re) {
  const lines = text.split('\n', 4096);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? 1 : i + 1;
}

// Where a doc's label comes from: front matter sidebar_label, else its title (the first # heading,
// else front matter title).
function docLabelLine(doc) {
  if (doc.meta && typeof doc.meta.sidebar_label === 'string' && doc.meta.sidebar_label.trim())
    return lineOf(doc.markdown, /^sidebar_label\s*:/);
  const heading = lineOf(doc.markdown, /^ {0,3}#[ \t]/);
  return heading > 1 || /^ {0,3}#[ \t]/.test(doc.markdown) ? heading : lineOf(doc.markdown, /^title\s*:/);
}

/** Cuts every doc's label (the sidebar's, the breadcrumbs' and the pager's text) to the limit. */
export function capDocLabels(docs, problems) {
  for (const doc of docs) {
    if (doc.label.length > MAX_LABEL_CHARS)
      doc.label = capLabel(doc.label, { file: doc.abs, line: docLabelLine(doc) }, problems);
  }
}
