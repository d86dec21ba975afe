// The theme toggle: light and dark follow the system until the reader picks one, and the choice
// is remembered (theme-early.js applies it before the first paint on the next page).
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

export function wireTheme() {
  const saved = remembered();  // again, in case theme.js did not load
  if (!html.dataset.theme && (saved === 'light' || saved === 'dark')) html.dataset.theme = saved;
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
