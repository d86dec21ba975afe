// The Q/A items of the shown article: deep links open and scroll to an item, a summary click puts
// the item's link in the address bar (replaceState: no history entry, Back still leaves the
// article), Expand all / Collapse all, and printing shows every answer.
import { el, state } from './state.js';
import { hereHref } from './router.js';
import { revealTab } from './tabs.js';

export function markTarget(item) {
  el.siteArticle.querySelector('.site-target')?.classList.remove('site-target');
  item?.classList.add('site-target');
}

// Opens every <details> (and tab panel) around the heading, marks its item, scrolls it into view.
// Returns false when the article has no such id.
export function reveal(headingId, { focus = false } = {}) {
  if (!headingId) return false;
  const target = el.siteArticle.querySelector(`[id="${CSS.escape(headingId)}"]`);
  if (!target) return false;
  revealTab(target);
  for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  const item = target.closest('details.fm-qa');
  markTarget(item);
  if (focus) (item ? item.querySelector('summary') : target).focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
  return true;
}

function setAllOpen(open) {
  for (const d of el.siteArticle.querySelectorAll('details')) d.open = open;
  if (!open && state.current) {
    history.replaceState(history.state, '', hereHref(state.current));
    markTarget(null);
  }
}

function onSummaryClick(event) {
  const summary = event.target.closest('summary');
  if (!summary || event.target.closest('a') || !state.current) return;
  const id = summary.querySelector('[id]')?.id;
  if (!id) return;
  const opening = !summary.parentElement.open; // the click toggles after this handler
  const deepLink = hereHref(state.current, id);
  if (opening) history.replaceState(history.state, '', deepLink);
  else if (new URL(deepLink, location.href).href === location.href)
    history.replaceState(history.state, '', hereHref(state.current));
  markTarget(opening ? summary.closest('details.fm-qa') : null);
}

export function wireItems() {
  document.getElementById('expandAll')?.addEventListener('click', () => setAllOpen(true));
  document.getElementById('collapseAll')?.addEventListener('click', () => setAllOpen(false));
  el.siteArticle.addEventListener('click', onSummaryClick);
  let openBeforePrint = null;
  addEventListener('beforeprint', () => {
    const all = [...el.siteArticle.querySelectorAll('details')];
    openBeforePrint = all.map((d) => [d, d.open]);
    for (const d of all) d.open = true;
  });
  addEventListener('afterprint', () => {
    for (const [d, open] of openBeforePrint || []) d.open = open;
    openBeforePrint = null;
  });
}
