// _foldmark/theme.js: the one script that is not deferred, so that a remembered theme is set
// before the first paint (the system's theme needs no script: style.css follows
// prefers-color-scheme). Tiny on purpose: it blocks parsing.
try {
  const theme = localStorage.getItem('foldmark-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // localStorage throws in some file:// and privacy settings: the system's theme applies.
}
