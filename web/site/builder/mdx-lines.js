// The few MDX line shapes the builder reads before the core does: fenced code (never read
// inside), a line's container prefix, `import Name from '…'`, a component tag on its own lines
// (`<Name a="x" b={…} />`), code spans, and Markdown escaping of generated text.

const FENCE = /^(`{3,}|~{3,})/;
export const IMPORT_LINE = /^import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"\r\n]+)\2\s*(?:;\s*)?$/;
const MAX_TAG_LINES = 32; // as the core: a tag may run over at most this many lines

/** The container prefix of a line (blanks and '>', as the core's line stages read it). */
export const prefixOf = (line) => /^[ \t>]*/.exec(line)[0];

/** A function content → whether that line is fenced code (its fence lines included). */
export function fenceTracker() {
  let open = null;
  const tracker = (content) => {
    const m = FENCE.exec(content);
    if (open) {
      if (m && m[1][0] === open.char && m[1].length >= open.length && content.slice(m[1].length).trim() === '')
        open = null;
      return true;
    }
    if (m && !(m[1][0] === '`' && content.slice(m[1].length).includes('`'))) {
      open = { char: m[1][0], length: m[1].length };
      return true;
    }
    return false;
  };
  tracker.openFence = () => (open ? open.char.repeat(open.length) : '');
  return tracker;
}

// A {…} expression from s[i] (nested braces, strings inside): the index after it, or -1.
function skipBraces(s, i) {
  let depth = 0;
  for (; i < s.length; i += 1) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = s.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

// An attribute value as the builder can use it: a string for "x", 'x', {"x"}, {'x'}, {2}, a
// bare attribute's true, else { expression } with its text.
function attributeValue(raw) {
  if (raw === undefined) return true;
  if (/^(["']).*\1$/s.test(raw)) return raw.slice(1, -1);
  const inner = raw.slice(1, -1).trim();
  if (/^(["'`])[^`]*\1$/s.test(inner) && !inner.includes('${')) return inner.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(inner)) return inner;
  return { expression: inner };
}

/** '<Name …/>' (or '<Name …></Name>') alone in s: { name, attrs } | 'incomplete' | null. */
export function parseTag(s) {
  const m = /^<([A-Z][\w.]*)/.exec(s);
  if (!m) return null;
  const name = m[1];
  const attrs = {};
  let i = m[0].length;
  for (;;) {
    while (i < s.length && /\s/.test(s[i])) i += 1;
    if (i >= s.length) return 'incomplete';
    if (s.startsWith('/>', i)) return s.slice(i + 2).trim() === '' ? { name, attrs } : null;
    if (s[i] === '>') return s.slice(i + 1).trim() === `</${name}>` ? { name, attrs } : null;
    if (s[i] === '{') {
      i = skipBraces(s, i);
      if (i < 0) return 'incomplete';
      continue;
    }
    const a = /^[A-Za-z_$][\w$:.-]*/.exec(s.slice(i));
    if (!a) return null;
    i += a[0].length;
    let raw;
    if (s[i] === '=') {
      i += 1;
      const start = i;
      if (s[i] === '"' || s[i] === "'") {
        const end = s.indexOf(s[i], i + 1);
        if (end < 0) return 'incomplete';
        i = end + 1;
      } else if (s[i] === '{') {
        i = skipBraces(s, i);
        if (i < 0) return 'incomplete';
      } else return null;
      raw = s.slice(start, i);
    }
    attrs[a[0]] = attributeValue(raw);
  }
}

/** The name of the component tag a line's content starts, or ''. */
export const tagName = (content) => /^<([A-Z][\w.]*)/.exec(content)?.[1] ?? '';

/**
 * The component tag starting at lines[i] (after its prefix): { tag, last }, or { tag: null, last }
 * when it is none; lines up to last were read as its attributes (not worth reading again).
 */
export function readTag(lines, i, prefixLength) {
  let text = '';
  let k = i;
  for (; k < lines.length && k < i + MAX_TAG_LINES; k += 1) {
    text += (k > i ? '\n' : '') + lines[k].slice(k === i ? prefixLength : prefixOf(lines[k]).length);
    const tag = parseTag(text);
    if (tag === null) return { tag: null, last: k };
    if (tag !== 'incomplete') return { tag, last: k };
  }
  return { tag: null, last: k - 1 };
}

/** [start, end) ranges of a line's code spans (backtick runs paired by length). */
export function codeSpans(line) {
  const runs = [...line.matchAll(/`+/g)];
  const spans = [];
  for (let k = 0; k < runs.length; k += 1) {
    const close = runs.findIndex((r, j) => j > k && r[0].length === runs[k][0].length);
    if (close < 0) continue;
    spans.push([runs[k].index, runs[close].index + runs[close][0].length]);
    k = close;
  }
  return spans;
}

/** Text to show as it is in Markdown: every ASCII punctuation character backslash-escaped. */
export const escapeMarkdown = (text) => String(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');

/** A relative path as a link destination: each part percent-encoded, parentheses too. */
export const encodeDestination = (path) =>
  path
    .split('/')
    .map((part) =>
      part === '.' || part === '..'
        ? part
        : encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
