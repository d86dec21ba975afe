// Whole-site fuzzing: random docs trees (odd names, hostile front matter and Markdown, links
// good and broken, categories, sidebars files) are built with the CLI, then every article is
// visited in Chromium from file://. A finding is: an internal error or a crash of the build, a
// page error, a dialog (script ran), an article that is neither shown nor isolated as an error,
// a sidebar that stops working. Findings are saved as trees under build/site-fuzz/findings/.
// Usage: node tests/fuzz/site_fuzz.mjs [SECONDS=60] [SEED]
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { launch, openPage, removeDir, root, tempDir } from '../browser/harness.mjs';

const run = promisify(execFile);
const seconds = Number(process.argv[2] || 60);
let seed = Number(process.argv[3] || Date.now() % 2 ** 31);
const firstSeed = seed;

// mulberry32: small, seedable, so a finding can be replayed from its seed.
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const NAMES = [
  'intro',
  '01-start',
  'a b',
  'Ünïcödé',
  '常见问题',
  'x.y',
  'index',
  'README',
  'q?',
  '_partial',
  '.hidden',
  'p\\x',
  'draft',
  '2021-01-01',
  'ЯЗЫК',
  '%41',
  'a#b',
  '-dash',
];
const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '{{root}}',
  '\u2028',
  '&#x3C;svg onload=alert(1)&#x3E;',
  "'; alert(1); '",
];
const WORDS = [
  'store',
  'reducer',
  'How',
  'does',
  'it',
  'work?',
  'Why',
  'is',
  'the',
  'sky',
  'blue?',
  'code',
  '**bold**',
  '`x`',
];

function frontMatter(name) {
  if (!chance(0.7)) return '';
  const lines = ['---'];
  if (chance(0.3)) lines.push(`id: ${pick([name, pick(NAMES), pick(PAYLOADS), 'dup', 'a/b', ''])}`);
  if (chance(0.5)) lines.push(`title: ${JSON.stringify(pick([...WORDS, ...PAYLOADS]))}`);
  if (chance(0.3)) lines.push(`sidebar_label: ${pick(['"Label"', pick(PAYLOADS).replace(/\n/g, ' '), '[1, 2]'])}`);
  if (chance(0.3)) lines.push(`sidebar_position: ${pick(['1', '-3', '2.5', 'x', '1e309'])}`);
  if (chance(0.1)) lines.push('draft: true');
  if (chance(0.2)) lines.push(`collapse: ${pick(['sections', 'questions', 'none', 'bogus'])}`);
  if (chance(0.1)) lines.push(pick(['title: [unclosed', '  bad: indent', 'key: "unterminated', ':']));
  if (chance(0.9)) lines.push('---');
  return `${lines.join('\n')}\n`;
}

function body(files) {
  const parts = [];
  if (chance(0.5)) parts.push(`# ${pick([...WORDS, ...PAYLOADS])}`);
  const sections = Math.floor(random() * 6);
  for (let i = 0; i < sections; i++) {
    parts.push(
      `## ${Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(WORDS)).join(' ')}${chance(0.5) ? '?' : ''}`,
    );
    const other = pick(files);
    parts.push(
      pick([
        `See [that](${pick(['./', '../', '/docs/', ''])}${other}${pick(['', '#x', '#how-does-it-work'])}).`,
        `![img](${pick(['./img.png', '/img/logo.png', '//evil.example/x.png', '../../../../etc/hostname', 'missing.png'])})`,
        `[x](${pick(PAYLOADS)})`,
        '```js\nconst a = 1;\n```',
        '> Is this a reader question?',
        '---',
        pick(PAYLOADS),
      ]),
    );
  }
  if (chance(0.05)) parts.push('## h\n'.repeat(20000));
  return `${parts.join('\n\n')}\n`;
}

function makeTree(dir) {
  const docs = join(dir, 'docs');
  mkdirSync(join(docs, 'img'), { recursive: true });
  writeFileSync(join(docs, 'img.png'), 'not really a png');
  const files = [];
  const n = 2 + Math.floor(random() * 10);
  for (let i = 0; i < n; i++) {
    const folder = chance(0.5) ? pick(['', 'guides', 'guides/deep', '01-ref', 'ünï']) : '';
    const name = `${pick(NAMES)}${chance(0.2) ? i : ''}${pick(['.md', '.md', '.mdx'])}`;
    files.push(folder ? `${folder}/${name}` : name);
  }
  for (const file of files) {
    mkdirSync(join(docs, file, '..'), { recursive: true });
    writeFileSync(
      join(docs, file),
      chance(0.03)
        ? Buffer.from(Array.from({ length: 200 }, () => Math.floor(random() * 256)))
        : frontMatter(file) + body(files),
    );
  }
  mkdirSync(join(docs, 'guides'), { recursive: true });
  if (chance(0.5))
    writeFileSync(
      join(docs, 'guides', '_category_.json'),
      pick(['{"label": "Guides", "position": 2}', '{bad json', `{"label": ${JSON.stringify(pick(PAYLOADS))}}`]),
      { flag: 'w' },
    );
  const args = [];
  if (chance(0.3)) {
    const sidebars = join(dir, 'sidebars.json');
    writeFileSync(
      sidebars,
      JSON.stringify({
        main: [
          pick(files).replace(/\.mdx?$/, ''),
          {
            type: 'category',
            label: pick(PAYLOADS),
            items: [{ type: 'autogenerated', dirName: pick(['.', 'guides', 'nope']) }],
          },
          { type: 'link', label: 'x', href: pick(PAYLOADS) },
        ],
      }),
    );
    args.push('--sidebars', sidebars);
  }
  if (chance(0.5)) args.push('--prerender');
  return { docs, args };
}

async function buildTree(dir) {
  const { docs, args } = makeTree(dir);
  const out = join(dir, 'site');
  try {
    await run(process.execPath, [join(root, 'web', 'cli.js'), 'build', docs, '--out', out, ...args], {
      maxBuffer: 64 << 20,
    });
    return { out, ok: true };
  } catch (err) {
    if (err.code === 1 && !/internal error|\n\s+at /.test(err.stderr)) return { ok: false }; // a clear bad-input error
    throw new Error(`build crashed (exit ${err.code}): ${String(err.stderr).slice(0, 2000)}`);
  }
}

// Polls with evaluate: Playwright's waitForFunction never settles on pages that use
// content-visibility on thousands of items (the page itself stays at 60 frames a second).
async function until(page, predicate, timeout = 15000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await page.evaluate(predicate)) return;
    await new Promise((resolve) => {
      setTimeout(resolve, 50);
    });
  }
  throw new Error(`timed out after ${timeout} ms`);
}

// Images on other hosts (//host/x.png → https:) cannot resolve here: not a defect of the site.
async function visitAll(browser, out) {
  const { page, problems } = await openPage(browser.context);
  let current = '(index.html)';
  try {
    const index = pathToFileURL(join(out, 'index.html')).href;
    await page.goto(index);
    await until(
      page,
      () => Boolean(self.foldmarkCatalog) && document.querySelector('#siteArticle').children.length > 0,
    );
    const ids = await page.evaluate(() => self.foldmarkCatalog.docs.map(([id]) => id));
    for (const id of ids) {
      await page.goto(`${index}#/${encodeURIComponent(id)}`);
      current = id;
      // Shown (an empty article is an empty <article>), or isolated as an error.
      await until(page, () => document.querySelector('#siteArticle .fm-article, #siteArticle .site-error') !== null);
    }
    const navLinks = await page.locator('#siteNav a').count();
    if (ids.length && navLinks === 0 && (await page.evaluate(() => self.foldmarkCatalog.sidebars[0]?.length > 0)))
      problems.push('sidebar is empty');
  } catch (err) {
    problems.push(`${err.message.split('\n')[0]} (visiting ${JSON.stringify(current)})`);
  } finally {
    await page.close();
  }
  return problems.filter((p) => !/net::ERR_NAME_NOT_RESOLVED|net::ERR_INTERNET_DISCONNECTED/.test(p));
}

const deadline = Date.now() + seconds * 1000;
const browser = await launch();
const findings = join(root, 'build', 'site-fuzz', 'findings');
let trees = 0;
let built = 0;
let pages = 0;
let found = 0;
try {
  while (Date.now() < deadline) {
    const treeSeed = seed;
    const dir = tempDir('site-fuzz');
    try {
      const result = await buildTree(dir);
      trees += 1;
      if (result.ok) {
        built += 1;
        const problems = await visitAll(browser, result.out);
        pages += 1;
        if (problems.length) throw new Error(problems.join('\n'));
      }
    } catch (err) {
      found += 1;
      const keep = join(findings, String(treeSeed));
      mkdirSync(keep, { recursive: true });
      cpSync(dir, keep, { recursive: true });
      console.error(`finding (tree seed ${treeSeed}, saved in ${keep}):\n${err.message}`);
    } finally {
      removeDir(dir);
    }
  }
} finally {
  await browser.close();
}
console.log(
  `site fuzz: seed ${firstSeed}, ${trees} trees, ${built} built, ${pages} sites visited, ${found} finding(s)`,
);
process.exitCode = found ? 1 : 0;
