// Types for the foldmark package (hand-written: Emscripten 3.1.6 has no --emit-tsd).

/** Options of toHtml() and render(). Every member is optional; unknown names or wrong types
 *  throw FoldmarkError with code 'E_OPTION'. */
export interface Options {
  /** false (default): raw HTML in the Markdown is escaped and shown as text — inline as text,
   *  blocks as `<pre class="fm-raw-html">`. 'safe': an allowlist of elements and attributes
   *  (README "Raw HTML"; GitHub-like): URLs through the same policy as Markdown links, JSX
   *  `className` → `class` and `{…}` literal values kept, iframes only from video and code
   *  playground hosts (sandboxed), everything else dropped, never shown as source — the docs
   *  site's default. true: passed through verbatim; only for trusted authors: raw HTML can run
   *  script. Markdown link/image URLs are filtered in every mode. */
  allowRawHtml?: boolean | 'safe';
  /** true (default): GitHub extensions — tables (`<table>`), strikethrough (`<del>`), task lists
   *  (`<li class="task-list-item"><input type="checkbox" disabled>`), and autolinks for bare
   *  `www.`, `http(s)://` and e-mail addresses. */
  gfm?: boolean;
  /** true (default): `id` on every heading, as github-slugger computes it (`## What is "FaaS"?`
   *  → `id="what-is-faas"`; repeats get `-1`, `-2`). Slugs are cut to 100 bytes; a heading with
   *  no letters or digits gets `section`. */
  headingIds?: boolean;
  /** false (default): CommonMark + GFM, plus the Docusaurus syntax that CommonMark leaves as
   *  text (`:::note` admonitions, code titles and line highlights, `{#id}`). true: Docusaurus's
   *  MDX flavour too, as the docs site and `foldmark build`/`dev` render: top-level
   *  `import`/`export` lines and `{/* … *\/}` are dropped, `<Tabs>`/`<TabItem>` become tabs and
   *  any other capitalised component's tags are dropped (children kept, `W_MDX_COMPONENT`),
   *  `{…}` JSX attribute values make a tag HTML, and `{' '}` / `{"text"}` become their text.
   *  Without it, `<Warning>` is raw HTML and an import line a paragraph. */
  mdx?: boolean;
  /** false (default): a `$` is text. true: `$…$` and `$$…$$` (remark-math's syntax) become
   *  `<span class="fm-math">` and `<span class="fm-math fm-math-display">` holding the TeX
   *  source, escaped, for a math library in the page to typeset (the docs site uses KaTeX). */
  math?: boolean;
  /** render() only. 'sections' (default): every section at the Q/A level is a
   *  `<details class="fm-qa">` item; 'questions': only sections whose heading is a question;
   *  'none': a plain article. */
  collapse?: 'sections' | 'questions' | 'none';
  /** Prefix for every generated id (headings, TOC links, tab ids): letters, digits, `_ - : .`, at
   *  most 64 characters. Default ''. */
  idPrefix?: string;
  /** Highlighter hook, called once per fenced code block with its code (highlight comments
   *  removed), its language ('' when none) and its metastring (the info string after the
   *  language, e.g. `title="app.js" {2}`). A returned string becomes the block's inner HTML as is
   *  (trusted: it is not sanitised); anything else keeps the escaped code. Highlighted lines
   *  (`{1,3-5}`, highlight comments) are then wrapped in `<span class="fm-line-highlight">` at the
   *  returned HTML's newlines; tags left open across a line end are closed before the span ends
   *  and reopened after it, so the output stays balanced. Without a hook, toHtml/render give the
   *  same bytes as the native core. article.jsonLd keeps the escaped code. The returned HTML
   *  counts against the output limit (16 × input + 4 MiB): past it the call throws E_LIMIT.
   *  Default: none. */
  highlight?: ((code: string, lang: string, meta: string) => string | undefined | null | void) | null;
}

export interface TocEntry {
  /** Heading level, 1–6. */
  level: number;
  /** The heading's plain text: markup stripped, character references decoded. */
  text: string;
  /** Its id attribute (prefix included); '' when headingIds is false. */
  id: string;
}

export interface Question {
  id: string;
  text: string;
}

/** W_FRONT_MATTER*: front matter problems. W_ADMONITION: a `:::` fence with an unknown type or
 *  never closed (left as text). W_MDX_IMPORT: import/export lines dropped (once per article).
 *  W_MDX_COMPONENT: a component other than Tabs/TabItem (tags dropped, children kept).
 *  W_HEADING_ID: a `{#id}` with characters outside `A-Z a-z 0-9 - _ . :` (kept as text). */
export type WarningCode = 'W_FRONT_MATTER' | 'W_FRONT_MATTER_UNCLOSED' | 'W_FRONT_MATTER_DUPLICATE_KEY' |
  'W_ADMONITION' | 'W_MDX_IMPORT' | 'W_MDX_COMPONENT' | 'W_HEADING_ID';

export interface Warning {
  /** 1-based line in the whole file, front matter included. */
  line: number;
  /** 1-based column, in Unicode code points. */
  column: number;
  /** Stable identifier (see WarningCode). */
  code: WarningCode;
  message: string;
}

/** The full article, from render(). */
export interface Article {
  /** Front matter as parsed: strings, numbers, booleans, null, lists and maps. */
  meta: Record<string, unknown>;
  /** meta.title, else the first h1's text, else ''. */
  title: string;
  /** `<article class="fm-article">`: `<h1 class="fm-title">` (unless `hide_title: true`), an
   *  optional `<div class="fm-intro">`, the items
   *  (`<details class="fm-qa [fm-question]"><summary><hN id>…</hN></summary>
   *  <div class="fm-answer">…</div></details>`), and an optional `<div class="fm-epilogue">` that
   *  starts at the first top-level `---` after the last item. Reader-question blockquotes carry
   *  `class="fm-reader-question"`.
   *
   *  Docusaurus Markdown (also in toHtml): `:::TYPE [Title]` → `<aside class="fm-admonition
   *  fm-admonition-TYPE"><p class="fm-admonition-title">…</p>…</aside>` (TYPE: note, tip, info,
   *  caution, danger, warning, important, success, secondary); a code block with `title="…"` or
   *  `showLineNumbers` → `<figure class="fm-code [fm-line-numbers]"><figcaption
   *  class="fm-code-title">…</figcaption><pre><code class="language-…">`, highlighted lines as
   *  `<span class="fm-line-highlight">line\n</span>`; `<Tabs>` → `<div class="fm-tabs"><div
   *  role="tablist"><button role="tab" id aria-controls aria-selected>…</button>…</div><div
   *  role="tabpanel" id aria-labelledby>…</div>…</div>` (every panel visible; with groupId or
   *  queryString, `data-group-id`/`data-query-string` on the div and `data-value` on each tab). Headings, rules and
   *  quotes inside an admonition, a tab panel or a `<details>` do not enter the TOC or split items. */
  html: string;
  /** Every heading that is a direct child of the article (not inside a list, quote, admonition,
   *  tab panel or `<details>`), all levels, in document order; the title heading excluded. A
   *  `{#custom-id}` at a heading's end is its id (not part of its text). */
  toc: TocEntry[];
  /** Sections at the Q/A level whose heading is a question, in order. */
  questions: Question[];
  /** Problems that did not stop rendering (malformed front matter, unknown admonitions, MDX). */
  warnings: Warning[];
  /** schema.org FAQPage JSON-LD for the questions ('' when there are none); safe to place inside
   *  `<script type="application/ld+json">` as is (`<`, `>`, `&` are \u-escaped). It repeats
   *  every answer's HTML, so it is built on first access (an enumerable accessor over the input
   *  and options render() was given), not by render() itself; assigning it works as usual. */
  jsonLd: string;
}

export type FoldmarkErrorCode = 'E_INPUT' | 'E_OPTION' | 'E_LIMIT' | 'E_INTERNAL' | 'E_WASM';

/** Every error foldmark throws. A failed call never leaves the instance unusable. */
export class FoldmarkError extends Error {
  constructor(code: FoldmarkErrorCode, message: string);
  readonly name: 'FoldmarkError';
  /** E_INPUT: markdown is not a string or Uint8Array (other typed arrays, DataView, ArrayBuffer,
   *  a Proxy, a view of a detached buffer are refused too). E_OPTION: bad option, or an option
   *  getter/Proxy that throws; from createFoldmark, an option of the wrong type. E_LIMIT: input
   *  over 32 MiB; output over its budget (16 × input + 4 MiB, at most 256 MiB; for render the
   *  article HTML and jsonLd together, so reading jsonLd can throw it); or list/quote nesting
   *  whose parsing cost would pass 32 × input + 1 MiB (md4c re-checks every open container on
   *  each blank line). E_INTERNAL: the core failed (out of memory); the instance recovers.
   *  E_WASM (createFoldmark only): the .wasm could not be fetched, read or compiled; the message
   *  says where it looked and what to pass instead (wasmUrl or wasmBinary); a failing instantiateWasm
   *  hook rejects with E_INTERNAL. `instanceof` holds
   *  across the ES and CommonJS entries. */
  readonly code: FoldmarkErrorCode;
}

export interface Foldmark {
  /** CommonMark + GFM body HTML, safe by default. A Uint8Array's bytes are read once through the
   *  built-in getters (its own length or getters are never consulted); options once, into a
   *  snapshot. */
  toHtml(markdown: string | Uint8Array, options?: Options): string;
  /** The full article: front matter, Q/A layout, TOC. */
  render(markdown: string | Uint8Array, options?: Options): Article;
  readonly version: { readonly foldmark: string; readonly md4c: string };
}

/** Where the .wasm comes from: by default `dist/foldmark-core.wasm` beside the package's own files
 *  (bundlers that follow `new URL(…, import.meta.url)` copy it). Give at most one of these;
 *  unknown names throw FoldmarkError 'E_OPTION'. */
export interface CreateOptions {
  /** Where to fetch (browsers; Node: also a path or file: URL) foldmark-core.wasm, e.g. the URL
   *  esbuild's file loader gives for `import url from 'foldmark/foldmark-core.wasm'`. */
  wasmUrl?: string | URL;
  /** The .wasm bytes, for hosts where it cannot be fetched or read next to the glue. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch a file the glue needs (foldmark-core.wasm), given its name and the glue's
   *  directory. */
  locateFile?: (path: string, scriptDirectory: string) => string;
}

/** Loads and instantiates the wasm module; then every call is synchronous. Rejects with a
 *  FoldmarkError (E_OPTION, E_WASM, E_INTERNAL), never stays pending, when loading fails. */
export function createFoldmark(options?: CreateOptions): Promise<Foldmark>;
