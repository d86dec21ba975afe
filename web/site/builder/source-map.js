// Where each line of a doc's expanded Markdown (partials inlined, lists generated) was written:
// the file, its line, and how its columns moved, so a warning about the expanded text names the
// file, line and column its reader wrote. Consecutive lines of one file are kept as one run, so
// a long article with one partial costs a few runs, not an object per line.

const codePoints = (s) => {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
    n += 1;
  }
  return n;
};

// The UTF-16 offset of a 1-based code-point column in text (past its end: one unit per column).
function offsetOfColumn(text, column) {
  let i = 0;
  let k = 1;
  for (; k < column && i < text.length; k += 1) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return i + (column - k);
}

export class SourceMap {
  /** host: the article's file; a place in another file (a partial) also says `from: host`. */
  constructor(host) {
    this.host = host;
    this.runs = []; // { start, count, file, line, shift, text?, src?, edits? } in emitted order
    this.length = 0;
  }

  /**
   * One emitted line. text: as emitted; origin: { file, line, shift, src, edits }: where it was
   * written, the characters put before it (a container prefix), and when edits changed it, the
   * line as written and [[emitted start, written start, emitted end, written end], …] for each
   * replaced span, in order (offsets in the line without the prefix).
   */
  add(text, { file, line, shift = 0, src, edits }) {
    const last = this.runs[this.runs.length - 1];
    if (last && !edits && !last.edits && last.file === file && last.shift === shift && last.line + last.count === line)
      last.count += 1;
    else this.runs.push({ start: this.length, count: 1, file, line, shift, ...(edits ? { text, src, edits } : {}) });
    this.length += 1;
  }

  // The run holding emitted line index i (0-based).
  runAt(i) {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.runs[mid].start <= i) lo = mid;
      else hi = mid - 1;
    }
    const run = this.runs[lo];
    return run && i >= run.start && i < run.start + run.count ? run : undefined;
  }

  // The written offset of an offset in an emitted line of run.
  static written(run, offset, writtenLength) {
    const at = offset - run.shift;
    if (at < 0) return 0;
    if (!run.edits) return at;
    let delta = 0; // written minus emitted after the last replacement before `at`
    for (const [emittedStart, writtenStart, emittedEnd, writtenEnd] of run.edits) {
      if (at < emittedStart) break;
      if (at < emittedEnd) return Math.min(writtenStart + (at - emittedStart), writtenEnd);
      delta = writtenEnd - emittedEnd;
    }
    return Math.min(at + delta, writtenLength);
  }

  /**
   * { file, line, column } where a position of the expanded text was written. unit: 'utf16' (the
   * builder's own locators) or 'codepoint' (the core's warnings); a container prefix is ASCII, so
   * only lines with replaced text need their text. {} for an unknown line.
   */
  where({ line, column } = {}, unit = 'utf16') {
    const run = line === undefined ? undefined : this.runAt(line - 1);
    if (!run) return {};
    const from = run.file !== this.host && this.host !== undefined ? { from: this.host } : {};
    const writtenLine = run.line + (line - 1 - run.start);
    if (column === undefined) return { file: run.file, line: writtenLine, ...from };
    if (!run.edits) return { file: run.file, line: writtenLine, column: Math.max(1, column - run.shift), ...from };
    const offset = unit === 'codepoint' ? offsetOfColumn(run.text, column) : column - 1;
    const at = SourceMap.written(run, offset, run.src.length);
    const col = unit === 'codepoint' ? codePoints(run.src.slice(0, at)) + 1 : at + 1;
    return { file: run.file, line: writtenLine, column: col, ...from };
  }

  /** Replaces emitted lines [from, from + count) by lines all located at origin. */
  replace(from, count, texts, origin) {
    const runs = [];
    for (const run of this.runs) {
      for (let k = 0; k < run.count; k += 1) runs.push({ ...run, start: runs.length, count: 1, line: run.line + k });
    }
    const added = texts.map(() => ({ ...origin, shift: origin.shift ?? 0, start: 0, count: 1 }));
    runs.splice(from, count, ...added);
    runs.forEach((run, i) => {
      run.start = i;
    });
    this.runs = runs;
    this.length = runs.length;
  }
}
