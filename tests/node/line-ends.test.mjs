// md4c finds each line's end eight bytes at a time in the wasm build
// (patches/md4c-0.5.2-word-line-scan.patch). The native build keeps glibc's strcspn there, so the
// fixtures' native == wasm comparison checks the word scan only on the texts the fixtures hold.
// Here it meets what a word test could get wrong: the line break at every position in the word,
// the bytes below 0x0E that are not line breaks (flagged, then rejected), and every line-break
// style.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFoldmark } from '../../web/node.js';

const fm = await createFoldmark();

// Bytes the word test flags but which do not end a line, and ordinary bytes around them.
const fillers = ['a', '\x0B', '\x0C', '\x0E', '\x01', '\t', 'é'];

test('a line break at every position of a word ends the line there', () => {
  for (const filler of fillers) {
    for (let length = 1; length <= 24; length++) {
      for (const lineBreak of ['\n', '\r\n', '\r']) {
        const text = `x${filler.repeat(length - 1)}${lineBreak}# T${lineBreak}`;
        const html = fm.toHtml(text, { headingIds: false });
        const what = `${JSON.stringify(filler)} × ${length}, ${JSON.stringify(lineBreak)}`;
        assert.match(html, /<h1>T<\/h1>\n$/, what);
        assert.ok(html.startsWith('<p>x'), what);
      }
    }
  }
});

test('the line-break style does not change the output', () => {
  let seed = 7;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let sample = 0; sample < 200; sample++) {
    const lines = [];
    for (let count = 1 + next(12); count > 0; count--) {
      let line = ['', '# ', '> ', '- ', '    ', '```'][next(6)];
      for (let length = next(30); length > 0; length--) line += fillers[next(fillers.length)];
      lines.push(line);
    }
    const lf = fm.toHtml(lines.join('\n'));
    assert.equal(fm.toHtml(lines.join('\r\n')), lf, JSON.stringify(lines));
    assert.equal(fm.toHtml(lines.join('\r')), lf, JSON.stringify(lines));
  }
});
