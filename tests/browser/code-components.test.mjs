// Code-fence components on a built site in Chromium (tests/fixtures/components): ```bash npm2yarn
// blocks are npm / Yarn / pnpm tabs of one synced, remembered group; ```mermaid blocks become SVG
// diagrams, from file:// and under the strict CSP with no violation (Mermaid's inline styles go to
// the CSSOM), in the page's light or dark theme; a diagram that cannot be parsed keeps its source
// with a one-line reason; a page without a diagram never loads Mermaid; axe in light and dark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, fixtureSite, loadOpen, loadsLibraryOnce } from './harness.mjs';

const site = fixtureSite('components', '--title', 'Components');
const { index, withPage } = site;

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

// The fixture's two npm2yarn blocks as each tool writes them.
const COMMANDS = [
  {
    npm: 'npm install --save-dev foldmark\n',
    Yarn: 'yarn add --dev foldmark\n',
    pnpm: 'pnpm add --save-dev foldmark\n',
  },
  { npm: 'npm run build\n', Yarn: 'yarn build\n', pnpm: 'pnpm run build\n' },
];

test('npm2yarn: npm / Yarn / pnpm tabs with the converted commands; a choice syncs every block and survives a reload', () =>
  withPage(async (page) => {
    await page.goto(index);
    await page.evaluate(() => localStorage.clear());
    await loadOpen(page, `${index}#/packages`);
    const groups = await npmTabs(page);
    assert.equal(groups.length, 2, 'the plain ```bash block stays a block');
    assert.deepEqual(groups[0].labels, ['npm', 'Yarn', 'pnpm']);
    // Each block's selected tab and shown commands are those of one tool's column.
    const showing = async (tool, message) =>
      assert.deepEqual(
        (await npmTabs(page)).map((g) => [g.selected, g.shown]),
        COMMANDS.map((c) => [tool, [c[tool]]]),
        message,
      );
    await showing('npm');
    await page.locator('.fm-tabs').first().getByRole('tab', { name: 'Yarn' }).click();
    await showing('Yarn', 'both blocks switch');
    await page.locator('.fm-tabs').nth(1).getByRole('tab', { name: 'pnpm' }).click();
    await loadOpen(page, `${index}#/packages`);
    await showing('pnpm', 'remembered across a reload');
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
  ['the strict CSP over http', () => `${site.server.url}/index.html#/diagrams`],
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
    const plain = ['packages', 'callouts'].map((id) => `${site.server.url}/index.html#/${id}`);
    await loadsLibraryOnce(page, 'mermaid', { plain, marks: '.fm-diagram', used: '#/diagrams', ready: diagramStates });
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
