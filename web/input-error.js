// The one error for bad input in foldmark's tools (command line, config file, site builder, dev
// server): the message, and the place it comes from (file, line, column) where known. The CLI
// prints it as one line, file:line:column first, and exits 1.
import { readFile } from 'node:fs/promises';

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
