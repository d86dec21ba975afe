// Docusaurus Markdown in Chromium, without any page script: admonitions, code titles, tabs and
// the safe tag list pass axe (serious/critical), every tab panel is readable, and every aria
// reference of the tabs resolves.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createFoldmark } from '../../web/node.js';
import { axeViolations, launch, openPage } from './harness.mjs';

const ARTICLE = `---
title: Install
---

:::tip[Before you **start**]
Have Node 20.
:::

## How do I install it?

<Tabs>
<TabItem value="npm" label="npm" default>

\`\`\`sh title="terminal"
npm i foldmark
\`\`\`

</TabItem>
<TabItem value="yarn" label="Yarn">

:::note
Yarn works too.
:::

</TabItem>
</Tabs>

Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop; x<sup>2</sup>.

<details>
<summary>More</summary>

Hidden until opened.

</details>
`;

let browser;
let fm;
before(async () => {
  fm = await createFoldmark();
  browser = await launch();
});
after(async () => browser?.close());

test('the rendered markup passes axe, shows every tab panel and resolves its aria references', async () => {
  const { html } = fm.render(ARTICLE, { idPrefix: 'doc--', mdx: true });
  const { page, problems } = await openPage(browser.context);
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`,
  );
  assert.deepEqual(await axeViolations(page), []);
  const facts = await page.evaluate(() => {
    const panels = [...document.querySelectorAll('[role="tabpanel"]')];
    const refs = [...document.querySelectorAll('[aria-controls], [aria-labelledby]')].map(
      (e) => e.getAttribute('aria-controls') ?? e.getAttribute('aria-labelledby'),
    );
    return {
      panels: panels.length,
      visible: panels.filter((p) => p.getBoundingClientRect().height > 0).length,
      unresolved: refs.filter((id) => !document.getElementById(id)),
      tabsInList: [...document.querySelectorAll('[role="tab"]')].every(
        (t) => t.parentElement.getAttribute('role') === 'tablist',
      ),
      asides: document.querySelectorAll('aside.fm-admonition').length,
      caption: document.querySelector('figure.fm-code figcaption')?.textContent,
    };
  });
  assert.deepEqual(facts, { panels: 2, visible: 2, unresolved: [], tabsInList: true, asides: 2, caption: 'terminal' });
  assert.deepEqual(problems, []);
  await page.close();
});
