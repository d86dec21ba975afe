#!/usr/bin/env node
// The foldmark command line: `render` one article (HTML fragment or Article JSON) and `build` the
// static site. Exit codes: 0 ok, 1 bad input (file, line, column on stderr), 2 usage error.
import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFoldmark } from './node.js';
import { buildSite, SiteError } from './site/build.js';

const USAGE = `usage: foldmark render ARTICLE.md [--json]
       foldmark build CONTENT_DIR --out DIR [--prerender] [--title TEXT]

  render   print the article's HTML fragment, or with --json the whole Article
  build    write the static site: DIR/index.html opens from file:// and any static host
           --prerender  also write every article's HTML into the page (no-JS readers, crawlers)
           --title      the site's name in the header and <title> (default "Documentation")
`;

class UsageError extends Error {}

// Splits argv into positionals and flags; `values` lists the flags that take an argument.
function parseArgs(argv, booleans, values) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    if (booleans.includes(name) && inline === undefined) flags[name] = true;
    else if (values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { positional, flags };
}

const location = ({ file, line, column }) => [file, line, column].filter((x) => x !== undefined).join(':');

// The API's input limit (README, Limits): a larger article is refused before it is read whole.
const MAX_INPUT_BYTES = 32 * 1024 * 1024;
const READ_CHUNK = 1 << 20;

// Reads at most MAX_INPUT_BYTES + 1 bytes: a regular file's size is checked first, and anything
// else (a FIFO, /dev/zero, a file still growing) is read in chunks that stop one byte past the
// limit, so an endless or huge input never fills the memory.
async function readArticle(file) {
  const tooLarge = (size) => new SiteError(`E_LIMIT: input is ${size} bytes; the maximum is ${MAX_INPUT_BYTES}`, { file });
  let handle;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw tooLarge(stat.size);
    const chunks = [];
    let total = 0;
    for (;;) {
      const want = Math.min(READ_CHUNK, MAX_INPUT_BYTES + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_INPUT_BYTES) throw tooLarge(`more than ${MAX_INPUT_BYTES}`);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof SiteError) throw err;
    throw new SiteError(`cannot read file: ${err.code || err.message}`, { file });
  } finally {
    await handle?.close().catch(() => {});
  }
}

// stdout failed (ENOSPC, EIO, EPIPE): the top-level handler turns it into one line, or silence.
class OutputError extends Error {
  constructor(err) {
    super(`cannot write to standard output: ${err.code || err.message}`);
    this.code = err.code;
  }
}

// Writes the pieces to stdout and resolves once they are flushed; a write error rejects with an
// OutputError instead of reaching Node's unhandled 'error' event (a stack trace).
function writeStdout(pieces) {
  return new Promise((resolve, reject) => {
    const fail = (err) => reject(new OutputError(err));
    process.stdout.on('error', fail);
    pieces.forEach((piece, i) => {
      const last = i === pieces.length - 1;
      process.stdout.write(piece, last ? (err) => (err ? fail(err) : resolve()) : undefined);
    });
  });
}

// The Article as JSON.stringify(article, null, 2) writes it, one field at a time: html and jsonLd
// are each up to 256 MiB, too much for one string with their escapes.
function articleJson(article) {
  const field = (name) => {
    const value = article[name];
    const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
    return `  ${JSON.stringify(name)}: ${text}`;
  };
  const names = Object.keys(article);
  return ['{\n', ...names.map((name, i) => `${field(name)}${i < names.length - 1 ? ',' : ''}\n`), '}\n'];
}

async function render(argv) {
  const { positional, flags } = parseArgs(argv, ['json'], []);
  if (positional.length !== 1) throw new UsageError('render takes one ARTICLE.md');
  const [file] = positional;
  const bytes = await readArticle(file);
  const fm = await createFoldmark();
  let pieces;
  let article;
  try {
    article = fm.render(bytes);
    // jsonLd is built on first access: read it before anything is printed, so an article whose
    // JSON-LD is over the output budget prints one error line and no half JSON.
    pieces = flags.json ? articleJson({ ...article }) : [article.html];
  } catch (err) {
    if (err instanceof RangeError) throw new SiteError('E_LIMIT: the Article is too large to print as JSON', { file });
    throw new SiteError(`${err.code}: ${err.message}`, { file });
  }
  for (const w of article.warnings) process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  await writeStdout(pieces);
}

async function build(argv) {
  const { positional, flags } = parseArgs(argv, ['prerender'], ['out', 'title']);
  if (positional.length !== 1) throw new UsageError('build takes one CONTENT_DIR');
  if (!flags.out) throw new UsageError('build needs --out DIR');
  const outDir = resolve(flags.out);
  const catalog = await buildSite(await createFoldmark(), {
    contentDir: positional[0],
    outDir,
    prerender: Boolean(flags.prerender),
    siteTitle: flags.title,
    warn: (line) => process.stderr.write(`${line}\n`),
  });
  const index = pathToFileURL(join(outDir, 'index.html')).href;
  process.stdout.write(`foldmark: ${catalog.length} article${catalog.length === 1 ? '' : 's'} → ${index}\n`);
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return process.stdout.write(USAGE);
  if (command === '--version') {
    const { version } = await createFoldmark();
    return process.stdout.write(`foldmark ${version.foldmark} (md4c ${version.md4c})\n`);
  }
  if (command === 'render') return render(rest);
  if (command === 'build') return build(rest);
  throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof OutputError && err.code === 'EPIPE') {
    // The reader closed the pipe (`foldmark render x.md | head`): it has what it wanted. Quietly,
    // with status 0, as a filter killed by SIGPIPE would be silent (README, Reliability).
    process.exitCode = 0;
  } else if (err instanceof OutputError) {
    process.stderr.write(`foldmark: error: ${err.message}\n`);
    process.exitCode = 1;
  } else if (err instanceof UsageError) {
    process.stderr.write(`foldmark: ${err.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (err instanceof SiteError) {
    process.stderr.write(`${err.file ? `${location(err)}: ` : 'foldmark: '}error: ${err.message}\n`);
    process.exitCode = 1;
  } else if (err && err.syscall && err.path) {
    process.stderr.write(`${err.path}: error: cannot ${err.syscall}: ${err.code}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`foldmark: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  }
});
