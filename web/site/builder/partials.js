// MDX partials inlined as Docusaurus renders them: `import X from './_x.md'` + `<X />` puts the
// partial's Markdown in place of the tag (recursively, with a cycle, depth and size check), so its
// headings join the article's TOC and Q/A items and one render shows it in the builder, the
// prerendered page and the browser alike. The partial's relative links and images are rewritten
// to point from the article's folder to the files next to the partial; `{props.name}` reads the
// tag's string attributes. Every emitted line is recorded in a SourceMap, so warnings name the
// file, line and column written. `<TOCInline>` and `<DocCardList>` tags are noted for doc-lists.js.
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep, posix } from 'node:path';
import { decodeComponent as safeDecode } from '../shared/text.js';
import { MAX_DOC_BYTES, NOT_TEXT, readText } from './docs.js';
import {
  codeSpans,
  encodeDestination,
  escapeMarkdown,
  fenceTracker,
  IMPORT_LINE,
  prefixOf,
  readTag,
  tagName,
} from './mdx-lines.js';
import { SourceMap } from './source-map.js';

export const MAX_PARTIAL_DEPTH = 16;
const MARKDOWN_FILE = /\.mdx?$/i;
const THEME_COMPONENTS = { '@theme/TOCInline': 'toc-inline', '@theme/DocCardList': 'doc-card-list' };
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

// The theme components doc-lists.js writes: a TOCInline of the whole toc, a DocCardList of its
// category (custom items cannot be evaluated; such a tag degrades as any component).
const listable = (kind, attrs) =>
  kind === 'toc-inline' ? attrs.toc?.expression === 'toc' : kind === 'doc-card-list' && attrs.items === undefined;

const posixRel = (from, to) => relative(from, to).split(sep).join('/');

/** Reads partials for a build: each file once, only where containment allows. */
export class PartialFiles {
  constructor({ docsRoot, siteDir = dirname(docsRoot), containment }) {
    Object.assign(this, { docsRoot, siteDir, containment, cache: new Map(), files: new Map(), dirs: new Map() });
  }

  /** The absolute path an import specifier names, or null when it is not a file path. */
  resolve(spec, fromDir) {
    if (spec.startsWith('./') || spec.startsWith('../')) return resolve(fromDir, spec);
    if (spec.startsWith('@site/')) return resolve(this.siteDir, spec.slice(6));
    return null;
  }

  /** { text, real } or { problem }. */
  read(abs) {
    let got = this.cache.get(abs);
    if (got) return got;
    const check = this.containment ? this.containment.check(abs) : { real: abs };
    if (check.missing) got = { problem: check.missing === 'ENOENT' ? 'no such file' : check.missing };
    else if (check.refused) got = { problem: `${check.refused}: not read` };
    else {
      try {
        const read = readText(check.real);
        if (read.tooLarge) got = { problem: `file is ${read.tooLarge} bytes; the limit is ${MAX_DOC_BYTES}` };
        else if (read.notText) got = { problem: NOT_TEXT };
        else got = { text: read.text, real: check.real };
      } catch (err) {
        got = { problem: err.code ? `cannot read file: ${err.code}` : NOT_TEXT };
      }
    }
    this.cache.set(abs, got);
    return got;
  }

  /** The folder of a file, relative to the docs folder ('..' parts when outside), as posix. */
  dirOf(abs) {
    const dir = dirname(abs);
    let rel = this.dirs.get(dir);
    if (rel === undefined) this.dirs.set(dir, (rel = posixRel(this.docsRoot, dir)));
    return rel;
  }

  isFile(rel) {
    let known = this.files.get(rel);
    if (known === undefined) {
      try {
        known = statSync(resolve(this.docsRoot, rel)).isFile();
      } catch {
        known = false;
      }
      this.files.set(rel, known);
    }
    return known;
  }
}

// Where a partial's front matter ends (its first body line), or 0.
function bodyStart(lines) {
  if (lines[0]?.trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i += 1) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return i + 1;
  return 0;
}

// A relative destination written in a partial, as seen from the article's folder: null when it
// is not a file beside the partial (URLs resolve against the article's URL, as in the browser).
function rebased(dest, ctx, partialDir) {
  if (!dest || SCHEME.test(dest) || dest.startsWith('/') || dest.startsWith('#')) return null;
  const cut = dest.search(/[?#]/);
  const path = cut < 0 ? dest : dest.slice(0, cut);
  const target = posix.join(partialDir, safeDecode(path.replace(/\\(.)/g, '$1')));
  if (!path || target === '..' || target.startsWith('../') || !ctx.files.isFile(target)) return null;
  let rel = posix.relative(ctx.hostDir, target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return encodeDestination(rel) + (cut < 0 ? '' : dest.slice(cut));
}

// Link destinations in one line: [start, end) of each inline `](dest`, reference definition and
// HTML src/href value.
function destinations(line, content) {
  const found = [];
  for (const m of line.matchAll(/\]\(\s*(<[^>\n]*>|[^\s)]+)/g)) {
    const angle = m[1].startsWith('<');
    const end = m.index + m[0].length - (angle ? 1 : 0);
    found.push([end - m[1].length + (angle ? 2 : 0), end]);
  }
  const def = /^\[[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)/.exec(content);
  if (def) {
    const start = line.length - content.length + def[0].length - def[1].length;
    const angle = def[1].startsWith('<');
    found.push([start + (angle ? 1 : 0), start + def[1].length - (angle ? 1 : 0)]);
  }
  for (const m of line.matchAll(/\b(?:src|href)=(["'])([^"'\n]*)\1/g)) {
    const start = m.index + m[0].length - 1 - m[2].length;
    found.push([start, start + m[2].length]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

// One partial line with {props.x} read and relative destinations rebased: { text, edits }.
function editLine(line, ctx, partialDir, props) {
  const spans = codeSpans(line);
  const inCode = (at) => spans.some(([s, e]) => at >= s && at < e);
  const replacements = [];
  if (props) {
    for (const m of line.matchAll(/\{\s*props\.([A-Za-z_$][\w$]*)\s*\}/g)) {
      if (inCode(m.index)) continue;
      const value = Object.hasOwn(props, m[1]) ? props[m[1]] : undefined;
      if (typeof value === 'object') continue; // an expression: left to degrade
      replacements.push([m.index, m.index + m[0].length, typeof value === 'string' ? escapeMarkdown(value) : '']);
    }
  }
  if (partialDir !== ctx.hostDir) {
    for (const [start, end] of destinations(line, line.slice(prefixOf(line).length))) {
      if (inCode(start) || replacements.some(([s, e]) => start < e && end > s)) continue;
      const to = rebased(line.slice(start, end), ctx, partialDir);
      if (to !== null) replacements.push([start, end, to]);
    }
  }
  if (!replacements.length) return { text: line };
  replacements.sort((a, b) => a[0] - b[0]);
  let text = '';
  let from = 0;
  const edits = [];
  for (const [start, end, to] of replacements) {
    text += line.slice(from, start);
    edits.push([text.length, start, text.length + to.length, end]);
    text += to;
    from = end;
  }
  return { text: text + line.slice(from), edits };
}

// As the core reads MDX (is_esm_start): an import/export block starts after a blank line and
// ends at the next one.
function isEsmStart(line) {
  const word = (w) => line.startsWith(w) && ' {*'.includes(line[w.length] || 'x');
  if (word('import')) {
    const rest = line.slice(6).trimStart();
    return rest !== '' && ('{*"\''.includes(rest[0]) || rest.includes(' from '));
  }
  return (
    word('export') &&
    ['const ', 'let ', 'var ', 'function', 'default ', 'class ', 'async ', '{', '*'].some((k) =>
      line.slice(7).startsWith(k),
    )
  );
}
const isBlankOrComment = (line) => line.trim() === '' || /^<!--.*-->\s*$/.test(line);

const shown = (ctx, abs) => posixRel(ctx.files.docsRoot, abs) || abs;

// Emits text (the article, or a partial at depth > 0) into ctx.out, each line after prefix.
function expandInto(ctx, text, source, depth, prefix, props) {
  const lines = text.split('\n');
  if (depth > 0 && lines.length > 1 && lines.at(-1) === '') lines.pop(); // the partial's last line break
  const start = depth > 0 ? bodyStart(lines) : 0;
  const partialDir = depth > 0 ? ctx.files.dirOf(source.abs) : ctx.hostDir;
  const imports = new Map();
  const esm = new Set(); // a partial's other import/export lines: dropped here, as a prefix would hide them from the core
  const code = fenceTracker();
  for (let i = start, afterBlank = true; i < lines.length; i += 1) {
    const isCode = code(lines[i].slice(prefixOf(lines[i]).length));
    const blankLine = isBlankOrComment(lines[i]);
    if (depth > 0 && !isCode && afterBlank && isEsmStart(lines[i]))
      for (let k = i; k < lines.length && !isBlankOrComment(lines[k]); k += 1) esm.add(k);
    afterBlank = blankLine;
    const m = !isCode && IMPORT_LINE.exec(lines[i]);
    if (!m) continue;
    const kind = THEME_COMPONENTS[m[3]] ?? (MARKDOWN_FILE.test(m[3]) ? 'partial' : null);
    if (kind) imports.set(m[1], { kind, spec: m[3], line: i, column: m.index + lines[i].indexOf(m[2]) + 1 });
  }
  const importLines = new Set([...imports.values()].map((imp) => imp.line));
  for (const i of esm) {
    if (importLines.has(i) || ctx.esmWarned) continue;
    ctx.problems.warn('MDX import/export lines are not rendered (dropped)', {
      file: source.abs,
      line: i + 1,
      column: 1,
      ...ctx.from(source),
    });
    ctx.esmWarned = true;
  }
  const emit = (line, origin) => {
    ctx.texts.push(prefix + line);
    ctx.out.add(prefix + line, { file: source.abs, shift: prefix.length, ...origin });
  };
  const blank = (lp, line) => {
    ctx.changed = true;
    emit(lp.replace(/[ \t]+$/, ''), { line });
  };
  const inCode = fenceTracker();
  let noTagBefore = 0; // lines already read as the attributes of a tag that was none: linear time
  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i];
    const lp = prefixOf(line);
    const content = line.slice(lp.length);
    if (inCode(content)) {
      emit(line, { line: i + 1 });
      continue;
    }
    if (importLines.has(i) || esm.has(i)) {
      blank('', i + 1);
      continue;
    }
    let found = null;
    if (i >= noTagBefore && imports.has(tagName(content))) {
      found = readTag(lines, i, lp.length);
      noTagBefore = found.last + 1;
      if (!found.tag) found = null;
    }
    const imp = found && imports.get(found.tag.name);
    if (imp?.kind === 'partial') {
      const at = { file: source.abs, line: i + 1, column: lp.length + 1, ...ctx.from(source) };
      const inlined = inline(
        ctx,
        imp,
        found.tag,
        source,
        depth,
        at,
        (before) => {
          if (before && ctx.texts.length && ctx.texts.at(-1).replace(/[ \t>\r]/g, '') !== '') blank(lp, i + 1);
          if (!before && found.last + 1 < lines.length && lines[found.last + 1].replace(/[ \t>\r]/g, '') !== '')
            blank(lp, found.last + 1);
        },
        prefix + lp,
      );
      if (!inlined) for (let k = i; k <= found.last; k += 1) blank(lp, k + 1);
      i = found.last;
      continue;
    }
    if (imp && listable(imp.kind, found.tag.attrs)) {
      const at = ctx.out.length;
      for (let k = i; k <= found.last; k += 1) blank(lp, k + 1);
      const { attrs } = found.tag;
      ctx.components.push({
        kind: imp.kind,
        at,
        count: found.last - i + 1,
        prefix: prefix + lp,
        attrs,
        file: source.abs,
        line: i + 1,
      });
      i = found.last;
      continue;
    }
    if (depth === 0) emit(line, { line: i + 1 });
    else {
      const edited = editLine(line, ctx, partialDir, props);
      if (edited.edits) ctx.changed = true;
      emit(edited.text, { line: i + 1, ...(edited.edits ? { src: line, edits: edited.edits } : {}) });
    }
  }
  // A fence the partial leaves open ends with it, as when MDX compiles the partial alone.
  const open = depth > 0 && inCode.openFence();
  if (open) emit(open, { line: lines.length });
}

// Inlines one partial at a tag; false (after a warning) when it cannot be.
function inline(ctx, imp, tag, source, depth, at, around, prefix) {
  const abs = ctx.files.resolve(imp.spec, dirname(source.abs));
  const importAt = { file: source.abs, line: imp.line + 1, column: imp.column, ...ctx.from(source) };
  if (!abs) {
    ctx.problems.warn(`partial '${imp.spec}' is not a relative or @site/ path: not inlined`, importAt);
    return false;
  }
  const got = ctx.files.read(abs);
  if (got.problem) {
    ctx.problems.warn(`cannot inline partial '${imp.spec}': ${got.problem}`, importAt);
    return false;
  }
  const chain = () => [...ctx.stack.map((s) => shown(ctx, s.abs)), shown(ctx, abs)].join(' → ');
  if (ctx.stack.some((s) => s.real === got.real)) {
    ctx.problems.warn(`partial <${tag.name} /> is not inlined: it includes itself (${chain()})`, at);
    return false;
  }
  if (depth + 1 > MAX_PARTIAL_DEPTH) {
    ctx.problems.warn(
      `partial <${tag.name} /> is not inlined: partials nest more than ${MAX_PARTIAL_DEPTH} deep (${chain()})`,
      at,
    );
    return false;
  }
  const bytes = Buffer.byteLength(got.text);
  if (ctx.bytes + bytes > MAX_DOC_BYTES) {
    // Once: past the limit every later tag would say the same.
    if (!ctx.overBudget)
      ctx.problems.warn(
        `partial <${tag.name} /> is not inlined: the article would be larger than ${MAX_DOC_BYTES} bytes (nor are later ones)`,
        at,
      );
    ctx.overBudget = true;
    return false;
  }
  ctx.bytes += bytes;
  around(true);
  ctx.stack.push({ abs, real: got.real });
  expandInto(ctx, got.text, { abs }, depth + 1, prefix, tag.attrs);
  ctx.stack.pop();
  around(false);
  ctx.changed = true;
  ctx.inlined += 1;
  return true;
}

/**
 * The article's Markdown with its partials inlined: { markdown, sourceMap (null when nothing
 * changed), components: [{ kind, at, count, prefix, attrs, file, line }], inlined }.
 * files: a PartialFiles; problems: where warnings go (each names the file that holds the cause).
 */
export function expandPartials(markdown, { abs, real = abs, files, problems }) {
  const none = { markdown, sourceMap: null, components: [], inlined: 0 };
  if (!files || !/^import\s/m.test(markdown)) return none;
  const ctx = {
    files,
    problems,
    hostDir: posixRel(files.docsRoot, dirname(abs)),
    out: new SourceMap(abs),
    texts: [], // the emitted lines
    components: [],
    stack: [{ abs, real }],
    bytes: Buffer.byteLength(markdown),
    inlined: 0,
    changed: false,
    from: (source) => (source.abs === abs ? {} : { from: abs }), // a warning inside a partial: whose it is
  };
  expandInto(ctx, markdown, { abs }, 0, '', null);
  if (!ctx.changed && !ctx.components.length) return none;
  return {
    markdown: ctx.texts.join('\n'),
    sourceMap: ctx.out,
    components: ctx.components,
    inlined: ctx.inlined,
  };
}
