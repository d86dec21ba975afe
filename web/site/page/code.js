// Code blocks of the shown article: syntax colours with Prism (its core and only the languages
// this article uses, loaded once as classic scripts from _foldmark/prism/, listed by catalog.code),
// a Copy button per block that says "Copied" through a live region, and the core's code titles,
// highlighted lines and line numbers kept (fm-code, fm-code-title, fm-line-highlight, fm-line-numbers).
import { prismPath } from '../shared/paths.js';
import { make } from './dom.js';
import { el, state } from './state.js';
import { codeHtml, tokenLines } from '../shared/code-render.js';

const loaded = new Map(); // Prism file name → Promise
let live = null;

function loadScript(name) {
  if (!loaded.has(name)) {
    loaded.set(
      name,
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(prismPath(name), state.rootUrl).href;
        script.async = false; // dynamic scripts with async=false run in insertion order: deps first
        script.onload = () => resolve();
        script.onerror = () => {
          loaded.delete(name);
          reject(new Error(`${prismPath(name)} could not be loaded`));
        };
        document.head.append(script);
      }),
    );
  }
  return loaded.get(name);
}

function loadLanguage(lang) {
  const files = state.catalog && state.catalog.code && state.catalog.code[lang];
  if (!Array.isArray(files)) return null;
  if (!self.Prism) self.Prism = { manual: true }; // no automatic highlightAll on load
  return Promise.all(['core', ...files].map(loadScript));
}

const langOf = (code) => /(?:^|\s)language-([\w+#.-]+)/.exec(code.className)?.[1]?.toLowerCase() || '';

// Which lines (1-based numbers) the core wrapped in span.fm-line-highlight.
function highlightedLines(code) {
  const lines = [];
  let line = 0;
  for (const node of code.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains('fm-line-highlight')) {
      const count = Math.max(1, node.textContent.replace(/\n$/, '').split('\n').length);
      for (let i = 1; i <= count; i += 1) lines.push(line + i);
    }
    line += (node.textContent.match(/\n/g) || []).length;
  }
  return lines;
}

function colour(code, lang) {
  const Prism = self.Prism;
  const grammar = Prism && Prism.languages && Prism.languages[lang];
  if (!grammar || code.dataset.highlighted) return;
  const marked = highlightedLines(code);
  code.innerHTML = codeHtml(tokenLines(Prism.tokenize(code.textContent, grammar)), marked); // escaped in tokenLines
  code.dataset.highlighted = lang;
}

function announce(message) {
  if (!live) {
    live = make('div', 'site-visually-hidden');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    document.body.append(live);
  }
  live.textContent = '';
  setTimeout(() => {
    live.textContent = message;
  }, 50); // a change, even for the same message twice
}

async function copy(button, code) {
  const text = code.textContent;
  try {
    // A clipboard the page may not use can leave the promise pending (no permission prompt on
    // file://): after a moment the selection fallback runs instead.
    await Promise.race([
      navigator.clipboard.writeText(text),
      new Promise((_, no) => {
        setTimeout(() => no(new Error('timeout')), 800);
      }),
    ]);
  } catch {
    const area = make('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'site-visually-hidden';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) return announce('Copying failed: select the code and copy it by hand');
  }
  button.textContent = 'Copied';
  announce('Code copied to the clipboard');
  setTimeout(() => {
    button.textContent = 'Copy';
  }, 2000);
  return undefined;
}

function addCopyButton(pre, code) {
  const holder = pre.parentElement;
  if (holder.classList.contains('site-code')) return;
  const box = make('div', 'site-code');
  pre.replaceWith(box);
  box.append(pre);
  const button = make('button', 'site-copy', 'Copy');
  button.type = 'button';
  button.setAttribute('aria-label', 'Copy code');
  button.addEventListener('click', () => copy(button, code));
  box.append(button);
}

/** Adds copy buttons and colours every code block of root (the shown article). */
export function enhanceCode(root = el.siteArticle) {
  const blocks = [...root.querySelectorAll('pre > code')];
  const byLang = new Map();
  for (const code of blocks) {
    addCopyButton(code.parentElement, code);
    const lang = langOf(code);
    if (lang) byLang.set(lang, [...(byLang.get(lang) || []), code]);
  }
  for (const [lang, codes] of byLang) {
    loadLanguage(lang)?.then(
      () => codes.forEach((code) => code.isConnected && colour(code, lang)),
      () => {},
    );
  }
}

// A feature (features.js): every new article's code blocks.
export const code = {
  onArticle({ fresh, article }) {
    if (fresh && article) enhanceCode();
  },
};
