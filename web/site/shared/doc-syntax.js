// The Markdown flavour a docs site is rendered with, wherever it is rendered (the builder, its
// prerender worker, dev's updates, the page in the browser): Docusaurus's, MDX included. The
// API's default stays plain CommonMark + GFM.
export const DOC_OPTIONS = Object.freeze({ mdx: true });

/** A view of fm whose render() reads docs as Docusaurus does; a caller's own options still win. */
export function forDocs(fm) {
  return { ...fm, render: (markdown, options) => fm.render(markdown, { ...DOC_OPTIONS, ...options }) };
}
