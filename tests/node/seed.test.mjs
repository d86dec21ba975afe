// The seed article: content/ holds it unchanged, the golden fixture still matches it, and the
// rendered Article has the structure the user asked for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createFoldmark } from '../../web/node.js';
import { readFixtures, root } from './fixtures.mjs';
import { reportMissingShared, sharedFile } from './shared-data.mjs';

const fm = await createFoldmark();
const seedPath = join(root, 'content', 'how-is-webiny-serverless.md');
const seed = readFileSync(seedPath, 'utf8');

if (!sharedFile('seeds/000_24e1ccf631e58a4d.txt'))
  reportMissingShared('seeds/000_24e1ccf631e58a4d.txt', 'content/ against the original seed is');

test('content/ holds the seed unchanged and the golden fixture uses it', () => {
  const original = sharedFile('seeds/000_24e1ccf631e58a4d.txt');
  if (original) assert.equal(seed, readFileSync(original, 'utf8'));
  const [golden] = readFixtures(join(root, 'tests', 'spec', 'seed-article.txt'));
  assert.equal(golden.markdown, seed);
  assert.equal(fm.render(seed).html, golden.expected);
});

test('the seed renders as title, intro with reader questions, three items and an epilogue', () => {
  const a = fm.render(seed);
  assert.equal(a.title, 'How is Webiny serverless?');
  assert.deepEqual(a.meta, {
    id: 'how-is-webiny-serverless',
    title: 'How is Webiny serverless?',
    sidebar_label: 'How is Webiny serverless?',
  });
  assert.deepEqual(
    a.toc.map((t) => [t.level, t.id]),
    [
      [2, 'what-is-serverless'],
      [2, 'webiny-uses-mongodb-that-is-not-serverless'],
      [2, 'what-is-faas'],
    ],
  );
  assert.deepEqual(a.questions, [
    { id: 'what-is-serverless', text: 'What is "serverless"?' },
    { id: 'what-is-faas', text: 'What is "FaaS"?' },
  ]);
  assert.deepEqual(a.warnings, []);
  const intro = a.html.slice(a.html.indexOf('<div class="fm-intro">'), a.html.indexOf('<details'));
  assert.equal(intro.match(/<blockquote class="fm-reader-question">/g).length, 2);
  assert.equal(a.html.match(/<details class="fm-qa( fm-question)?">/g).length, 3);
  assert.equal(a.html.match(/<details class="fm-qa fm-question">/g).length, 2);
  const epilogue = a.html.slice(a.html.indexOf('<div class="fm-epilogue">'));
  assert.match(epilogue, /^<div class="fm-epilogue">\n<hr>\n<p>I hope this article clarified/);
  assert.ok(a.html.lastIndexOf('</details>') < a.html.indexOf('fm-epilogue'));
  const ld = JSON.parse(a.jsonLd);
  assert.deepEqual(
    ld.mainEntity.map((q) => q.name),
    ['What is "serverless"?', 'What is "FaaS"?'],
  );
});
