// ```bash npm2yarn blocks: npm / Yarn / pnpm tabs of one group ("npm2yarn"), the commands
// converted as Docusaurus's npm2yarn plugin documents them (its test snapshots are the expected
// values below), the metastring dropped; any other metastring leaves the block alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFoldmark } from '../../web/node.js';

const fm = await createFoldmark();

const decode = (s) =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

// The code of each panel of the first tab group, by tab value.
function panels(markdown, options) {
  const html = fm.toHtml(markdown, options);
  const values = [...html.matchAll(/<button type="button" role="tab" data-value="([^"]*)"/g)].map((m) => m[1]);
  const codes = [
    ...html.matchAll(/<div role="tabpanel"[^>]*>\n<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>\n<\/div>/g),
  ].map((m) => decode(m[1]));
  return { html, ...Object.fromEntries(values.map((v, i) => [v, codes[i]])) };
}

const block = (code, info = 'bash npm2yarn') => `\`\`\`${info}\n${code}\n\`\`\`\n`;

// [npm, Yarn, pnpm], from the plugin's documented examples and the list of commands.
const CONVERSIONS = [
  ['npm install test', 'yarn add test', 'pnpm add test'],
  ['npm install --save docusaurus-plugin-name', 'yarn add docusaurus-plugin-name', 'pnpm add docusaurus-plugin-name'],
  ['  $ npm install --global docusaurus', '  $ yarn global add docusaurus', '  $ pnpm add --global docusaurus'],
  ['npm install', 'yarn install', 'pnpm install'],
  ['npm run xxx -- --arg', 'yarn xxx --arg', 'pnpm run xxx --arg'],
  ['npm install package', 'yarn add package', 'pnpm add package'],
  ['npm remove package-name', 'yarn remove package-name', 'pnpm remove package-name'],
  [
    'npm init docusaurus\nnpm init docusaurus@latest my-website classic',
    'yarn create docusaurus\nyarn create docusaurus@latest my-website classic',
    'pnpm create docusaurus\npnpm create docusaurus@latest my-website classic',
  ],
  ['npm i -D typescript', 'yarn add --dev typescript', 'pnpm add -D typescript'],
  ['npm install --save-dev @types/node', 'yarn add --dev @types/node', 'pnpm add --save-dev @types/node'],
  ['npm add react', 'yarn add react', 'pnpm add react'],
  ['npm uninstall -g serve', 'yarn global remove serve', 'pnpm remove -g serve'],
  ['npm run build', 'yarn build', 'pnpm run build'],
  ['npm run test', 'yarn run test', 'pnpm run test'],
  ['npm exec eslint .', 'yarn eslint .', 'pnpm exec eslint .'],
  ['npm start && npm test', 'yarn start && yarn test', 'pnpm start && pnpm test'],
  ['npm install --save-exact "a b"', 'yarn add --exact "a b"', 'pnpm add --save-exact "a b"'],
  // The last word of each of npm2yarn.cpp's word lists (one string each, no space after the last).
  ['npm rm x', 'yarn remove x', 'pnpm remove x'],
  ['npm unlink x', 'yarn remove x', 'pnpm unlink --filter x'],
  ['npm i x', 'yarn add x', 'pnpm add x'],
  ['npm add x', 'yarn add x', 'pnpm add x'],
  ['npm install -g x', 'yarn global add x', 'pnpm add -g x'],
  ['npm version patch', 'yarn version --patch', "npm version patch\n# couldn't auto-convert command"],
  ['npm outdated', 'yarn outdated', 'pnpm outdated'],
];

test('each documented command becomes its Yarn and pnpm form', () => {
  for (const [npm, yarn, pnpm] of CONVERSIONS) {
    const got = panels(block(npm));
    assert.deepEqual(
      { npm: got.npm, yarn: got.yarn, pnpm: got.pnpm },
      { npm: `${npm}\n`, yarn: `${yarn}\n`, pnpm: `${pnpm}\n` },
      npm,
    );
  }
});

test('a command with no counterpart stays as written, with a comment saying so', () => {
  const got = panels(block('npm ci\nnpm run build'));
  assert.equal(got.yarn, "npm ci\n# couldn't auto-convert command\nyarn build\n");
  assert.equal(got.pnpm, "npm ci\n# couldn't auto-convert command\npnpm run build\n");
});

test('only npm as a word is a command: pnpm, my-npm and text around it stay', () => {
  const got = panels(block('pnpm install x\necho "use npm" # npm\nnpx create-x'));
  assert.equal(got.yarn, 'pnpm install x\necho "use npm" # npm\nnpx create-x\n');
});

test('the tabs: one group "npm2yarn", npm selected, labels npm / Yarn / pnpm, panels of the same language', () => {
  const { html } = panels(block('npm install x'));
  assert.match(html, /^<div class="fm-tabs" data-group-id="npm2yarn">\n<div role="tablist">\n/);
  const tabs = [...html.matchAll(/role="tab"[^>]*aria-selected="(true|false)">([^<]*)</g)].map((m) => [m[2], m[1]]);
  assert.deepEqual(tabs, [
    ['npm', 'true'],
    ['Yarn', 'false'],
    ['pnpm', 'false'],
  ]);
  assert.equal(html.match(/<code class="language-bash">/g).length, 3);
  assert.match(html, /id="tab-npm" aria-controls="tabpanel-npm"/);
  assert.match(html, /<div role="tabpanel" id="tabpanel-yarn" aria-labelledby="tab-yarn">/);
  // Two blocks on a page: ids stay unique.
  const twice = fm.toHtml(block('npm install x') + '\n' + block('npm install y'));
  assert.match(twice, /id="tab-npm-1"/);
  // Without heading ids: no ids, no references.
  assert.doesNotMatch(fm.toHtml(block('npm install x'), { headingIds: false }), / id=|aria-controls|aria-labelledby/);
});

test('only the exact metastring npm2yarn with a language converts (as the plugin)', () => {
  for (const info of ['npm2yarn', 'bash npm2yarn title="x"', 'bash', 'shell {1}']) {
    assert.doesNotMatch(fm.toHtml(block('npm install x', info)), /fm-tabs/, info);
  }
  assert.match(fm.toHtml(block('npm install x', 'sh   npm2yarn  ')), /fm-tabs/);
});

test('npm2yarn tabs inside a list, an admonition and MDX tabs keep their places', () => {
  const md = ':::tip\n\n- step\n\n  ```bash npm2yarn\n  npm install x\n  ```\n\n:::\n\nafter\n';
  const html = fm.toHtml(md);
  assert.match(
    html,
    /<aside class="fm-admonition fm-admonition-tip">[\s\S]*<li>[\s\S]*<div class="fm-tabs" data-group-id="npm2yarn">[\s\S]*yarn add x[\s\S]*<\/div>\n<\/li>[\s\S]*<\/aside>\n<p>after<\/p>/,
  );
});

test('highlight slots: each panel is its own block for the highlight hook', () => {
  const calls = [];
  fm.toHtml(block('npm install x'), { highlight: (...args) => void calls.push(args) });
  assert.deepEqual(calls, [
    ['npm install x\n', 'bash', ''],
    ['yarn add x\n', 'bash', ''],
    ['pnpm add x\n', 'bash', ''],
  ]);
});
