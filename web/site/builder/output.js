// Writing the site safely: never into the package or the docs tree, never over files foldmark did
// not write (unless --force), everything first into a temporary folder beside --out so a failed
// build (a full disk, a bad article) leaves the previous site whole, then moved in by rename;
// files a previous build wrote and this one did not are removed, nothing else is. Inside --out no
// symlink is ever followed: the manifest and the folders in --out may have been tampered with.
import { copyFileSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { below } from './containment.js';
import { RESERVED_PATH } from '../shared/paths.js';
import { InputError } from './problems.js';
import { folderToWrite, fsReason as describeError } from '../../input-error.js';

export const MANIFEST = '.foldmark-site.json';
const GENERATOR = 'foldmark';

const inside = (child, parent) => below(child, parent) !== null;

// Files every build writes itself (pages are <id>/index.html on top): a docs or static file there
// would replace the site's own. Compared without case: one file on macOS and Windows.
const GENERATED = new Set(['index.html', '404.html', 'sitemap.xml', MANIFEST]);
export const isGenerated = (rel) => {
  const lower = rel.toLowerCase();
  return GENERATED.has(lower) || RESERVED_PATH.test(lower);
};

// A manifest entry foldmark could have written: a relative path of real parts, nothing that
// climbs out (the file may have been edited: it travels with the site).
// On Windows a backslash separates folders too, and a colon names a drive.
const WINDOWS = process.platform === 'win32';
const SEPARATORS = WINDOWS ? /[\\/]/ : /\//;
const isSiteFile = (rel) =>
  typeof rel === 'string' &&
  rel !== '' &&
  !rel.includes('\0') &&
  !(WINDOWS && rel.includes(':')) &&
  rel.split(SEPARATORS).every((part) => part !== '' && part !== '.' && part !== '..');

async function readManifest(outDir) {
  try {
    const data = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8'));
    return data && data.generator === GENERATOR && Array.isArray(data.files)
      ? new Set(data.files.filter(isSiteFile))
      : null;
  } catch {
    return null;
  }
}

// The real path of a path that may not exist yet: its nearest existing folder's, plus the rest.
async function realPathOf(path) {
  const rest = [];
  for (let p = path; ; p = dirname(p)) {
    try {
      return join(await realpath(p), ...rest);
    } catch {
      if (dirname(p) === p) return path;
      rest.unshift(basename(p));
    }
  }
}

// The first part of relDir below root that is not a real folder (a symlink, a file), or null;
// a part that does not exist yet is fine (it will be made). known caches checked parts.
export function notAFolder(root, relDir, known = new Set()) {
  if (relDir === '.' || relDir === '') return null;
  let prefix = '';
  for (const part of relDir.split('/')) {
    prefix = prefix ? `${prefix}/${part}` : part;
    if (known.has(prefix)) continue;
    let info;
    try {
      info = lstatSync(join(root, prefix));
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      return { rel: prefix, why: err.code };
    }
    if (!info.isDirectory()) return { rel: prefix, why: info.isSymbolicLink() ? 'symlink' : 'file' };
    known.add(prefix);
  }
  return null;
}

async function listFiles(dir, prefix = '', out = []) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await listFiles(join(dir, entry.name), rel, out);
    else out.push(rel);
  }
  return out;
}

/** Checks --out before anything is built; returns the state needed to commit into it. */
export async function prepareOutput(outDir, { packageRoot, docsRoot, staticDirs = [], force = false }) {
  const out = resolve(outDir);
  // Checked as written and as the file system resolves them: --out may be a symlink, or lie below one.
  const pairs = async (path) => [resolve(path), await realPathOf(resolve(path))];
  const outs = await pairs(out);
  const within = async (dir) => {
    const dirs = await pairs(dir);
    return outs.some((o) => dirs.some((d) => inside(o, d)));
  };
  // What foldmark runs from (web/, dist/, the package folder itself); a checkout's own out/ is fine.
  const packages = await pairs(packageRoot);
  const shipped = ['web', 'dist', 'node_modules'].map((dir) => join(packageRoot, dir));
  if (outs.some((o) => packages.some((p) => inside(p, o))) || (await Promise.all(shipped.map(within))).some(Boolean)) {
    throw new InputError('refusing to write the site into the foldmark package itself', { file: out });
  }
  if (await within(docsRoot))
    throw new InputError('refusing to write the site inside the docs folder it is built from', { file: out });
  for (const dir of staticDirs)
    if (await within(dir)) throw new InputError('refusing to write the site inside a --static folder', { file: out });
  const info = await folderToWrite(out, { what: 'output folder', notFolder: '--out exists and is not a folder' });
  const previous = info ? await readManifest(out) : null;
  const existing = info ? await listFiles(out) : [];
  const foreign = existing.filter((f) => f !== MANIFEST && !(previous && previous.has(f)));
  if (info && !previous && foreign.length > 0 && !force) {
    throw new InputError(
      `refusing to write into a folder foldmark did not build (it holds ${foreign.length} file${foreign.length === 1 ? '' : 's'}, e.g. ${foreign[0]}); use an empty folder, or --force to add the site beside them`,
      { file: out },
    );
  }
  return {
    out,
    real: outs[1],
    exists: Boolean(info),
    previous: previous || new Set(),
    foreign: new Set(foreign),
    force,
  };
}

/** A temporary folder beside the output and the functions that write into it. */
export async function stagingArea(target) {
  // Beside the real folder, so the site moves in by rename even when --out is a symlink.
  const tmp = `${target.real ?? target.out}.foldmark-tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true }).catch((err) => {
    throw new InputError(`cannot create output folder: ${describeError(err)}`, { file: dirname(tmp) });
  });
  const files = [];
  const made = new Set();
  // Sync writes: a big tree is tens of thousands of small files, and a promise per call costs more
  // than the write.
  function ensureDir(rel) {
    const dir = dirname(rel);
    if (dir === '.' || made.has(dir)) return;
    mkdirSync(join(tmp, dir), { recursive: true });
    made.add(dir);
  }
  const fail = (rel, err) => new InputError(`cannot write: ${describeError(err)}`, { file: join(target.out, rel) });
  return {
    tmp,
    files,
    async write(rel, data) {
      files.push(rel);
      try {
        ensureDir(rel);
        writeFileSync(join(tmp, rel), data);
      } catch (err) {
        throw fail(rel, err);
      }
    },
    async copy(rel, from) {
      files.push(rel);
      try {
        ensureDir(rel);
        copyFileSync(from, join(tmp, rel));
      } catch (err) {
        if (err.code === 'ENOENT' || (err.code === 'EACCES' && !err.dest))
          throw new InputError(`cannot read: ${describeError(err)}`, { file: from });
        throw fail(rel, err);
      }
    },
    discard: () => rm(tmp, { recursive: true, force: true }),
  };
}

/** Moves the staged site into --out and removes what only the previous build had written. */
export async function commitOutput(target, stage) {
  const files = [...new Set(stage.files)];
  const clobbered = files.filter((f) => target.foreign.has(f));
  if (clobbered.length && !target.force) {
    await stage.discard();
    throw new InputError(
      `refusing to overwrite ${clobbered.length} file${clobbered.length === 1 ? '' : 's'} foldmark did not write (e.g. ${clobbered[0]}); use --force`,
      { file: target.out },
    );
  }
  if (target.exists) {
    // Checked before anything moves: a failed check leaves the previous site whole.
    const known = new Set();
    for (const dir of new Set(files.map((f) => dirname(f)))) {
      const bad = notAFolder(target.out, dir, known);
      if (!bad) continue;
      await stage.discard();
      throw new InputError(
        bad.why === 'symlink'
          ? 'refusing to write through a symlink inside --out; remove it (the site needs a folder here)'
          : `the site needs a folder here: ${bad.why === 'file' ? 'a file is in the way' : bad.why}`,
        { file: join(target.out, bad.rel) },
      );
    }
  }
  await writeFile(join(stage.tmp, MANIFEST), `${JSON.stringify({ generator: GENERATOR, files }, null, 0)}\n`).catch(
    (err) => {
      throw new InputError(`cannot write: ${describeError(err)}`, { file: join(target.out, MANIFEST) });
    },
  );
  if (!target.exists) {
    await rename(stage.tmp, target.out);
    return;
  }
  for (const rel of files) {
    await mkdir(dirname(join(target.out, rel)), { recursive: true });
    await rename(join(stage.tmp, rel), join(target.out, rel)).catch((err) => {
      throw new InputError(`cannot write: ${describeError(err)}`, { file: join(target.out, rel) });
    });
  }
  await rename(join(stage.tmp, MANIFEST), join(target.out, MANIFEST));
  const keep = new Set(files);
  const stale = [...target.previous].filter((f) => !keep.has(f));
  const known = new Set();
  for (const rel of stale) {
    // Only a file (or a symlink itself) in real folders of --out: never through a link, never a folder.
    if (notAFolder(target.out, dirname(rel), known)) continue;
    const info = await lstat(join(target.out, rel)).catch(() => null);
    if (info && !info.isDirectory()) await rm(join(target.out, rel), { force: true });
  }
  for (const dir of new Set(stale.map((f) => dirname(f)).filter((d) => d !== '.')).values())
    await removeEmpty(target.out, dir);
  await stage.discard();
}

async function removeEmpty(root, dir) {
  if (notAFolder(root, dir)) return;
  for (let d = dir; d && d !== '.'; d = dirname(d)) {
    try {
      await rmdir(join(root, d));
    } catch {
      return;
    }
  }
}
