// The browser libraries a site carries only when some doc needs them, copied to
// OUT/_foldmark/lib/<name>.js as classic scripts (file:// pages cannot import modules): Mermaid for
// ```mermaid fences. The catalog lists them (`libraries`); a page loads one only when its article
// has a block for it, so a site or a page without diagrams downloads nothing more.
import { createRequire } from 'node:module';
import { libraryPath } from '../shared/paths.js';
import { FENCE } from './code.js';

const require = createRequire(import.meta.url);

const LIBRARIES = [{ name: 'mermaid', fence: 'mermaid', file: () => require.resolve('mermaid/dist/mermaid.min.js') }];

/** The names of the libraries some doc's fences ask for. */
export function librariesUsed(docs) {
  const fences = new Set();
  for (const doc of docs) for (const m of doc.markdown.matchAll(FENCE)) fences.add(m[1].toLowerCase());
  return LIBRARIES.filter((lib) => fences.has(lib.fence)).map((lib) => lib.name);
}

/** Copies the libraries the docs use; returns the catalog's `libraries`. */
export async function writeLibraries(docs, stage) {
  const names = librariesUsed(docs);
  for (const name of names) await stage.copy(libraryPath(name), LIBRARIES.find((l) => l.name === name).file());
  return names;
}
