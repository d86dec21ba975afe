// Search text helpers without the index (small, in the page bundle): the pattern that finds the
// searched words, snippets around the first match, and text split into marked / unmarked parts.

const SNIPPET_CHARS = 160;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression that finds any of the words at the start of a word, case-insensitive. */
export function termsPattern(terms) {
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})`, 'giu') : null;
}

/**
 * Splits text into [{ text, mark }] parts, marking each occurrence of the terms (the caller builds
 * DOM nodes from them: no HTML is ever made from the index's text).
 */
export function markParts(text, terms) {
  const pattern = termsPattern(terms);
  if (!pattern) return [{ text, mark: false }];
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

/** About SNIPPET_CHARS of text around the first matched term, cut at word boundaries. */
export function snippetOf(text, terms) {
  if (text.length <= SNIPPET_CHARS) return text;
  const pattern = termsPattern(terms);
  const at = pattern ? text.search(pattern) : -1;
  let start = Math.max(0, (at < 0 ? 0 : at) - SNIPPET_CHARS / 4);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
