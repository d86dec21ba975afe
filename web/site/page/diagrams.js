// ```mermaid blocks of the shown article as diagrams. Mermaid (a 3.5 MB classic script, copied only
// into sites that have a diagram) is loaded when an article has one, never before. Its inline
// styles go to the CSSOM (inline-styles.js), so a host's strict Content-Security-Policy
// (style-src 'self') holds with no violation; from file:// it works the same. Light or dark follows
// the page's theme, and a theme switch redraws. Until the diagram is drawn, and when it cannot be
// (a parse error, the library missing), the block's source stays with a one-line reason.
import { loadLibrary } from './library-loader.js';
import { make, messageOf } from './dom.js';
import { pruneSheets, placeMarkup, withCssomStyles } from './inline-styles.js';
import { el, html, state } from './state.js';

const sources = new WeakMap(); // .fm-diagram → its Mermaid source
let queue = Promise.resolve(); // one render at a time: withCssomStyles does not nest
let count = 0;
let watching = false;

const systemDark = () => matchMedia('(prefers-color-scheme: dark)').matches;
const isDark = () => (html.dataset.theme || (systemDark() ? 'dark' : 'light')) === 'dark';

// <pre><code class="language-mermaid"> → <div class="fm-diagram"> holding the drawing, a status
// line and the source (the pre, which code.js may wrap with its Copy button).
function holderFor(code) {
  const pre = code.parentElement;
  const box = make('div', 'fm-diagram');
  const view = make('div', 'fm-diagram-view');
  const status = make('p', 'fm-diagram-status', 'Diagram source (the diagram is being drawn):');
  const source = make('div', 'fm-diagram-source');
  pre.replaceWith(box);
  source.append(pre);
  box.append(view, status, source);
  sources.set(box, code.textContent);
  return box;
}

function fail(box, reason) {
  box.dataset.state = 'error';
  box.querySelector('.fm-diagram-view').replaceChildren();
  box.querySelector('.fm-diagram-source').hidden = false;
  const status = box.querySelector('.fm-diagram-status');
  status.textContent = `Diagram not drawn (${reason}); its source:`;
  status.setAttribute('role', 'note');
}

// Mermaid leaves its scratch element in the body when a diagram fails.
function cleanUp(id) {
  for (const stray of [document.getElementById(`d${id}`), document.getElementById(id)]) {
    if (stray && !stray.closest('.fm-diagram')) stray.remove();
  }
}

async function draw(mermaid, box) {
  const id = `fm-diagram-${(count += 1)}`;
  try {
    const { svg } = await withCssomStyles(id, () => mermaid.render(id, sources.get(box)));
    if (!box.isConnected) return;
    const view = box.querySelector('.fm-diagram-view');
    placeMarkup(view, svg, id);
    const drawing = view.querySelector('svg');
    if (!drawing) throw new Error('no drawing came back');
    drawing.setAttribute('role', 'img');
    if (!drawing.hasAttribute('aria-label') && !drawing.querySelector('title'))
      drawing.setAttribute('aria-label', 'Diagram');
    box.dataset.state = 'drawn';
    box.querySelector('.fm-diagram-status').hidden = true;
    box.querySelector('.fm-diagram-source').hidden = true;
  } catch (err) {
    fail(box, messageOf(err).split('\n')[0].trim().slice(0, 200));
  } finally {
    cleanUp(id);
  }
}

function drawAll(boxes) {
  if (!boxes.length) return queue;
  queue = queue
    .then(async () => {
      let mermaid;
      try {
        mermaid = await loadLibrary('mermaid');
      } catch (err) {
        for (const box of boxes) fail(box, messageOf(err));
        return;
      }
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        suppressErrorRendering: true,
        theme: isDark() ? 'dark' : 'default',
        // Mermaid's dark edge labels (#ccc on #585858) miss WCAG's 4.5:1; both set, as the
        // settings carry over from one initialize to the next.
        themeVariables: { edgeLabelBackground: isDark() ? '#3a3a3a' : '#e8e8e8' },
        fontFamily: getComputedStyle(document.body).fontFamily,
      });
      for (const box of boxes) if (box.isConnected) await draw(mermaid, box);
      pruneSheets((key) => document.getElementById(key) !== null);
    })
    .catch(() => {});
  return queue;
}

// A theme switch (the toggle or the system's) redraws the drawn diagrams in the other colours.
function watchTheme() {
  if (watching) return;
  watching = true;
  const redraw = () => drawAll([...document.querySelectorAll('.fm-diagram[data-state="drawn"]')]);
  new MutationObserver(redraw).observe(html, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
}

/** Draws the ```mermaid blocks of root; resolves when they are drawn or said to have failed. */
export function drawDiagrams(root = el.siteArticle) {
  const codes = [...root.querySelectorAll('pre > code.language-mermaid')].filter((c) => !c.closest('.fm-diagram'));
  if (!codes.length) return Promise.resolve();
  const libraries = state.catalog?.libraries;
  const boxes = codes.map(holderFor);
  if (!Array.isArray(libraries) || !libraries.includes('mermaid')) {
    for (const box of boxes) fail(box, 'this site was built without Mermaid');
    return Promise.resolve();
  }
  watchTheme();
  return drawAll(boxes);
}

// A feature (features.js): every new article's diagrams.
export const diagrams = {
  onArticle({ fresh, article }) {
    if (fresh && article) drawDiagrams();
  },
};
