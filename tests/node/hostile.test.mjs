// The XSS corpus (T3, DOM side): every payload of shared/testdata/xss-payloads.txt (beside the repo) (or
// FOLDMARK_XSS_PAYLOADS) and tests/node/xss-extra.jsonl through render() and toHtml() with the
// default options (and render() with an id prefix), checked by tests/node/html-check.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createFoldmark } from '../../web/node.js';
import { decodeHTML } from 'entities';
import { checkHtml, checkArticleLayout, checkIds } from './html-check.mjs';
import { reportMissingShared, sharedFile } from './shared-data.mjs';

const sharedPayloads = process.env.FOLDMARK_XSS_PAYLOADS ?? sharedFile('testdata/xss-payloads.txt');
if (!sharedPayloads) reportMissingShared('testdata/xss-payloads.txt', 'the shared XSS payloads are');
const extraPayloads = new URL('./xss-extra.jsonl', import.meta.url);

function load(file) {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

const payloads = [...load(sharedPayloads), ...load(extraPayloads)];
// Negative controls: safe links must keep working.
const mustKeep = {
  'URL-29': (r) => /href="https:\/\/example\.com\/\?q=javascript:alert\(1\)"/.test(r),
  'X-URL-20': (r) => /<img src="DATA:IMAGE\/PNG;base64,/.test(r),
  'X-URL-27': (r) => /href="mailto:a@b\.c\?body=/.test(r),
};

// What the contract (README, Docusaurus Markdown) turns into markup or drops rather than show:
// comments, the safe tag list without attributes, MDX component tags.
const SAFE_TAGS = /^<\/?(kbd|sup|sub|details|summary)>$|^<br ?\/?>$/;
function becomesMarkup(t) {
  return t.startsWith('<!--') || SAFE_TAGS.test(t) || /^<\/?[A-Z][\w.]*[a-z][\w.]*[\s/>]/.test(t);
}

// Raw markup in the payload ("<script", "</details>", …) that must reach the reader as text: not
// autolinks, not angle-bracket link destinations, not inside front matter.
// MDX component tags (their attribute values included) are dropped, not shown.
const COMPONENT_TAG = /<\/?[A-Z][\w.]*[a-z][\w.]*(?:[^>"'{]|"[^"]*"|'[^']*'|\{[^}]*\}+)*>/g;

function rawMarkupTokens(md) {
  if (md.startsWith('---')) return [];
  const tokens = [];
  const dropped = [...md.matchAll(COMPONENT_TAG)].map((m) => [m.index, m.index + m[0].length]);
  for (const m of md.matchAll(/<[A-Za-z!/?][^<>\n\]]*>?/g)) {
    const t = m[0];
    if (dropped.some(([b, e]) => m.index > b && m.index < e)) continue;
    if (/^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>$/.test(t) || /^<[^\s<>@]+@[^\s<>]+>$/.test(t)) continue;
    // Inside a link destination ("](…" or "]: …" up to the token with no space or ')' between).
    const dest = Math.max(md.lastIndexOf('](', m.index), md.lastIndexOf(']: ', m.index));
    const between = md.slice(dest + 2, m.index).trimStart();
    const open = (between.match(/\(/g) ?? []).length - (between.match(/\)/g) ?? []).length;
    if (dest >= 0 && !/\s/.test(between) && open >= 0) continue;
    if (becomesMarkup(t)) continue;
    tokens.push(t.replace(/[\0]/g, '\uFFFD'));
  }
  return tokens;
}

function violationsOf(p, html, result, prefix) {
  const found = [];
  const checked = checkHtml(html);
  found.push(...checked.violations);
  if (checked.violations.length) return found;
  if (result) {
    const layout = checkArticleLayout(checked.tree);
    if (layout) found.push(`STRUCT: ${layout}`);
    const ids = checkIds(result, checked.ids, prefix);
    if (ids) found.push(`ID: ${ids}`);
    if (result.jsonLd) {
      if (result.jsonLd.includes('<')) found.push("JSON-LD contains '<'");
      try {
        JSON.parse(result.jsonLd);
      } catch (e) {
        found.push(`JSON-LD does not parse: ${e.message}`);
      }
    }
  }
  const visible = checked.text + '\n' + checked.attrText.join('\n');
  const squash = (s) => s.replace(/\s+/g, ' ');
  for (const token of rawMarkupTokens(p.md)) {
    const shown = (t) => squash(visible).includes(squash(t));
    // CommonMark decodes references in text: "<javascript&#x3A;x>" reads "<javascript:x>".
    if (!shown(token) && !shown(decodeHTML(token))) found.push(`TEXT: ${JSON.stringify(token)} not shown as text`);
  }
  if (mustKeep[p.id] && !mustKeep[p.id](html)) found.push('negative control: the safe link was dropped');
  return found;
}

const fm = await createFoldmark();
let violations = 0;

for (const p of payloads) {
  test(`xss ${p.id} (${p.cls})`, () => {
    const problems = [];
    const html = fm.toHtml(p.md);
    problems.push(...violationsOf(p, html, null).map((v) => `toHtml: ${v}`));
    const r = fm.render(p.md);
    problems.push(...violationsOf(p, r.html, r, '').map((v) => `render: ${v}`));
    const rp = fm.render(p.md, { idPrefix: 'fm-', mdx: true });
    problems.push(...violationsOf(p, rp.html, rp, 'fm-').map((v) => `render(idPrefix): ${v}`));
    violations += problems.length;
    assert.deepEqual(problems, [], `${p.id}: ${JSON.stringify(p.md)}`);
  });
}

after(() => console.log(`xss: ${payloads.length} payloads, ${violations} violations`));
