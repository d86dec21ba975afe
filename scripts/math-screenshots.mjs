// Writes README's screenshots of math: the fixture site of tests/fixtures/math built with --math
// into a temporary folder and opened from file:// in Chromium, light and dark (formulas typeset as
// MathML by KaTeX, and one that fails shown as its source with the reason).
// Usage: node scripts/math-screenshots.mjs   (npm run build first)
import { join } from 'node:path';
import { load, root, withFixtureSite } from '../tests/browser/harness.mjs';

await withFixtureSite('math', ['--title', 'Math', '--math'], async (index, browser) => {
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
});
