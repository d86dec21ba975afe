// Which files a build may read or publish: those whose real path (symlinks followed) lies inside
// the docs folder, a --static folder, the workspace root or a folder the config allows, and not
// in a hidden file or folder below it (.git/config, .env). One rule for every reader and copier.
import { existsSync, realpathSync } from 'node:fs';

// The system's realpath: one call, where Node's own walks every part with lstat.
const realPath = realpathSync.native;
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * The folder a docs tree belongs to: the docs folder or the nearest folder above it that holds
 * .git or package.json (as Vite finds the root it serves), else the docs folder itself: a docs
 * folder that belongs to no project must not publish the files beside it.
 */
export function workspaceRoot(docsRoot) {
  for (let dir = docsRoot; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return docsRoot;
  }
}

/** rel of child below parent ('' for parent itself), or null when child is not inside parent. */
export function below(child, parent) {
  const rel = relative(parent, child);
  if (rel === '') return '';
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? null : rel;
}

const realOrNull = (path) => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

export class Containment {
  /** docsRoot, staticDirs, allowDirs: absolute paths as given (they may be symlinks). */
  constructor({ docsRoot, staticDirs = [], allowDirs = [] }) {
    this.workspace = workspaceRoot(docsRoot);
    this.roots = [...new Set([docsRoot, ...staticDirs, this.workspace, ...allowDirs].map(realOrNull).filter(Boolean))];
  }

  // Why a real path may not be read, or '' when it may.
  refusal(real) {
    let hidden = false;
    for (const root of this.roots) {
      const rel = below(real, root);
      if (rel === null) continue;
      if (!rel.split(sep).some((part) => part.startsWith('.'))) return '';
      hidden = true;
    }
    return hidden
      ? `resolves to a hidden file or folder (${real})`
      : `resolves outside the docs folder, the --static folders and the workspace root ${this.workspace} (to ${real})`;
  }

  /**
   * Checks a path about to be read: { real } when it may be read (its real path, the one to read),
   * { refused: why } when not, { missing: code } when it does not resolve at all.
   */
  check(path) {
    let real;
    try {
      real = realPath(path);
    } catch (err) {
      return { missing: err.code || err.message };
    }
    const why = this.refusal(real);
    return why ? { refused: why } : { real };
  }
}
