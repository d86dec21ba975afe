// Each doc's Markdown is its own classic script, OUT/_foldmark/docs/<n>.js, which calls
// self.foldmarkDoc(n, doc): <script src> works from file://, fetch() does not. A doc is loaded when
// it is shown, then kept; neighbours are prefetched when the page is idle.
import { docScriptPath, GLOBALS } from '../shared/paths.js';
import { whenIdle } from './dom.js';
import { docCount, learnDocs, state } from './state.js';

const docs = new Map(); // n → doc
const waiting = new Map(); // n → { promise, resolve, reject }
const failed = new Set(); // docs whose script failed: shown again on a visit, never prefetched

// The fields the page itself reads are checked; any other field the builder adds is passed on as
// it is, for the feature that reads it (deliveredDoc(n).field).
function checked(doc) {
  if (!doc || typeof doc !== 'object' || typeof doc.markdown !== 'string')
    throw new Error('the doc script holds no Markdown');
  return {
    ...doc,
    id: String(doc.id || ''),
    markdown: doc.markdown,
    options: doc.options && typeof doc.options === 'object' ? doc.options : {},
    links: doc.links && typeof doc.links === 'object' ? doc.links : {},
    path: typeof doc.path === 'string' ? doc.path : '', // the source file, relative to the docs folder
    refs: doc.refs && typeof doc.refs === 'object' ? doc.refs : {}, // catalog entries this doc's page needs
    near: Array.isArray(doc.near) && doc.near.length === 2 && doc.near.every(Number.isInteger) ? doc.near : null, // [previous, next]
  };
}

/** The delivered doc n (checked), or undefined. */
export const deliveredDoc = (n) => docs.get(n);

// Installed when site.js runs, before the deferred docs/<n>.js of the page calls it.
export function installReceiver() {
  self[GLOBALS.doc] = (n, doc) => {
    const wait = waiting.get(n);
    try {
      docs.set(n, checked(doc));
      learnDocs(docs.get(n).refs);
      wait?.resolve(docs.get(n));
    } catch (err) {
      failed.add(n);
      wait?.reject(err);
    }
    waiting.delete(n);
  };
}

export function loadDoc(n) {
  if (docs.has(n)) return Promise.resolve(docs.get(n));
  if (waiting.has(n)) return waiting.get(n).promise;
  if (!Number.isInteger(n) || n < 0 || n >= docCount()) return Promise.reject(new Error(`there is no doc ${n}`));
  let resolve;
  let reject;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  waiting.set(n, { promise, resolve, reject });
  const src = docScriptPath(n);
  const script = document.createElement('script');
  script.src = new URL(src, state.rootUrl).href;
  script.async = true;
  const settle = (failure) => {
    script.remove();
    const wait = waiting.get(n);
    if (!wait) return; // delivered
    waiting.delete(n); // a later visit tries again
    failed.add(n);
    wait.reject(new Error(failure));
  };
  script.onload = () => settle(`${src} did not deliver doc ${n}`);
  script.onerror = () => settle(`${src} could not be loaded`);
  document.head.append(script);
  return promise;
}

// Loads these docs' scripts once the page has loaded and the browser is idle, ignoring failures
// (a doc's error shows when it is visited). Never during start-up: it would compete with it.
// ns: doc indexes, or a function giving them (run when idle, so its cost is off the start-up path).
export function prefetch(ns) {
  const go = () =>
    whenIdle(() => {
      for (const n of typeof ns === 'function' ? ns() : ns)
        if (Number.isInteger(n) && n >= 0 && n < docCount() && !docs.has(n) && !failed.has(n))
          loadDoc(n).catch(() => {});
    });
  if (document.readyState === 'complete') go();
  else addEventListener('load', go, { once: true });
}

// A pointer resting on a doc link is a good hint: its script is loaded before the click.
export function prefetchOnHover(container) {
  container.addEventListener('pointerover', (event) => {
    const a = event.target.closest && event.target.closest('a[data-n]');
    if (a) prefetch([Number(a.dataset.n)]);
  });
}
