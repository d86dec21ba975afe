#!/usr/bin/env node
// The foldmark command line: `render` one article (HTML fragment or Article JSON) and `build` the
// static site. Exit codes: 0 ok, 1 bad input (file, line, column on stderr), 2 usage error.
import { readFile } from 'node:fs/promises';
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

async function render(argv) {
  const { positional, flags } = parseArgs(argv, ['json'], []);
  if (positional.length !== 1) throw new UsageError('render takes one ARTICLE.md');
  const [file] = positional;
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new SiteError(`cannot read file: ${err.code || err.message}`, { file });
  }
  const fm = await createFoldmark();
  let article;
  try {
    article = fm.render(bytes);
  } catch (err) {
    throw new SiteError(`${err.code}: ${err.message}`, { file });
  }
  for (const w of article.warnings) process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  process.stdout.write(flags.json ? `${JSON.stringify(article, null, 2)}\n` : article.html);
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
  if (err instanceof UsageError) {
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
