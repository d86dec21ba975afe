// HTML normalisation for spec comparisons: the rules of md4c's test/normalize.py, twin of
// tests/native/html_normalize.cpp.
import { decodeHTMLStrict } from 'entities';

// normalize.py's block-level tags, in its order.
const BLOCK_TAGS = new Set(
  [
    'article header aside hgroup blockquote hr iframe body li map button object canvas ol caption output',
    'col p colgroup pre dd progress div section dl table td dt tbody embed textarea fieldset tfoot',
    'figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style',
  ]
    .join(' ')
    .split(' '),
);
const REF = /&(#[xX]?)?[A-Za-z0-9]+;/g;
const SPACE = /[ \t\n\r\f]/;

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const decode = (s) => s.replace(REF, (ref) => decodeRef(ref));

function decodeRef(ref) {
  if (ref[1] === '#') {
    const hex = ref[2] === 'x' || ref[2] === 'X';
    const n = parseInt(ref.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    if (!Number.isFinite(n) || n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(n);
  }
  const d = decodeHTMLStrict(ref);
  return d === ref ? ref : d;
}

export function normalizeHtml(html) {
  let out = '';
  let last = 'starttag';
  let lastTag = '';
  let inPre = false;
  const trimRight = () => {
    out = out.replace(/[ \t\n\r\f]+$/, '');
  };

  function data(d) {
    if (!d) return;
    const afterTag = last === 'endtag' || last === 'starttag';
    const afterBlock = afterTag && BLOCK_TAGS.has(lastTag);
    if (afterTag && lastTag === 'br') d = d.replace(/^\n+/, '');
    if (!inPre) d = d.replace(/[ \t\n\r\f]+/g, ' ');
    if (afterBlock && !inPre) {
      d = d.replace(/^[ \t\n\r\f]+/, '');
      if (last === 'endtag') d = d.replace(/[ \t\n\r\f]+$/, '');
    }
    out += d;
    last = 'data';
  }

  function text(from, to) {
    const chunk = html.slice(from, to);
    let run = 0;
    for (const m of chunk.matchAll(REF)) {
      data(chunk.slice(run, m.index));
      out += escapeText(decodeRef(m[0]));
      last = 'ref';
      run = m.index + m[0].length;
    }
    data(chunk.slice(run));
  }

  function startTag(i) {
    const m = /^<([A-Za-z][^\s/>]*)/.exec(html.slice(i));
    const name = m[1].toLowerCase();
    let j = i + m[0].length;
    const attrs = [];
    let selfClosing = false;
    while (j < html.length && html[j] !== '>') {
      if (SPACE.test(html[j])) {
        j += 1;
        continue;
      }
      if (html[j] === '/') {
        selfClosing = true;
        j += 1;
        continue;
      }
      selfClosing = false;
      const k = /^[^\s=>/]*/.exec(html.slice(j))[0];
      j += k.length;
      let value = null;
      if (html[j] === '=') {
        j += 1;
        if (html[j] === '"' || html[j] === "'") {
          const q = html[j];
          let end = html.indexOf(q, j + 1);
          if (end < 0) end = html.length;
          value = html.slice(j + 1, end);
          j = end + 1;
        } else {
          value = /^[^\s>]*/.exec(html.slice(j))[0];
          j += value.length;
        }
      }
      attrs.push([k.toLowerCase(), value === null ? null : decode(value)]);
    }
    if (name === 'pre') inPre = true;
    if (BLOCK_TAGS.has(name)) trimRight();
    attrs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out += `<${name}`;
    for (const [k, v] of attrs) out += v === null ? ` ${k}` : ` ${k}="${escapeText(v).replace(/'/g, '&#x27;')}"`;
    out += '>';
    lastTag = name;
    last = selfClosing ? 'endtag' : 'starttag';
    return Math.min(j + 1, html.length);
  }

  function endTag(i) {
    const name = /^<\/([^\s>]*)/.exec(html.slice(i))[1].toLowerCase();
    let end = html.indexOf('>', i);
    end = end < 0 ? html.length : end + 1;
    if (name === 'pre') inPre = false;
    else if (BLOCK_TAGS.has(name)) trimRight();
    out += `</${name}>`;
    lastTag = name;
    last = 'endtag';
    return end;
  }

  let i = 0;
  while (i < html.length) {
    if (html[i] !== '<') {
      let end = html.indexOf('<', i + 1);
      if (end < 0) end = html.length;
      text(i, end);
      i = end;
    } else if (html.startsWith('<!--', i)) {
      let end = html.indexOf('-->', i + 4);
      end = end < 0 ? html.length : end + 3;
      out += html.slice(i, end);
      last = 'comment';
      i = end;
    } else if (/^<\/[A-Za-z]/.test(html.slice(i, i + 3))) {
      i = endTag(i);
    } else if (/^<[A-Za-z]/.test(html.slice(i, i + 2))) {
      i = startTag(i);
    } else if (html[i + 1] === '!' || html[i + 1] === '?') {
      let end = html.indexOf('>', i);
      end = end < 0 ? html.length : end + 1;
      out += html.slice(i, end);
      last = 'decl';
      i = end;
    } else {
      data('<');
      i += 1;
    }
  }
  return out;
}
