// Writes README's screenshots of the code-fence components: the fixture site of
// tests/fixtures/components built into a temporary folder and opened from file:// in Chromium,
// its Mermaid diagrams (light and dark) and its npm2yarn tabs.
// Usage: node scripts/components-screenshots.mjs   (npm run build first)
import { join } from 'node:path';
import { load, root, withFixtureSite } from '../tests/browser/harness.mjs';

await withFixtureSite('components', ['--title', 'Components'], async (index, browser) => {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 1000 });
    await page.emulateMedia({ colorScheme: scheme });
    await load(page, `${index}#/diagrams`);
    await page.waitForFunction(
      () => [...document.querySelectorAll('.fm-diagram')].every((b) => b.dataset.state),
      null,
      { timeout: 120_000 },
    );
    await page.screenshot({ path: join(root, `docs/components-diagrams-${scheme}.png`), fullPage: true });
    if (scheme === 'light') {
      await load(page, `${index}#/packages`);
      await page.locator('.fm-tabs').first().getByRole('tab', { name: 'Yarn' }).click();
      await page.screenshot({
        path: join(root, 'docs/components-npm2yarn.png'),
        clip: { x: 0, y: 0, width: 1100, height: 520 },
      });
    }
    await page.close();
  }
});
