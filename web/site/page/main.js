// The site page (bundled by esbuild into OUT/_foldmark/site.js, a deferred classic script: file://
// pages cannot load modules). It runs before the deferred core.js, wasm.js, catalog.js and the
// page's docs/<n>.js, so it installs self.foldmarkDoc first and starts at DOMContentLoaded.
// Contract with the builder: web/site/shared/ (paths and globals, the catalog, hrefs) and the
// data-* on <html> that web/site/page.html carries.
import { EVENTS, GLOBALS, PATHS } from '../shared/paths.js';
import { decodeComponent } from '../shared/text.js';
import { messageOf, say } from './dom.js';
import { el, findElements, readSettings, state } from './state.js';
import { fromLocation, interceptClicks, sameAddressClicks } from './router.js';
import { installReceiver, prefetchOnHover } from './loader.js';
import { startWhenWasmArrives } from './renderer.js';
import { adoptPrerendered, markRendered, refreshDoc, showDoc, showMissing, takeOver } from './docview.js';
import { reveal, wireItems } from './items.js';
import { wireTabs } from './tabs.js';
import { showInSidebar } from './sidebar.js';
import { applyRememberedTheme, wireTheme } from './theme.js';
import { wireFiles } from './files.js';
import { wireFeatures } from './features.js';
import { FEATURES } from './feature-list.js';
import { savedPlace, wireScrollMemory } from './scroll-memory.js';

installReceiver();
startWhenWasmArrives();
applyRememberedTheme();
readSettings();
findElements();

// A prerendered article is the first paint: it counts as rendered as soon as this script runs
// (unless a #/route asks for another doc: that needs the catalog, read at DOMContentLoaded).
const prerendered = state.pathDoc !== null && el.siteArticle?.querySelector('.fm-article') ? state.pathDoc : null;
let adopted = false;
function adopt(heading) {
  adoptPrerendered(prerendered);
  adopted = true;
  reveal(heading);
}
if (prerendered !== null && !location.hash.startsWith('#/')) adopt(decodeComponent(location.hash.slice(1)));

function wireSkipLink() {
  document.querySelector('.site-skip')?.addEventListener('click', (event) => {
    event.preventDefault(); // keep the route in the address bar
    el.siteMain.focus();
  });
}

// Shows what the address bar points at (after hashchange, popstate, a click, a local file);
// place: where the reader was on this history entry (Back, Forward).
function follow(route = fromLocation(), place = undefined) {
  if (route.missing !== undefined) return showMissing(route.missing);
  if (route.none) {
    state.current = null;
    return showInSidebar(null);
  }
  return showDoc(route.target, route.heading, { anchor: route.anchor, place });
}

function start() {
  wireSkipLink();
  wireItems();
  wireTabs(el.siteArticle);
  wireTheme();
  state.catalog = self[GLOBALS.catalog];
  // `n` counts the docs without parsing their list (catalog.js makes it on first use).
  if (!state.catalog || !(Number.isInteger(state.catalog.n) || Array.isArray(state.catalog.docs))) {
    markRendered();
    return say(`This site’s catalog (${PATHS.catalog}) did not load; the sidebar and other articles are unavailable.`);
  }
  state.siteTitle = String(state.catalog.title || document.querySelector('.site-name')?.textContent || '');
  if (el.siteToolbar) el.siteToolbar.hidden = false;
  wireFiles(() => follow());
  wireFeatures(FEATURES);
  // Fragment changes fire popstate and hashchange: path mode (which also has pushState entries)
  // listens to the one, hash mode to the other.
  wireScrollMemory();
  if (state.mode === 'path') addEventListener('popstate', () => follow(fromLocation(), savedPlace()));
  else addEventListener('hashchange', () => follow(fromLocation(), savedPlace()));
  interceptClicks((route) => follow(route));
  sameAddressClicks(() => follow());
  addEventListener(EVENTS.docUpdated, (event) => refreshDoc(Number(event.detail?.n)));
  prefetchOnHover(el.siteNav);

  const route = fromLocation();
  if (prerendered !== null && route.target && route.target.n === prerendered) {
    if (!adopted) adopt(route.heading);
    return takeOver(prerendered);
  }
  if (route.none) {
    markRendered(); // the 404 page: its static text is the article
    return showInSidebar(null);
  }
  if (route.missing !== undefined) return showMissing(route.missing);
  return showDoc(route.target, route.heading, { first: true, anchor: route.anchor });
}

function safeStart() {
  try {
    start();
  } catch (err) {
    say(`The page did not start: ${messageOf(err)}`);
  }
}

if (document.readyState === 'complete') safeStart();
else document.addEventListener('DOMContentLoaded', safeStart);
