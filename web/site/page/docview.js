// Shows one doc in #siteArticle: load its script, render it with its options, apply its links,
// mount it. Whatever fails for one doc (a missing script, E_LIMIT, an exception in any view) shows
// an error in its place; the sidebar and every other doc keep working.
import { afterPaint, link, make, messageOf, say, whenIdle } from './dom.js';
import { docCount, docLabel, el, sameTarget, state } from './state.js';
import { docHref, hereHref } from './router.js';
import { loadDoc, prefetch } from './loader.js';
import { renderer } from './renderer.js';
import { applyLinks } from './links.js';
import { initTabs } from './tabs.js';
import { markTarget, reveal } from './items.js';
import { restorePlace } from './scroll-memory.js';
import { neighboursOf, showInSidebar } from './sidebar.js';
import { announceArticle } from './features.js';
import { MARKS } from '../shared/paths.js';

export const RENDERED_MARK = MARKS.rendered; // the first article is in the DOM
export const SHOWN_MARK = MARKS.shown; // a later article is in the DOM

// After every show the features (features.js) hear of it; toc: the shown Article's, when rendered.
const announce = (target, heading, fresh, toc = null) =>
  announceArticle({
    target,
    heading,
    fresh,
    toc,
    article: Boolean(el.siteArticle.querySelector('.fm-article')),
  });

const LARGE_ITEMS = 2000;
let sequence = 0; // only the latest request mounts: a slow doc never replaces a newer one
let marked = false;

export function markRendered() {
  if (marked) return;
  marked = true;
  performance.mark(RENDERED_MARK);
}

function markShown() {
  if (marked) performance.mark(SHOWN_MARK);
  else markRendered();
}

function renderOptions(doc) {
  const options = { ...doc.options };
  if (options.collapse === undefined && typeof state.catalog.collapse === 'string')
    options.collapse = state.catalog.collapse;
  return options;
}

async function articleOf(target) {
  if (target.local) return { article: target.local.article, links: {} };
  const doc = await loadDoc(target.n);
  const fm = await renderer();
  return { article: fm.render(doc.markdown, renderOptions(doc)), links: doc.links };
}

// The rendered HTML, parsed where nothing loads (a <template>), its links applied, then mounted.
// Items open in the copy being replaced (the prerendered one, opened by the reader or by
// find-in-page) stay open: same Markdown, same items.
function mount(article, links, target, { keepOpen = false } = {}) {
  const template = document.createElement('template');
  template.innerHTML = article.html;
  applyLinks(template.content, links, target);
  initTabs(template.content);
  if (keepOpen) {
    const wasOpen = [...el.siteArticle.querySelectorAll('details')].map((d) => d.open);
    template.content.querySelectorAll('details').forEach((d, i) => {
      d.open = d.open || Boolean(wasOpen[i]);
    });
  }
  template.content.querySelector('.fm-title')?.setAttribute('tabindex', '-1');
  // Thousands of items: let the browser skip laying out those off screen (style.css).
  el.siteArticle.classList.toggle(
    'site-large',
    template.content.querySelectorAll('details.fm-qa').length > LARGE_ITEMS,
  );
  el.siteArticle.replaceChildren(template.content);
}

function describe(target, article) {
  const meta = article.meta && typeof article.meta === 'object' ? article.meta : {};
  const title = article.title || (target.local ? target.local.label : docLabel(target.n));
  document.title = `${title} · ${state.siteTitle}`;
  const description = typeof meta.description === 'string' ? meta.description : '';
  document.querySelector('meta[name="description"]')?.setAttribute('content', description);
}

// One JSON-LD script for the shown doc (a prerendered page brings its own, which is replaced).
function setJsonLd(json) {
  const scripts = [...document.head.querySelectorAll('script[type="application/ld+json"]')];
  for (const extra of scripts.slice(1)) extra.remove();
  let [script] = scripts;
  if (!json) return script?.remove();
  if (!script) {
    script = Object.assign(document.createElement('script'), { type: 'application/ld+json' });
    document.head.append(script);
  }
  script.id = 'siteJsonLd';
  script.textContent = json; // data, not markup: jsonLd is \u-escaped, and textContent never parses HTML
  return undefined;
}

// The JSON-LD costs a second render: built when the page is idle, for the doc still shown.
function jsonLdLater(target, article) {
  whenIdle(() => {
    if (!sameTarget(state.current, target)) return;
    try {
      setJsonLd(article.jsonLd);
    } catch {
      setJsonLd('');
    }
  });
}

function showError(target, err) {
  const label = target.local ? target.local.label : docLabel(target.n);
  const box = make('div', 'site-error');
  box.setAttribute('role', 'alert');
  const heading = make('h1', 'fm-title', `“${label}” could not be shown`);
  heading.tabIndex = -1;
  box.append(heading, make('p', '', messageOf(err)));
  el.siteArticle.classList.remove('site-large');
  el.siteArticle.replaceChildren(box);
  document.title = `Error · ${state.siteTitle}`;
  setJsonLd('');
}

/**
 * Shows target ({ n } | { local }) scrolled to heading, or to place (scroll-memory.js: Back to
 * where the reader was), else at its top. first: the page's first article (no focus move).
 * Resolves when shown or when its error is shown; never rejects.
 */
export async function showDoc(target, heading = '', { first = false, anchor = false, place } = {}) {
  const token = ++sequence;
  const changed = !sameTarget(target, state.current);
  state.current = target;
  // The page's first article is painted before the sidebar is built: the sidebar's cost grows
  // with the site, the first paint's must not. The builder's HTML sidebar stands in until then.
  if (!first) sidebarFor(target);
  if (!changed && el.siteArticle.querySelector('.fm-article, .site-error')) {
    if (reveal(heading, { focus: true })) {
      if (anchor) history.replaceState(history.state, '', hereHref(target, heading));
    } else if (!heading && !restorePlace(place)) scrollTo(0, 0);
    announce(target, heading, false);
    return;
  }
  let toc = null;
  try {
    const { article, links } = await articleOf(target);
    if (token !== sequence) return;
    mount(article, links, target);
    describe(target, article);
    toc = article.toc;
    say(target.local ? localStatus(target.local) : '');
    jsonLdLater(target, article);
  } catch (err) {
    if (token !== sequence) return;
    showError(target, err);
  }
  announce(target, heading, true, toc); // before reveal: what the features add above it must not move it
  markShown();
  if (first) {
    afterPaint(() => {
      if (token !== sequence) return; // a later show has built the sidebar itself
      sidebarFor(target); // with the article's TOC under its link (sidebar.js sidebarToc)
    });
  }
  if (!reveal(heading, { focus: !first })) {
    if (!first) {
      if (!restorePlace(place)) scrollTo(0, 0);
      (el.siteArticle.querySelector('.fm-title') || el.siteMain).focus({ preventScroll: true });
    }
  } else if (anchor) history.replaceState(history.state, '', hereHref(target, heading));
  if (!target.local) prefetch(() => neighboursOf(target.n));
}

// Shows target in the sidebar; false (and a notice) when that fails: the article stays usable.
function sidebarFor(target) {
  try {
    showInSidebar(target);
    return true;
  } catch (err) {
    say(`The sidebar could not be updated: ${messageOf(err)}`);
    return false;
  }
}

function localStatus(entry) {
  return [
    `${entry.file} is shown from your computer; nothing was uploaded.`,
    ...entry.article.warnings.map((w) => `${entry.file}:${w.line}:${w.column}: ${w.message}`),
  ].join(' ');
}

/**
 * The page came with doc n prerendered: it counts as shown now (before the wasm), and the renderer
 * takes over when it is ready, keeping the reader's open items and scroll position.
 */
export function adoptPrerendered(n) {
  state.current = { n };
  el.siteArticle.querySelector('.fm-title')?.setAttribute('tabindex', '-1');
  initTabs(el.siteArticle);
  markRendered();
  announce(state.current, '', true);
}

export async function takeOver(n) {
  const target = state.current;
  const token = sequence;
  try {
    showInSidebar(target);
    const { article, links } = await articleOf(target);
    if (token !== sequence || !sameTarget(target, state.current)) return;
    const item = el.siteArticle.querySelector('.site-target');
    const targetId = item?.querySelector('summary [id]')?.id;
    mount(article, links, target, { keepOpen: true });
    if (targetId) markTarget(el.siteArticle.querySelector(`[id="${CSS.escape(targetId)}"]`)?.closest('details.fm-qa'));
    describe(target, article);
    if (!document.head.querySelector('script[type="application/ld+json"]')) jsonLdLater(target, article);
    announce(target, targetId || '', true, article.toc);
  } catch (err) {
    if (token === sequence)
      say(`The article renderer did not start (${messageOf(err)}); this page shows its prerendered copy.`);
  }
  prefetch(() => neighboursOf(n));
}

/**
 * Doc n was delivered again (`foldmark dev` rewrites a saved article's script, then fires
 * EVENTS.docUpdated): if it is shown, it is rendered again in place, keeping the open items and
 * the scroll position, and the features add their parts again. The wasm and the rest of the page
 * stay as they are.
 */
export async function refreshDoc(n) {
  const target = state.current;
  if (!target || target.local || target.n !== n) return;
  const token = sequence;
  try {
    const { article, links } = await articleOf(target);
    if (token !== sequence || !sameTarget(target, state.current)) return;
    const y = scrollY;
    mount(article, links, target, { keepOpen: true });
    describe(target, article);
    announce(target, '', true, article.toc);
    scrollTo(scrollX, y);
    performance.mark(SHOWN_MARK);
  } catch (err) {
    if (token === sequence) showError(target, err);
  }
}

export function showMissing(id) {
  sequence += 1;
  state.current = null;
  showInSidebar(null);
  const heading = make('h1', 'fm-title', `No article “${id}”`);
  heading.tabIndex = -1;
  const landing = Number(state.catalog.landing);
  const back = docCount()
    ? [link('Go to the first article', docHref(landing >= 0 && landing < docCount() ? landing : 0))]
    : [];
  el.siteArticle.classList.remove('site-large');
  el.siteArticle.replaceChildren(
    heading,
    make('p', '', 'This address does not match an article of this site. '),
    ...back,
  );
  document.title = `Not found · ${state.siteTitle}`;
  setJsonLd('');
  markShown();
}
