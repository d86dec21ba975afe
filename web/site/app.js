// The site shell: renders the embedded Markdown articles with the foldmark wasm module, routes
// #/<article-id>/<heading-id>, and adds expand/collapse, print, themes and opening local files.
// A classic script (file:// pages cannot load modules); it runs in <head>, before the deferred
// foldmark-classic.js, foldmark-api.js, catalog.js and articles.js, and starts once they have run.
(() => {
  'use strict';

  const root = document.documentElement;
  const THEME_KEY = 'foldmark-theme';
  const RENDERED_MARK = 'foldmark:article-rendered';  // performance mark: first article in the DOM

  // localStorage throws in some file:// and privacy settings; then the theme lasts one page.
  function remembered(value) {
    try {
      if (value === undefined) return localStorage.getItem(THEME_KEY);
      localStorage.setItem(THEME_KEY, value);
    } catch {
      return null;
    }
    return value;
  }

  // Before the first paint, so a remembered dark theme never flashes light.
  const savedTheme = remembered();
  if (savedTheme === 'light' || savedTheme === 'dark') root.dataset.theme = savedTheme;

  const state = { fm: null, articles: [], local: [], current: null, siteTitle: '', openBeforePrint: null };
  const el = {};

  document.addEventListener('DOMContentLoaded', start);

  // The wasm bytes from foldmark-wasm.js (base64, since file:// pages cannot fetch them).
  function wasmBytes(base64) {
    if (typeof base64 !== 'string') throw new Error('foldmark-wasm.js did not load');
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  async function start() {
    for (const id of ['siteNav', 'siteMain', 'siteArticle', 'siteStatus', 'siteToolbar', 'themeToggle', 'fileInput']) {
      el[id] = document.getElementById(id);
    }
    state.siteTitle = document.querySelector('.site-name').textContent;
    const first = parseRoute(location.hash);
    showPrerendered(first.articleId);
    wireShell();
    try {
      state.fm = self.foldmark.wrapCore(await self.createFoldmarkCore({ wasmBinary: wasmBytes(self.foldmarkWasm) }));
      state.articles = self.foldmarkCatalog.sortCatalog((self.foldmarkArticles || [])
        .map(({ file, markdown }) => self.foldmarkCatalog.catalogEntry(file, state.fm.render(markdown))));
    } catch (err) {
      showPrerendered(null);
      say(`The article renderer did not start (${err && err.message ? err.message : err}).`);
      return;
    }
    show(first, { first: true });
    addEventListener('hashchange', () => show(parseRoute(location.hash)));
  }

  // --- routes ---------------------------------------------------------------------------------

  const href = (articleId, headingId) => self.foldmarkCatalog.routeHref(articleId, headingId);

  function decode(part) {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  }

  // '#/id', '#/id/heading' → that article (and item); '#heading' → an anchor in the current article.
  function parseRoute(hash) {
    const m = /^#\/([^/]*)(?:\/(.*))?$/.exec(hash);
    if (m) return { articleId: decode(m[1]), headingId: decode(m[2] || '') };
    return { articleId: '', headingId: decode(hash.slice(1)), anchor: hash.length > 1 };
  }

  function findEntry(id) {
    return state.local.find((e) => e.id === id) || state.articles.find((e) => e.id === id);
  }

  function show(route, { first = false } = {}) {
    const entry = route.articleId ? findEntry(route.articleId) : (route.anchor && state.current) || state.articles[0];
    if (!entry) return showMissing(route.articleId);
    const changed = entry !== state.current;
    if (changed) mount(entry);
    if (first) performance.mark(RENDERED_MARK);
    const target = route.headingId ? el.siteArticle.querySelector(`[id="${CSS.escape(route.headingId)}"]`) : null;
    if (target) {
      reveal(target, { focus: !first });
      if (route.anchor) history.replaceState(null, '', href(entry.id, route.headingId));
    } else if (changed) {
      scrollTo(0, 0);
      if (!first) (el.siteArticle.querySelector('.fm-title') || el.siteMain).focus({ preventScroll: true });
    }
  }

  function mount(entry) {
    const { article } = entry;
    // Items opened in the prerendered copy before the module took over (by the reader, or by
    // find-in-page and #:~:text= links, which expand <details>) stay open: same Markdown, same items.
    const copy = [...el.siteArticle.querySelectorAll('.site-prerendered')].find((s) => !s.hidden && s.dataset.article === entry.id);
    const wasOpen = copy ? [...copy.querySelectorAll('details')].map((d) => d.open) : [];
    el.siteArticle.innerHTML = article.html;
    el.siteArticle.querySelectorAll('details').forEach((d, i) => { d.open = d.open || Boolean(wasOpen[i]); });
    el.siteArticle.querySelector('.fm-title')?.setAttribute('tabindex', '-1');
    state.current = entry;
    document.title = `${entry.title} · ${state.siteTitle}`;
    document.querySelector('meta[name="description"]')?.setAttribute('content', entry.description);
    setJsonLd(article.jsonLd);
    renderNav();
    say(entry.local ? [`${entry.file} is shown from your computer; nothing was uploaded.`,
      ...article.warnings.map((w) => `${entry.file}:${w.line}:${w.column}: ${w.message}`)].join(' ') : '');
  }

  // Opens every <details> around the target, marks its item and scrolls it into view.
  function reveal(target, { focus }) {
    for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    const item = target.closest('details.fm-qa');
    markTarget(item);
    if (focus) (item ? item.querySelector('summary') : target).focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }

  function markTarget(item) {
    el.siteArticle.querySelector('.site-target')?.classList.remove('site-target');
    item?.classList.add('site-target');
  }

  function showMissing(id) {
    state.current = null;
    const heading = make('h1', 'fm-title', `No article “${id}”`);
    heading.tabIndex = -1;
    const back = make('a', '', 'Go to the first article');
    back.href = href(state.articles[0]?.id || '');
    el.siteArticle.replaceChildren(heading, make('p', '', 'This address does not match an article of this site. '), back);
    document.title = `Not found · ${state.siteTitle}`;
    setJsonLd('');
    renderNav();
  }

  // The server-rendered copies (build --prerender) show until the module is ready: only the routed one.
  function showPrerendered(articleId) {
    const sections = [...el.siteArticle.querySelectorAll('.site-prerendered')];
    const shown = sections.find((s) => s.dataset.article === articleId) || sections[0];
    for (const s of sections) s.hidden = articleId !== null && s !== shown;
  }

  function setJsonLd(json) {
    let script = document.getElementById('siteJsonLd');
    if (!json) return script?.remove();
    if (!script) {
      script = Object.assign(document.createElement('script'), { type: 'application/ld+json', id: 'siteJsonLd' });
      document.head.append(script);
    }
    script.textContent = json;  // data, not markup: jsonLd is \u-escaped, and textContent never parses HTML
  }

  // --- sidebar --------------------------------------------------------------------------------

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(text, to) {
    const a = make('a', '', text);
    a.href = to;
    return a;
  }

  function navGroup(title, entries) {
    const list = make('ul', 'site-nav-list');
    for (const entry of entries) {
      const item = make('li');
      const a = link(entry.label, href(entry.id));
      item.append(a);
      if (entry === state.current) {
        a.setAttribute('aria-current', 'page');
        const toc = entry.article.toc.filter((t) => t.id);
        if (toc.length) {
          const sub = make('ul', 'site-toc');
          const top = Math.min(...toc.map((t) => t.level));
          for (const t of toc) {
            const li = make('li', t.level > top ? 'site-toc-sub' : '');
            li.append(link(t.text, href(entry.id, t.id)));
            sub.append(li);
          }
          item.append(sub);
        }
      }
      list.append(item);
    }
    return [make('h2', 'site-nav-title', title), list];
  }

  function renderNav() {
    el.siteNav.replaceChildren(...navGroup('Articles', state.articles),
      ...(state.local.length ? navGroup('Opened files', state.local) : []));
  }

  function say(message) {
    el.siteStatus.textContent = message;
  }

  // --- toolbar, items, print, theme, files ----------------------------------------------------

  function wireShell() {
    el.siteToolbar.hidden = false;
    document.querySelector('.site-skip').addEventListener('click', (event) => {
      event.preventDefault();  // keep the route in the address bar
      el.siteMain.focus();
    });
    document.getElementById('expandAll').addEventListener('click', () => setAllOpen(true));
    document.getElementById('collapseAll').addEventListener('click', () => setAllOpen(false));
    el.siteArticle.addEventListener('click', onSummaryClick);
    addEventListener('beforeprint', () => {
      const all = [...el.siteArticle.querySelectorAll('details')];
      state.openBeforePrint = all.map((d) => [d, d.open]);
      for (const d of all) d.open = true;
    });
    addEventListener('afterprint', () => {
      for (const [d, open] of state.openBeforePrint || []) d.open = open;
      state.openBeforePrint = null;
    });
    wireTheme();
    wireFiles();
  }

  function setAllOpen(open) {
    for (const d of el.siteArticle.querySelectorAll('details')) d.open = open;
    if (!open && state.current) history.replaceState(null, '', href(state.current.id));
  }

  // A click on a summary puts the item's deep link in the address bar (replaceState: opening items
  // adds no history entries; Back still leaves the article). Closing it goes back to the article's.
  function onSummaryClick(event) {
    const summary = event.target.closest('summary');
    if (!summary || event.target.closest('a') || !state.current) return;
    const id = summary.querySelector('[id]')?.id;
    if (!id) return;
    const opening = !summary.parentElement.open;  // the click toggles after this handler
    const deepLink = href(state.current.id, id);
    if (opening) history.replaceState(null, '', deepLink);
    else if (location.hash === deepLink) history.replaceState(null, '', href(state.current.id));
    markTarget(opening ? summary.closest('details.fm-qa') : null);
  }

  function wireTheme() {
    const systemDark = matchMedia('(prefers-color-scheme: dark)');
    const isDark = () => (root.dataset.theme || (systemDark.matches ? 'dark' : 'light')) === 'dark';
    const sync = () => el.themeToggle.setAttribute('aria-pressed', String(isDark()));
    el.themeToggle.hidden = false;
    el.themeToggle.addEventListener('click', () => {
      const next = isDark() ? 'light' : 'dark';
      root.dataset.theme = next;
      remembered(next);
      sync();
    });
    systemDark.addEventListener('change', sync);
    sync();
  }

  function wireFiles() {
    document.getElementById('openFile').addEventListener('click', () => el.fileInput.click());
    el.fileInput.addEventListener('change', () => openFiles([...el.fileInput.files]).then(() => {
      el.fileInput.value = '';
    }));
    const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
    document.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      root.classList.add('site-dropping');
    });
    document.addEventListener('dragleave', (event) => {
      if (!event.relatedTarget) root.classList.remove('site-dropping');
    });
    document.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      root.classList.remove('site-dropping');
      openFiles([...event.dataTransfer.files]);
    });
  }

  // Rendered right here from the file's bytes: nothing leaves the machine.
  async function openFiles(files) {
    if (!state.fm) return say('The renderer is still loading; try again in a moment.');
    let last = null;
    for (const file of files) {
      if (!/\.(md|markdown|mdx|txt)$/i.test(file.name)) {
        say(`${file.name} is not a Markdown file (.md).`);
        continue;
      }
      try {
        last = addLocal(file.name, state.fm.render(new Uint8Array(await file.arrayBuffer())));
      } catch (err) {
        say(`${file.name} could not be rendered: ${err.message}`);
      }
    }
    if (!last) return;
    const to = href(last.id);
    if (location.hash === to) show(parseRoute(to));
    else location.hash = to;
  }

  function addLocal(file, article) {
    const entry = { ...self.foldmarkCatalog.catalogEntry(file, article), local: true };
    if (state.articles.some((e) => e.id === entry.id)) entry.id = `local-${entry.id}`;
    state.local = state.local.filter((e) => e.id !== entry.id).concat(entry);
    return entry;
  }
})();
