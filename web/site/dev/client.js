// The `foldmark dev` client, served only by the dev server and added to its HTML responses (never
// part of a built site). It listens to /_foldmark/events: a rewritten doc script is loaded again
// and the page re-renders it in place ('foldmark:doc-updated'); after a whole rebuild the page is
// reloaded at the same address, scroll position and open answers. Build problems show in a panel.
// A classic script (the page's own are), whose names come from web/site/shared/, which the dev
// server serves beside it (DEV_PATHS.shared).
(function devClient() {
  'use strict';

  const KEY = 'foldmark-dev-restore';
  const script = document.currentScript;
  const scriptUrl = new URL(script ? script.src : location.href);
  Promise.all([
    import(new URL('shared/paths.js', scriptUrl).href),
    import(new URL('shared/text.js', scriptUrl).href),
  ]).then(([paths, text]) => start(paths, text));

  function start({ DEV_PATHS, EVENTS, MARKS, docScriptPath }, { location: where }) {
    let pageBuild = Number(scriptUrl.searchParams.get('build'));
    let panel = null;
    let dismissed = '';

    function openItems() {
      return [...document.querySelectorAll('#siteArticle details')].map((d) => (d.open ? 1 : 0));
    }

    function reload() {
      try {
        sessionStorage.setItem(KEY, JSON.stringify({ href: location.href, y: scrollY, open: openItems() }));
      } catch {
        // storage refused (private mode): reload without restoring
      }
      location.reload();
    }

    // After a reload: once the page has rendered its article, open the same answers and scroll back.
    function restore() {
      let saved = null;
      try {
        saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
        sessionStorage.removeItem(KEY);
      } catch {
        return;
      }
      if (!saved || saved.href !== location.href) return;
      const apply = () => {
        const items = document.querySelectorAll('#siteArticle details');
        saved.open.forEach((open, i) => {
          if (open && items[i]) items[i].open = true;
        });
        scrollTo(0, saved.y);
      };
      whenRendered(() => requestAnimationFrame(apply));
    }

    function whenRendered(callback) {
      if (performance.getEntriesByName(MARKS.rendered).length) return callback();
      const observer = new PerformanceObserver((list) => {
        if (!list.getEntries().some((e) => e.name === MARKS.rendered)) return;
        observer.disconnect();
        callback();
      });
      observer.observe({ type: 'mark', buffered: true });
      return undefined;
    }

    // The doc script is loaded again (it calls self.foldmarkDoc, which replaces the page's copy);
    // the page re-renders the article if it is the one shown.
    function reloadDoc(n, build) {
      const tag = document.createElement('script');
      tag.src = `/${docScriptPath(n)}?build=${build}`;
      tag.onload = () => {
        tag.remove();
        dispatchEvent(new CustomEvent(EVENTS.docUpdated, { detail: { n } }));
      };
      tag.onerror = () => {
        tag.remove();
        reload();
      };
      document.head.append(tag);
    }

    function make(tag, className, text) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function showProblems(problems) {
      const key = JSON.stringify(problems);
      if (!problems.length || key === dismissed) {
        panel?.remove();
        panel = null;
        return;
      }
      panel?.remove();
      panel = make('aside', 'fm-dev-panel');
      panel.setAttribute('role', 'alert');
      const errors = problems.filter((p) => p.level === 'error').length;
      const head = make('div', 'fm-dev-head');
      const title = make(
        'strong',
        '',
        `foldmark dev: ${errors ? `${errors} error${errors === 1 ? '' : 's'}` : ''}${errors && problems.length > errors ? ', ' : ''}` +
          `${problems.length > errors ? `${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}` : ''}`,
      );
      const close = make('button', 'fm-dev-close', 'Dismiss');
      close.type = 'button';
      close.addEventListener('click', () => {
        dismissed = key;
        panel.remove();
        panel = null;
      });
      head.append(title, close);
      const list = make('ul', 'fm-dev-list');
      for (const p of problems.slice(0, 200)) {
        const item = make('li', p.level === 'error' ? 'fm-dev-error' : 'fm-dev-warning');
        item.append(make('code', '', where(p) || 'foldmark'), document.createTextNode(` ${p.level}: ${p.message}`));
        list.append(item);
      }
      if (problems.length > 200) list.append(make('li', '', `… and ${problems.length - 200} more (see the terminal)`));
      panel.append(head, list);
      document.body.append(panel);
    }

    function connect() {
      const source = new EventSource(DEV_PATHS.events);
      const on = (event, handler) => source.addEventListener(event, (e) => handler(JSON.parse(e.data)));
      // A rebuild finished before this stream opened (or while it was down): this page is stale.
      on('hello', ({ version }) => {
        if (version !== pageBuild) reload();
      });
      on('reload', reload);
      on('doc', ({ n, version }) => {
        pageBuild = version;
        reloadDoc(n, version);
      });
      on('problems', ({ problems }) => showProblems(problems));
    }

    restore();
    if (document.body) connect();
    else document.addEventListener('DOMContentLoaded', connect);
  }
})();
