// The one error for bad input in foldmark's tools (command line, config file, site builder, dev
// server): the message, and the place it comes from (file, line, column) where known. The CLI
// prints it as one line, file:line:column first, and exits 1.
export class InputError extends Error {
  constructor(message, { file, line, column } = {}) {
    super(message);
    this.name = 'InputError';
    Object.assign(this, { file, line, column });
  }
}
