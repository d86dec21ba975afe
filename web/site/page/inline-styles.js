// Inline styles under a strict Content-Security-Policy (style-src without 'unsafe-inline'): a
// style="…" attribute or a <style> element is refused there, but the CSSOM is not governed by CSP.
// `withCssomStyles` runs a library that writes inline styles (Mermaid: d3's attr('style'), label
// HTML, one <style> per diagram) with those writes routed to the CSSOM: style attributes become
// element.style, a <style> element's text a constructed sheet adopted by the document. On file://
// (no CSP) the result is the same. `placeMarkup` puts markup with inline styles into the page so.
const FM_STYLE = 'data-fm-style';
const STYLE_TAG = 'fm-style'; // what a library's <style> becomes: an element no CSP governs
const adopted = new Map(); // key → CSSStyleSheet
const SEP = '\u0000'; // key SEP n: the nth sheet of key

function adoptSheet(key, css) {
  const sheet = adopted.get(key) ?? new CSSStyleSheet();
  sheet.replaceSync(css);
  if (!adopted.has(key)) {
    adopted.set(key, sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
}

/** Drops the sheets of the keys `keep(key)` refuses (their diagrams are gone). */
export function pruneSheets(keep) {
  const base = (key) => key.split(SEP)[0];
  const gone = new Set([...adopted].filter(([key]) => !keep(base(key))).map(([, sheet]) => sheet));
  if (!gone.size) return;
  for (const [key, sheet] of adopted) if (gone.has(sheet)) adopted.delete(key);
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !gone.has(s));
}

// Inside tags only: ` style="` → ` data-fm-style="` (serialized markup quotes every attribute
// value and escapes its quotes, and text between tags is left alone).
const renameStyleAttributes = (html) =>
  html.replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/(\s)style=(["'])/g, `$1${FM_STYLE}=$2`));

function applyRenamed(root) {
  const styled = [...root.querySelectorAll(`[${FM_STYLE}]`)];
  if (root.hasAttribute?.(FM_STYLE)) styled.push(root);
  for (const el of styled) {
    el.style.cssText = el.getAttribute(FM_STYLE);
    el.removeAttribute(FM_STYLE);
  }
}

/**
 * Puts `html` (an SVG or HTML fragment that may hold style attributes and <style> elements) into
 * `target`, replacing its children; a style element's text joins the sheet of `key` (its rules
 * scoped by the library, e.g. to the diagram's id).
 */
export function placeMarkup(target, html, key, setInner = innerHtml.set) {
  let css = '';
  const body = renameStyleAttributes(
    html.replace(/<style\b[^>]*>([\s\S]*?)<\/style>/g, (_, text) => {
      css += `${decodeText(text)}\n`;
      return '';
    }),
  );
  if (css) adoptSheet(`${key}${SEP}placed`, css);
  setInner.call(target, body);
  applyRenamed(target);
}

// Text of a serialized style element: the serializer escaped &, < and >.
const decodeText = (s) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
const outerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML');
let renderKey = null; // the key of the sheets adopted while a render runs
let sheetCount = 0;

function install() {
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  const setAttributeNS = proto.setAttributeNS;
  const createElement = Document.prototype.createElement;
  proto.setAttribute = function (name, value) {
    if (String(name).toLowerCase() !== 'style') return setAttribute.call(this, name, value);
    this.style.cssText = String(value);
  };
  proto.setAttributeNS = function (ns, name, value) {
    if (String(name).toLowerCase() !== 'style') return setAttributeNS.call(this, ns, name, value);
    this.style.cssText = String(value);
  };
  // A <style> made by script is refused once connected, even empty: it becomes an element that is
  // not rendered, whose text is adopted as a sheet at once (the library measures with its styles).
  Document.prototype.createElement = function (name, options) {
    if (String(name).toLowerCase() !== 'style') return createElement.call(this, name, options);
    const holder = createElement.call(this, STYLE_TAG);
    holder.hidden = true;
    return holder;
  };
  // The library serializes its result and sanitizes it (DOMPurify parses it in a document of its
  // own, which inherits the CSP and refuses each style attribute again): serialized, the styles
  // travel as data-fm-style, which placeMarkup turns back into CSSOM styles.
  Object.defineProperty(proto, 'innerHTML', {
    configurable: true,
    enumerable: innerHtml.enumerable,
    get() {
      return renameStyleAttributes(innerHtml.get.call(this));
    },
    set(value) {
      const html = String(value);
      if (this.localName === STYLE_TAG) {
        adoptSheet(`${renderKey}${SEP}${(sheetCount += 1)}`, html);
        return;
      }
      if (!/style/i.test(html)) return innerHtml.set.call(this, html);
      placeMarkup(this, html, `${renderKey}${SEP}${(sheetCount += 1)}`);
    },
  });
  Object.defineProperty(proto, 'outerHTML', {
    configurable: true,
    enumerable: outerHtml.enumerable,
    get() {
      return renameStyleAttributes(outerHtml.get.call(this));
    },
    set: outerHtml.set,
  });
  return () => {
    Object.defineProperty(proto, 'outerHTML', outerHtml);
    proto.setAttribute = setAttribute;
    proto.setAttributeNS = setAttributeNS;
    Document.prototype.createElement = createElement;
    Object.defineProperty(proto, 'innerHTML', innerHtml);
  };
}

/**
 * Runs `fn` (async, one at a time) with inline style writes routed to the CSSOM; the sheets it
 * adopts are kept under `key` (pruneSheets drops them with their diagram).
 */
export async function withCssomStyles(key, fn) {
  if (renderKey !== null) throw new Error('withCssomStyles does not nest');
  renderKey = key;
  const uninstall = install();
  try {
    return await fn();
  } finally {
    uninstall();
    renderKey = null;
  }
}
