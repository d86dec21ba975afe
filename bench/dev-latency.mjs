// Save-to-screen time of `foldmark dev` on a real Docusaurus tree (by default the Redux docs of the
// shared test data, /work/shared/testdata/redux-docs: 85 articles), in Chromium: the tree is copied
// to a temporary folder, served by `foldmark dev`, one article is opened and saved 5 times; prints
// each time and the median. Run by hand: node bench/dev-latency.mjs [TREE] [ARTICLE] [SAVES]
// (TREE holds docs/, sidebars.js and static/; ARTICLE is a file under docs/ without .md, whose id
// is its path). Not part of npm test: it needs that tree.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, median, openPage, removeDir, tempDir } from '../tests/browser/harness.mjs';
import { measureSaves } from '../tests/browser/dev-latency.mjs';
import { startDev } from '../tests/site/util.mjs';

const [
  tree = '/work/shared/testdata/redux-docs',
  article = 'tutorials/essentials/part-1-overview-concepts',
  saves = '5',
] = process.argv.slice(2);
if (!existsSync(join(tree, 'docs'))) {
  process.stderr.write(
    `dev-latency: no docs tree at ${tree} (expected ${join(tree, 'docs')}): pass one as the first argument\n`,
  );
  process.exit(1);
}

const work = tempDir('dev-latency');
cpSync(tree, work, { recursive: true });
const args = [
  'docs',
  ...(existsSync(join(work, 'sidebars.js')) ? ['--sidebars', 'sidebars.js'] : []),
  ...(existsSync(join(work, 'static')) ? ['--static', 'static'] : []),
];
const dev = await startDev(work, ...args);
const browser = await launch();
try {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${dev.url}#/${article}`);
  await page.waitForFunction(() => document.querySelector('#siteArticle .fm-article'));
  const file = ['.md', '.mdx'].map((ext) => join(work, 'docs', `${article}${ext}`)).find(existsSync);
  if (!file) throw new Error(`no docs/${article}.md in ${tree}: ARTICLE is a file path whose id is the same`);
  const times = await measureSaves(page, file, Number(saves));
  const reloaded = await page.evaluate(() => performance.getEntriesByType('navigation').length !== 1);
  process.stdout.write(dev.output().stdout);
  process.stdout.write(
    `save to screen, ${article} (${times.length} saves): median ${median(times).toFixed(0)} ms; each ${times.map((t) => t.toFixed(0)).join(', ')} ms` +
      `${reloaded ? ' (the page reloaded!)' : ' (in place, no reload)'}\n`,
  );
  if (problems.length) process.stdout.write(`page problems: ${problems.join('; ')}\n`);
} finally {
  await browser.close();
  dev.child.removeAllListeners('exit');
  dev.child.kill('SIGTERM');
  await new Promise((resolve) => dev.child.on('exit', resolve));
  removeDir(work);
}
