// Small text rules the builder, the page, the CLI and the dev client share: positions in a source
// text, the way a place is written (file:line:column), a URI component decoded without throwing,
// and the character references of the HTML the core writes decoded.

/** 1-based { line, column } of offset in text (the column counts UTF-16 units). */
export function lineColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** 'file:line:column', leaving out the parts not known. */
export const location = ({ file, line, column }) =>
  [file, line, column].filter((x) => x !== undefined && x !== null && x !== '').join(':');

/** decodeURIComponent, or fallback (the text as it is) when it is not valid percent-encoding. */
export function decodeComponent(text, fallback = text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/**
 * The text of HTML text or an attribute value as a DOM reads it, for the references the core
 * writes (&amp; &lt; &gt; &quot; &#39; &nbsp;) and any numeric one; other names stay as they are.
 */
export function decodeEntities(html) {
  if (!html.includes('&')) return html;
  return html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) => {
    if (Object.hasOwn(NAMED, name)) return NAMED[name];
    if (name[0] !== '#') return whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
