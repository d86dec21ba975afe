// Phones and narrow windows (below 900 px, as the CSS says): the sidebar becomes a drawer behind a
// Menu button, so the article comes first. Escape, the backdrop or choosing a link closes it; focus
// goes into the drawer when it opens and back to the button when it closes.
import { make } from './dom.js';
import { el, html } from './state.js';

const NARROW = '(max-width: 899.98px)';
let button = null;

function setOpen(open, { focus = true } = {}) {
  if (!button) return;
  html.classList.toggle('site-drawer-open', open);
  button.setAttribute('aria-expanded', String(open));
  // After the style change has applied: a visibility:hidden drawer cannot take focus.
  if (open && focus)
    requestAnimationFrame(() =>
      (el.siteNav.querySelector('[aria-current="page"]') || el.siteNav.querySelector('a, button'))?.focus(),
    );
  else if (!open && focus && el.siteNav.contains(document.activeElement)) button.focus();
}

export const drawer = { wire: wireDrawer };

function wireDrawer() {
  const header = document.getElementById('siteHeader');
  if (!header || !el.siteNav) return;
  button = make('button', 'site-menu-button', 'Menu');
  button.type = 'button';
  button.id = 'menuButton';
  button.setAttribute('aria-controls', 'siteNav');
  button.setAttribute('aria-expanded', 'false');
  header.prepend(button);
  const backdrop = make('div', 'site-drawer-backdrop');
  el.siteNav.after(backdrop);
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  backdrop.addEventListener('click', () => setOpen(false));
  el.siteNav.addEventListener('click', (event) => {
    if (event.target.closest('a[href]')) setOpen(false, { focus: false });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && html.classList.contains('site-drawer-open')) setOpen(false);
  });
  matchMedia(NARROW).addEventListener('change', (e) => {
    if (!e.matches) setOpen(false, { focus: false });
  });
}
