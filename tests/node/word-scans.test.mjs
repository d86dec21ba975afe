// Scans that go eight bytes a step, tested where a word-wise test could go wrong: the byte it
// looks for at every position in the word, bytes that share its flag, and the tail after the
// last whole word.
// - md4c's search for a line's end and for a NUL in verbatim text
//   (patches/md4c-0.5.2-word-scans.patch). The native build keeps glibc's strcspn for the line's
//   end, so the fixtures' native == wasm comparison checks only the texts they hold.
// - md4c's search for the next possible mark in a line (emphasis, code, links, entities, raw
//   HTML, autolinks, …), which steps over letters, spaces and bytes above 0x7F by the word.
// - escape_html, both its short-text path (up to 32 bytes) and its path by runs.
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

test('a NUL in code becomes U+FFFD, at every position of a word', () => {
  for (let length = 1; length <= 20; length++) {
    for (let at = 0; at < length; at++) {
      const line = `${'a'.repeat(at)}\0${'b'.repeat(length - at - 1)}`;
      const expected = line.replace('\0', '\uFFFD');
      assert.equal(fm.toHtml(`\`\`\`\n${line}\n\`\`\`\n`), `<pre><code>${expected}\n</code></pre>\n`, line);
      assert.equal(fm.toHtml(`    ${line}\n`), `<pre><code>${expected}\n</code></pre>\n`, line);
    }
  }
  assert.equal(fm.toHtml('```\n\0\0x\0\n```\n'), '<pre><code>\uFFFD\uFFFDx\uFFFD\n</code></pre>\n');
});

// What md4c's mark search steps over by the word (letters, a space, UTF-8 bytes), bytes it must
// stop at and look up (digits, punctuation that marks nothing, bytes at the edges of its letter
// test: '@' '[' '{'; '`' is the code span's), each before a construct at every offset in the word.
test('every mark is found at every position of a word, after any run of text', () => {
  const fills = ['a', 'Z', ' ', 'é', '\u00a0', '7', ',', '(', '-', '@', '[', '{', '/', '?', '^'];
  const constructs = [
    ['*em*', '<em>em</em>'],
    ['`c`', '<code>c</code>'],
    ['[l](u)', '<a href="u">l</a>'],
    ['![i](u)', '<img src="u" alt="i">'],
    ['&copy;', '©'],
    ['~~s~~', '<del>s</del>'],
    ['<b>x</b>', '<b>x</b>'],
    ['\\*x*', '*x*'],
  ];
  // These need a space (or the line's start) before them.
  const spaced = [
    ['https://x.org', '<a href="https://x.org">https://x.org</a>'],
    ['www.x.org', '<a href="http://www.x.org">www.x.org</a>'],
    ['a@b.org', '<a href="mailto:a@b.org">a@b.org</a>'],
  ];
  for (const fill of fills) {
    for (let length = 0; length <= 17; length++) {
      const run = fill.repeat(length);
      // Fills that are marks or open something themselves go before a space, so they stay text.
      const plain = /^[a-zA-Z é\u00a07]$/.test(fill);
      for (const [markdown, html, needsSpace] of [...constructs, ...spaced.map((c) => [...c, true])]) {
        for (const space of plain && !needsSpace ? ['', ' '] : [' ']) {
          const text = `x${run}${space}${markdown}`;
          const got = fm.toHtml(text, { allowRawHtml: true });
          assert.equal(got, `<p>x${escapeHtml(run)}${space}${html}</p>\n`, JSON.stringify(text));
        }
      }
    }
  }
});

const escapeHtml = (s) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

test('code is escaped right with a special byte at every position, in short and long text', () => {
  const specials = ['<', '>', '&', '"'];
  // Bytes one bit away from a special one, which the word test must not take for it.
  const near = ['"'.charCodeAt(0) ^ 4, '<'.charCodeAt(0) ^ 2, '&'.charCodeAt(0) ^ 1, 0x3d, 0x3f];
  const plain = near.map((c) => String.fromCharCode(c)).join('') + 'x';
  for (const length of [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 64, 65]) {
    for (let at = 0; at < length; at++) {
      for (const special of specials) {
        let line = '';
        for (let i = 0; i < length; i++) line += i === at ? special : plain[i % plain.length];
        for (const second of [at + 1, at + 8]) {
          const text = second < length ? line.slice(0, second) + special + line.slice(second + 1) : line;
          const html = fm.toHtml(`\`\`\`\n${text}\n\`\`\`\n`);
          assert.equal(html, `<pre><code>${escapeHtml(text)}\n</code></pre>\n`, JSON.stringify(text));
        }
      }
    }
  }
});

// md4c sorts the reference definitions that share a hash bucket (patches/md4c-0.5.2-sort-without-
// qsort.patch: a heapsort instead of the C library's qsort). Hundreds of labels fill buckets
// with several entries; a repeated label, in another case, must still lose to the first.
test('every reference link resolves to its first definition among hundreds', () => {
  const count = 600;
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(`[Label ${i}]: /first/${i}`);
  for (let i = 0; i < count; i += 3) lines.push(`[LABEL ${i}]: /second/${i}`);
  lines.push('');
  for (let i = 0; i < count; i++) lines.push(`[label ${i}]`);
  const html = fm.toHtml(lines.join('\n'));
  const hrefs = [...html.matchAll(/<a href="([^"]*)">label (\d+)<\/a>/g)];
  assert.equal(hrefs.length, count);
  for (const [, href, n] of hrefs) assert.equal(href, `/first/${n}`);
});
