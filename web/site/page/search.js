// Search: a button in the header, `/` or Ctrl+K, opens a modal <dialog> holding a combobox input and
// a listbox of results (article, section, snippet with the words marked). The index shards
// (_foldmark/search/<k>.js, classic scripts: file:// cannot fetch) load on first use. The query is
// in the address as ?q=…, so a search can be shared; choosing a result opens the article at that
// section and marks the words there (?hl=…, consumed by marks.js once the article is shown).
import { GLOBALS, MARKS, PATHS, searchShardPath } from '../shared/paths.js';
import { make, messageOf } from './dom.js';
import { docLabel, state } from './state.js';
import { docHref } from './router.js';
import { markParts, snippetOf } from './search-text.js';

const LIMIT = 20;
const ui = { dialog: null, input: null, list: null, status: null, button: null, active: -1, hits: [] };
let index = null; // a SearchIndex once _foldmark/search.js (MiniSearch + the wrapper) has run
let loading = null;
let failure = ''; // why the last load failed, shown until the search is opened again

function shardCount() {
  const k = Number(state.catalog && state.catalog.search);
  return Number.isInteger(k) && k > 0 ? k : 0;
}

// A classic script runs before its load event: a shard that loaded without delivering its data (a
// syntax error, a truncated file) is a failure too, or the index would wait for it for ever.
function addScript(path, reject, delivered) {
  const script = document.createElement('script');
  script.src = new URL(path, state.rootUrl).href;
  script.onerror = () => reject(new Error(`${path} could not be loaded`));
  script.onload = () => {
    script.remove();
    if (!delivered()) reject(new Error(`${path} holds no search data`));
  };
  document.head.append(script);
}

// Shard scripts requested at a time: each is megabytes of JSON text that the browser scans on a
// background thread; six at once on two cores made the first results wait for all of them.
const SHARDS_AT_ONCE = 2;

// Loads the search library and every shard once, a few shards at a time, each added to the index
// in a task of its own so results show (and improve) as shards arrive; resolves when all have
// arrived (or rejects with the first failure, after which this attempt adds and requests nothing).
// Shards that come before the library wait for it; a shard delivered twice counts once. Each
// attempt keeps its own index and waiting shards: a failed attempt's library or shards arriving
// late (a slow disk, a busy machine) must not take or hide the next attempt's.
function loadIndex() {
  if (loading) return loading;
  failure = '';
  const total = shardCount();
  let arrived = 0;
  let stopped = false;
  let own = null; // this attempt's index
  const received = new Set();
  const waiting = []; // shards that arrived before the library
  loading = new Promise((resolve, settleFailed) => {
    const reject = (err) => {
      stopped = true;
      settleFailed(err);
    };
    const add = (data) => {
      if (stopped) return;
      try {
        own.addShard(data);
      } catch (err) {
        reject(err);
        return;
      }
      arrived += 1;
      if (ui.input?.value) runQuery(); // results improve as shards arrive
      if (arrived === total) resolve(own);
    };
    let requested = 0;
    const requestNext = () => {
      if (stopped || requested >= total) return;
      const k = requested++;
      addScript(searchShardPath(k), reject, () => received.has(k));
    };
    self[GLOBALS.search] = (k, data) => {
      if (stopped || received.has(k)) return;
      received.add(k);
      requestNext();
      if (own) add(data);
      else waiting.push(data);
    };
    const library = document.createElement('script');
    library.src = new URL(PATHS.searchCode, state.rootUrl).href;
    library.onerror = () => reject(new Error(`${PATHS.searchCode} could not be loaded`));
    library.onload = () => {
      if (stopped) return undefined;
      if (typeof self[GLOBALS.searchIndex] !== 'function')
        return reject(new Error(`${PATHS.searchCode} holds no search index`));
      own = new self[GLOBALS.searchIndex]();
      index = own;
      for (const data of waiting.splice(0)) setTimeout(() => add(data)); // one shard per task: results show after the first
      return undefined;
    };
    document.head.append(library);
    for (let k = 0; k < SHARDS_AT_ONCE; k += 1) requestNext();
  });
  loading.catch((err) => {
    failure = `Search is unavailable: ${messageOf(err)}`;
    if (ui.status) ui.status.textContent = failure;
    loading = null; // the next opening tries again, from nothing
    if (index === own) index = null;
  });
  return loading;
}

function partsInto(node, parts) {
  for (const part of parts) node.append(part.mark ? make('mark', '', part.text) : document.createTextNode(part.text));
  return node;
}

function option(hit, i) {
  const li = make('li', 'site-search-hit');
  li.id = `siteSearchHit${i}`;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  li.append(make('span', 'site-search-doc', docLabel(hit.n)));
  if (hit.headingText) li.append(partsInto(make('span', 'site-search-section'), markParts(hit.headingText, hit.terms)));
  if (hit.text)
    li.append(partsInto(make('span', 'site-search-snippet'), markParts(snippetOf(hit.text, hit.terms), hit.terms)));
  li.addEventListener('click', () => choose(i));
  return li;
}

function setActive(i) {
  const items = ui.list.children;
  if (ui.active >= 0 && items[ui.active]) items[ui.active].setAttribute('aria-selected', 'false');
  ui.active = items.length ? Math.max(0, Math.min(i, items.length - 1)) : -1;
  if (ui.active < 0) return ui.input.removeAttribute('aria-activedescendant');
  const item = items[ui.active];
  item.setAttribute('aria-selected', 'true');
  ui.input.setAttribute('aria-activedescendant', item.id);
  item.scrollIntoView({ block: 'nearest' });
  return undefined;
}

function runQuery() {
  const query = ui.input.value;
  rememberQuery(query);
  ui.hits = index ? index.search(query, LIMIT) : [];
  ui.list.replaceChildren(...ui.hits.map(option));
  ui.input.setAttribute('aria-expanded', String(ui.hits.length > 0));
  ui.active = -1;
  if (ui.hits.length) setActive(0);
  if (failure) ui.status.textContent = failure;
  else if (!query.trim()) ui.status.textContent = '';
  else if (!loading || !index || index.shards.length < shardCount())
    ui.status.textContent = 'Loading the search index…';
  else
    ui.status.textContent = ui.hits.length
      ? `${ui.hits.length}${ui.hits.length === LIMIT ? '+' : ''} results`
      : 'No results';
}

// ?q= in the address while the dialog is open: a search can be shared (file:// allows changing
// the query part with replaceState, unlike the path).
function rememberQuery(query) {
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}

function choose(i) {
  const hit = ui.hits[i];
  if (!hit) return;
  const terms = hit.terms.join(' ');
  ui.chosen = true;
  close();
  const url = new URL(docHref(hit.n, hit.heading), location.href);
  url.searchParams.delete('q');
  url.searchParams.set('hl', terms);
  if (url.pathname !== location.pathname) {
    location.assign(url.href);
    return;
  }
  // Same document: change the query part without loading, then the fragment (hashchange/popstate
  // make the router show it). The same address again still marks the words (marks.js listens).
  const sameHash = url.hash === location.hash;
  history.replaceState(history.state, '', `${url.pathname}${url.search}${location.hash}`);
  if (sameHash) dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = url.hash;
}

function onKey(event) {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    setActive(ui.active + (event.key === 'ArrowDown' ? 1 : -1));
  } else if (event.key === 'Home' && event.ctrlKey) {
    setActive(0);
  } else if (event.key === 'Escape') {
    event.preventDefault(); // a type=search input would only clear itself: close the dialog
    close();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    choose(ui.active < 0 ? 0 : ui.active);
  }
}

function build() {
  const dialog = make('dialog', 'site-search');
  dialog.id = 'siteSearch';
  dialog.setAttribute('aria-label', 'Search the docs');
  const form = make('div', 'site-search-box');
  const label = make('label', 'site-search-label', 'Search');
  label.htmlFor = 'siteSearchInput';
  const input = make('input', 'site-search-input');
  Object.assign(input, {
    id: 'siteSearchInput',
    type: 'search',
    autocomplete: 'off',
    spellcheck: false,
    placeholder: 'Search the docs',
  });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'siteSearchList');
  const closeButton = make('button', 'site-search-close', 'Close');
  closeButton.type = 'button';
  closeButton.addEventListener('click', () => close());
  form.append(label, input, closeButton);
  const status = make('p', 'site-search-status');
  status.setAttribute('role', 'status');
  const list = make('ul', 'site-search-list');
  list.id = 'siteSearchList';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Results');
  dialog.append(form, status, list);
  // Keystroke to results on screen, for the tests and the benchmark: measure 'foldmark:search'.
  input.addEventListener('input', () => {
    const start = performance.now();
    runQuery();
    if (index?.shards.length)
      requestAnimationFrame(() => performance.measure(MARKS.search, { start, end: performance.now() }));
  });
  input.addEventListener('keydown', onKey);
  dialog.addEventListener('close', () => {
    rememberQuery('');
    if (!ui.chosen) ui.button?.focus(); // a chosen result moves focus to the article instead
    ui.chosen = false;
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  }); // the backdrop
  document.body.append(dialog);
  Object.assign(ui, { dialog, input, list, status });
}

/** Opens the search dialog (with query, when given), loading the index on first use. */
export function openSearch(query) {
  if (!shardCount()) return;
  if (!ui.dialog) build();
  if (query !== undefined) ui.input.value = query;
  if (!ui.dialog.open) ui.dialog.showModal();
  ui.input.focus();
  ui.input.select();
  const ready = loadIndex(); // first: a new attempt forgets the last failure
  runQuery();
  ready.then(
    () => runQuery(),
    () => runQuery(),
  );
}

function close() {
  if (ui.dialog?.open) ui.dialog.close();
}

// The search's own input still has focus for a moment after the dialog closes (focus goes back to
// the button in the close event, a task later): a '/' typed then must open the search again.
const inClosedSearch = (node) => ui.dialog && !ui.dialog.open && ui.dialog.contains(node);
const typing = (node) =>
  node && !inClosedSearch(node) && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));

export const search = { wire: wireSearch };

function wireSearch() {
  if (!shardCount()) return;
  const button = make('button', 'site-search-button');
  button.type = 'button';
  button.id = 'searchButton';
  button.setAttribute('aria-keyshortcuts', '/ Control+K');
  button.append(make('span', 'site-search-button-text', 'Search'), make('kbd', '', '/'));
  button.addEventListener('click', () => openSearch());
  button.addEventListener(
    'pointerenter',
    () => {
      loadIndex().catch(() => {});
    },
    { once: true },
  );
  const header = document.getElementById('siteHeader');
  header?.insertBefore(button, document.getElementById('themeToggle'));
  ui.button = button;
  document.addEventListener('keydown', (event) => {
    const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
    if (!ctrlK && !slash) return;
    event.preventDefault();
    openSearch();
  });
  const shared = new URL(location.href).searchParams.get('q');
  if (shared) openSearch(shared);
}
