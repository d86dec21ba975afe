// Renders a Docusaurus docs tree through the wasm API and reports what the Docusaurus Markdown
// support did on it: admonitions, code titles, MDX warnings, and any article that still shows a
// ::: fence, an import/export line or an HTML comment as text (outside code blocks).
// Usage: node scripts/docusaurus-report.mjs DOCS_DIR   (exit 1 when something leaked)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeHTML } from 'entities';
import { createFoldmark } from '../web/node.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/docusaurus-report.mjs DOCS_DIR');
  process.exit(2);
}

function* articles(d) {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) yield* articles(path);
    else if (/\.mdx?$/.test(name)) yield path;
  }
}

// The text a reader sees outside code blocks, one line per line.
function visibleLines(html) {
  const text = html.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<[^>]*>/g, '');
  return decodeHTML(text).split('\n');
}

const LEAKS = [
  ['::: fence', (l) => /^\s*:::/.test(l)],
  ['import/export', (l) => /^\s*(import\s.*\sfrom\s|import\s+['"]|export\s+(const|default|function)\b)/.test(l)],
  ['HTML comment', (l) => l.includes('<!--') || l.includes('-->')],
  ['{/* */}', (l) => l.includes('{/*')],
];

const fm = await createFoldmark();
const totals = { articles: 0, admonitions: 0, codeTitles: 0, highlighted: 0, tabs: 0, warnings: {} };
const leaks = [];
for (const file of articles(dir)) {
  const article = fm.render(readFileSync(file));
  totals.articles += 1;
  totals.admonitions += (article.html.match(/<aside class="fm-admonition /g) ?? []).length;
  totals.codeTitles += (article.html.match(/class="fm-code-title"/g) ?? []).length;
  totals.highlighted += (article.html.match(/class="fm-line-highlight"/g) ?? []).length;
  totals.tabs += (article.html.match(/class="fm-tabs"/g) ?? []).length;
  for (const w of article.warnings) totals.warnings[w.code] = (totals.warnings[w.code] ?? 0) + 1;
  // A fence the author never closed stays text by design (W_ADMONITION says where): not a leak.
  const warned = article.warnings.some((w) => w.code === 'W_ADMONITION');
  visibleLines(article.html).forEach((line) => {
    for (const [what, test] of LEAKS) {
      if (!test(line)) continue;
      const where = `${relative(dir, file)}: ${what} shown: ${JSON.stringify(line.trim().slice(0, 80))}`;
      if (what === '::: fence' && warned) console.log(`WARNED ${where}`);
      else leaks.push(where);
    }
  });
}
console.log(JSON.stringify(totals, null, 1));
for (const l of leaks) console.log(`LEAK ${l}`);
console.log(`${totals.articles} articles, ${leaks.length} leaks`);
process.exit(leaks.length === 0 ? 0 : 1);
