// Where each line of a doc's expanded Markdown (partials inlined, lists generated) was written:
// the file, its line, and how its columns moved, so a warning about the expanded text names the
// file, line and column its reader wrote. Lines are recorded as they are emitted.

const codePoints = (s) => {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 === s.length) n += 1;
    else {
      const d = s.charCodeAt(i + 1);
      n += 1;
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
  }
  return n;
};

// The UTF-16 offset of a 1-based code-point column in text.
function offsetOfColumn(text, column) {
  let i = 0;
  for (let k = 1; k < column && i < text.length; k += 1) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i + Math.max(0, column - 1 - codePoints(text.slice(0, i)));
}

export class SourceMap {
  /** host: the article's file; a place in another file (a partial) also says `from: host`. */
  constructor(host) {
    this.host = host;
    this.lines = []; // per emitted line: { file, line, shift, text, src, edits }
  }

  /**
   * One emitted line. text: as emitted; file, line: where it was written; shift: characters
   * put before it (a container prefix); src: the line as written, when edits changed it; edits:
   * [[emitted start, written start, emitted end, written end], …] for each replaced span, in order
   * (offsets in the line without the prefix).
   */
  add(text, origin) {
    this.lines.push({ text, ...origin });
  }

  get length() {
    return this.lines.length;
  }

  // The written offset of an emitted offset in one line record.
  static written(rec, offset) {
    const at = offset - (rec.shift || 0);
    if (at < 0) return 0;
    if (!rec.edits) return at;
    let delta = 0; // written minus emitted after the last replacement before `at`
    for (const [emittedStart, writtenStart, emittedEnd, writtenEnd] of rec.edits) {
      if (at < emittedStart) break;
      if (at < emittedEnd) return Math.min(writtenStart + (at - emittedStart), writtenEnd);
      delta = writtenEnd - emittedEnd;
    }
    return Math.min(at + delta, rec.src.length);
  }

  /**
   * { file, line, column } where an expanded-text position was written. unit: 'utf16' (the
   * builder's own locators) or 'codepoint' (the core's warnings). {} for an unknown line.
   */
  where({ line, column } = {}, unit = 'utf16') {
    const rec = line === undefined ? undefined : this.lines[line - 1];
    if (!rec) return {};
    const from = rec.file !== this.host && this.host !== undefined ? { from: this.host } : {};
    if (column === undefined) return { file: rec.file, line: rec.line, ...from };
    const offset = unit === 'codepoint' ? offsetOfColumn(rec.text, column) : column - 1;
    const at = SourceMap.written(rec, offset);
    const written = rec.src ?? rec.text.slice(rec.shift || 0);
    const col = unit === 'codepoint' ? codePoints(written.slice(0, at)) + 1 : at + 1;
    return { file: rec.file, line: rec.line, column: col, ...from };
  }

  /** Replaces emitted lines [from, from + count) by lines all located at origin. */
  replace(from, count, texts, origin) {
    this.lines.splice(from, count, ...texts.map((text) => ({ text, ...origin })));
  }
}
