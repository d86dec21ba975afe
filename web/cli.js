#!/usr/bin/env node
// The foldmark command line: `render` one article (HTML fragment or Article JSON) and `build` the
// static site. Exit codes: 0 ok, 1 bad input (file, line, column on stderr), 2 usage error.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import { createFoldmark } from './node.js';
import { MAX_DOC_BYTES, readCapped } from './site/build/docs.js';
import { buildSite, SiteError } from './site/build/index.js';

const USAGE = {
  main: `usage: foldmark render ARTICLE.md [--json]
       foldmark build DOCS_DIR --out DIR [options]
       foldmark --version | --help | COMMAND --help
`,
  render: `usage: foldmark render ARTICLE.md [--json]

  Prints the article's HTML fragment, or with --json the whole Article (title, meta, toc, …).
`,
  build: `usage: foldmark build DOCS_DIR --out DIR [options]

  Writes a static site: DIR/index.html opens from file:// and from any static host.
  DOCS_DIR is a Docusaurus-style docs tree (.md/.mdx in folders; ids are folder/id).

  -o, --out DIR         output folder (new, empty, or one foldmark built before)
  -s, --sidebars FILE   Docusaurus sidebars.js or .json (default: folders are categories)
      --static DIR      copied to the site root, like Docusaurus static/ (may repeat)
      --prerender       also write DIR/<id>/index.html with each article's HTML (crawlers, no-JS)
      --base-url URL    the site's public URL: canonical links, OpenGraph, sitemap.xml
  -t, --title TEXT      the site's name (default "Documentation")
      --collapse MODE   sections | questions | none: the default layout (front matter collapse wins)
      --strict          broken links are errors (exit 1)
      --force           write into a non-empty folder foldmark did not build (its files are kept)
`,
};

class UsageError extends Error {
  constructor(message, command = 'main') {
    super(message);
    this.command = command;
  }
}

// node:util parseArgs with foldmark's usage errors: unknown flags, missing values and a flag
// given where a value belongs (`--out --prerender`) all exit 2 with the command's usage.
function parseArgs(argv, options, command) {
  try {
    return parseNodeArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err.message.replace(/\. To specify an option argument starting with a dash.*$/s, '.'), command);
  }
}

const location = ({ file, line, column }) => [file, line, column].filter((x) => x !== undefined).join(':');

// The API's input limit: a larger article is refused before it is read whole (readCapped checks a
// regular file's size first and stops any other input one byte past the limit).
function readArticle(file) {
  let read;
  try {
    read = readCapped(file);
  } catch (err) {
    throw new SiteError(`cannot read file: ${err.code || err.message}`, { file });
  }
  if (read.tooLarge) throw new SiteError(`E_LIMIT: input is ${read.tooLarge} bytes; the maximum is ${MAX_DOC_BYTES}`, { file });
  return read.bytes;
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
  const { positionals: positional, values: flags } = parseArgs(argv, { json: { type: 'boolean' } }, 'render');
  if (flags.help) return process.stdout.write(USAGE.render);
  if (positional.length !== 1) throw new UsageError('render takes one ARTICLE.md', 'render');
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
  const { positionals, values } = parseArgs(argv, {
    out: { type: 'string', short: 'o' },
    sidebars: { type: 'string', short: 's' },
    static: { type: 'string', multiple: true },
    prerender: { type: 'boolean' },
    'base-url': { type: 'string' },
    title: { type: 'string', short: 't' },
    collapse: { type: 'string' },
    strict: { type: 'boolean' },
    force: { type: 'boolean' },
  }, 'build');
  if (values.help) return process.stdout.write(USAGE.build);
  if (positionals.length !== 1) throw new UsageError('build takes one DOCS_DIR', 'build');
  if (!values.out) throw new UsageError('build needs --out DIR', 'build');
  for (const name of ['out', 'sidebars', 'title', 'base-url', 'collapse']) {
    if (values[name] === '') throw new UsageError(`--${name} needs a value`, 'build');
  }
  if (values['base-url'] && !/^https?:\/\/[^/]/.test(values['base-url'])) throw new UsageError('--base-url must be an http(s) URL', 'build');
  const tty = process.stderr.isTTY && !process.env.CI;
  const summary = await buildSite(await createFoldmark(), {
    docsDir: positionals[0],
    outDir: values.out,
    sidebars: values.sidebars,
    staticDirs: values.static ?? [],
    prerender: Boolean(values.prerender),
    baseUrl: values['base-url'],
    title: values.title,
    collapse: values.collapse,
    strict: Boolean(values.strict),
    force: Boolean(values.force),
    warn: (line) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}${line}\n`),
    progress: tty ? progressLine() : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const index = pathToFileURL(join(summary.outDir, 'index.html')).href;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const { links } = summary;
  process.stdout.write(`foldmark: ${plural(summary.built, 'article')} built${summary.leftOut ? `, ${summary.leftOut}` : ''}; `
    + `${plural(links.docLinks, 'link')} between docs, ${plural(links.assets, 'file')} linked, `
    + `${plural(links.broken + links.brokenAnchors, 'broken link')} → ${index}\n`);
}

// A progress line on a terminal, at most ten times a second.
function progressLine() {
  let last = 0;
  return (stage, done, total) => {
    const now = Date.now();
    if (total < 200 || (now - last < 100 && done !== total)) return;
    last = now;
    process.stderr.write(`\r\x1b[K${stage} ${done}/${total}`);
  };
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return process.stdout.write(USAGE.main);
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
    process.stderr.write(`foldmark: ${err.message}\n${USAGE[err.command]}`);
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
