// A small strict HTML tokenizer for foldmark's safe-mode output and the invariants of
// shared/testdata/xss-payloads.txt (beside the repo): SCRIPT (tag allowlist), ATTR (attribute allowlist, no
// on*), URL (href/src decoded as a browser does, WHATWG preprocessing, scheme allowlist), ID
// (prefix, unique, TOC ids resolve), TEXT (the payload's raw markup survives as text), STRUCT
// (balanced elements, the article/details/summary layout).
import { decodeHTMLAttribute, decodeHTML } from 'entities';

const TAGS = {
  h1: ['id', 'class'],
  h2: ['id', 'class'],
  h3: ['id', 'class'],
  h4: ['id', 'class'],
  h5: ['id', 'class'],
  h6: ['id', 'class'],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  em: [],
  strong: [],
  del: [],
  code: ['class'],
  pre: ['class'],
  blockquote: ['class'],
  ul: [],
  ol: ['start'],
  li: ['class'],
  hr: [],
  br: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align'],
  td: ['align'],
  details: ['class'],
  summary: [],
  article: ['class'],
  input: ['type', 'class', 'checked', 'disabled'],
  // Docusaurus Markdown: admonitions, code titles and highlighted lines, tabs, the safe tag list.
  div: ['class', 'role', 'id', 'aria-labelledby'],
  p: ['class'],
  aside: ['class'],
  figure: ['class'],
  figcaption: ['class'],
  span: ['class'],
  kbd: [],
  sup: [],
  sub: [],
  button: ['type', 'role', 'id', 'aria-controls', 'aria-selected'],
};
const VOID = new Set(['img', 'hr', 'br', 'input']);
const OWN_REFERENCE = /^&(amp|lt|gt|quot);/;
const SPACE = /[\t\n\f\r ]/;

// WHATWG URL parsing as far as the scheme: "" when relative or allowed, else why not.
export function checkUrl(value, image) {
  const clean = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(clean);
  if (!m) return '';
  const scheme = m[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https') return '';
  if (!image && scheme === 'mailto') return '';
  if (image && scheme === 'data' && /^data:image\/(png|gif|jpeg|webp)[;,]/i.test(clean)) return '';
  return `${image ? 'src' : 'href'} with scheme "${scheme}": ${JSON.stringify(clean.slice(0, 60))}`;
}

function readAttributes(html, i, out) {
  // Attribute name / value states of the HTML tokenizer; returns the index of '>' or -1.
  for (;;) {
    while (i < html.length && SPACE.test(html[i])) i++;
    if (i >= html.length) return -1;
    if (html[i] === '>') return i;
    if (html[i] === '/') return -2;
    let j = i + 1;
    while (j < html.length && !SPACE.test(html[j]) && !'/>='.includes(html[j])) j++;
    const attr = { name: html.slice(i, j).toLowerCase(), raw: null };
    i = j;
    while (i < html.length && SPACE.test(html[i])) i++;
    if (html[i] === '=') {
      i++;
      while (i < html.length && SPACE.test(html[i])) i++;
      if (html[i] === '"' || html[i] === "'") {
        const end = html.indexOf(html[i], i + 1);
        if (end < 0) return -1;
        attr.raw = html.slice(i + 1, end);
        i = end + 1;
      } else {
        j = i;
        while (j < html.length && !SPACE.test(html[j]) && html[j] !== '>') j++;
        attr.raw = html.slice(i, j);
        i = j;
      }
    }
    out.push(attr);
  }
}

function checkAttribute(tag, attr, state) {
  const { name, raw } = attr;
  if (name.startsWith('on')) return `event handler attribute ${name}`;
  if (!TAGS[tag].includes(name)) return `attribute ${name} not allowed on <${tag}>`;
  if (raw !== null) {
    for (let k = raw.indexOf('&'); k >= 0; k = raw.indexOf('&', k + 1)) {
      if (!OWN_REFERENCE.test(raw.slice(k))) return `unescaped '&' in ${name}`;
    }
    if (/[<>]/.test(raw)) return `raw '<' or '>' in ${name}`;
  }
  const value = decodeHTMLAttribute(raw ?? '');
  state.attrText.push(value);
  if (name === 'href' || name === 'src') return checkUrl(value, name === 'src');
  if (name === 'type' && value !== (tag === 'button' ? 'button' : 'checkbox')) return `${tag} type is ${value}`;
  if (name === 'role' && !['tablist', 'tab', 'tabpanel'].includes(value)) return `role ${value}`;
  if (name === 'id') {
    if (state.ids.has(value)) return `duplicate id ${value}`;
    state.ids.add(value);
  }
  return '';
}

// Returns { violations, ids: Set, text, attrText, tree } for one HTML string.
export function checkHtml(html) {
  const state = { ids: new Set(), attrText: [], violations: [] };
  const stack = [{ tag: '#root', children: [] }];
  let text = '';
  let i = 0;
  const fail = (why) => state.violations.push(`${why} near ${JSON.stringify(html.slice(Math.max(0, i - 30), i + 50))}`);
  while (i < html.length && state.violations.length === 0) {
    const c = html[i];
    if (c === '<' && html[i + 1] === '/') {
      const m = /^<\/([A-Za-z0-9]+)>/.exec(html.slice(i, i + 20));
      const tag = m && m[1].toLowerCase();
      if (!m || !TAGS[tag] || VOID.has(tag)) {
        fail('bad end tag');
        break;
      }
      if (stack.at(-1).tag !== tag) {
        fail(`</${tag}> closes <${stack.at(-1).tag}>`);
        break;
      }
      stack.pop();
      i += m[0].length;
    } else if (c === '<' && /[A-Za-z]/.test(html[i + 1] ?? '')) {
      const m = /^<([A-Za-z0-9]+)/.exec(html.slice(i, i + 20));
      const tag = m[1].toLowerCase();
      if (!TAGS[tag]) {
        fail(`tag <${tag}> not allowed`);
        break;
      }
      const attrs = [];
      const end = readAttributes(html, i + m[0].length, attrs);
      if (end < 0) {
        fail(end === -2 ? 'self-closing slash' : 'unterminated tag');
        break;
      }
      const names = new Set();
      for (const a of attrs) {
        if (names.has(a.name)) fail(`duplicate attribute ${a.name}`);
        names.add(a.name);
        const why = checkAttribute(tag, a, state);
        if (why) fail(why);
      }
      if (tag === 'input' && !names.has('disabled')) fail('enabled <input>');
      if (tag === 'a' && stack.some((e) => e.tag === 'a')) fail('<a> inside <a>');
      const node = {
        tag,
        attrs: Object.fromEntries(attrs.map((a) => [a.name, decodeHTMLAttribute(a.raw ?? '')])),
        children: [],
      };
      stack.at(-1).children.push(node);
      if (!VOID.has(tag)) stack.push(node);
      i = end + 1;
    } else if (c === '<' || c === '>') {
      fail(`raw '${c}' in text`);
    } else if (c === '&' && !OWN_REFERENCE.test(html.slice(i, i + 6))) {
      fail("raw '&' in text");
    } else {
      const next = html.slice(i).search(/[<>&]/);
      const end = next < 0 ? html.length : i + Math.max(next, 1);
      text += html.slice(i, end);
      i = end;
    }
  }
  if (state.violations.length === 0 && stack.length > 1) state.violations.push(`unclosed <${stack.at(-1).tag}>`);
  return {
    violations: state.violations,
    ids: state.ids,
    text: decodeHTML(text),
    attrText: state.attrText,
    tree: stack[0],
  };
}

// STRUCT for render(): <article> holding an optional title, intro, the <details> items and an
// epilogue; each <details> opens with its <summary> and holds one answer <div>.
export function checkArticleLayout(tree) {
  const [article, ...rest] = tree.children;
  if (!article || article.tag !== 'article' || rest.length) return 'output is not exactly one <article>';
  const hasDetails = article.children.some((e) => e.tag === 'details');
  for (const e of article.children) {
    if (e.tag === 'details') {
      const [summary, answer, ...more] = e.children;
      if (summary?.tag !== 'summary' || answer?.tag !== 'div' || more.length)
        return '<details> is not <summary> + <div>';
    } else if (hasDetails && !(e.tag === 'div' || (e.tag === 'h1' && e.attrs.class === 'fm-title'))) {
      return `<${e.tag}> between the Q/A items`;
    }
  }
  return '';
}

// ID for render(): prefix, a slug without spaces or markup characters, at most kMaxSlugBytes
// before a de-dup suffix; every TOC and question id resolves to exactly one element.
export function checkIds(result, ids, prefix = '') {
  for (const id of ids) {
    if (!id.startsWith(prefix)) return `id ${id} lacks the prefix`;
    const slug = id.slice(prefix.length);
    // A slug, or a {#custom-id} (ASCII letters, digits, - _ . :).
    if (!/^[\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}-]+$/u.test(slug) && !/^[A-Za-z0-9_.:-]+$/.test(slug))
      return `id ${JSON.stringify(id)} is not a slug`;
    if (Buffer.byteLength(slug.replace(/-\d+$/, '')) > 100) return `id ${id.slice(0, 40)}… is over 100 bytes`;
  }
  for (const t of [...result.toc, ...result.questions]) {
    if (t.id && !ids.has(t.id)) return `TOC/question id ${t.id} does not resolve`;
  }
  return '';
}
