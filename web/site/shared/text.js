// Small text rules the builder, the page, the CLI and the dev client share: positions in a source
// text, the way a place is written (file:line:column), a URI component decoded without throwing,
// and the character references of the HTML the core writes decoded.

/**
 * A function offset → { line, column } (1-based, column in UTF-16 units) over text. The line
 * starts are found once, on first use, so locating many offsets in one text is linear overall.
 */
export function lineLocator(text) {
  let starts = null;
  const index = () => {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
    starts = new Uint32Array(count);
    let k = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  };
  return (offset) => {
    if (!starts) index();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/** 1-based { line, column } of one offset in text (the column counts UTF-16 units). */
export const lineColumn = (text, offset) => lineLocator(text)(offset);

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
 * The character a reference's name stands for (`amp`, `#39`, `#x1F600`), for the names the core
 * writes (&amp; &lt; &gt; &quot; &#39; &nbsp;) and any numeric one; undefined for any other.
 */
export function entityValue(name) {
  if (Object.hasOwn(NAMED, name)) return NAMED[name];
  if (name[0] !== '#') return undefined;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

const REFERENCES = /&(#x[0-9a-f]+|#\d+|\w+);/gi;
const REFERENCE_AT = new RegExp(REFERENCES.source, 'iy');

/** The reference entityValue knows at html[at]: { value, length } (length of the source), or null. */
export function entityAt(html, at) {
  REFERENCE_AT.lastIndex = at;
  const m = REFERENCE_AT.exec(html);
  const value = m && entityValue(m[1]);
  return value === undefined || value === null ? null : { value, length: m[0].length };
}

/**
 * The text of HTML text or an attribute value as a DOM reads it, for the references entityValue
 * knows; other names stay as they are.
 */
export function decodeEntities(html) {
  if (!html.includes('&')) return html;
  return html.replace(REFERENCES, (whole, name) => entityValue(name) ?? whole);
}
