// The Markdown flavour a docs site is rendered with, wherever it is rendered (the builder, its
// prerender worker, dev's updates, the page in the browser): Docusaurus's, MDX included, and raw
// HTML through the core's allowlist ('safe'). The API's default stays plain CommonMark + GFM with
// raw HTML as text.
export const DOC_OPTIONS = Object.freeze({ mdx: true, allowRawHtml: 'safe' });

/** --raw-html / the rawHtml config key: each mode's allowRawHtml value. */
export const RAW_HTML_MODES = Object.freeze({ text: false, safe: 'safe', trusted: true });

/**
 * The site's options for a --raw-html mode (default 'safe') and --math (remark-math's `$…$`,
 * off by default as in Docusaurus, where a `$` is text until the site adds the plugin).
 */
export function docOptions(rawHtml = 'safe', math = false) {
  if (!Object.hasOwn(RAW_HTML_MODES, rawHtml))
    throw new Error(`raw HTML mode must be one of ${Object.keys(RAW_HTML_MODES).join(', ')}`);
  if (rawHtml === 'safe' && !math) return DOC_OPTIONS;
  return Object.freeze({ ...DOC_OPTIONS, allowRawHtml: RAW_HTML_MODES[rawHtml], ...(math ? { math: true } : {}) });
}

/** A view of fm whose render() reads docs as Docusaurus does; a caller's own options still win. */
export function forDocs(fm, site = DOC_OPTIONS) {
  return { ...fm, render: (markdown, options) => fm.render(markdown, { ...site, ...options }) };
}
