// The libraries under test, each behind one adapter: load() resolves to { run, html } where run(text)
// is the timed call and html(result) the HTML it produced (for the correctness check).
// Every library runs with its own defaults, as a user who installs it gets it; foldmark's render
// rows render as the docs site does (Docusaurus Markdown with MDX, DOC_OPTIONS), and "toHtml mdx"
// shows what the MDX stages cost beside the default toHtml: the same options with mdx on, nothing
// else ('safe' raw HTML, the site's other default, does other work on raw HTML than the default's
// escaping, which is no cost of the Docusaurus syntax; the render rows include it).
const MDX = Object.freeze({ mdx: true });
import { DOC_OPTIONS } from '../web/site/shared/doc-syntax.js';

const asHtml = (s) => s;

export const LIBS = [
  {
    name: 'foldmark toHtml',
    ours: true,
    async load() {
      const { createFoldmark } = await import('../web/node.js');
      const fm = await createFoldmark();
      return { run: (s) => fm.toHtml(s), html: asHtml };
    },
  },
  {
    name: 'foldmark toHtml mdx',
    ours: true,
    async load() {
      const { createFoldmark } = await import('../web/node.js');
      const fm = await createFoldmark();
      return { run: (s) => fm.toHtml(s, MDX), html: asHtml };
    },
  },
  {
    name: 'foldmark render',
    ours: true,
    async load() {
      const { createFoldmark } = await import('../web/node.js');
      const fm = await createFoldmark();
      // render() returns the parsed article (html, toc, questions): its JSON.parse counts. Its
      // JSON-LD is built on first access, which this row never makes; the next row does.
      return { run: (s) => fm.render(s, DOC_OPTIONS), html: (a) => a.html };
    },
  },
  {
    name: 'foldmark render+jsonLd',
    ours: true,
    async load() {
      const { createFoldmark } = await import('../web/node.js');
      const fm = await createFoldmark();
      let jsonLdBytes = 0; // reading jsonLd builds it; the sum keeps the read from being dropped
      return {
        run: (s) => {
          const a = fm.render(s, DOC_OPTIONS);
          jsonLdBytes += a.jsonLd.length;
          return a;
        },
        html: (a) => a.html,
      };
    },
  },
  {
    name: 'markdown-wasm',
    peer: true,
    async load() {
      const mod = await import('markdown-wasm');
      const md = mod.parse ? mod : mod.default;
      await md.ready;
      return { run: (s) => md.parse(s), html: asHtml };
    },
  },
  {
    name: 'md4w',
    peer: true,
    async load() {
      const { init, mdToHtml } = await import('md4w');
      await init(); // Node's default: md4w-fast.wasm read from the package directory
      return { run: (s) => mdToHtml(s), html: asHtml };
    },
  },
  {
    name: 'marked',
    peer: true,
    async load() {
      const { marked } = await import('marked');
      return { run: (s) => marked.parse(s), html: asHtml };
    },
  },
  {
    name: 'markdown-it',
    peer: true,
    async load() {
      const { default: MarkdownIt } = await import('markdown-it');
      const md = new MarkdownIt();
      return { run: (s) => md.render(s), html: asHtml };
    },
  },
  {
    name: 'commonmark',
    peer: true,
    async load() {
      const { Parser, HtmlRenderer } = await import('commonmark');
      const parser = new Parser();
      const writer = new HtmlRenderer();
      return { run: (s) => writer.render(parser.parse(s)), html: asHtml };
    },
  },
];

export const libByName = (name) => {
  const lib = LIBS.find((l) => l.name === name);
  if (!lib) throw new Error(`unknown library "${name}"; known: ${LIBS.map((l) => l.name).join(', ')}`);
  return lib;
};

// The files a browser downloads to render Markdown with each library (package-relative paths).
export const BROWSER_FILES = {
  foldmark: [
    'dist/foldmark-core.mjs',
    'web/foldmark.js',
    'web/contract.js',
    'web/browser.js',
    'web/load.js',
    'dist/foldmark-core.wasm',
  ],
  'markdown-wasm': ['node_modules/markdown-wasm/dist/markdown.es.js', 'node_modules/markdown-wasm/dist/markdown.wasm'],
  // Browsers get md4w-small.wasm by default (md4w-fast.wasm is ~270 KB gzipped).
  md4w: ['node_modules/md4w/js/index.js', 'node_modules/md4w/js/md4w.js', 'node_modules/md4w/js/md4w-small.wasm'],
  marked: ['node_modules/marked/lib/marked.esm.js'],
  'markdown-it': ['node_modules/markdown-it/dist/browser/markdown-it.esm.min.mjs'],
  commonmark: ['node_modules/commonmark/dist/commonmark.min.js'],
};
