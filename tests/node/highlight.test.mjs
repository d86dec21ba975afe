// The highlight(code, lang, meta) option: the core hands each code block over through its code
// slot, JS calls the hook once per block and splices its HTML in, re-wrapping highlighted lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFoldmark } from '../../web/node.js';

const fm = await createFoldmark();
const md = '# T\n\n```js title="a.js" {2}\nconst a = "<x>";\nb();\n```\n\ntext\n\n```\nplain & more\n```\n';

test('the hook gets code, language and metastring once per block, in order', () => {
  const calls = [];
  fm.toHtml(md, {
    highlight: (...args) => {
      calls.push(args);
    },
  });
  assert.deepEqual(calls, [
    ['const a = "<x>";\nb();\n', 'js', 'title="a.js" {2}'],
    ['plain & more\n', '', ''],
  ]);
});

test('a hook returning no string leaves the bytes of a call without hook', () => {
  for (const result of [undefined, null, 42]) {
    assert.equal(fm.toHtml(md, { highlight: () => result }), fm.toHtml(md));
    assert.equal(fm.render(md, { highlight: () => result }).html, fm.render(md).html);
  }
});

test('a returned string is the inner HTML; highlighted lines wrap it at its newlines', () => {
  const html = fm.toHtml(md, { highlight: (code, lang) => (lang === 'js' ? '<i>A</i>\n<i>B</i>\n' : undefined) });
  assert.match(html, /<figcaption class="fm-code-title">a\.js<\/figcaption>/);
  assert.match(
    html,
    /<code class="language-js"><i>A<\/i>\n<span class="fm-line-highlight"><i>B<\/i>\n<\/span><\/code>/,
  );
  assert.match(html, /<pre><code>plain &amp; more\n<\/code><\/pre>/);
  assert.doesNotMatch(html, /\0/);
});

test('a token spanning lines is closed before the highlight span ends and reopened after it', () => {
  const src = '```js {2}\n/* a\nb\nc */\n```\n';
  const html = fm.toHtml(src, { highlight: () => '<span class="c">/* a\nb\nc */</span>\n' });
  assert.match(
    html,
    /<span class="c">\/\* a\n<\/span><span class="fm-line-highlight"><span class="c">b\n<\/span><\/span><span class="c">c \*\/<\/span>\n/,
  );
});

test('render() splices too; its FAQ JSON-LD keeps the escaped code', () => {
  const q = '## Why?\n\n```js\nx\n```\n';
  const article = fm.render(q, { highlight: () => '<b>X</b>' });
  assert.match(article.html, /<code class="language-js"><b>X<\/b><\/code>/);
  assert.match(article.jsonLd, /\\u003ccode class=\\"language-js\\"\\u003ex\\n/);
});

test('a highlight that is not a function is an option error; the next call works', () => {
  assert.throws(() => fm.toHtml('x', { highlight: 'yes' }), { code: 'E_OPTION' });
  assert.equal(fm.toHtml('x', { highlight: null }), '<p>x</p>\n');
});

test("the hook's HTML counts against the output budget: E_LIMIT, and the next call works", async () => {
  const { CONTRACT } = await import('../../web/contract.js');
  const { outputFactor, outputSlackBytes } = CONTRACT.limits;
  const input = '```js\nx\n```\n';
  const budget = outputFactor * input.length + outputSlackBytes;
  const huge = 'a'.repeat(budget); // with the <pre><code> around it, over by a few bytes
  for (const call of [(o) => fm.toHtml(input, o), (o) => fm.render(input, o).html]) {
    assert.throws(
      () => call({ highlight: () => huge }),
      (err) => {
        assert.equal(err.code, 'E_LIMIT');
        assert.match(err.message, new RegExp(`exceed ${budget} bytes .*highlight hook`));
        return true;
      },
    );
    // Counted in UTF-8: a third as many three-byte characters is as much.
    assert.throws(() => call({ highlight: () => '\u20ac'.repeat(budget / 3 + 1) }), { code: 'E_LIMIT' });
    // Just under the budget passes, though 3 × its UTF-16 length is over it.
    const fits = 'a'.repeat(budget - 100);
    assert.equal(call({ highlight: () => fits }).includes(fits), true);
    assert.equal(call({}), call({ highlight: () => undefined }));
  }
});
