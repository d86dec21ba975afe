// Writes the benchmark corpora deterministically into a gitignored directory (never committed):
// the CommonMark spec, real READMEs/CHANGELOGs, a generated FAQ article, 2,000 small articles and
// real Docusaurus docs (the Redux docs committed under tests/corpus/redux-docs, concatenated).
// Usage: node bench/corpus.mjs [DIR]   (BENCH_SCALE=0.03 writes tiny corpora for the smoke test)
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCorpusDir = join(root, 'build', 'bench-corpus');

// Every corpus ends with this heading and link; the correctness check looks for both in the output.
export const MARKER_HEADING = 'Benchmark marker';
export const MARKER_URL = 'https://example.org/bench-marker';
const MARKER = `\n\n## ${MARKER_HEADING}\n\nThe [marker link](${MARKER_URL}) ends every corpus.\n`;

const MB = 1 << 20;

// mulberry32: a tiny seeded PRNG, so the generated text is the same on every machine.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a serverless function deploy stage cost cold start request response cache edge region ' +
  'database table index query latency throughput build bundle module package version config ' +
  'environment variable secret token user account permission role policy bucket object upload ' +
  'download image resize render template page site route handler event queue worker retry ' +
  'timeout memory limit scale instance container runtime node browser markdown article question ' +
  'answer section heading link list code block example value option default setting feature ' +
  'plugin theme layout content editor preview publish draft review team project workflow ' +
  'migration backup restore monitor log metric alert dashboard trace error warning failure ' +
  'naïve café résumé façade über — “quoted” ünïcödé 日本語 テスト'
).split(/\s+/);

function words(r, n) {
  const out = [];
  for (let i = 0; i < n; ++i) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  return out;
}

function sentence(r) {
  const w = words(r, 6 + Math.floor(r() * 14));
  // Sprinkle the inline constructs real documentation uses.
  const k = r();
  const at = Math.floor(r() * w.length);
  if (k < 0.15) w[at] = `**${w[at]}**`;
  else if (k < 0.3) w[at] = `*${w[at]}*`;
  else if (k < 0.45) w[at] = `\`${w[at]}_${Math.floor(r() * 100)}()\``;
  else if (k < 0.6) w[at] = `[${w[at]}](https://docs.example.com/${w[at]}/${Math.floor(r() * 1000)}?a=1&b=2)`;
  // Inline HTML and characters to escape; never `<word` at a line start (md4c 0.5.2 takes
  // `<preview>` for a `<pre` block that runs to the end of the document).
  else if (k < 0.65) w[at] = `<kbd>${w[at]}</kbd> & "${w[at]}"`;
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function paragraph(r) {
  const n = 2 + Math.floor(r() * 4);
  const out = [];
  for (let i = 0; i < n; ++i) out.push(sentence(r));
  // Hard-wrapped like hand-written Markdown.
  return out.join(' ').replace(/(.{60,78}?) /g, '$1\n');
}

function list(r) {
  const ordered = r() < 0.4;
  const n = 3 + Math.floor(r() * 4);
  const out = [];
  for (let i = 0; i < n; ++i) out.push(`${ordered ? `${i + 1}.` : '-'} ${sentence(r)}`);
  return out.join('\n');
}

function codeBlock(r) {
  const lang = ['js', 'yaml', 'bash', 'json'][Math.floor(r() * 4)];
  const n = 3 + Math.floor(r() * 6);
  const out = ['```' + lang];
  for (let i = 0; i < n; ++i)
    out.push(`  const ${words(r, 1)[0].replace(/\W/g, 'x')}${i} = "<${words(r, 2).join(' ')}>"; // & more`);
  out.push('```');
  return out.join('\n');
}

function table(r) {
  const cols = 3 + Math.floor(r() * 2);
  const head = words(r, cols).map((w) => w.replace(/\|/g, ''));
  const out = [`| ${head.join(' | ')} |`, `|${' --- |'.repeat(cols)}`];
  for (let i = 0; i < 4; ++i)
    out.push(
      `| ${words(r, cols)
        .map((w, j) => (j === 0 ? `\`${w}\`` : w))
        .join(' | ')} |`,
    );
  return out.join('\n');
}

function section(r, index) {
  const title = words(r, 3 + Math.floor(r() * 5)).join(' ');
  const out = [`## ${title[0].toUpperCase()}${title.slice(1)} ${index}?`, paragraph(r)];
  const blocks = 1 + Math.floor(r() * 4);
  for (let i = 0; i < blocks; ++i) {
    const k = r();
    if (k < 0.35) out.push(paragraph(r));
    else if (k < 0.6) out.push(list(r));
    else if (k < 0.8) out.push(codeBlock(r));
    else if (k < 0.9) out.push(table(r));
    else out.push(`> ${sentence(r)}\n> ${sentence(r)}`);
  }
  return out.join('\n\n');
}

// A documentation article with front matter, an h1 and `## Question?` sections, about `size` bytes.
export function faqArticle(seed, size) {
  const r = rng(seed);
  const title = words(r, 4).join(' ');
  const parts = [
    `---\ntitle: "FAQ: ${title}"\ndescription: Answers about ${words(r, 3).join(' ')}.\n` +
      `tags: [faq, ${words(r, 1)[0].replace(/\W/g, 'x')}]\ndate: 2024-05-0${1 + (seed % 9)}\n---\n`,
    `# FAQ: ${title}`,
    paragraph(r),
  ];
  let length = parts.reduce((n, p) => n + p.length + 2, 0);
  for (let i = 1; length < size; ++i) {
    const s = section(r, i);
    parts.push(s);
    length += s.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

// Every README/CHANGELOG/HISTORY .md under node_modules in sorted path order, repeated until
// `size`: the installed devDependencies pin the text, so it is the same on every checkout.
function readmes(size) {
  const files = [...walk(join(root, 'node_modules'))]
    .filter((p) => /^(readme|changelog|history)[^/]*\.md$/i.test(p.split(/[\\/]/).pop()))
    .map((p) => relative(root, p).split('\\').join('/'))
    .sort();
  const texts = files.map((p) => {
    let t = readFileSync(join(root, p), 'utf8').replace(/\r\n?/g, '\n');
    // An unclosed fence would swallow the files after it.
    const fences = (t.match(/^ {0,3}(```|~~~)/gm) || []).length;
    if (fences % 2) t += '\n```';
    return t.trimEnd() + '\n\n';
  });
  if (texts.length === 0) throw new Error('no README/CHANGELOG .md files under node_modules: run npm install');
  const out = [];
  let length = 0;
  for (let i = 0; length < size; ++i) {
    const t = texts[i % texts.length];
    out.push(t);
    length += Buffer.byteLength(t);
  }
  return { text: out.join(''), files: files.length };
}

// The committed Redux docs (tests/corpus/redux-docs) in sorted path order, one text; `docs: true`
// marks the corpus our rows render as the docs site does (with the mdx option).
export function reduxDocs(size) {
  const dir = join(root, 'tests', 'corpus', 'redux-docs');
  const files = [...walk(dir)]
    .filter((p) => /\.mdx?$/.test(p) && !/[\\/](LICENSE|SOURCE)\.md$/.test(p))
    .map((p) => relative(dir, p).split('\\').join('/'))
    .sort();
  if (files.length === 0) throw new Error(`${dir} has no Markdown: the Docusaurus corpus is committed there`);
  const out = [];
  let length = 0;
  for (const f of files) {
    // whole files only: a cut could leave a fence open over the marker
    if (out.length > 0 && length >= size) break;
    const t = readFileSync(join(dir, f), 'utf8').trimEnd() + '\n\n';
    out.push(t);
    length += Buffer.byteLength(t);
  }
  return { text: out.join(''), files: out.length };
}

function specText() {
  const p = join(root, '.deps', 'md4c', 'test', 'spec.txt');
  try {
    return readFileSync(p, 'utf8');
  } catch {
    throw new Error(`${p} is missing: run scripts/setup.sh (it fetches md4c 0.5.2)`);
  }
}

// Writes the corpora and returns their manifest: [{ name, files: [paths], bytes }].
export function writeCorpora(dir = defaultCorpusDir, scale = 1) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'small'), { recursive: true });
  const write = (name, text) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  let spec = specText();
  if (scale < 1) spec = spec.slice(0, Math.max(4096, Math.floor(spec.length * scale)));
  const rm = readmes(Math.floor(MB * scale));
  const corpora = [
    { name: 'spec', title: 'CommonMark spec', files: [write('spec.md', spec + MARKER)] },
    { name: 'readmes', title: `READMEs (${rm.files} files)`, files: [write('readmes.md', rm.text + MARKER)] },
    { name: 'faq', title: 'FAQ article', files: [write('faq.md', faqArticle(1, Math.floor(MB * scale)) + MARKER)] },
  ];
  const count = Math.max(10, Math.round(2000 * scale));
  const small = [];
  for (let i = 0; i < count; ++i) {
    small.push(write(join('small', `${String(i).padStart(4, '0')}.md`), faqArticle(1000 + i, 1200) + MARKER));
  }
  corpora.push({ name: 'small', title: `${count} small articles`, files: small });
  const rd = reduxDocs(Math.floor(2 * MB * scale));
  corpora.push({
    name: 'docusaurus',
    title: `Redux docs (${rd.files} Docusaurus files)`,
    docs: true,
    files: [write('docusaurus.md', rd.text + MARKER)],
  });
  for (const c of corpora) c.bytes = c.files.reduce((n, p) => n + statSync(p).size, 0);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(corpora, null, 2) + '\n');
  return corpora;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || process.env.BENCH_CORPUS_DIR || defaultCorpusDir;
  const corpora = writeCorpora(dir, Number(process.env.BENCH_SCALE || 1));
  for (const c of corpora) console.log(`${c.name}: ${c.files.length} file(s), ${(c.bytes / 1024).toFixed(0)} KiB`);
}
