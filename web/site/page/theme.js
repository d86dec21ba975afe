// Themes: light and dark follow the system (style.css, prefers-color-scheme) until the reader
// picks one with the toggle; the choice is remembered and applied when site.js runs (deferred:
// before DOMContentLoaded, usually before the first paint; no extra blocking script).
import { el, html } from './state.js';

const THEME_KEY = 'foldmark-theme';

// localStorage throws in some file:// and privacy settings; then the theme lasts one page.
function remember(value) {
  try {
    localStorage.setItem(THEME_KEY, value);
  } catch {
    // the choice lasts this page only
  }
}

function remembered() {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null;
  }
}

export function applyRememberedTheme() {
  const saved = remembered();
  if (saved === 'light' || saved === 'dark') html.dataset.theme = saved;
}

export function wireTheme() {
  if (!el.themeToggle) return;
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (html.dataset.theme || (systemDark.matches ? 'dark' : 'light')) === 'dark';
  const sync = () => el.themeToggle.setAttribute('aria-pressed', String(isDark()));
  el.themeToggle.hidden = false;
  el.themeToggle.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    html.dataset.theme = next;
    remember(next);
    sync();
  });
  systemDark.addEventListener('change', sync);
  sync();
}
