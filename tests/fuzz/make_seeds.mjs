// Writes fuzz seeds (option byte + document) from md4c's spec examples, our own fixtures, the XSS
// payload sample, pathological shapes and front matter shapes. The committed corpus is these
// seeds minimised with libFuzzer's -merge=1 (scripts/fuzz.sh --seed).
// Usage: node tests/fuzz/make_seeds.mjs OUT_DIR [MD4C_TEST_DIR] [XSS_PAYLOADS]
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = process.argv[2];
const md4cTests = process.argv[3] ?? join(root, '.deps/md4c/test');
const xssFile = process.argv[4] ?? fileURLToPath(new URL('../../../shared/testdata/xss-payloads.txt', import.meta.url));
if (!outDir) {
  console.error('usage: node tests/fuzz/make_seeds.mjs OUT_DIR [MD4C_TEST_DIR] [XSS_PAYLOADS]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

// Option byte, as tests/fuzz/fuzz_render.cpp decodes it.
const RAW = 1,
  GFM = 2,
  IDS = 4,
  QUESTIONS = 1 << 3,
  NONE = 2 << 3,
  BOM = 0x80;
const PREFIX = [0, 1 << 5, 2 << 5, 3 << 5];
const DEFAULT = GFM | IDS;
const VARIANTS = [
  DEFAULT,
  DEFAULT | QUESTIONS,
  DEFAULT | NONE | PREFIX[1],
  GFM,
  IDS | PREFIX[2],
  DEFAULT | RAW,
  DEFAULT | BOM | PREFIX[3],
];

let count = 0;
function seed(name, markdown, optionByte = DEFAULT) {
  const body = Buffer.isBuffer(markdown) ? markdown : Buffer.from(markdown, 'utf8');
  writeFileSync(join(outDir, name.replace(/[^A-Za-z0-9_.-]/g, '_')), Buffer.concat([Buffer.from([optionByte]), body]));
  count++;
}

// md4c / CommonMark fixture format: 32 backticks + " example", markdown, ".", html, fence.
function examples(text) {
  const out = [];
  const re = /^`{32} example\n([\s\S]*?)^\.\n/gm;
  for (let m; (m = re.exec(text)); ) out.push(m[1].replace(/→/g, '\t'));
  return out;
}

function fixtureSeeds(dir, files) {
  for (const file of files) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    examples(readFileSync(path, 'utf8')).forEach((md, i) => {
      seed(`${basename(file, '.txt')}-${i}`, md, VARIANTS[i % VARIANTS.length]);
    });
  }
}

fixtureSeeds(
  md4cTests,
  readdirSync(md4cTests).filter((f) => /^(spec.*|regressions)\.txt$/.test(f)),
);
fixtureSeeds(
  join(root, 'tests/spec'),
  readdirSync(join(root, 'tests/spec')).filter((f) => f.endsWith('.txt')),
);

// The XSS sample: every payload with the defaults, and in the article layout under a question.
if (existsSync(xssFile)) {
  for (const line of readFileSync(xssFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const p = JSON.parse(line);
    seed(`xss-${p.id}`, p.md, DEFAULT);
    seed(`xss-qa-${p.id}`, `---\ntitle: t\n---\n# T\n\n## Is it safe?\n\n${p.md}\n`, DEFAULT | PREFIX[1]);
  }
}

// Pathological shapes at small sizes: the fuzzer grows them.
const rep = (s, n) => s.repeat(n);
const shapes = {
  'nested-emph': rep('*a **a ', 200) + 'b' + rep(' a** a*', 200),
  'emph-closers': rep('a_ ', 500),
  'emph-openers': rep('_a ', 500),
  'emph3-openers': rep('a***', 500),
  'link-closers': rep('a]', 500),
  'link-openers': rep('[a', 500),
  mismatched: rep('*a_ ', 400),
  'nested-brackets': rep('[', 300) + 'a' + rep(']', 300),
  'nested-quotes': rep('> ', 300) + 'a',
  backticks: Array.from({ length: 60 }, (_, i) => 'e' + '`'.repeat(i + 1)).join(''),
  'many-links': rep('[t](/u) ', 300),
  'deep-lists': Array.from({ length: 100 }, (_, i) => '  '.repeat(i) + '* a\n').join(''),
  'html-openers': rep('<>', 300),
  cdata: 'x' + rep('<![CDATA[', 200),
  'broken-titles': rep('[ (](', 300),
  'broken-hr': rep('* ', 300) + 'a',
  'dash-list': rep('- ', 200) + 'x' + rep('\n', 200),
  'long-refdef': '[a]: /' + rep('x', 500) + '\n\n' + rep('[a] ', 300),
  'www-autolinks': rep('www._', 300) + 'x',
  table: rep('th|', 50) + '\n' + rep('-|', 50) + '\n' + rep('td\n', 50),
  'same-headings': rep('## a\n\n', 200),
  'suffix-headings': Array.from({ length: 100 }, (_, i) => `## a${'-1'.repeat(i % 7)}\n\n`).join(''),
  'qa-sections': Array.from({ length: 100 }, (_, i) => `## Question ${i}?\n\nAnswer ${i}.\n\n`).join(''),
  'qa-in-quotes': Array.from({ length: 30 }, (_, i) => '> '.repeat(i) + `## Q${i}?\n`).join(''),
  'long-heading': '## ' + rep('é', 2100) + 'x?\n',
  'heading-cap-boundary': '# ' + rep('a', 4095) + 'é\n',
  'nul-and-cr': '# a\0b\r\n\r## c\rd\r\n',
  'invalid-utf8': Buffer.from([0x23, 0x20, 0xc0, 0xbc, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xe2, 0x82, 0x0a]),
};
for (const [name, md] of Object.entries(shapes)) seed(`shape-${name}`, md, DEFAULT);

// Front matter: closed, unclosed, CRLF, tabs, duplicates, flows, deep nesting, odd scalars.
const frontMatter = {
  basic: '---\ntitle: Hello\ndescription: "x"\ntags: [a, b]\n---\n# Body\n',
  unclosed: '---\ntitle: x\n# Body\n\ntext\n',
  crlf: '---\r\ntitle: CRLF\r\n---\r\n## Q?\r\n\r\nA\r\n',
  tabs: '---\ntitle:\tx\n\tkey: y\n---\nbody\n',
  duplicates: '---\ntitle: a\ntitle: b\n---\nbody\n',
  'deep-flow': '---\nx: ' + rep('[', 200) + rep(']', 200) + '\n---\nbody\n',
  'deep-map': '---\nx: ' + rep('{a: ', 100) + '1' + rep('}', 100) + '\n---\nbody\n',
  'block-nesting': '---\n' + Array.from({ length: 50 }, (_, i) => '  '.repeat(i) + `k${i}:\n`).join('') + '---\nbody\n',
  'many-keys': '---\n' + Array.from({ length: 300 }, (_, i) => `k${i}: v${i}\n`).join('') + '---\nbody\n',
  'anchors-tags': '---\na: &x 1\nb: *x\nc: !!js/function "x"\nd: <script>alert(1)</script>\n---\nbody\n',
  'title-xss':
    '---\ntitle: "</title><script>alert(1)</script>"\ndescription: "\\u2028</script>"\n---\n## Q?\n\nA <b>\n',
  'block-scalars': '---\ndescription: |\n  line 1\n  line 2\nsummary: >-\n  folded\n  text\n---\nbody\n',
  'hide-title': '---\ntitle: T\nhide_title: true\n---\n# T\n\n## Q?\n',
  'dots-end': '---\ntitle: x\n...\nbody\n',
  'only-dashes': '---\n---\n',
  bom: '\ufeff---\ntitle: bom\n---\nbody\n',
  'not-yaml': '---\n: : :\n- - -\n"unterminated\n---\nbody\n',
};
for (const [name, md] of Object.entries(frontMatter)) seed(`fm-${name}`, md, DEFAULT);

// Docusaurus Markdown: admonitions (nested, unclosed, in containers), code metastrings and
// highlight comments, {#id}, MDX statements, comments, components and tabs, the safe tag list.
const docusaurus = {
  admonitions:
    ':::note\nx\n:::\n::::tip[T *e*]\n:::danger Title\n- a\n:::\n::::\n> :::info\n> q\n> :::\n- l\n  :::caution\n  y\n  :::\n',
  'admonition-deep': rep(':::note\n', 40) + 'x\n' + rep(':::\n', 40),
  'admonition-unclosed': rep('::::::note\n## h\n', 30) + ':::foo\n:::\n',
  'code-meta':
    '```js title="a<b>.js" {1,3-5,9999999999} showLineNumbers\n// highlight-next-line\na\n# highlight-start\nb\n<!-- highlight-end -->\n```\n```title=\'x\'\ny\n```\n',
  'heading-ids': '## A {#a}\n## A\n## B {#a"<x>}\n## {#}\n## C {#c} {#d}\n',
  mdx: "import A from 'a'\nexport const b = {\n  c: 1,\n}\n\n{/* x\n*/}\n<!-- y -->\ntext {/* z */} <Foo a={{b: '}'}}>w</Foo>\n<Bar\n  x=\"1\"\n/>\n",
  tabs: '<Tabs>\n<TabItem value="a" label="<b>" default>\n\n<Tabs>\n<TabItem value="a">\n\nx\n\n</TabItem>\n</Tabs>\n\n</TabItem>\n<TabItem>\ny\n</TabItem>\n</Tabs>\n</TabItem>\n',
  'safe-tags':
    '<details>\n<summary>S <kbd>k</kbd></summary>\n\n## In?\n\n</details>\n</details>\nx<sup>1<sub>2</sup></sub><br/><kbd>\n\n> <details>\n\n## Q?\n',
  preview: '<preview>\n\n# h\n<scripts>\n\n*x*\n',
};
for (const [name, md] of Object.entries(docusaurus)) {
  seed(`docusaurus-${name}`, md, DEFAULT);
  seed(`docusaurus-raw-${name}`, md, DEFAULT | RAW);
}

console.log(`make_seeds: ${count} seeds in ${outDir}`);
