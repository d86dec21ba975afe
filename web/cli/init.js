// `foldmark init [DIR]`: copies the starter docs tree (web/cli/starter/) into a new or empty folder.
import { cp, lstat, mkdir, readdir, readlink, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderToWrite, fsReason as reason, InputError } from '../input-error.js';

export const STARTER = join(dirname(fileURLToPath(import.meta.url)), 'starter');

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

// A symlink is followed to where it leads: init writes into that folder, if it exists.
async function followLink(target) {
  const info = await lstat(target).catch(() => null);
  if (!info || !info.isSymbolicLink()) return target;
  try {
    return await realpath(target);
  } catch (err) {
    const to = resolve(dirname(target), await readlink(target));
    throw new InputError(
      err.code === 'ENOENT'
        ? `is a symlink to ${to}, which does not exist: create that folder, or remove the link`
        : `is a symlink that cannot be followed: ${reason(err)}`,
      { file: target },
    );
  }
}

/** Writes the starter into dir; refuses anything but a missing or empty folder. Returns the files. */
export async function initDocs(dir) {
  const target = await followLink(resolve(dir));
  const info = await folderToWrite(target, { what: 'this folder', notFolder: 'exists and is not a folder' });
  if (info && (await readdir(target)).length > 0) {
    throw new InputError(
      'is not empty: init writes only into a new or empty folder, so nothing of yours is overwritten',
      { file: target },
    );
  }
  try {
    await mkdir(target, { recursive: true });
    await cp(STARTER, target, { recursive: true, errorOnExist: true, force: false });
  } catch (err) {
    throw new InputError(`cannot write the starter: ${reason(err)}`, { file: target });
  }
  return listFiles(target);
}

// One word for a POSIX shell, pasted as is: single quotes keep everything ($(…), `…`, newlines)
// literal; a leading dash would read as an option.
export function shellWord(text) {
  const word = text.startsWith('-') ? `./${text}` : text;
  return /^[\w./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** What to print after init: the files and the next two commands, with DIR as the user typed it. */
export function initReport(dir, files) {
  const shown = relative(process.cwd(), resolve(dir)) || '.';
  const arg = shellWord(shown);
  return (
    `foldmark: wrote a starter docs tree into ${shown}/:\n${files.map((f) => `  ${f}\n`).join('')}` +
    `next:\n  npx foldmark dev ${arg}     live preview: every save shows in the browser\n` +
    `  npx foldmark build ${arg}   the static site, into the folder the config names ("out")\n`
  );
}
