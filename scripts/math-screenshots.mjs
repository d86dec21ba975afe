// Writes README's screenshots of math: the fixture site of tests/fixtures/math built with --math
// into a temporary folder and opened from file:// in Chromium, light and dark (formulas typeset as
// MathML by KaTeX, and one that fails shown as its source with the reason).
// Usage: node scripts/math-screenshots.mjs   (npm run build first)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSite, launch, load, removeDir, root, tempDir } from '../tests/browser/harness.mjs';

const dir = tempDir('math-shots');
const site = join(dir, 'site');
await buildSite(join(root, 'tests/fixtures/math'), site, '--title', 'Math', '--math');
const index = pathToFileURL(join(site, 'index.html')).href;
const browser = await launch();
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 350 });
    await page.emulateMedia({ colorScheme: scheme });
    await load(page, `${index}#/formulas`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.fm-math')].every((b) => b.dataset.state && b.dataset.state !== 'pending'),
    );
    await page.screenshot({ path: join(root, `docs/math-${scheme}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  removeDir(dir);
}
