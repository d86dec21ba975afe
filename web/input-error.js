// The one error for bad input in foldmark's tools (command line, config file, site builder, dev
// server): the message, and the place it comes from (file, line, column) where known. The CLI
// prints it as one line, file:line:column first, and exits 1.
import { readFile, stat } from 'node:fs/promises';

export class InputError extends Error {
  constructor(message, { file, line, column } = {}) {
    super(message);
    this.name = 'InputError';
    Object.assign(this, { file, line, column });
  }
}

/** A file's text (UTF-8); one that cannot be read is an InputError naming it (what: 'config file'). */
export async function readInputText(file, what) {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${what}: ${err.code || err.message}`, { file });
  }
}

const FS_REASONS = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'no space left on device',
  ENOTDIR: 'a file is in the way',
  ELOOP: 'a symlink loop',
};

/** A file-system error's reason in words a reader knows, else its code (else its message). */
export const fsReason = (err) => FS_REASONS[err.code] || err.code || err.message;

/**
 * The stats of a folder the tool is to write into, or null when nothing is there yet. A path that
 * cannot be looked at is an InputError `cannot use ${what}: <reason>`; a file there, notFolder.
 */
export async function folderToWrite(path, { what, notFolder }) {
  let info = null;
  try {
    info = await stat(path);
  } catch (err) {
    if (err.code !== 'ENOENT') throw new InputError(`cannot use ${what}: ${fsReason(err)}`, { file: path });
  }
  if (info && !info.isDirectory()) throw new InputError(notFolder, { file: path });
  return info;
}
