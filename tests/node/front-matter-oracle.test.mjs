// Front matter meta against js-yaml's CORE_SCHEMA load on a corpus of Docusaurus-style blocks:
// equal values, except the listed intended differences, which must differ in exactly that way.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { createFoldmark } from '../../web/node.js';
import { root } from './fixtures.mjs';

const fm = await createFoldmark();
const corpus = join(root, 'tests', 'node', 'front-matter-corpus');

// Non-finite numbers as foldmark writes them (JSON cannot hold Infinity or NaN).
function nonFiniteAsStrings(value) {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(nonFiniteAsStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nonFiniteAsStrings(v)]));
  }
  return value;
}

// File → why we differ from js-yaml, and what we give instead. js-yaml throws on most of these;
// foldmark never fails a document over its front matter: it warns and skips what it cannot read.
const INTENDED = {
  '30-special-floats.yaml': {
    reason: '.inf/.nan cannot be JSON numbers: they become "Infinity", "-Infinity", "NaN"',
    expected: (theirs) => nonFiniteAsStrings(theirs),
    warns: false,
  },
  '42-duplicate-key.yaml': {
    reason: 'js-yaml throws on duplicate keys; we warn and keep the last value at the first position',
    expected: () => ({ title: 'Second', slug: 'a' }),
  },
  '43-plain-colon-error.yaml': {
    reason: "js-yaml throws on ': ' inside a plain value; we warn and keep the text the author meant",
    expected: () => ({ title: 'Foo: Bar', ok: 'yes' }),
  },
  '44-unknown-escape.yaml': {
    reason: 'js-yaml throws on an unknown escape; we warn and keep the text as written',
    expected: () => ({ path: 'C:\\windows', ok: 1 }),
  },
  '45-tab-indent.yaml': {
    reason: 'js-yaml throws on tab indentation; we warn and skip the tab-indented line',
    expected: () => ({ meta: null, ok: 1 }),
  },
  '46-anchor-alias.yaml': {
    reason: 'anchors and aliases are not part of the subset; we warn and skip those entries',
    expected: () => ({ ok: 1 }),
  },
  '47-top-level-list.yaml': {
    reason: 'meta is always an object: a top-level list gives a warning and {}',
    expected: () => ({}),
  },
  '48-unterminated-flow.yaml': {
    reason: 'js-yaml throws on an unclosed [; we warn and go on with the next key',
    expected: () => ({ title: 'Still here' }),
  },
  '49-unterminated-quote.yaml': {
    reason: 'js-yaml throws on an unclosed quote; we warn and go on with the next key',
    expected: () => ({ slug: '/x' }),
  },
  '50-deficient-indent.yaml': {
    reason: 'js-yaml throws on a badly indented entry; we warn and skip that line',
    expected: () => ({ a: 'b', e: 'f' }),
  },
};

function jsYaml(yaml) {
  try {
    return { value: load(yaml, { schema: CORE_SCHEMA }) };
  } catch (error) {
    return { error: error.message.split('\n')[0] };
  }
}

// The YAML region between the --- lines is exactly the file's text.
function render(yaml) {
  const md = yaml.endsWith('\n') ? `---\n${yaml}---\nbody\n` : `---\n${yaml}\n---\nbody\n`;
  return fm.render(md);
}

test('front matter meta equals js-yaml (CORE_SCHEMA) on the corpus', () => {
  const files = readdirSync(corpus)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  assert.ok(files.length >= 40, `only ${files.length} corpus files`);
  let equal = 0;
  let intended = 0;
  const mismatches = [];
  for (const name of files) {
    const yaml = readFileSync(join(corpus, name), 'utf8');
    const theirs = jsYaml(yaml);
    const article = render(yaml);
    const special = INTENDED[name];
    if (!special) {
      if (!theirs.error && isDeepStrictEqual(article.meta, theirs.value)) equal += 1;
      else
        mismatches.push(
          `${name}: ours ${JSON.stringify(article.meta)}, js-yaml ${theirs.error ?? JSON.stringify(theirs.value)}`,
        );
      continue;
    }
    const expected = special.expected(theirs.value);
    const differs = theirs.error !== undefined || !isDeepStrictEqual(theirs.value, article.meta);
    const warned = article.warnings.some((w) => w.code.startsWith('W_FRONT_MATTER'));
    if (differs && isDeepStrictEqual(article.meta, expected) && warned === (special.warns ?? true)) intended += 1;
    else
      mismatches.push(
        `${name} (${special.reason}): ours ${JSON.stringify(article.meta)}, expected ${JSON.stringify(expected)}, warned ${warned}`,
      );
  }
  console.log(`front matter vs js-yaml: ${equal}/${files.length - intended} equal, ${intended} intended differences`);
  assert.deepEqual(mismatches, []);
});
