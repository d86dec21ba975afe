#!/usr/bin/env node
// The foldmark command line: `render` one article (HTML fragment or Article JSON), `build` the
// static site, `dev` (build, serve, rebuild on save) and `init` (a starter docs tree). Exit codes:
// 0 ok; 1 bad input, a config file mistake included (file, line, column on stderr); 2 usage error.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFoldmark } from './node.js';
import { MAX_DOC_BYTES, NOT_TEXT, readText } from './site/builder/docs.js';
import { InputError } from './input-error.js';
import { buildSite } from './site/builder/index.js';
import { stopUserCode } from './site/builder/user-code.js';
import { location } from './site/shared/text.js';
import { docOptions } from './site/shared/doc-syntax.js';
import { buildOptions, resolveSettings } from './cli/config.js';
import { helpText, parseCommand, UsageError } from './cli/options.js';

// The API's input limit: a larger article is refused before it is read whole (readCapped checks a
// regular file's size first and stops any other input one byte past the limit). The text is
// decoded as the site builder decodes a doc (UTF-8, or UTF-16 with a BOM): render shows what
// build would, and refuses the file build would leave out.
function readArticle(file) {
  let read;
  try {
    read = readText(file);
  } catch (err) {
    throw new InputError(`cannot read file: ${err.code || err.message}`, { file });
  }
  if (read.tooLarge)
    throw new InputError(`E_LIMIT: input is ${read.tooLarge} bytes; the maximum is ${MAX_DOC_BYTES}`, { file });
  if (read.notText) throw new InputError(NOT_TEXT, { file });
  return read.text;
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
    const text =
      typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
    return `  ${JSON.stringify(name)}: ${text}`;
  };
  const names = Object.keys(article);
  return ['{\n', ...names.map((name, i) => `${field(name)}${i < names.length - 1 ? ',' : ''}\n`), '}\n'];
}

async function render(argv) {
  const { positionals: positional, flags, help } = parseCommand('render', argv);
  if (help) return process.stdout.write(helpText('render'));
  if (positional.length !== 1) throw new UsageError('render takes one ARTICLE.md', 'render');
  const [file] = positional;
  const markdown = readArticle(file);
  const fm = await createFoldmark();
  let pieces;
  let article;
  try {
    article = fm.render(markdown, docOptions(flags.rawHtml, flags.math)); // as the site renders it
    // jsonLd is built on first access: read it before anything is printed, so an article whose
    // JSON-LD is over the output budget prints one error line and no half JSON.
    pieces = flags.json ? articleJson({ ...article }) : [article.html];
  } catch (err) {
    if (err instanceof RangeError) throw new InputError('E_LIMIT: the Article is too large to print as JSON', { file });
    throw new InputError(`${err.code}: ${err.message}`, { file });
  }
  for (const w of article.warnings) process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  await writeStdout(pieces);
}

async function build(argv) {
  const { positionals, flags, help } = parseCommand('build', argv);
  if (help) return process.stdout.write(helpText('build'));
  const settings = await resolveSettings('build', positionals, flags);
  for (const line of settings.notices) process.stderr.write(`${line}\n`);
  if (!settings.out) throw new UsageError('build needs --out DIR (or "out" in the config file)', 'build');
  const tty = process.stderr.isTTY && !process.env.CI;
  const summary = await buildSite(await createFoldmark(), {
    ...buildOptions(settings),
    warn: (line) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}${line}\n`),
    progress: tty ? progressLine() : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const index = pathToFileURL(join(summary.outDir, 'index.html')).href;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const { links, partials } = summary;
  const lists = [
    partials.inlined && `${plural(partials.inlined, 'partial')} inlined`,
    partials.docCardLists && `${plural(partials.docCardLists, 'category list')} written`,
  ].filter(Boolean);
  process.stdout.write(
    `foldmark: ${plural(summary.built, 'article')} built${summary.leftOut ? `, ${summary.leftOut}` : ''}; ` +
      (lists.length ? `${lists.join(', ')}; ` : '') +
      `${plural(links.docLinks, 'link')} between docs, ${plural(links.inPage, 'in-page link')}, ${plural(links.assets, 'file')} linked, ` +
      `${plural(links.broken + links.brokenAnchors, 'broken link')} → ${index}\n`,
  );
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

async function dev(argv) {
  const { positionals, flags, help } = parseCommand('dev', argv);
  if (help) return process.stdout.write(helpText('dev'));
  const { runDev } = await import('./cli/dev.js');
  // The config's "out" is where `build` writes; dev writes there only when --out says so.
  // A Docusaurus config's notice (what it names that foldmark does not build) is said once, not
  // on every reload.
  const said = new Set();
  const devSettings = async () => {
    const settings = await resolveSettings('dev', positionals, flags);
    for (const line of settings.notices.filter((l) => !said.has(l))) {
      said.add(line);
      process.stderr.write(`${line}\n`);
    }
    return { ...settings, out: flags.out && resolve(flags.out) };
  };
  // Ctrl+C removes the temporary folder, even when it comes while the first build runs, and stops
  // a sidebars.js or config file that does not return (it runs in a worker: user-code.js).
  let stopping = false;
  let session = null;
  const aborted = new AbortController();
  const stop = () => {
    stopping = true;
    aborted.abort();
    stopUserCode();
    if (session) session.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const fm = await createFoldmark();
  let settings;
  try {
    settings = await devSettings();
  } catch (err) {
    if (stopping) return; // Ctrl+C while foldmark.config.mjs ran: nothing to report
    throw err;
  }
  session = await runDev(
    fm,
    settings,
    devSettings,
    {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
    aborted.signal,
  );
  if (stopping) stop();
}

async function init(argv) {
  const { positionals, help } = parseCommand('init', argv);
  if (help) return process.stdout.write(helpText('init'));
  if (positionals.length > 1) throw new UsageError('init takes at most one DIR', 'init');
  const { initDocs, initReport } = await import('./cli/init.js');
  const dir = positionals[0] ?? 'docs';
  process.stdout.write(initReport(dir, await initDocs(dir)));
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return process.stdout.write(helpText('main'));
  if (command === '--version') {
    const { version } = await createFoldmark();
    return process.stdout.write(`foldmark ${version.foldmark} (md4c ${version.md4c})\n`);
  }
  if (command === 'render') return render(rest);
  if (command === 'build') return build(rest);
  if (command === 'dev') return dev(rest);
  if (command === 'init') return init(rest);
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
    process.stderr.write(`foldmark: ${err.message}\n${helpText(err.command)}`);
    process.exitCode = 2;
  } else if (err instanceof InputError) {
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
