// Math on a site (--math, the math config key, or a Docusaurus config with remark-math): the core's
// fm-math elements reach the page, KaTeX is copied only into a site whose docs have math (a warning
// when it is not installed), only a doc with a `$` carries the option, and --prerender pages keep
// the TeX source for readers without JavaScript. tests/browser/math.test.mjs typesets it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readDocusaurusConfig } from '../../web/cli/docusaurus-config.js';
import { docOptions } from '../../web/site/shared/doc-syntax.js';
import { writeLibraries } from '../../web/site/builder/libraries.js';
import { foldmark } from '../cli/util.mjs';
import { listen, removeDir, root, startDev, stop, tempDir, writeFiles } from './util.mjs';

const fixture = join(root, 'tests', 'fixtures', 'math');
const dir = tempDir('math');
after(() => removeDir(dir));

// The data script of the doc whose markdown includes `needle`.
function docScriptWith(site, needle) {
  const docs = join(site, '_foldmark', 'docs');
  for (let n = 0; existsSync(join(docs, `${n}.js`)); n++) {
    const text = readFileSync(join(docs, `${n}.js`), 'utf8');
    if (text.includes(needle)) return text;
  }
  throw new Error(`no doc script holds ${needle}`);
}

test('--math: KaTeX is copied and listed; only a doc with a $ carries the option; prerendered pages keep the source', async () => {
  const out = join(dir, 'with');
  const r = await foldmark('build', fixture, '--out', out, '--math', '--prerender');
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /katex/i);
  const lib = join(out, '_foldmark', 'lib', 'katex.js');
  assert.ok(existsSync(lib), 'katex copied');
  assert.match(readFileSync(lib, 'utf8').slice(0, 4000), /katex/i);
  assert.ok(readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8').includes('\\"libraries\\":[\\"katex\\"]'));
  assert.match(docScriptWith(out, 'Euler'), /"options":\{[^}]*"math":true/);
  assert.match(docScriptWith(out, 'dollars'), /"options":\{"collapse":"sections"\}/, 'no math: no option, 0 bytes');
  assert.match(docScriptWith(out, '$HOME'), /"options":\{"collapse":"sections"\}/, 'a $ that is no formula: no option');
  const page = readFileSync(join(out, 'formulas', 'index.html'), 'utf8');
  assert.ok(page.includes('<span class="fm-math">e^{i\\pi} + 1 = 0</span>'), 'inline source');
  assert.ok(page.includes('<span class="fm-math">a &lt; b</span>'), 'escaped');
  assert.match(page, /<span class="fm-math fm-math-display"> \\int_0\^1 x\^2 \\, dx = \\frac\{1\}\{3\} <\/span>/);
  const shell = readFileSync(join(out, 'shell', 'index.html'), 'utf8');
  assert.ok(shell.includes('$HOME and $5 stay as written'), 'a $ that opens no formula is text');
});

test('without --math a $ is text and no KaTeX is copied', async () => {
  const out = join(dir, 'without');
  const r = await foldmark('build', fixture, '--out', out, '--prerender');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(join(out, '_foldmark', 'lib')), false);
  assert.ok(readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8').includes('\\"libraries\\":[]'));
  const page = readFileSync(join(out, 'formulas', 'index.html'), 'utf8');
  assert.ok(page.includes('$e^{i\\pi} + 1 = 0$'));
  assert.equal(page.includes('fm-math'), false);
  assert.doesNotMatch(docScriptWith(out, 'Euler'), /"math"/);
});

test('the math config key turns it on like the flag', async () => {
  const docs = writeFiles(join(dir, 'keyed'), {
    'foldmark.config.json': JSON.stringify({ docs: 'docs', out: 'site', math: true }),
    'docs/a.md': '# A\n\n$x^2$\n',
  });
  const r = await foldmark('build', '--config', join(docs, 'foldmark.config.json'));
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(docs, 'site', '_foldmark', 'lib', 'katex.js')));
  writeFiles(docs, { 'bad.json': JSON.stringify({ docs: 'docs', out: 'site', math: 'yes' }) });
  const bad = await foldmark('build', '--config', join(docs, 'bad.json'));
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /math.*must be true or false/);
});

test('foldmark render --math writes the math elements', async () => {
  const r = await foldmark('render', join(fixture, 'formulas.md'), '--math');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes('<span class="fm-math">e^{i\\pi} + 1 = 0</span>'));
  const plain = await foldmark('render', join(fixture, 'formulas.md'));
  assert.ok(plain.stdout.includes('$e^{i\\pi} + 1 = 0$'));
});

test('docOptions: math joins the site syntax only when asked', () => {
  assert.equal(docOptions().math, undefined);
  assert.equal(docOptions('safe', true).math, true);
  assert.equal(docOptions('text', true).allowRawHtml, false);
  assert.equal(docOptions('safe', true).mdx, true);
});

test('KaTeX not installed: one warning at the first formula, math left as source', async () => {
  const warnings = [];
  const copied = [];
  const docs = [
    { abs: '/d/a.md', markdown: '# A\n\nIt costs $5.\n', hasMath: false, sourceMap: null },
    { abs: '/d/b.md', markdown: '# B\n\nSee $x$ and $y$.\n', hasMath: true },
    { abs: '/d/c.md', markdown: '$z$\n', hasMath: true },
  ];
  const katex = {
    name: 'katex',
    math: true,
    file: () => {
      throw Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND' });
    },
  };
  const names = await writeLibraries(
    docs,
    { copy: async (to, from) => copied.push([to, from]) },
    { warn: (message, where) => warnings.push({ message, ...where }) },
    [katex],
  );
  assert.deepEqual(names, []);
  assert.deepEqual(copied, []);
  assert.equal(warnings.length, 1);
  assert.deepEqual([warnings[0].file, warnings[0].line, warnings[0].column], ['/d/b.md', 3, 5]);
  assert.match(warnings[0].message, /^math is shown as its TeX source: katex is not installed/);
});

// Docusaurus's documented set-up: remark-math in the docs' remarkPlugins (rehype-katex beside it).
// Neither is installed here: the config still loads (stand-ins), and its text says which it is.
const CONFIGS = {
  esm: `import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
export default {
  title: 'T',
  presets: [['classic', { docs: { path: 'docs', remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] } }]],
};
`,
  cjs: `const math = require("remark-math");
module.exports = { title: 'T', presets: [['classic', { docs: { path: 'docs', remarkPlugins: [[math, {}]] } }]] };
`,
  otherPlugin: `import remarkEmoji from 'remark-emoji';
export default { title: 'T', presets: [['classic', { docs: { path: 'docs', remarkPlugins: [remarkEmoji] } }]] };
`,
  importedUnused: `import remarkMath from 'remark-math';
export default { title: 'T', presets: [['classic', { docs: { path: 'docs' } }]] };
`,
};

for (const [name, source, math] of [
  ['an ES module config', CONFIGS.esm, true],
  ['a CommonJS config with [plugin, options]', CONFIGS.cjs, true],
  ['a config with another remark plugin', CONFIGS.otherPlugin, false],
  ['a config that imports remark-math but does not use it', CONFIGS.importedUnused, false],
]) {
  test(`Docusaurus config: remark-math in the docs' remarkPlugins turns math on (${name})`, async () => {
    const site = writeFiles(join(dir, name.replace(/\W+/g, '-')), {
      [math && name.includes('CommonJS') ? 'docusaurus.config.js' : 'docusaurus.config.mjs']: source,
      'docs/a.md': '# A\n',
    });
    const file = join(
      site,
      existsSync(join(site, 'docusaurus.config.js')) ? 'docusaurus.config.js' : 'docusaurus.config.mjs',
    );
    const { settings, notices } = await readDocusaurusConfig(file);
    assert.equal(settings.math, math ? true : undefined);
    if (math) assert.match(notices.join('\n'), /docs remarkPlugins \(remark-math is read as --math\)/);
  });
}

test('foldmark dev --math: the first formula rebuilds the site (KaTeX copied), later ones rewrite the doc alone', {
  timeout: 60_000,
}, async () => {
  const docs = writeFiles(join(dir, 'dev', 'docs'), { 'a.md': '# A\n\nNo math yet.\n', 'b.md': '# B\n\nText.\n' });
  const dev = await startDev(join(dir, 'dev'), 'docs', '--math');
  const stream = listen(dev.url);
  try {
    await stream.next('hello');
    assert.equal(existsSync(join(dev.outDir, '_foldmark', 'lib', 'katex.js')), false);
    let from = stream.seen.length;
    writeFileSync(join(docs, 'a.md'), '# A\n\nNow $x^2$.\n');
    await stream.next('reload', from);
    assert.ok(existsSync(join(dev.outDir, '_foldmark', 'lib', 'katex.js')), 'katex copied by the rebuild');
    from = stream.seen.length;
    writeFileSync(join(docs, 'a.md'), '# A\n\nNow $y^3$.\n');
    const { n } = await stream.next('doc', from);
    const script = readFileSync(join(dev.outDir, '_foldmark', 'docs', `${n}.js`), 'utf8');
    assert.match(script, /y\^3/);
    assert.match(script, /"math":true/);
    assert.ok(!stream.seen.slice(from).some((e) => e.event === 'reload'));
  } finally {
    stream.close();
    await stop(dev);
  }
});
