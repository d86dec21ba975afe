// The code stage of `foldmark build`: Prism's core and the language files the docs use, copied to
// OUT/_foldmark/prism/ as classic scripts (file:// pages cannot import modules). The catalog gets
// `code`: fence language → the files to load in order (dependencies first), so a page loads only
// the languages its own code blocks use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { prismPath } from '../shared/paths.js';

const require = createRequire(import.meta.url);
const prismDir = dirname(require.resolve('prismjs/components.json'));
let components = null;

function languages() {
  if (!components) {
    components = JSON.parse(readFileSync(join(prismDir, 'components.json'), 'utf8')).languages;
    const aliases = new Map();
    for (const [name, info] of Object.entries(components)) {
      if (name === 'meta') continue;
      aliases.set(name, name);
      for (const alias of [info.alias ?? []].flat()) aliases.set(alias, name);
    }
    components.aliases = aliases;
  }
  return components;
}

// The component files of one language, dependencies first (Prism's `require` field).
function filesFor(name, langs, out = []) {
  const info = langs[name];
  if (!info || out.includes(name)) return out;
  for (const dep of [info.require ?? []].flat()) filesFor(dep, langs, out);
  out.push(name);
  return out;
}

// ```lang fences of a Markdown source (also ~~~, indented inside lists).
export const FENCE = /^[ \t>]*(?:`{3,}|~{3,})[ \t]*([\w+#.-]+)/gm;

/** Fence language → [component names], for every language the docs use that Prism knows. */
export function codeLanguages(docs) {
  const langs = languages();
  const used = new Map();
  for (const doc of docs) {
    for (const m of doc.markdown.matchAll(FENCE)) {
      const fence = m[1].toLowerCase();
      if (used.has(fence)) continue;
      const name = langs.aliases.get(fence);
      if (name) used.set(fence, filesFor(name, langs));
    }
  }
  return Object.fromEntries(used);
}

/** Copies Prism's core and the needed components; returns the catalog's `code` map. */
export async function writeCode(docs, stage) {
  const code = codeLanguages(docs);
  const files = new Set(Object.values(code).flat());
  if (!files.size) return {};
  await stage.copy(prismPath('core'), join(prismDir, 'components', 'prism-core.min.js'));
  for (const name of files) await stage.copy(prismPath(name), join(prismDir, 'components', `prism-${name}.min.js`));
  return code;
}

// --- --prerender: the same colours in the builder, through the core's `highlight` option ----------

/**
 * highlight(code, lang, meta) for the core: Prism in Node, tokens closed at every line end
 * (web/site/shared/code-render.js, which the page bundles too), so the core can wrap the lines the
 * metastring or highlight comments mark without splitting a token. Returns undefined for a
 * language Prism does not know (the core then escapes the code as usual).
 */
export async function prismHighlighter() {
  const Prism = require('prismjs');
  const loadLanguages = require('prismjs/components/index.js');
  loadLanguages.silent = true;
  const { tokenLines } = await import('../shared/code-render.js');
  const langs = languages();
  return (code, lang) => {
    const name = langs.aliases.get(String(lang || '').toLowerCase());
    if (!name) return undefined;
    if (!Prism.languages[name]) loadLanguages([name]);
    const grammar = Prism.languages[name];
    return grammar ? tokenLines(Prism.tokenize(code, grammar)).join('\n') : undefined;
  };
}

/** A view of fm whose render colours code blocks with Prism, through the core's `highlight` hook. */
export async function withHighlight(fm) {
  const highlight = await prismHighlighter();
  return { ...fm, render: (markdown, options) => fm.render(markdown, { ...options, highlight }) };
}
