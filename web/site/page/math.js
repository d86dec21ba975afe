// Math of the shown article ($…$, $$…$$ with --math): the core writes each formula's TeX source in
// a .fm-math element; KaTeX (a 270 KB classic script, copied only into sites with math) is loaded
// when an article has one, never before, and typesets it as MathML. MathML needs no fonts and no
// stylesheet, and the few inline styles KaTeX writes go to the CSSOM, so a strict
// Content-Security-Policy holds and file:// works; its colour is the text's, so both themes
// follow. Until then, and when a formula cannot be typeset (a parse error, the library missing),
// the source stays with a one-line reason.
import { loadLibrary } from './library-loader.js';
import { make, messageOf } from './dom.js';
import { el, state } from './state.js';

// The source as a <code> and the reason beside it; a display formula keeps its own line.
function fail(box, tex, reason) {
  box.dataset.state = 'error';
  const note = make('span', 'fm-math-error', `Formula not typeset (${reason}); its source: `);
  note.setAttribute('role', 'note');
  box.replaceChildren(note, make('code', 'fm-math-source', tex));
}

// A few commands (\fcolorbox, \pmb) make KaTeX write a style attribute, which a strict
// Content-Security-Policy refuses; the same declarations set through the CSSOM are not governed by
// it. katex.render is synchronous, so the patch is in place only while it runs (on top of any
// other, such as diagrams.js's, which it then restores).
function withCssomStyleAttributes(fn) {
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  proto.setAttribute = function (name, value) {
    if (String(name).toLowerCase() !== 'style' || !this.style) return setAttribute.call(this, name, value);
    this.style.cssText = String(value);
  };
  try {
    return fn();
  } finally {
    proto.setAttribute = setAttribute;
  }
}

function typeset(katex, box, tex) {
  try {
    withCssomStyleAttributes(() =>
      katex.render(tex, box, {
        output: 'mathml',
        throwOnError: true,
        displayMode: box.classList.contains('fm-math-display'),
      }),
    );
    if (!box.querySelector('math')) throw new Error('no math markup came back');
    box.dataset.state = 'typeset';
  } catch (err) {
    // KaTeX appends the source again with the place underlined: the source is shown below anyway.
    const reason = messageOf(err)
      .split('\n')[0]
      .replace(/ at position \d+:.*$/, '');
    fail(box, tex, reason.trim().slice(0, 200));
  }
}

/** Typesets the formulas of root; resolves when each is typeset or said to have failed. */
export async function typesetMath(root = el.siteArticle) {
  const boxes = [...root.querySelectorAll('.fm-math:not([data-state])')];
  if (!boxes.length) return;
  const formulas = boxes.map((box) => [box, box.textContent]);
  for (const [box] of formulas) box.dataset.state = 'pending';
  const libraries = state.catalog?.libraries;
  if (!Array.isArray(libraries) || !libraries.includes('katex')) {
    for (const [box, tex] of formulas) fail(box, tex, 'this site was built without KaTeX');
    return;
  }
  let katex;
  try {
    katex = await loadLibrary('katex');
  } catch (err) {
    for (const [box, tex] of formulas) fail(box, tex, messageOf(err));
    return;
  }
  for (const [box, tex] of formulas) if (box.isConnected) typeset(katex, box, tex);
}

// A feature (features.js): every new article's math.
export const math = {
  onArticle({ fresh, article }) {
    if (fresh && article) typesetMath();
  },
};
