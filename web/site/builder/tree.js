// Walks a docs folder the way Docusaurus reads one: every .md/.mdx down to MAX_FOLDER_DEPTH folders,
// symlinks followed once (a link back up the tree is not walked again) and only where containment
// allows, partials (_x.md, _dir/) and hidden files left out; every file is either returned or
// reported with why.
import { opendir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Containment } from './containment.js';
import { printableName } from './problems.js';

// Deeper folders are reported and not read: no real docs tree comes near it, and it keeps paths,
// sidebars and pages of bounded depth.
export const MAX_FOLDER_DEPTH = 100;

const DOC = /\.mdx?$/i;
const CATEGORY = /^_category_\.(json|ya?ml)$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function nameOf(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Returns { docs: [{ rel, abs }], categories: Map(relDir → abs file of _category_.*), dirs: [rel] }.
 * `rel` uses '/' and is relative to root. Problems (unreadable folders, bad names, loops, paths
 * that resolve outside what containment allows) go to `problems`; a doc-like file left out is
 * counted there.
 */
export async function walkDocs(root, problems, containment = new Containment({ docsRoot: root })) {
  const docs = [];
  const categories = new Map();
  const dirs = [];
  const seenDirs = new Set();

  // real: the folder's real path when its parent's is known and it is no symlink (realpath reads
  // every level above it: once per folder, a deep tree would cost its depth squared).
  async function walk(abs, rel, depth, real) {
    if (real === undefined) {
      try {
        real = await realpath(abs);
      } catch (err) {
        return problems.leaveOut('unreadable', `cannot read folder: ${err.code || err.message}`, { file: abs });
      }
    }
    const why = containment.refusal(real);
    if (why) return problems.warn(`folder ${why}: not read`, { file: abs });
    if (seenDirs.has(real)) {
      return problems.warn(`folder already read through another path (symlink loop?): not read again`, { file: abs });
    }
    seenDirs.add(real);
    dirs.push(rel);
    let handle;
    try {
      handle = await opendir(Buffer.from(abs), { encoding: 'buffer' });
    } catch (err) {
      return problems.leaveOut('unreadable', `cannot read folder: ${err.code || err.message}`, { file: abs });
    }
    const entries = [];
    for await (const entry of handle) entries.push(entry);
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) await visit(abs, real, rel, entry, depth);
  }

  // A symlinked file is read only where containment allows; anything else is read in place.
  function contained(abs, name) {
    const check = containment.check(abs);
    if (check.real) return true;
    if (DOC.test(name)) problems.leaveOut("outside the docs' workspace", `${check.refused}: left out`, { file: abs });
    else if (CATEGORY.test(name)) problems.warn(`${check.refused}: not read`, { file: abs });
    return false;
  }

  async function visit(dirAbs, dirReal, dirRel, entry, depth) {
    const name = nameOf(entry.name);
    const shown = join(dirAbs, printableName(entry.name));
    if (name === null) {
      if (DOC.test(entry.name.toString('latin1'))) {
        problems.leaveOut('with a file name that is not UTF-8', 'file name is not valid UTF-8: left out', {
          file: shown,
        });
      }
      return;
    }
    const abs = join(dirAbs, name);
    const rel = dirRel ? `${dirRel}/${name}` : name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (err) {
        if (DOC.test(name))
          problems.leaveOut('unreadable', `broken symlink: ${err.code || err.message}`, { file: abs });
        return;
      }
    }
    if (isDir) {
      if (name.startsWith('.') || name === 'node_modules') return;
      if (name.startsWith('_')) return; // Docusaurus: _folders hold partials, never pages
      if (depth >= MAX_FOLDER_DEPTH) {
        return problems.leaveOut(
          'too deep',
          `folder more than ${MAX_FOLDER_DEPTH} levels below the docs folder: not read`,
          { file: abs },
        );
      }
      return walk(abs, rel, depth + 1, entry.isSymbolicLink() ? undefined : join(dirReal, name));
    }
    if (
      entry.isSymbolicLink() &&
      (DOC.test(name) || CATEGORY.test(name)) &&
      !name.startsWith('.') &&
      !contained(abs, name)
    )
      return;
    if (CATEGORY.test(name)) categories.set(dirRel, abs);
    if (!DOC.test(name)) return;
    if (!isFile) return problems.leaveOut('not a regular file', 'not a regular file: left out', { file: abs });
    if (name.startsWith('.'))
      return problems.leaveOut('hidden', 'hidden file (name starts with "."): left out', { file: abs });
    if (name.startsWith('_')) return problems.leaveOut('partials', null); // imported by other docs in MDX
    docs.push({ rel, abs });
  }

  await walk(root, '', 0);
  return { docs, categories, dirs };
}
