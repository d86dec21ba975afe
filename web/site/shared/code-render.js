// Prism tokens → the inner HTML of a <code>, one string per line, without DOM: the page uses it
// after rendering, and the builder can hand the same output to the core's `highlight` option for
// --prerender pages. Text is escaped here; the classes are Prism's token types.
import { highlightLines } from '../../code-lines.js';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeText = (s) => s.replace(/[&<>]/g, (c) => ESCAPES[c]);
const classOf = (token) => ['token', token.type, ...[token.alias ?? []].flat()].join(' ').replace(/[^\w -]/g, '');

/**
 * tokens: Prism.tokenize's output. Returns the lines' HTML (no '\n'); a token that spans lines is
 * closed at each line end and opened again on the next, so every line stands alone (line numbers
 * and highlighted lines wrap whole lines).
 */
export function tokenLines(tokens) {
  const lines = [''];
  const emit = (token, open) => {
    if (typeof token === 'string') {
      const pieces = token.split('\n');
      pieces.forEach((piece, i) => {
        if (i > 0) lines.push('');
        if (piece)
          lines[lines.length - 1] +=
            open.map((c) => `<span class="${c}">`).join('') + escapeText(piece) + '</span>'.repeat(open.length);
      });
      return;
    }
    const inner = [...open, classOf(token)];
    for (const part of [token.content].flat()) emit(part, inner);
  };
  for (const token of tokens) emit(token, []);
  return lines;
}

/**
 * The whole <code> inner HTML the page shows: each line in span.site-line (line numbers count
 * them), the highlighted ones (1-based numbers) marked as the core and the API mark them.
 */
export function codeHtml(lines, highlighted = []) {
  const count = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const numbered = lines.map((line, i) => (i < count ? `<span class="site-line">${line}</span>` : line));
  return highlightLines(numbered.join('\n') + (count < lines.length ? '' : '\n'), highlighted);
}
