// Where the reader was when a link took them elsewhere in this page (an in-page #heading, another
// doc's route): kept in that history entry's state, so that Back returns there, as browsers do
// between pages. The clicked link is the landmark: an answer the jump opened above it moves the
// text, and the link is put back where it was on screen; without it (or when it is gone), the
// scroll offset.
import { el } from './state.js';

const KEY = 'foldmarkPlace';

function remember(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  const a = event.target.closest?.('a[href]');
  if (!a) return;
  const links = el.siteArticle ? [...el.siteArticle.querySelectorAll('a[href]')] : [];
  const place = { y: scrollY, link: links.indexOf(a), top: a.getBoundingClientRect().top };
  const held = history.state && typeof history.state === 'object' ? history.state : {};
  history.replaceState({ ...held, [KEY]: place }, '');
}

/** Clicks on links save the place first (capture: before any handler navigates). */
export function wireScrollMemory() {
  document.addEventListener('click', remember, true);
}

/** The place saved in the history entry now current (after Back or Forward), or undefined. */
export function savedPlace() {
  const place = history.state?.[KEY];
  return place && Number.isFinite(place.y) ? place : undefined;
}

/** Scrolls back to a saved place; false when there is none. */
export function restorePlace(place) {
  if (!place) return false;
  const link =
    Number.isInteger(place.link) && place.link >= 0 ? el.siteArticle?.querySelectorAll('a[href]')[place.link] : null;
  if (link && Number.isFinite(place.top)) scrollBy(0, link.getBoundingClientRect().top - place.top);
  else scrollTo(0, place.y);
  return true;
}
