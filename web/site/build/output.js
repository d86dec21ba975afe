// Writing the site safely: never into the package or the docs tree, never over files foldmark did
// not write (unless --force), everything first into a temporary folder beside --out so a failed
// build (a full disk, a bad article) leaves the previous site whole, then moved in by rename;
// files a previous build wrote and this one did not are removed, nothing else is.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SiteError } from './problems.js';

export const MANIFEST = '.foldmark-site.json';
const GENERATOR = 'foldmark';

const inside = (child, parent) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

async function readManifest(outDir) {
  try {
    const data = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8'));
    return data && data.generator === GENERATOR && Array.isArray(data.files) ? new Set(data.files) : null;
  } catch {
    return null;
  }
}

async function listFiles(dir, prefix = '', out = []) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await listFiles(join(dir, entry.name), rel, out);
    else out.push(rel);
  }
  return out;
}

const describeError = (err) => (err.code === 'ENOSPC' ? 'no space left on device'
  : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code || err.message);

/** Checks --out before anything is built; returns the state needed to commit into it. */
export async function prepareOutput(outDir, { packageRoot, docsRoot, staticDirs = [], force = false }) {
  const out = resolve(outDir);
  // What foldmark runs from (web/, dist/, the package folder itself); a checkout's own out/ is fine.
  const shipped = [join(packageRoot, 'web'), join(packageRoot, 'dist'), join(packageRoot, 'node_modules')];
  if (out === resolve(packageRoot) || inside(packageRoot, out) || shipped.some((dir) => inside(out, dir))) {
    throw new SiteError('refusing to write the site into the foldmark package itself', { file: out });
  }
  if (inside(out, docsRoot)) throw new SiteError('refusing to write the site inside the docs folder it is built from', { file: out });
  for (const dir of staticDirs) if (inside(out, dir)) throw new SiteError('refusing to write the site inside a --static folder', { file: out });
  let info = null;
  try {
    info = await stat(out);
  } catch (err) {
    if (err.code !== 'ENOENT') throw new SiteError(`cannot use output folder: ${describeError(err)}`, { file: out });
  }
  if (info && !info.isDirectory()) throw new SiteError('--out exists and is not a folder', { file: out });
  const previous = info ? await readManifest(out) : null;
  const existing = info ? await listFiles(out) : [];
  const foreign = existing.filter((f) => f !== MANIFEST && !(previous && previous.has(f)));
  if (info && !previous && foreign.length > 0 && !force) {
    throw new SiteError(`refusing to write into a folder foldmark did not build (it holds ${foreign.length} file${foreign.length === 1 ? '' : 's'}, e.g. ${foreign[0]}); use an empty folder, or --force to add the site beside them`, { file: out });
  }
  return { out, exists: Boolean(info), previous: previous || new Set(), foreign: new Set(foreign), force };
}

/** A temporary folder beside the output and the functions that write into it. */
export async function stagingArea(target) {
  const tmp = `${target.out}.foldmark-tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true }).catch((err) => {
    throw new SiteError(`cannot create output folder: ${describeError(err)}`, { file: dirname(tmp) });
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
  const fail = (rel, err) => new SiteError(`cannot write: ${describeError(err)}`, { file: join(target.out, rel) });
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
        if (err.code === 'ENOENT' || (err.code === 'EACCES' && !err.dest)) throw new SiteError(`cannot read: ${describeError(err)}`, { file: from });
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
    throw new SiteError(`refusing to overwrite ${clobbered.length} file${clobbered.length === 1 ? '' : 's'} foldmark did not write (e.g. ${clobbered[0]}); use --force`, { file: target.out });
  }
  await writeFile(join(stage.tmp, MANIFEST), `${JSON.stringify({ generator: GENERATOR, files }, null, 0)}\n`)
    .catch((err) => { throw new SiteError(`cannot write: ${describeError(err)}`, { file: join(target.out, MANIFEST) }); });
  if (!target.exists) {
    await rename(stage.tmp, target.out);
    return;
  }
  for (const rel of files) {
    await mkdir(dirname(join(target.out, rel)), { recursive: true });
    await rename(join(stage.tmp, rel), join(target.out, rel)).catch((err) => {
      throw new SiteError(`cannot write: ${describeError(err)}`, { file: join(target.out, rel) });
    });
  }
  await rename(join(stage.tmp, MANIFEST), join(target.out, MANIFEST));
  const keep = new Set(files);
  const stale = [...target.previous].filter((f) => !keep.has(f));
  for (const rel of stale) await rm(join(target.out, rel), { force: true });
  for (const dir of new Set(stale.map((f) => dirname(f)).filter((d) => d !== '.')).values()) await removeEmpty(target.out, dir);
  await stage.discard();
}

async function removeEmpty(root, dir) {
  for (let d = dir; d && d !== '.'; d = dirname(d)) {
    try {
      await rmdir(join(root, d));
    } catch {
      return;
    }
  }
}
