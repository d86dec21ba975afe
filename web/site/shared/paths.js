// The names the builder, the page and the dev client agree on: where a built site keeps its own
// files (relative to the site root), the globals through which those classic scripts hand over
// their data (file:// pages cannot fetch), and the events and marks the page and its tools share.
export const ASSET_DIR = '_foldmark';
export const RESERVED_PATH = /^_foldmark(\/|$)/; // no doc asset may be published there

export const PATHS = {
  core: '_foldmark/core.js', // the wasm glue (classic build)
  wasm: '_foldmark/wasm.js', // the wasm bytes as base64: self[GLOBALS.wasm] = '…'
  site: '_foldmark/site.js', // the page (web/site/page/, bundled)
  style: '_foldmark/style.css',
  favicon: '_foldmark/favicon.svg',
  catalog: '_foldmark/catalog.js', // self[GLOBALS.catalog] (shared/catalog.js)
  searchCode: '_foldmark/search.js', // MiniSearch and the index wrapper, loaded on first search
};
export const DOCS_DIR = '_foldmark/docs';
export const docScriptPath = (n) => `${DOCS_DIR}/${n}.js`; // self[GLOBALS.doc](n, data)
export const searchShardPath = (k) => `_foldmark/search/${k}.js`; // self[GLOBALS.search](k, data)
export const prismPath = (name) => `_foldmark/prism/${name}.js`;
// A browser library copied only when some doc needs it (builder/libraries.js), as a classic script.
export const libraryPath = (name) => `_foldmark/lib/${name}.js`;

export const GLOBALS = {
  core: 'createFoldmarkCore', // the wasm glue's factory (EXPORT_NAME of the classic build)
  catalog: 'foldmarkCatalog',
  doc: 'foldmarkDoc',
  wasm: 'foldmarkWasm',
  search: 'foldmarkSearch',
  searchIndex: 'foldmarkSearchIndex',
};

export const EVENTS = {
  // On document after every show: detail { target, heading, fresh, toc } (page/features.js).
  article: 'foldmark:article',
  // On window when `foldmark dev` delivered doc n's script again: detail { n }.
  docUpdated: 'foldmark:doc-updated',
};

export const MARKS = {
  rendered: 'foldmark:article-rendered', // the first article is in the DOM
  shown: 'foldmark:article-shown', // a later article is in the DOM
  search: 'foldmark:search', // a measure: keystroke to results on screen
};

// What only `foldmark dev` serves, beside the site.
export const DEV_PATHS = {
  client: '/_foldmark/dev.js',
  style: '/_foldmark/dev.css',
  shared: '/_foldmark/shared/', // this folder, for the dev client's imports
  events: '/_foldmark/events',
};
