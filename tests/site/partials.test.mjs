// MDX partials, <TOCInline> and <DocCardList> in the site builder, on tests/fixtures/partials and on
// small trees written here: partials inlined in place (nested, with props, inside a list item),
// their relative links and images resolved from their own folder, cycles, depth and missing files
// reported with file:line:column, partials never pages, category lists. Needs only the repository.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import vm from 'node:vm';
import { createFoldmark } from '../../web/node.js';
import { buildSite } from '../../web/site/builder/index.js';
import { expandPartials, PartialFiles } from '../../web/site/builder/partials.js';
import { SourceMap } from '../../web/site/builder/source-map.js';
import { foldmark } from '../cli/util.mjs';
import { removeDir, root, tempDir, writeFiles } from './util.mjs';

const fixture = join(root, 'tests', 'fixtures', 'partials', 'docs');
const fm = await createFoldmark();
const work = tempDir('partials');

async function build(docsDir, name, extra = {}) {
  const lines = [];
  const outDir = join(work, name);
  const summary = await buildSite(fm, { docsDir, outDir, warn: (l) => lines.push(l), ...extra });
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(outDir, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  const ids = sandbox.self.foldmarkCatalog.docs.map(([id]) => id);
  const byId = {};
  ids.forEach((id, n) => {
    const s = { self: { foldmarkDoc: (_, d) => Object.assign(s, { doc: d }) } };
    vm.runInNewContext(readFileSync(join(outDir, '_foldmark', 'docs', `${n}.js`), 'utf8'), s);
    byId[id] = JSON.parse(JSON.stringify(s.doc));
  });
  const html = (id) => fm.render(byId[id].markdown, { mdx: true }).html;
  return { summary, lines, outDir, ids, byId, html };
}

const at = (name) => join(fixture, name);
let site;
before(async () => {
  site = await build(fixture, 'fixture', { prerender: true });
});
after(() => removeDir(work));

describe('partials in the fixture tree', () => {
  test('a partial renders in place of its tag, its import line and tag not shown', () => {
    const html = site.html('intro');
    const order = ['This site shows', 'Welcome text from a partial', 'The end of the introduction'].map((t) =>
      html.indexOf(t),
    );
    assert.ok(
      order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])),
      html,
    );
    assert.doesNotMatch(html, /import|Welcome \/>|&lt;Welcome/);
  });

  test('nested partials with a prop, inside a list item, front matter of the partial not shown', () => {
    const html = site.html('guides/install');
    assert.match(
      html,
      /<li>[\s\S]*Install on Android 14 from the store\.[\s\S]*<h3 id="nested-step">Nested step<\/h3>/,
    );
    assert.match(html, /Nested partial text, two folders away\./);
    assert.doesNotMatch(html, /props\.|front matter of a partial|note:/);
  });

  test("a partial's relative image and link resolve from the partial's folder", () => {
    const { links } = site.byId['guides/install'];
    assert.equal(links['../snippets/img/android.png'], 'snippets/img/android.png');
    assert.deepEqual(links['./configure.md#options'], [site.ids.indexOf('guides/configure'), 'options']);
    assert.ok(existsSync(join(site.outDir, 'snippets', 'img', 'android.png')));
    const page = readFileSync(join(site.outDir, 'guides', 'install', 'index.html'), 'utf8');
    assert.match(page, /<img src="..\/..\/snippets\/img\/android.png" alt="Android logo">/);
    assert.match(page, /Install on Android 14/);
  });

  test("warnings inside a partial name the partial's file, line and column", () => {
    assert.ok(
      site.lines.includes(`${at('snippets/_android.mdx')}:11:78: warning: broken link './missing.md'`),
      site.lines.join('\n'),
    );
    assert.ok(
      site.lines.includes(
        `${at('snippets/_nested.md')}:5:1: warning: MDX component <Widget> is not supported: its tags are dropped`,
      ),
      site.lines.join('\n'),
    );
  });

  test('a cycle is reported naming every file, and each partial is inlined once', () => {
    const cycle = site.lines.filter((l) => l.includes('includes itself'));
    assert.deepEqual(cycle, [
      `${at('guides/_cycle-b.md')}:5:1: warning: partial <CycleA /> is not inlined: it includes itself (guides/configure.md → guides/_cycle-a.md → guides/_cycle-b.md → guides/_cycle-a.md)`,
    ]);
    const html = site.html('guides/configure');
    assert.equal(html.match(/Cycle A text/g).length, 1);
    assert.equal(html.match(/Cycle B text/g).length, 1);
  });

  test('partials are never pages, and no import or theme component warning is left', () => {
    assert.deepEqual([...site.ids].sort(), [
      'guides/configure',
      'guides/index',
      'guides/install',
      'intro',
      'reference/api',
      'reference/cli',
      'reference/index',
    ]);
    assert.ok(!site.lines.some((l) => /W_MDX|import\/export|<DocCardList>|<TOCInline>/.test(l)), site.lines.join('\n'));
    assert.deepEqual(site.summary.partials, { inlined: 5, tocInline: 1, docCardLists: 2 });
  });

  test("the command line's summary counts the partials inlined and the category lists", async () => {
    const r = await foldmark('build', fixture, '--out', join(work, 'cli'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^foldmark: 7 articles built, 4 left out \(4 partials\); 5 partials inlined, 2 category lists written; /,
    );
  });

  test('<TOCInline toc={toc} /> lists the headings of the article', () => {
    const html = site.html('guides/install');
    assert.match(
      html,
      /<ul>\n<li><a href="#before-you-start">Before you start<\/a><\/li>\n<li><a href="#platforms">Platforms<\/a><\/li>\n<li><a href="#afterwards">Afterwards<\/a><\/li>\n<\/ul>/,
    );
  });

  test('<DocCardList /> lists the docs of its category with their descriptions', () => {
    const doc = site.byId['guides/index'];
    const html = site.html('guides/index');
    assert.match(
      html,
      /<strong><a href="\.\/install\.md">Install<\/a><\/strong>[\s\S]*How to install the app on each platform\./,
    );
    assert.match(html, /<strong><a href="\.\/configure\.md">Configure<\/a><\/strong>[\s\S]*Settings and options\./);
    assert.deepEqual(doc.links['./install.md'], [site.ids.indexOf('guides/install'), '']);
  });

  test('an empty category page lists its docs (description, else the first paragraph)', () => {
    const html = site.html('reference/index');
    assert.match(
      html,
      /<strong><a href="\.\/api\.md">API<\/a><\/strong>[\s\S]*Every function\.[\s\S]*<strong><a href="\.\/cli\.md">Command line<\/a><\/strong>[\s\S]*Runs the tool from a terminal\./,
    );
    const page = readFileSync(join(site.outDir, 'reference', 'index', 'index.html'), 'utf8');
    assert.match(page, /href="..\/..\/reference\/api\/index.html"/);
  });
});

describe('partials: edge cases', () => {
  test('a missing partial, an import from a package, a blockquote with import lines, CRLF, props escaped, an unclosed fence', async () => {
    const dir = writeFiles(tempDir('partials-edge'), {
      'docs/a.md':
        "import Gone from './_gone.md';\nimport Lib from 'some-lib/x.md';\nimport Q from './_q.md';\nimport F from './_fence.md';\n\n<Gone />\n\n<Lib />\n\n> Quote:\n>\n> <Q who=\"*bold* & <b>\" />\n\n<F />\n\nAfter the fence.\n",
      'docs/_q.md':
        "import Tabs from '@theme/Tabs';\r\nexport const x = 1;\r\n\r\nSaid by {props.who}.\r\nSecond line.\r\n",
      'docs/_fence.md': '```js\nconst open = true;\n',
    });
    try {
      const { lines, html } = await build(join(dir, 'docs'), 'edge');
      const out = html('a');
      assert.ok(
        lines.includes(`${join(dir, 'docs', 'a.md')}:1:18: warning: cannot inline partial './_gone.md': no such file`),
        lines.join('\n'),
      );
      assert.ok(
        lines.includes(
          `${join(dir, 'docs', 'a.md')}:2:17: warning: partial 'some-lib/x.md' is not a relative or @site/ path: not inlined`,
        ),
        lines.join('\n'),
      );
      // A partial's other import/export lines inside a quote: dropped with the core's warning, never shown.
      assert.ok(
        lines.includes(
          `${join(dir, 'docs', '_q.md')}:1:1: warning: MDX import/export lines are not rendered (dropped)`,
        ),
        lines.join('\n'),
      );
      assert.doesNotMatch(out, /Tabs|export/);
      assert.match(
        out,
        /<blockquote>[\s\S]*Said by \*bold\* &amp; &lt;b&gt;\.[\s\S]*Second line\.[\s\S]*<\/blockquote>/,
      );
      assert.match(out, /<code class="language-js">const open = true;\n<\/code><\/pre>\n<p>After the fence\.<\/p>/);
    } finally {
      removeDir(dir);
    }
  });

  test('partials nested deeper than the limit stop with a warning naming the chain', async () => {
    const files = { 'docs/a.md': "import P0 from './_p0.md';\n\n<P0 />\n" };
    for (let i = 0; i < 20; i += 1)
      files[`docs/_p${i}.md`] = `Level ${i}.\n\nimport P${i + 1} from './_p${i + 1}.md';\n\n<P${i + 1} />\n`;
    files['docs/_p20.md'] = 'Bottom.\n';
    const dir = writeFiles(tempDir('partials-deep'), files);
    try {
      const { lines, html } = await build(join(dir, 'docs'), 'deep');
      const deep = lines.filter((l) => l.includes('nest more than'));
      assert.equal(deep.length, 1, lines.join('\n'));
      assert.match(
        deep[0],
        /_p15\.md:5:1: warning: partial <P16 \/> is not inlined: partials nest more than 16 deep \(a\.md → _p0\.md → .* → _p16\.md\)/,
      );
      assert.match(html('a'), /Level 15\./);
      assert.doesNotMatch(html('a'), /Level 16\./);
    } finally {
      removeDir(dir);
    }
  });

  test('partials that would grow the article past 32 MiB are not inlined, with one warning', () => {
    const dir = writeFiles(tempDir('partials-big'), { 'docs/_big.md': `${'word '.repeat((11 * 1024 * 1024) / 5)}\n` });
    try {
      const warnings = [];
      const problems = { warn: (message, where) => warnings.push({ message, ...where }) };
      const abs = join(dir, 'docs', 'a.md');
      const markdown = "import Big from './_big.md';\n\n<Big />\n\n<Big />\n\n<Big />\n\n<Big />\n\nThe end.\n";
      const files = new PartialFiles({ docsRoot: join(dir, 'docs') });
      const out = expandPartials(markdown, { abs, files, problems });
      assert.deepEqual(warnings, [
        {
          message:
            'partial <Big /> is not inlined: the article would be larger than 33554432 bytes (nor are later ones)',
          file: abs,
          line: 7,
          column: 1,
        },
      ]);
      assert.equal(out.inlined, 2);
      assert.match(out.markdown, /The end\.\n$/);
    } finally {
      removeDir(dir);
    }
  });

  test('hostile lines cost linear time: an import line padded with blanks, unclosed tags of an imported name', () => {
    const files = new PartialFiles({ docsRoot: fixture });
    const problems = { warn: () => {} };
    const abs = join(fixture, 'a.md');
    // The import pattern backtracked quadratically over trailing blanks (200,000: minutes).
    const padded = `import X from './_shared/_welcome.md'${' '.repeat(200000)}x\n\n<X />\n`;
    const unclosed = `import X from './_shared/_welcome.md'\n\n${'<X a="1"\n'.repeat(100000)}`;
    const started = performance.now();
    assert.equal(expandPartials(padded, { abs, files, problems }).inlined, 0);
    assert.equal(expandPartials(unclosed, { abs, files, problems }).inlined, 0);
    const ms = performance.now() - started;
    assert.ok(ms < 20000, `${Math.round(ms)} ms (quadratic: minutes)`);
  });

  test('<DocCardList /> outside a category page warns and shows nothing; a partial in a code block stays code', async () => {
    const dir = writeFiles(tempDir('partials-cards'), {
      'docs/a.md':
        "import DocCardList from '@theme/DocCardList';\n\nText.\n\n<DocCardList />\n\n```mdx\nimport X from './_x.md';\n\n<X />\n```\n",
      'docs/_x.md': 'Never inlined.\n',
    });
    try {
      const { lines, html } = await build(join(dir, 'docs'), 'cards');
      assert.deepEqual(
        lines.filter((l) => l.includes('DocCardList')),
        [
          `${join(dir, 'docs', 'a.md')}:5:1: warning: <DocCardList /> lists the docs of a sidebar category, and this doc is no category page`,
        ],
      );
      assert.match(html('a'), /import X from '.\/_x.md';\n\n&lt;X \/&gt;/);
      assert.doesNotMatch(html('a'), /Never inlined/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('SourceMap', () => {
  test('maps columns through a container prefix and replaced text, in UTF-16 units and code points', () => {
    const map = new SourceMap('a.md');
    map.add('# A', { file: 'a.md', line: 1 });
    map.add('', { file: 'a.md', line: 2 });
    // written: '😀 {props.x} tail'; emitted after a 3-space prefix with {props.x} → 'VALUE!'
    map.add('   😀 VALUE! tail', { file: 'p.md', line: 7, shift: 3, src: '😀 {props.x} tail', edits: [[3, 3, 9, 12]] });
    map.add('   next', { file: 'p.md', line: 8, shift: 3 });
    map.add('   last', { file: 'p.md', line: 9, shift: 3 });
    map.add('after', { file: 'a.md', line: 4 });
    assert.equal(map.runs.length, 4); // consecutive lines of one file share a run
    const p = (line, column) => ({ file: 'p.md', line, column, from: 'a.md' });
    assert.deepEqual(map.where({ line: 3, column: 14 }), p(7, 14)); // 't' of tail
    assert.deepEqual(map.where({ line: 3, column: 7 }), p(7, 4)); // 'V' → '{'
    assert.deepEqual(map.where({ line: 3, column: 13 }, 'codepoint'), p(7, 13));
    assert.deepEqual(map.where({ line: 3, column: 1 }), p(7, 1));
    assert.deepEqual(map.where({ line: 5, column: 5 }, 'codepoint'), p(9, 2));
    assert.deepEqual(map.where({ line: 6, column: 2 }), { file: 'a.md', line: 4, column: 2 });
    assert.deepEqual(map.where({ line: 7, column: 1 }), {});
  });
});
