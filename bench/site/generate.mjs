// Writes a deterministic Docusaurus-style docs tree for the site benchmark: nested folders (some
// with _category_.json), front matter, Q/A sections, code, lists, links between docs that all
// resolve (./x.md, ../y/z.md#anchor) and images that all exist (static/img/ and beside articles).
// Usage: node bench/site/generate.mjs N DIR   (writes DIR/docs and DIR/static)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED = 13;
// Bump when the output of this file changes on purpose, so cached trees are rebuilt.
const FORMAT = 1;

// A 1×1 PNG (grey pixel): every image in the tree is this file, so all of them decode.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==',
  'base64',
);

// mulberry32: a small, fast, seedable PRNG; one stream per article keeps articles independent.
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

const NOUNS = (
  'widget cache server client token query router schema plugin module bundle theme layout sidebar ' +
  'article section config build deploy index search parser renderer worker thread socket stream buffer ' +
  'request response header cookie session store action reducer selector middleware hook component page ' +
  'route link image asset folder file path category label version release branch commit review test'
).split(' ');
const VERBS = (
  'configure install update remove cache render parse build deploy test debug migrate import ' +
  'export bundle serve load validate compress sort filter index publish rename'
).split(' ');
const ADJ = (
  'fast small large nested static dynamic local remote default custom shared private public ' +
  'optional stable legacy modern strict lazy eager'
).split(' ');
const WORDS = [
  ...NOUNS,
  ...VERBS,
  ...ADJ,
  'the',
  'a',
  'with',
  'when',
  'and',
  'or',
  'of',
  'to',
  'in',
  'for',
  'on',
  'each',
  'every',
  'only',
  'also',
  'never',
  'always',
  'before',
  'after',
];
const LANGS = ['js', 'bash', 'json', 'python', 'yaml', 'ts', 'css'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

function sentence(r, min = 8, max = 18) {
  const n = min + r.int(max - min);
  const words = Array.from({ length: n }, () => r.pick(WORDS));
  return `${cap(words.join(' '))}.`;
}

const paragraph = (r) => Array.from({ length: 2 + r.int(3) }, () => sentence(r)).join(' ');

function code(r, lang) {
  const a = r.pick(NOUNS);
  const b = r.pick(VERBS);
  const bodies = {
    js: `import { ${b} } from './${a}.js';\n\nconst ${a} = ${b}({ ${r.pick(ADJ)}: true, size: ${r.int(100)} });\nconsole.log(${a});`,
    ts: `export function ${b}(${a}: string): number {\n  return ${a}.length * ${r.int(10) + 1};\n}`,
    bash: `npm install ${a}\nnpx ${a} ${b} --${r.pick(ADJ)} ./docs`,
    json: `{\n  "${a}": { "${b}": ${r.int(1000)}, "${r.pick(ADJ)}": true }\n}`,
    python: `def ${b}_${a}(value):\n    return [x for x in value if x > ${r.int(50)}]`,
    yaml: `${a}:\n  ${b}: ${r.pick(ADJ)}\n  retries: ${r.int(9)}`,
    css: `.${a}-${b} {\n  margin: ${r.int(20)}px;\n  color: var(--${r.pick(ADJ)});\n}`,
  };
  return `\`\`\`${lang}\n${bodies[lang]}\n\`\`\``;
}

// github-slugger on our ASCII-only headings: lower case, drop punctuation, spaces to '-'.
export const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');

// The folder of article i: depth 0–3 (the first article is the top-level landing doc); each level
// has `k` folders so that a folder holds about ten articles.
function folderOf(i, n, r) {
  if (i === 0) return [];
  const k = Math.max(2, Math.ceil(Math.cbrt(n / 10)));
  const depth = 1 + r.int(3);
  return Array.from({ length: depth }, (_, level) => {
    const idx = r.int(k);
    return `${NOUNS[(level * 17 + idx) % NOUNS.length]}-${level}${idx}`;
  });
}

// Everything about article i that other articles link to, decided before any body is written.
function plan(i, n) {
  const r = prng(SEED * 1_000_003 + i * 7919 + n);
  const folder = folderOf(i, n, r);
  const name = `${r.pick(NOUNS)}-${i}`;
  const numbered = r.chance(0.2);
  const file = posix.join(...folder, `${numbered ? `${String(1 + r.int(20)).padStart(2, '0')}-` : ''}${name}.md`);
  const ownId = r.chance(0.25) ? `${name}-doc` : null;
  const id = posix.join(...folder, ownId || name);
  const sections = [];
  const used = new Set();
  while (sections.length < 3 + r.int(6)) {
    const q = `How do I ${r.pick(VERBS)} the ${r.pick(ADJ)} ${r.pick(NOUNS)}${r.chance(0.3) ? ` with ${r.pick(NOUNS)}` : ''}?`;
    const text = r.chance(0.15) ? `About the ${r.pick(ADJ)} ${r.pick(NOUNS)}` : q;
    if (used.has(slug(text))) continue;
    used.add(slug(text));
    sections.push(text);
  }
  return {
    i,
    folder,
    file,
    id,
    ownId,
    title: `${cap(r.pick(ADJ))} ${r.pick(NOUNS)} ${i}`,
    sections,
    seed: r.int(2 ** 31),
  };
}

function article(p, plans, n) {
  const r = prng(p.seed);
  const here = posix.dirname(p.file);
  const rel = (to) => {
    const x = posix.relative(here, to.file);
    return x.startsWith('.') ? x : `./${x}`;
  };
  const images = [];
  const fm = ['---'];
  if (p.ownId) fm.push(`id: ${p.ownId}`);
  // Position 1 is the landing doc's alone (every other doc and category comes after it).
  fm.push(`title: ${p.title}`, `sidebar_position: ${p.i === 0 ? 1 : 2 + r.int(30)}`);
  if (r.chance(0.3)) fm.push(`description: ${sentence(r, 6, 10)}`);
  fm.push('---', '');
  const out = [fm.join('\n'), paragraph(r), ''];
  const target = 2000 + r.int(4000);
  let bytes = out.join('\n').length;
  const push = (block) => {
    out.push(block, '');
    bytes += block.length + 1;
  };
  for (const [s, heading] of p.sections.entries()) {
    push(`## ${heading}`);
    push(paragraph(r));
    if (bytes > target && s > 1) continue;
    const other = plans[r.int(n)];
    if (other !== p) {
      const anchor = r.chance(0.6) ? `#${slug(other.sections[r.int(other.sections.length)])}` : '';
      push(`See [${other.title}](${rel(other)}${anchor}) for the ${r.pick(ADJ)} case.`);
    }
    if (r.chance(0.35)) push(Array.from({ length: 2 + r.int(4) }, () => `- ${sentence(r, 4, 9)}`).join('\n'));
    if (r.chance(0.5)) push(code(r, r.pick(LANGS)));
    // The landing doc and the one the benchmark opens with --prerender always show both kinds.
    const showcase = s === 0 && (p.i === 0 || p.i === n >> 1);
    if (showcase || r.chance(0.2)) {
      const img = `fig-${r.int(20)}.png`;
      push(`![Figure of the ${r.pick(NOUNS)}](/img/${img})`);
    }
    if (showcase || r.chance(0.12)) {
      const img = `${posix.basename(p.file, '.md')}-${s}.png`;
      images.push(posix.join(here, img));
      push(`![Diagram of the ${r.pick(NOUNS)}](./${img})`);
    }
    if (r.chance(0.3)) push(paragraph(r));
  }
  return { markdown: out.join('\n'), images };
}

function categories(plans, r) {
  const folders = new Set();
  for (const p of plans) for (let d = 1; d <= p.folder.length; d++) folders.add(posix.join(...p.folder.slice(0, d)));
  const out = [];
  for (const f of [...folders].sort()) {
    if (!r.chance(0.5)) continue;
    const base = posix.basename(f).replace(/-\d+$/, '');
    out.push([
      f,
      {
        label: `${cap(base)} ${posix.basename(f).split('-').pop()}`,
        position: 2 + r.int(20),
        collapsed: r.chance(0.7),
      },
    ]);
  }
  return out;
}

const stampOf = (n) =>
  createHash('sha256')
    .update(`${FORMAT}:${SEED}:${n}:`)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);

/**
 * Writes an n-article tree into dir (dir/docs, dir/static/img) unless dir already holds the same
 * tree (same generator, seed and n). Returns { n, docs, static, bytes, files, images, links, cached }.
 */
export function generateTree(n, dir) {
  const stampFile = join(dir, 'tree.json');
  const stamp = stampOf(n);
  try {
    const old = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (old.stamp === stamp) return { ...old, cached: true };
  } catch {
    /* no cached tree: write it */
  }
  rmSync(dir, { recursive: true, force: true });
  const docs = join(dir, 'docs');
  const staticDir = join(dir, 'static');
  mkdirSync(join(staticDir, 'img'), { recursive: true });
  for (let k = 0; k < 20; k++) writeFileSync(join(staticDir, 'img', `fig-${k}.png`), PNG);
  const plans = Array.from({ length: n }, (_, i) => plan(i, n));
  let bytes = 0;
  let images = 0;
  let links = 0;
  const made = new Set();
  for (const p of plans) {
    const { markdown, images: imgs } = article(p, plans, n);
    const path = join(docs, p.file);
    const folder = dirname(path);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(path, markdown);
    for (const img of imgs) writeFileSync(join(docs, img), PNG);
    bytes += Buffer.byteLength(markdown);
    images += (markdown.match(/!\[/g) || []).length;
    links += (markdown.match(/\]\(\.{1,2}\/[^)]*\.md/g) || []).length;
  }
  for (const [f, cat] of categories(plans, prng(SEED + n)))
    writeFileSync(join(docs, f, '_category_.json'), `${JSON.stringify(cat)}\n`);
  const info = { stamp, n, docs, static: staticDir, bytes, images, links, ids: [plans[0].id, plans[n >> 1].id] };
  writeFileSync(stampFile, `${JSON.stringify(info, null, 2)}\n`);
  return { ...info, cached: false };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, dir] = process.argv.slice(2);
  if (!(Number(n) > 0) || !dir) {
    console.error('usage: node bench/site/generate.mjs N DIR');
    process.exit(2);
  }
  const t = generateTree(Number(n), dir);
  console.log(
    `${t.n} articles, ${(t.bytes / 1e6).toFixed(2)} MB of Markdown, ${t.links} links, ${t.images} images in ${dir}`,
  );
}
