// The one definition of the command line's options: this table drives node:util parseArgs, the
// validation of foldmark.config.json/.mjs and of flags, and the --help text of every command.
import { parseArgs } from 'node:util';
import { COLLAPSE_MODES } from '../site/builder/docs.js';
import { publicUrl } from '../site/builder/pages.js';
import { RAW_HTML_MODES } from '../site/shared/doc-syntax.js';

/**
 * flag: the long option; key: its name in the config file and in the settings object (absent:
 * command line only); kind: how a value is checked (path, paths, text, url, collapse, port, flag);
 * commands: where it is accepted; arg: the value's name in help. An option of `build` reaches
 * buildSite (web/site/builder/index.js) as opts[key or flag] (see buildOptions), unless build names
 * it otherwise (false: not at all); toBuild(value) shapes its value there.
 */
export const OPTIONS = [
  {
    key: 'docs',
    build: 'docsDir',
    kind: 'path',
    commands: [],
    help: 'the docs folder (on the command line: DOCS_DIR)',
  },
  {
    flag: 'out',
    short: 'o',
    key: 'out',
    build: 'outDir',
    kind: 'path',
    arg: 'DIR',
    commands: ['build', 'dev'],
    help: 'output folder (new, empty, or one foldmark built before); dev: default a temporary folder',
  },
  {
    flag: 'sidebars',
    short: 's',
    key: 'sidebars',
    kind: 'path',
    arg: 'FILE',
    commands: ['build', 'dev'],
    help: 'Docusaurus sidebars.js, .ts or .json (default: folders are categories)',
  },
  {
    flag: 'static',
    key: 'static',
    build: 'staticDirs',
    kind: 'paths',
    arg: 'DIR',
    commands: ['build', 'dev'],
    help: 'copied to the site root, like Docusaurus static/ (may repeat)',
  },
  {
    key: 'allow',
    build: 'allowDirs',
    kind: 'paths',
    commands: [],
    help: 'more folders the docs may link or symlink files from (not in a config inside the docs folder)',
  },
  {
    flag: 'prerender',
    key: 'prerender',
    kind: 'flag',
    commands: ['build', 'dev'],
    help: "also write DIR/<id>/index.html with each article's HTML (crawlers, no-JS)",
  },
  {
    flag: 'base-url',
    key: 'baseUrl',
    kind: 'url',
    arg: 'URL',
    commands: ['build', 'dev'],
    help: "the site's public URL: canonical links, OpenGraph, sitemap.xml",
  },
  {
    flag: 'edit-url',
    key: 'editUrl',
    kind: 'url',
    arg: 'URL',
    commands: ['build', 'dev'],
    toBuild: (url) => url && url.replace(/\/?$/, '/'),
    help: '"Edit this page" links: URL + each doc\'s path in DOCS_DIR (Docusaurus editUrl)',
  },
  {
    flag: 'title',
    short: 't',
    key: 'title',
    kind: 'text',
    arg: 'TEXT',
    commands: ['build', 'dev'],
    help: 'the site\'s name (default "Documentation")',
  },
  {
    flag: 'collapse',
    key: 'collapse',
    kind: 'collapse',
    arg: 'MODE',
    commands: ['build', 'dev'],
    help: `${COLLAPSE_MODES.join(' | ')}: the default layout (front matter collapse wins)`,
  },
  {
    flag: 'raw-html',
    key: 'rawHtml',
    kind: 'rawHtml',
    arg: 'MODE',
    commands: ['build', 'dev', 'render'],
    help: `${Object.keys(RAW_HTML_MODES).join(' | ')}: raw HTML and JSX in docs as text, through the allowlist (default), or verbatim (trusted authors only)`,
  },
  {
    flag: 'math',
    key: 'math',
    kind: 'flag',
    commands: ['build', 'dev', 'render'],
    help: '$…$ and $$…$$ as math, typeset with KaTeX in the page (on when the Docusaurus config uses remark-math)',
  },
  { flag: 'strict', key: 'strict', kind: 'flag', commands: ['build', 'dev'], help: 'broken links are errors (exit 1)' },
  {
    flag: 'force',
    kind: 'flag',
    commands: ['build', 'dev'],
    help: 'write into a non-empty folder foldmark did not build (its files are kept)',
  },
  {
    flag: 'port',
    short: 'p',
    key: 'port',
    kind: 'port',
    arg: 'N',
    commands: ['dev'],
    help: 'port on 127.0.0.1 (default 3000, or the next free one; 0: any free port)',
  },
  {
    flag: 'config',
    short: 'c',
    kind: 'path',
    arg: 'FILE',
    commands: ['build', 'dev'],
    build: false,
    help: 'the config file (default: foldmark.config.json or .mjs in the current folder, else in DOCS_DIR)',
  },
  { flag: 'json', kind: 'flag', commands: ['render'], help: 'print the whole Article as JSON' },
];

export const CONFIG_KEYS = OPTIONS.filter((o) => o.key);

/** The options of buildSite for resolved settings (config.js): each build option of the table. */
export function buildOptions(settings) {
  const options = {};
  for (const o of OPTIONS) {
    if (o.build === false || (!o.build && !o.commands.includes('build'))) continue;
    const value = settings[o.key || o.flag];
    const shaped = o.kind === 'flag' ? Boolean(value) : o.kind === 'paths' ? (value ?? []) : value;
    options[o.build || o.key || o.flag] = o.toBuild ? o.toBuild(shaped) : shaped;
  }
  return options;
}
const byFlag = new Map(OPTIONS.filter((o) => o.flag).map((o) => [o.flag, o]));

/** A mistake in what the user typed (exit 2) or in the config file (exit 1: see cli.js). */
export class UsageError extends Error {
  constructor(message, command = 'main') {
    super(message);
    this.command = command;
  }
}

/** Checks one value of option `opt`; returns it normalised, or throws Error(message). */
export function checkValue(opt, value) {
  const name = opt.kind;
  if (name === 'flag') {
    if (typeof value !== 'boolean') throw new Error('must be true or false');
    return value;
  }
  if (name === 'paths') {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== ''))
      throw new Error('must be a list of folder paths');
    return value;
  }
  if (name === 'port') {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('must be a port number from 0 to 65535');
    return n;
  }
  if (typeof value !== 'string') throw new Error('must be a string');
  if (value === '') throw new Error('needs a value');
  if (name === 'url') return publicUrl(value);
  if (name === 'collapse' && !COLLAPSE_MODES.includes(value))
    throw new Error(`must be one of ${COLLAPSE_MODES.join(', ')}`);
  if (name === 'rawHtml' && !Object.hasOwn(RAW_HTML_MODES, value))
    throw new Error(`must be one of ${Object.keys(RAW_HTML_MODES).join(', ')}`);
  return value;
}

// parseArgs options for one command: each flag, its short form, and --no-X for booleans a config
// file may have turned on.
function parseOptionsFor(command) {
  const options = { help: { type: 'boolean', short: 'h' } };
  for (const o of OPTIONS) {
    if (!o.flag || !o.commands.includes(command)) continue;
    options[o.flag] = {
      type: o.kind === 'flag' ? 'boolean' : 'string',
      ...(o.short ? { short: o.short } : {}),
      ...(o.kind === 'paths' ? { multiple: true } : {}),
    };
    if (o.kind === 'flag' && o.key) options[`no-${o.flag}`] = { type: 'boolean' };
  }
  return options;
}

/**
 * Parses argv for command. Returns { positionals, help, flags: { key or flag → checked value } }.
 * Throws UsageError for unknown flags, missing or bad values (exit 2).
 */
export function parseCommand(command, argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseOptionsFor(command), allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(
      // parseArgs's advice on '-'-leading values and positionals (with unbalanced quotes) is
      // not how this command line is used.
      err.message.replace(/\. To specify (an option argument|a positional argument) starting with a.*$/s, '.'),
      command,
    );
  }
  const flags = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (name === 'help') continue;
    const negated = name.startsWith('no-') && !byFlag.has(name);
    const opt = byFlag.get(negated ? name.slice(3) : name);
    try {
      flags[opt.key || opt.flag] = negated ? !value : checkValue(opt, value);
    } catch (err) {
      throw new UsageError(`--${opt.flag} ${err.message}`, command);
    }
  }
  return { positionals: parsed.positionals, help: Boolean(parsed.values.help), flags };
}

const SYNOPSIS = {
  render: 'foldmark render ARTICLE.md [--json] [--raw-html MODE] [--math]',
  build: 'foldmark build [DOCS_DIR | WEBSITE_DIR] [--out DIR] [options]',
  dev: 'foldmark dev [DOCS_DIR | WEBSITE_DIR] [options] [--port N]',
  init: 'foldmark init [DIR]',
};

const ABOUT = {
  render:
    "Prints the article's HTML fragment, or with --json the whole Article (title, meta, toc, …), as the site renders it (Docusaurus Markdown, MDX included).",
  build:
    'Writes a static site: DIR/index.html opens from file:// and from any static host.\n' +
    '  DOCS_DIR is a Docusaurus-style docs tree (.md/.mdx in folders; ids are folder/id). Without\n' +
    '  DOCS_DIR and --out, the config file names them (keys docs and out). A WEBSITE_DIR holds\n' +
    '  docusaurus.config.{ts,mts,cts,js,mjs,cjs}: its docs folder, sidebars, static folders, title,\n' +
    '  URL, edit URL, navbar and footer are used (flags and foldmark.config.* win), into\n' +
    '  WEBSITE_DIR/build unless --out says otherwise.',
  dev:
    'Builds the site into a temporary folder (or --out), serves it on http://127.0.0.1:PORT/ and\n' +
    '  rebuilds on every save in the docs folder, the sidebars file, --static folders and the config;\n' +
    '  the open page follows (a changed article is re-rendered in place). Ctrl+C stops it.',
  init:
    'Writes a starter docs tree into DIR (default "docs"): a Q/A article, a tutorial, a category\n' +
    '  folder, sidebars.js and foldmark.config.json. DIR must be new or empty.',
};

const CONFIG_NOTE = `
  Config file keys (flags win over them; paths are relative to the file):
    ${CONFIG_KEYS.map((o) => o.key).join(', ')}`;

/** The --help text of a command, or of the program when command is 'main'. */
export function helpText(command) {
  if (command === 'main' || !SYNOPSIS[command]) {
    return `usage: ${Object.values(SYNOPSIS).join('\n       ')}\n       foldmark --version | --help | COMMAND --help\n`;
  }
  const lines = OPTIONS.filter((o) => o.flag && o.commands.includes(command)).map((o) => {
    const left = `${o.short ? `-${o.short}, ` : '    '}--${o.flag}${o.arg ? ` ${o.arg}` : ''}`;
    return `  ${left.padEnd(20)}  ${o.help}`;
  });
  lines.push(`  ${'-h, --help'.padEnd(20)}  this text`);
  // Only a command that reads a config file has anything for a --no-FLAG to turn off.
  const withConfig = ['build', 'dev'].includes(command);
  const negations = OPTIONS.filter((o) => o.kind === 'flag' && o.key && o.commands.includes(command));
  const negationNote = `  (${negations.map((o) => `--no-${o.flag}`).join(', ')}: turn off what the config file turns on)\n`;
  return (
    `usage: ${SYNOPSIS[command]}\n\n  ${ABOUT[command]}\n\n${lines.join('\n')}\n` +
    `${withConfig && negations.length > 0 ? negationNote : ''}` +
    `${withConfig ? `${CONFIG_NOTE}\n` : ''}`
  );
}
