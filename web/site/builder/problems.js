// How the builder reports bad input: an InputError (web/input-error.js) stops a build; Problems
// collects warnings and the files left out, each located as precisely as known (file, line,
// column), for one report per run.
import { location } from '../shared/text.js';

export { InputError } from '../../input-error.js';

export { location };

// A file name as a reader can see it: invalid UTF-8 bytes as \xNN, control characters escaped.
export function printableName(name) {
  if (typeof name === 'string')
    return name.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  let out = '';
  let i = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  while (i < name.length) {
    let end = i + 1;
    while (end < name.length && (name[end] & 0xc0) === 0x80) end++;
    try {
      out += printableName(decoder.decode(name.subarray(i, end)));
    } catch {
      for (let j = i; j < end; j++) out += `\\x${name[j].toString(16).padStart(2, '0')}`;
    }
    i = end;
  }
  return out;
}

export class Problems {
  // onLine(text) prints; onProblem({ level, message, file, line, column }) gets the same as data.
  constructor(onLine = () => {}, onProblem = () => {}) {
    this.onLine = onLine;
    this.onProblem = onProblem;
    this.warnings = [];
    this.errors = [];
    this.leftOut = new Map(); // reason → count
  }

  warn(message, where = {}) {
    this.warnings.push({ message, ...where });
    this.onProblem({ level: 'warning', message, ...where });
    this.onLine(`${where.file ? `${location(where)}: ` : 'foldmark: '}warning: ${message}`);
  }

  error(message, where = {}) {
    this.errors.push({ message, ...where });
    this.onProblem({ level: 'error', message, ...where });
    this.onLine(`${where.file ? `${location(where)}: ` : 'foldmark: '}error: ${message}`);
  }

  // A file that is not built: always said, with why, and counted for the summary line.
  leaveOut(reason, message, where) {
    this.leftOut.set(reason, (this.leftOut.get(reason) || 0) + 1);
    if (message) this.warn(message, where);
  }

  leftOutSummary() {
    const total = [...this.leftOut.values()].reduce((a, b) => a + b, 0);
    if (total === 0) return '';
    return `${total} left out (${[...this.leftOut].map(([why, n]) => `${n} ${why}`).join(', ')})`;
  }
}
