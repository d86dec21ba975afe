// The browser libraries a site carries only when some doc needs them, copied to
// OUT/_foldmark/lib/<name>.js as classic scripts (file:// pages cannot import modules): Mermaid for
// ```mermaid fences, KaTeX for math ($…$, $$…$$ with --math). The catalog lists them (`libraries`);
// a page loads one only when its article has a block for it, so a site or a page without diagrams
// or math downloads nothing more.
import { createRequire } from 'node:module';
import { libraryPath } from '../shared/paths.js';
import { lineColumn } from '../shared/text.js';
import { FENCE } from './code.js';

const require = createRequire(import.meta.url);

// fence: used by ```<fence> blocks; math: used by a doc whose HTML has the core's math elements.
const LIBRARIES = [
  { name: 'mermaid', fence: 'mermaid', file: () => require.resolve('mermaid/dist/mermaid.min.js') },
  { name: 'katex', math: true, file: () => require.resolve('katex/dist/katex.min.js') },
];

/** The names of the libraries some doc asks for (a fence of theirs, or math). */
export function librariesUsed(docs, libraries = LIBRARIES) {
  const fences = firstFences(docs);
  return libraries.filter((l) => (l.math ? firstMath(docs) : fences.get(l.fence))).map((l) => l.name);
}

// The first doc with math, as a place for a warning: its file and its first `$`.
function firstMath(docs) {
  const doc = docs.find((d) => d.hasMath);
  if (!doc) return null;
  const at = lineColumn(doc.markdown, Math.max(0, doc.markdown.indexOf('$')));
  return { file: doc.abs, ...at, ...doc.sourceMap?.where(at) };
}

// Each fence language's first block, as a place for a warning: file, line, column (in the
// partial that holds it, when one does).
function firstFences(docs) {
  const first = new Map();
  for (const doc of docs)
    for (const m of doc.markdown.matchAll(FENCE)) {
      const fence = m[1].toLowerCase();
      if (first.has(fence)) continue;
      const at = lineColumn(doc.markdown, m.index);
      first.set(fence, { file: doc.abs, ...at, ...doc.sourceMap?.where(at) });
    }
  return first;
}

// A library is an optional peer dependency (Mermaid is 89 MB installed, KaTeX 4.4 MB, most sites
// use neither): resolved where foldmark is installed, or null when the site's project did not
// install it.
function installed(lib) {
  try {
    return lib.file();
  } catch {
    return null;
  }
}

/**
 * Copies the libraries the docs use; returns the catalog's `libraries`. One that is not installed
 * is warned about once (the page then shows the blocks' source, saying why) and left out.
 */
export async function writeLibraries(docs, stage, problems, libraries = LIBRARIES) {
  const names = [];
  const fences = firstFences(docs);
  for (const name of librariesUsed(docs, libraries)) {
    const lib = libraries.find((l) => l.name === name);
    const file = installed(lib);
    if (file) {
      await stage.copy(libraryPath(name), file);
      names.push(name);
    } else if (lib.math)
      problems.warn(
        `math is shown as its TeX source: ${name} is not installed (npm install ${name} where foldmark is installed typesets it)`,
        firstMath(docs),
      );
    else
      problems.warn(
        `\`\`\`${lib.fence} blocks are shown as their source: ${name} is not installed (npm install ${name} where foldmark is installed draws them)`,
        fences.get(lib.fence),
      );
  }
  return names;
}
