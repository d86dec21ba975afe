// web/site/shared/: the rules the builder, the page and the dev client share, each tested alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeItems,
  docEntry,
  encodeCatalog,
  encodeItems,
  entryId,
  entryLabel,
} from '../../web/site/shared/catalog.js';
import { isFolderIndex, metaText, ownIdOf, stripNumberPrefix, titleAndLabel } from '../../web/site/shared/doc-names.js';
import { docHref, encodePath, hashRoute, linkTarget, pageHref, rootOf } from '../../web/site/shared/hrefs.js';
import { docScriptPath, PATHS, prismPath, RESERVED_PATH, searchShardPath } from '../../web/site/shared/paths.js';
import { neighbours, placeDocs } from '../../web/site/shared/reading-order.js';
import { tocEntries } from '../../web/site/shared/toc.js';
import {
  decodeComponent,
  decodeEntities,
  entityAt,
  lineColumn,
  lineLocator,
  location,
} from '../../web/site/shared/text.js';

const doc = (index, id, label = id) => ({ index, id, label });
const [a, b, c, d] = [doc(0, 'a'), doc(1, 'g/b'), doc(2, 'g/c', 'C'), doc(3, 'd')];
const builderItems = [
  { type: 'doc', doc: a },
  {
    type: 'category',
    label: 'G',
    collapsed: true,
    doc: b,
    items: [
      { type: 'doc', doc: c, label: 'Own' },
      { type: 'doc', doc: b },
    ],
  },
  { type: 'link', label: 'Home', href: 'https://example.org/' },
  {
    type: 'category',
    label: 'Open',
    collapsed: false,
    items: [
      { type: 'doc', doc: d, label: 'd' },
      { type: 'doc', doc: a },
    ],
  },
];

test("catalog codec: the wire form is compact and decodes to the builder's items with doc indexes", () => {
  const wire = encodeItems(builderItems);
  assert.deepEqual(wire, [
    0,
    ['c', 'G', 1, [[2, 'Own'], 1], 1],
    ['l', 'Home', 'https://example.org/'],
    ['c', 'Open', 0, [3, 0]],
  ]);
  const decoded = decodeItems(JSON.parse(JSON.stringify(wire)), (n) => Number.isInteger(n) && n >= 0 && n < 4);
  assert.deepEqual(decoded, [
    { type: 'doc', doc: 0 },
    {
      type: 'category',
      label: 'G',
      collapsed: true,
      doc: 1,
      items: [
        { type: 'doc', doc: 2, label: 'Own' },
        { type: 'doc', doc: 1 },
      ],
    },
    { type: 'link', label: 'Home', href: 'https://example.org/' },
    {
      type: 'category',
      label: 'Open',
      collapsed: false,
      items: [
        { type: 'doc', doc: 3 },
        { type: 'doc', doc: 0 },
      ],
    },
  ]);
  assert.deepEqual(
    decodeItems([7, [8, 'x'], ['c', 'K', 0, [], 9], ['?'], null], (n) => n === 0),
    [{ type: 'category', label: 'K', collapsed: false, items: [] }],
    'docs that do not exist and unknown items are left out',
  );
  assert.deepEqual(docEntry(c), ['g/c', 'C']);
  assert.equal(entryId(['x', '']), 'x');
  assert.equal(entryLabel(['x', '']), 'x', 'no label: the id');
  const catalog = encodeCatalog({
    docs: [a, b],
    sidebars: [{ items: [{ type: 'doc', doc: b }] }],
    landing: b,
    title: 'T',
    collapse: 'sections',
  });
  assert.deepEqual(catalog, {
    v: 1,
    title: 'T',
    collapse: 'sections',
    landing: 1,
    docs: [
      ['a', 'a'],
      ['g/b', 'g/b'],
    ],
    sidebars: [[1]],
    search: 0,
    code: {},
    libraries: [],
    editUrl: '',
  });
});

test("paths: the site's own files live under _foldmark/", () => {
  for (const path of [...Object.values(PATHS), docScriptPath(3), searchShardPath(0), prismPath('core')])
    assert.match(path, RESERVED_PATH);
  assert.equal(docScriptPath(12), '_foldmark/docs/12.js');
  assert.equal(searchShardPath(2), '_foldmark/search/2.js');
  assert.ok(!RESERVED_PATH.test('_foldmarks/x') && RESERVED_PATH.test('_foldmark'));
});

test("reading order: first place wins, each doc once, a category's own doc before its children", () => {
  const places = placeDocs([
    { items: builderItems },
    {
      items: [
        { type: 'doc', doc: c },
        { type: 'doc', doc: { index: 9 } },
      ],
    },
  ]);
  const pa = places.get(a);
  assert.deepEqual(
    pa.order.map((x) => x.id),
    ['a', 'g/b', 'g/c', 'd'],
    'a and b listed twice, read once',
  );
  assert.deepEqual(
    neighbours(places.get(b)).map((x) => x?.id),
    ['a', 'g/c'],
  );
  assert.deepEqual(places.get(b).categories, [], "a category's own doc sits beside it");
  assert.equal(places.get(b).path[0].label, 'G', 'its page opens its category');
  assert.deepEqual(
    places.get(c).categories.map((x) => x.label),
    ['G'],
  );
  assert.equal(places.get(c).sidebarIndex, 0, 'the first sidebar that holds c');
  assert.equal(places.get(d).at, 3);
  assert.deepEqual(
    neighbours(places.get(d)).map((x) => x?.id),
    ['g/c', undefined],
  );
  const decoded = decodeItems(encodeItems(builderItems), (n) => n >= 0 && n < 4);
  assert.deepEqual(
    placeDocs([{ items: decoded }]).get(0).order,
    [0, 1, 2, 3],
    'the page reads doc indexes the same way',
  );
});

test('hrefs: hash routes, per-doc pages, link targets', () => {
  assert.equal(encodePath('g/install intro'), 'g/install%20intro');
  assert.equal(rootOf('g/b'), '../../');
  assert.equal(hashRoute('g/b', 'a b'), '#/g/b/a%20b');
  assert.equal(pageHref('../', 'g/b', 'x'), '../g/b/index.html#x');
  assert.equal(docHref('hash', '../', 'a'), '#/a');
  assert.equal(docHref('path', '', 'a'), 'a/index.html');
  const links = { './b.md#x': [1, 'x'], 'img.png': 'g/img.png', './gone.md': null };
  assert.deepEqual(linkTarget(links, './b.md#x'), { doc: 1, heading: 'x' });
  assert.deepEqual(linkTarget(links, 'img.png'), { asset: 'g/img.png' });
  assert.deepEqual(linkTarget(links, './gone.md'), { broken: true });
  assert.deepEqual(linkTarget(links, '//cdn.example/x'), { url: 'https://cdn.example/x' });
  assert.equal(linkTarget(links, 'https://example.org/'), null);
  assert.equal(linkTarget(links, 'toString'), null, 'only own keys');
});

test('doc names: Docusaurus ids, titles and labels', () => {
  assert.equal(stripNumberPrefix('01-intro'), 'intro');
  assert.equal(stripNumberPrefix('2021-01-01'), '2021-01-01');
  assert.equal(ownIdOf({}, '02. Setup.mdx'), 'Setup');
  assert.equal(ownIdOf({ id: ' own ' }, '01-x.md'), 'own');
  assert.equal(ownIdOf({ id: 7 }, 'x.markdown'), '7');
  assert.equal(metaText(['no']), '');
  assert.ok(isFolderIndex('index.md', 'g') && isFolderIndex('README.mdx', '') && isFolderIndex('Guides.md', 'guides'));
  assert.ok(!isFolderIndex('intro.md', 'guides') && !isFolderIndex('x.md', ''));
  assert.deepEqual(titleAndLabel({ title: 'H1' }, { title: 'T', sidebar_label: 'L' }, 'id'), {
    title: 'H1',
    label: 'L',
  });
  assert.deepEqual(titleAndLabel({ title: '' }, { title: 'T' }, 'id'), { title: 'T', label: 'T' });
  assert.deepEqual(titleAndLabel({ title: '' }, {}, 'id'), { title: 'id', label: 'id' });
});

test("TOC rule: the core's entries with an id, the top two levels, at most max", () => {
  const toc = [
    { level: 2, text: 'A', id: 'a' },
    { level: 3, text: 'B', id: 'b' },
    { level: 4, text: 'C', id: 'c' },
    { level: 2, text: 'No id', id: '' },
    { level: 2, text: 'D', id: 'd' },
  ];
  assert.deepEqual(tocEntries(toc, 10), [
    { id: 'a', text: 'A', sub: false },
    { id: 'b', text: 'B', sub: true },
    { id: 'd', text: 'D', sub: false },
  ]);
  assert.equal(tocEntries(toc, 2).length, 2);
  assert.deepEqual(
    tocEntries(
      [
        { level: 1, text: 'X', id: 'x' },
        { level: 2, text: 'A', id: 'a' },
        { level: 3, text: 'B', id: 'b' },
      ],
      10,
    ).map((t) => t.id),
    ['x', 'a'],
  );
  assert.deepEqual(tocEntries(null, 10), []);
});

test('text: line and column, place, URI decoding that never throws, entities', () => {
  assert.deepEqual(lineColumn('ab\ncd\n\nef', 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumn('ab\ncd\n\nef', 4), { line: 2, column: 2 });
  assert.deepEqual(lineColumn('ab\ncd\n\nef', 7), { line: 4, column: 1 });
  assert.equal(location({ file: 'x.md', line: 3, column: undefined }), 'x.md:3');
  assert.equal(location({ file: 'x.md', line: 3, column: 4 }), 'x.md:3:4');
  assert.equal(decodeComponent('a%20b'), 'a b');
  assert.equal(decodeComponent('100%'), '100%');
  assert.equal(decodeComponent('100%', 'fallback'), 'fallback');
  assert.equal(
    decodeEntities('a &amp;lt; &lt;b&gt; &quot;&#39;&#x41;&#65;&nbsp;&copy;&#0;'),
    'a &lt; <b> "\'AA\u00a0&copy;&#0;',
  );
  assert.equal(decodeEntities('plain'), 'plain');
});

test('text: one locator answers many offsets of one text; one reference is read where it stands', () => {
  const at = lineLocator('ab\ncd\n\nef');
  assert.deepEqual([0, 4, 6, 7, 9].map(at), [
    { line: 1, column: 1 },
    { line: 2, column: 2 },
    { line: 3, column: 1 },
    { line: 4, column: 1 },
    { line: 4, column: 3 },
  ]);
  assert.deepEqual(lineLocator('')(0), { line: 1, column: 1 });
  assert.deepEqual(entityAt('x &amp; y', 2), { value: '&', length: 5 });
  assert.deepEqual(entityAt('&#x1F600;!', 0), { value: '\u{1F600}', length: 9 });
  assert.equal(entityAt('x &amp; y', 1), null, 'only at the offset');
  assert.equal(entityAt('&copy;', 0), null, 'a name the core never writes');
  // Names an object inherits are no references: they once reached the search walk as functions.
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
    assert.equal(entityAt(`&${name};`, 0), null, name);
  assert.equal(decodeEntities('&constructor; &__proto__;'), '&constructor; &__proto__;');
});
