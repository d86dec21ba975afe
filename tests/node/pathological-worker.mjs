// Pathological shapes for tests/node/pathological.test.mjs, and the worker that renders them.
// md4c's test/pathological-tests.py shapes and cmark's additions, re-expressed here, plus foldmark's
// own (headings, slugs, Q/A sections, front matter). Each make(n) builds the input at size n;
// check(result, input) returns null or what is wrong. As a worker it renders one shape per message.
import { isMainThread, parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const rep = (s, n) => s.repeat(Math.max(0, Math.round(n)));
const count = (hay, needle) => hay.split(needle).length - 1;
const budget = (input) => Math.min(256 << 20, 16 * Buffer.byteLength(input) + (4 << 20));
const expectCount = (html, needle, want) => {
  const got = count(html, needle);
  return got === want ? null : `expected ${want} × ${JSON.stringify(needle)}, got ${got}`;
};
const expectLimit = (r, input) =>
  r.code === 'E_LIMIT' || (r.code === undefined && r.html.length <= budget(input))
    ? null
    : `expected E_LIMIT or output within the budget, got ${r.code ?? r.html.length + ' chars'}`;
const uniqueIds = (r, want) => {
  const ids = new Set(r.toc.map((t) => t.id));
  return ids.size === want ? null : `expected ${want} unique TOC ids, got ${ids.size}`;
};
const bodyKept = (r) => (r.code === 'E_LIMIT' || r.html.includes('Body') ? null : 'body swallowed');

// A toHtml shape whose output must hold `needle` want(n) times (none unless want is given).
const counted = (name, n, make, needle, want = () => 0) => ({
  name,
  n,
  make,
  check: (r, _, size) => expectCount(r.html, needle, want(size)),
});
const times = (n) => n;

// api: 'toHtml' | 'render'. quadratic: input length grows with n², so linearity uses n/√2.
export const shapes = [
  counted('nested strong emph', 65000, (n) => rep('*a **a ', n) + 'b' + rep(' a** a*', n), '<strong>', times),
  counted('many emph closers with no openers', 65000, (n) => rep('a_ ', n), '<em>'),
  counted('many emph openers with no closers', 65000, (n) => rep('_a ', n), '<em>'),
  counted(
    'many 3-emph openers with no closers',
    65000,
    (n) => rep('a***', n),
    '<strong>',
    (n) => Math.floor(n / 2),
  ),
  counted('many link closers with no openers', 65000, (n) => rep('a]', n), '<a'),
  counted('many link openers with no closers', 65000, (n) => rep('[a', n), '<a'),
  counted('mismatched openers and closers', 50000, (n) => rep('*a_ ', n), '<em>'),
  counted('openers and closers multiple of 3', 50000, (n) => 'a**b' + rep('c* ', n), '<em>'),
  counted('link openers and emph closers', 50000, (n) => rep('[ a_', n), '<a'),
  counted('nested brackets', 50000, (n) => rep('[', n) + 'a' + rep(']', n), '<a'),
  counted('nested block quotes', 50000, (n) => rep('> ', n) + 'a', '<blockquote>', times),
  {
    ...counted(
      'backticks',
      1000,
      (n) => Array.from({ length: n - 1 }, (_, x) => 'e' + '`'.repeat(x + 1)).join(''),
      '<code>',
    ),
    quadratic: true,
  },
  counted('many links', 50000, (n) => rep('[t](/u) ', n), '<a href="/u">t</a>', times),
  counted(
    'many references',
    20000,
    (n) => Array.from({ length: n * 16 - 1 }, (_, x) => `[${x + 1}]: u\n`).join('') + rep('[0] ', n),
    '<a',
  ),
  {
    ...counted(
      'deeply nested lists',
      1000,
      (n) => Array.from({ length: n }, (_, x) => '  '.repeat(x) + '* a\n').join(''),
      '<ul>',
      times,
    ),
    quadratic: true,
  },
  counted('many html openers and closers', 50000, (n) => rep('<>', n), '&lt;&gt;', times),
  counted('many html proc. inst. openers', 50000, (n) => 'x' + rep('<?', n), '&lt;?', times),
  counted('many html CDATA openers', 50000, (n) => 'x' + rep('<![CDATA[', n), '&lt;![CDATA[', times),
  counted('many backticks and escapes', 50000, (n) => rep('\\``', n), '<code>'),
  counted('many broken link titles', 50000, (n) => rep('[ (](', n), '<a'),
  counted('broken thematic break', 50000, (n) => rep('* ', n) + 'a', '<ul>', times),
  counted('nested invalid link references', 50000, (n) => rep('[', n) + rep(']', n) + '\n\n[a]: /b', '<a'),
  counted('many broken permissive autolinks', 50000, (n) => rep('www._', n) + 'x', '<a'),
  {
    name: 'huge table',
    n: 10000,
    make: (n) => rep('th|', n) + '\n' + rep('-|', n) + '\n' + rep('td\n', n),
    check: expectLimit,
  },
  {
    name: 'wide table, many rows',
    n: 100000,
    make: (n) => rep('th|', 100) + '\n' + rep('-|', 100) + '\n' + rep('td\n', n),
    check: expectLimit,
  },
  // cmark's list: known super-linear in md4c 0.5.2 (see the report on container work).
  {
    name: '"- " * n + "x" + "\\n" * n',
    n: 40000,
    make: (n) => rep('- ', n) + 'x' + rep('\n', n),
    check: (r, _, n) => (r.code === 'E_LIMIT' ? null : expectCount(r.html, '<ul>', n)),
  },
  {
    name: 'long link reference definition used many times',
    n: 50000,
    make: (n) => '[a]: /' + rep('x', 50000) + '\n\n' + rep('[a] ', n),
    check: (r) => (r.code === 'E_LIMIT' ? null : `expected E_LIMIT, got ${r.code ?? 'success'}`),
  },
  // foldmark's own: headings, slugs, TOC, Q/A, front matter.
  ...[
    {
      name: '100k headings',
      n: 100000,
      make: (n) => Array.from({ length: n }, (_, i) => `## h${i}\n`).join(''),
      check: (r, _, n) => (r.toc.length !== n ? `toc has ${r.toc.length}` : expectCount(r.html, '<details', n)),
    },
    {
      name: '100k identical headings',
      n: 100000,
      make: (n) => rep('## a\n\n', n),
      check: (r, _, n) => uniqueIds(r, n) ?? (r.toc.at(-1).id === `a-${n - 1}` ? null : `last id ${r.toc.at(-1).id}`),
    },
    {
      name: 'headings named like suffixes',
      n: 50000,
      make: (n) => Array.from({ length: n }, (_, i) => `## a-${i + 1}\n`).join('') + rep('## a\n', n),
      check: (r, _, n) => uniqueIds(r, 2 * n),
    },
    {
      name: 'heading suffix chain a, a-1, a-1-1, …',
      n: 1500,
      quadratic: true,
      make: (n) => Array.from({ length: n }, (_, i) => `## a${'-1'.repeat(i)}\n`).join(''),
      check: (r, _, n) => uniqueIds(r, n),
    },
    {
      name: '1 MB heading',
      n: 200000,
      make: (n) => '# ' + rep('word ', n) + '\n\ntext\n',
      check: (r) => (Buffer.byteLength(r.title) <= 4096 ? null : `title is ${r.title.length} chars`),
    },
    {
      name: 'many Q/A sections',
      n: 50000,
      make: (n) => Array.from({ length: n }, (_, i) => `## Question ${i}?\n\nAnswer.\n\n`).join(''),
      check: (r, _, n) =>
        r.questions.length !== n ? `questions: ${r.questions.length}` : r.jsonLd.includes('<') ? '< in JSON-LD' : null,
    },
    {
      name: 'deeply nested Q/A in blockquotes',
      n: 10000,
      make: (n) => rep('> ', n) + '## Why?\n' + rep('> ', n) + 'answer\n',
      check: (r) => (r.questions.length === 0 ? expectCount(r.html, '<details', 0) : 'nested question folded'),
    },
    // A huge front matter, deeply nested flows, 100k keys: the body after it is still rendered.
    { name: 'huge front matter', n: 8 << 20, make: (n) => '---\ndescription: ' + rep('x', n) + '\n---\n# Body\n' },
    {
      name: 'deeply nested front matter flows',
      n: 100000,
      make: (n) => '---\nx: ' + rep('[', n) + rep(']', n) + '\n---\n# Body\n',
    },
    {
      name: '100k front matter keys',
      n: 100000,
      make: (n) => '---\n' + Array.from({ length: n }, (_, i) => `k${i}: v\n`).join('') + '---\n# Body\n',
    },
  ].map((shape) => ({ check: bodyKept, ...shape, api: 'render' })),
];

async function serve() {
  // Collect the input-building garbage first: process CPU time includes the GC threads.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const { createFoldmark } = await import('../../web/node.js');
  const fm = await createFoldmark();
  // Warm up so V8's background tier-up compilation is not billed to the first shape.
  const warm = '## Q?\n\n*a* [b](/c) `d` > e\n\n- f\n'.repeat(5000);
  for (let k = 0; k < 5; k++) fm.render(warm);
  // Scales are measured in turn, rep by rep: V8 keeps or returns the pages of large strings and
  // buffers depending on what ran before, which moved one scale's series, run alone, by up to 3x.
  parentPort.on('message', ({ name, scales, reps }) => {
    const shape = shapes.find((s) => s.name === name);
    const sizes = scales.map((scale) =>
      Math.max(1, Math.round(shape.n * (shape.quadratic ? Math.sqrt(scale) : scale))),
    );
    const inputs = sizes.map((n) => shape.make(n));
    const cpuMs = scales.map(() => []);
    const results = [];
    for (let k = 0; k < reps; k++) {
      inputs.forEach((input, i) => {
        gc();
        const before = process.cpuUsage();
        try {
          results[i] = shape.api === 'render' ? fm.render(input) : { html: fm.toHtml(input) };
        } catch (err) {
          if (!err || err.name !== 'FoldmarkError') throw err;
          results[i] = { code: err.code, message: err.message };
        }
        const used = process.cpuUsage(before);
        cpuMs[i].push((used.user + used.system) / 1000);
      });
    }
    const problems = results.map((result, i) =>
      result.code && result.code !== 'E_LIMIT'
        ? `unexpected ${result.code}: ${result.message}`
        : shape.check(result, inputs[i], sizes[i]),
    );
    parentPort.postMessage({ cpuMs, problems });
  });
  parentPort.postMessage({ ready: true });
}

if (!isMainThread) await serve();
