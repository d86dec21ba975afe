// Math on a built site in Chromium (tests/fixtures/math, built with --math): each formula becomes
// KaTeX's MathML, from file:// and under the strict CSP with no violation; a formula KaTeX cannot
// parse keeps its source with a one-line reason; a page without math never loads KaTeX; a site
// built without KaTeX says so at each formula; axe in light and dark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, fixtureSite, load, loadsLibraryOnce } from './harness.mjs';

const site = fixtureSite('math', '--title', 'Math', '--math');
const { index, withPage } = site;

// Waits until no formula of the article is pending; what the reader sees of each.
async function formulas(page) {
  await page.waitForFunction(() => {
    const boxes = [...document.querySelectorAll('#siteArticle .fm-math')];
    return boxes.length > 0 && boxes.every((b) => b.dataset.state === 'typeset' || b.dataset.state === 'error');
  });
  return page.evaluate(() =>
    [...document.querySelectorAll('#siteArticle .fm-math')].map((box) => {
      const math = box.querySelector('math');
      return {
        state: box.dataset.state,
        display: box.classList.contains('fm-math-display'),
        math: Boolean(math),
        mathDisplay: math?.getAttribute('display') ?? null,
        annotation: box.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? null,
        identifiers: [...box.querySelectorAll('mi')].map((m) => m.textContent),
        height: box.getBoundingClientRect().height,
        borderWidth: Math.max(
          0,
          ...[...box.querySelectorAll('math *')].map((e) => Number.parseFloat(getComputedStyle(e).borderTopWidth) || 0),
        ),
        error: box.querySelector('.fm-math-error')?.textContent ?? null,
        source: box.querySelector('.fm-math-source')?.textContent ?? null,
      };
    }),
  );
}

for (const [where, url] of [
  ['file://', () => `${index}#/formulas`],
  ['the strict CSP over http', () => `${site.server.url}/index.html#/formulas`],
]) {
  test(`math: formulas become MathML from ${where}, with no CSP violation; a broken one keeps its source`, () =>
    withPage(async (page) => {
      await load(page, url());
      const [euler, integral, broken, escaped, styled] = await formulas(page);
      assert.equal(euler.state, 'typeset');
      assert.equal(euler.math, true);
      assert.equal(euler.display, false);
      assert.equal(euler.annotation, 'e^{i\\pi} + 1 = 0');
      assert.ok(euler.identifiers.includes('e') && euler.identifiers.includes('π'), euler.identifiers.join());
      assert.equal(integral.state, 'typeset');
      assert.equal(integral.mathDisplay, 'block');
      assert.ok(integral.height > 20, `a display formula has height: ${integral.height}`);
      assert.equal(escaped.state, 'typeset');
      assert.equal(escaped.annotation, 'a < b');
      assert.equal(styled.state, 'typeset', 'a formula KaTeX styles (its style goes to the CSSOM)');
      assert.ok(styled.borderWidth > 0, `the box's border reached the page: ${styled.borderWidth}`);
      assert.equal(broken.state, 'error');
      assert.equal(broken.math, false);
      assert.equal(broken.source, '\\notacommand{x}');
      assert.match(
        broken.error,
        /^Formula not typeset \(KaTeX parse error: Undefined control sequence: \\notacommand\); its source: $/,
      );
      assert.equal(broken.error.includes('\n'), false, 'one line');
    }));
}

test('a page without math never loads KaTeX; a page with math loads it once', () =>
  withPage(async (page) => {
    const plain = ['prices', 'shell'].map((id) => `${site.server.url}/index.html#/${id}`);
    await loadsLibraryOnce(page, 'katex', { plain, marks: '.fm-math', used: '#/formulas', ready: formulas });
  }));

test('a site built without KaTeX shows each formula as its source with the reason', () =>
  withPage(async (page) => {
    await load(page, `${index}#/prices`);
    await page.evaluate(() => {
      self.foldmarkCatalog.libraries = [];
      location.hash = '#/formulas';
    });
    const shown = await formulas(page);
    assert.equal(shown.length, 5);
    for (const f of shown)
      assert.match(f.error, /^Formula not typeset \(this site was built without KaTeX\); its source: $/);
    assert.deepEqual(
      shown.map((f) => f.source),
      [
        'e^{i\\pi} + 1 = 0',
        ' \\int_0^1 x^2 \\, dx = \\frac{1}{3} ',
        '\\notacommand{x}',
        'a < b',
        '\\fcolorbox{red}{yellow}{y} + \\pmb{x}',
      ],
    );
    assert.equal(await page.evaluate(() => typeof self.katex), 'undefined');
  }));

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical axe violations with typeset and broken formulas (${scheme})`, () =>
    withPage(async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      await load(page, `${index}#/formulas`);
      await formulas(page);
      assert.deepEqual(await axeViolations(page), []);
    }));
}
