// Save-to-screen time of `foldmark dev`, shared by tests/browser/dev.test.mjs and
// bench/dev-latency.mjs: write an article, wait until the open page shows the new text.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Saves `file` count times, each time with a new last paragraph, and resolves the milliseconds
 * from each write until the text is in #siteArticle of `page` (checked every animation frame).
 */
export async function measureSaves(page, file, count) {
  const original = readFileSync(file, 'utf8');
  const times = [];
  for (let i = 0; i < count; i++) {
    const text = `Saved edit ${i + 1} at ${Date.now()}.`;
    const started = performance.now();
    writeFileSync(file, `${original}\n\n${text}\n`);
    await page.waitForFunction((t) => document.querySelector('#siteArticle')?.textContent.includes(t), text, {
      polling: 'raf',
      timeout: 10000,
    });
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100)); // one save at a time, as a person saves
  }
  return times;
}
