// Highlighted code lines in highlighter HTML, marked as the core marks them in the code it escapes:
// the API wraps a highlight hook's output with it, and the site's page its own colouring. The
// markup itself is the contract's (wasm/contract.json), which the core writes from too.
import { CONTRACT } from './contract.js';

const { lineHighlightOpen: OPEN, lineHighlightClose: CLOSE } = CONTRACT.markup;

// Tags a line of highlighter output leaves open, so a highlighted line can close them before its
// </span> and open them again after (a comment token spanning lines stays one colour).
const TAG = /<(\/?)([A-Za-z][\w-]*)[^>]*?(\/?)>/g;
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input']);
function openTagsAfter(open, line) {
  const stack = open.slice();
  for (const [tag, closing, name, selfClosing] of line.matchAll(TAG)) {
    const lower = name.toLowerCase();
    if (selfClosing || VOID.has(lower)) continue;
    if (!closing) {
      stack.push({ name: lower, tag });
      continue;
    }
    const at = stack.map((t) => t.name).lastIndexOf(lower);
    if (at >= 0) stack.length = at;
  }
  return stack;
}
const closeAll = (stack) =>
  stack
    .map((t) => `</${t.name}>`)
    .reverse()
    .join('');
const openAll = (stack) => stack.map((t) => t.tag).join('');

/**
 * Wraps the listed lines (1-based) of a highlighter's HTML as the core wraps escaped code:
 * <span class="fm-line-highlight">line\n</span>, with tags crossing the line ends closed and
 * reopened around the span so every element stays balanced.
 */
export function highlightLines(html, lines) {
  const lit = new Set(lines);
  const parts = html.split('\n');
  let open = [];
  return parts
    .map((line, i) => {
      const newline = i < parts.length - 1 ? '\n' : '';
      const before = open;
      open = openTagsAfter(before, line);
      if (!lit.has(i + 1) || (line === '' && newline === '')) return line + newline;
      return (
        `${closeAll(before)}${OPEN}${openAll(before)}${line}${newline}` + `${closeAll(open)}${CLOSE}${openAll(open)}`
      );
    })
    .join('');
}
