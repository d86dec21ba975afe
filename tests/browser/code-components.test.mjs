// Code-fence components on a built site in Chromium (tests/fixtures/components): ```bash npm2yarn
// blocks are npm / Yarn / pnpm tabs of one synced, remembered group; ```mermaid blocks become SVG
// diagrams, from file:// and under the strict CSP with no violation (Mermaid's inline styles go to
// the CSSOM), in the page's light or dark theme; a diagram that cannot be parsed keeps its source
// with a one-line reason; a page without a diagram never loads Mermaid; axe in light and dark.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  axeViolations,
  buildSite,
  closeAndRemove,
  launch,
  load,
  root,
  serveWithStrictCsp,
  tempDir,
  withCheckedPage,
} from './harness.mjs';

const work = tempDir('code-components');
const siteDir = join(work, 'site');
const index = pathToFileURL(join(siteDir, 'index.html')).href;
let browser;
let server;

before(async () => {
  await buildSite(join(root, 'tests/fixtures/components'), siteDir, '--title', 'Components');
  server = await serveWithStrictCsp({ '/': siteDir });
  browser = await launch();
});
after(() => closeAndRemove({ browser, server, dir: work }));

const withPage = (fn, { width = 1200, height = 900 } = {}) => withCheckedPage(browser, { width, height }, fn);

async function loadOpen(page, url) {
  await load(page, url);
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#siteArticle details')) d.open = true;
  });
}

const npmTabs = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#siteArticle .fm-tabs[data-group-id="npm2yarn"]')].map((g) => ({
      labels: [...g.querySelectorAll('[role="tab"]')].map((t) => t.textContent),
      selected: g.querySelector('[aria-selected="true"]')?.textContent,
      shown: [...g.querySelectorAll('[role="tabpanel"]')]
        .filter((p) => !p.hidden)
        .map((p) => p.querySelector('code').textContent),
    })),
  );

test('npm2yarn: npm / Yarn / pnpm tabs with the converted commands; a choice syncs every block and survives a reload', () =>
  withPage(async (page) => {
    await page.goto(index);
    await page.evaluate(() => localStorage.clear());
    await loadOpen(page, `${index}#/packages`);
    let groups = await npmTabs(page);
    assert.equal(groups.length, 2, 'the plain ```bash block stays a block');
    assert.deepEqual(groups[0].labels, ['npm', 'Yarn', 'pnpm']);
    assert.deepEqual(
      groups.map((g) => [g.selected, g.shown]),
      [
        ['npm', ['npm install --save-dev foldmark\n']],
        ['npm', ['npm run build\n']],
      ],
    );
    await page.locator('.fm-tabs').first().getByRole('tab', { name: 'Yarn' }).click();
    groups = await npmTabs(page);
    assert.deepEqual(
      groups.map((g) => [g.selected, g.shown]),
      [
        ['Yarn', ['yarn add --dev foldmark\n']],
        ['Yarn', ['yarn build\n']],
      ],
      'both blocks switch',
    );
    await page.locator('.fm-tabs').nth(1).getByRole('tab', { name: 'pnpm' }).click();
    await loadOpen(page, `${index}#/packages`);
    groups = await npmTabs(page);
    assert.deepEqual(
      groups.map((g) => [g.selected, g.shown]),
      [
        ['pnpm', ['pnpm add --save-dev foldmark\n']],
        ['pnpm', ['pnpm run build\n']],
      ],
      'remembered across a reload',
    );
    await page.evaluate(() => localStorage.clear());
  }));

// Waits until every diagram of the article is drawn or has failed; what the reader sees of each.
async function diagramStates(page) {
  await page.waitForFunction(
    () => {
      const boxes = [...document.querySelectorAll('#siteArticle .fm-diagram')];
      return boxes.length > 0 && boxes.every((b) => b.dataset.state === 'drawn' || b.dataset.state === 'error');
    },
    null,
    { timeout: 120_000 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll('#siteArticle .fm-diagram')].map((box) => {
      const svg = box.querySelector('.fm-diagram-view > svg');
      const shape = svg?.querySelector('.node rect, .node polygon, rect.actor');
      const status = box.querySelector('.fm-diagram-status');
      return {
        state: box.dataset.state,
        svg: Boolean(svg),
        width: svg ? Math.round(svg.getBoundingClientRect().width) : 0,
        fill: shape ? getComputedStyle(shape).fill : null,
        label: svg
          ? [...svg.querySelectorAll('.nodeLabel, text.actor')].map((t) => t.textContent.trim()).filter(Boolean)
          : [],
        sourceShown: !box.querySelector('.fm-diagram-source').hidden,
        status: status.hidden ? null : status.textContent,
      };
    }),
  );
}

for (const [where, url] of [
  ['file://', () => `${index}#/diagrams`],
  ['the strict CSP over http', () => `${server.url}/index.html#/diagrams`],
]) {
  test(`mermaid: diagrams become SVGs from ${where}, with no CSP violation; a broken one keeps its source`, () =>
    withPage(async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await loadOpen(page, url());
      const [flow, broken, sequence] = await diagramStates(page);
      assert.equal(flow.state, 'drawn');
      assert.ok(flow.svg && flow.width > 100, `a drawing of some size: ${flow.width}`);
      assert.deepEqual(flow.label, ['Write the docs', 'Build?', 'Read them', 'Fix them']);
      assert.equal(flow.fill, 'rgb(236, 236, 255)', "Mermaid's own colours reached the drawing");
      assert.equal(flow.sourceShown, false);
      assert.equal(sequence.state, 'drawn');
      assert.ok(sequence.label.includes('Reader'));
      assert.equal(broken.state, 'error');
      assert.equal(broken.svg, false);
      assert.equal(broken.sourceShown, true);
      assert.match(broken.status, /^Diagram not drawn \(Parse error on line 2:\); its source:$/);
      assert.equal(
        await page.evaluate(() => document.body.querySelectorAll(':scope > [id^="dfm-diagram"]').length),
        0,
        'no scratch left',
      );
    }));
}

test('mermaid: dark theme colours, and a theme switch redraws', () =>
  withPage(async (page) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await loadOpen(page, `${index}#/diagrams`);
    const dark = (await diagramStates(page))[0];
    assert.equal(dark.state, 'drawn');
    assert.notEqual(dark.fill, 'rgb(236, 236, 255)', 'not the light fill');
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light';
    });
    await page.waitForFunction(() => {
      const shape = document.querySelector(
        '#siteArticle .fm-diagram .node rect, #siteArticle .fm-diagram .node polygon',
      );
      return shape && getComputedStyle(shape).fill === 'rgb(236, 236, 255)';
    });
    assert.equal(
      await page.evaluate(() => document.adoptedStyleSheets.length),
      2,
      "the replaced drawings' sheets are dropped (two drawn diagrams)",
    );
  }));

test('a page without a diagram never loads Mermaid; a page with one loads it once', () =>
  withPage(async (page) => {
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await loadOpen(page, `${server.url}/index.html#/packages`);
    await loadOpen(page, `${server.url}/index.html#/callouts`);
    assert.deepEqual(
      requested.filter((p) => p.includes('/lib/')),
      [],
    );
    assert.equal(await page.evaluate(() => typeof self.mermaid), 'undefined');
    await page.evaluate(() => {
      location.hash = '#/diagrams';
    });
    await diagramStates(page);
    await page.evaluate(() => {
      location.hash = '#/packages';
    });
    await page.evaluate(() => {
      location.hash = '#/diagrams';
    });
    await diagramStates(page);
    assert.deepEqual(
      requested.filter((p) => p.includes('/lib/')),
      ['/_foldmark/lib/mermaid.js'],
    );
  }));

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical axe violations with npm2yarn tabs and diagrams (${scheme})`, () =>
    withPage(async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      await loadOpen(page, `${index}#/packages`);
      assert.deepEqual(await axeViolations(page), []);
      await loadOpen(page, `${index}#/diagrams`);
      await diagramStates(page);
      assert.deepEqual(await axeViolations(page), []);
    }));
}
