// allowRawHtml 'safe' (the site's mode) against the XSS corpus in headless Chromium: the shared
// payloads (../shared/testdata/xss-payloads.txt, skipped visibly when absent), our default-mode
// extras and our own raw HTML/JSX payloads (xss-safe-payloads.jsonl) are rendered as the site
// renders them; the live DOM must hold no on* attribute, no javascript:/vbscript:/non-image data:
// URL, no element outside the allowlist and no unsandboxed iframe, and after every element is
// focused, hovered and clicked and every <details> toggled, nothing may have run.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createFoldmark } from '../../web/node.js';
import { DOC_OPTIONS } from '../../web/site/shared/doc-syntax.js';
import { reportMissingShared, sharedFile } from '../node/shared-data.mjs';
import { readPayloads, xssPage } from './xss-page.mjs';

const shared = sharedFile('testdata/xss-payloads.txt');
if (!shared) reportMissingShared('testdata/xss-payloads.txt', 'the shared XSS payloads in safe mode are');
const own = [
  new URL('./xss-safe-payloads.jsonl', import.meta.url),
  new URL('../node/xss-extra.jsonl', import.meta.url),
];
const ownPayloads = own.flatMap(readPayloads);
const sharedPayloads = shared && existsSync(shared) ? readPayloads(shared) : [];

const xss = xssPage('xss-safe');
let fm;
before(async () => {
  fm = await createFoldmark();
});

// What the live DOM holds that safe mode must never produce (read from the parsed DOM, so
// references in attributes are already decoded, as the browser acts on them).
function liveDomProblems() {
  const URL_ATTRIBUTES = [
    'href',
    'src',
    'srcset',
    'poster',
    'cite',
    'action',
    'formaction',
    'data',
    'xlink:href',
    'background',
  ];
  const FORBIDDEN =
    /^(script|style|object|embed|form|base|meta|link|svg|math|template|noscript|textarea|select|frame|frameset|applet|marquee|isindex)$/i;
  const problems = [];
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.localName;
    if (FORBIDDEN.test(tag)) problems.push(`<${tag}>`);
    if (tag === 'input' && !(el.type === 'checkbox' && el.disabled))
      problems.push('<input> other than a disabled checkbox');
    if (tag === 'button' && !(el.type === 'button' && el.getAttribute('role') === 'tab'))
      problems.push('<button> other than a tab');
    if (tag === 'iframe' && !el.hasAttribute('sandbox')) problems.push('<iframe> without sandbox');
    if (tag === 'a' && el.target === '_blank' && !/noopener/.test(el.rel))
      problems.push('target=_blank without noopener');
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
      if (name === 'style' || name === 'srcdoc') problems.push(`${tag}[${name}]`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      // Each URL as the browser resolves it (srcset: each candidate's URL).
      const urls = name === 'srcset' ? a.value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [a.value];
      for (const url of urls) {
        let parsed;
        try {
          parsed = new URL(url, 'https://base.invalid/');
        } catch {
          continue; // not a URL the browser would act on
        }
        const scheme = parsed.protocol;
        const image = /^data:image\/(png|gif|jpeg|webp)[;,]/i.test(parsed.href);
        if (!['http:', 'https:', 'mailto:'].includes(scheme) && !(scheme === 'data:' && image))
          problems.push(`${tag}[${name}=${a.value.slice(0, 40)}]`);
      }
    }
  }
  return problems;
}

async function runPayloads(payloads) {
  const problems = [];
  let executions = 0;
  let elements = 0;
  for (const p of payloads) {
    await xss.show(fm.render(p.md, DOC_OPTIONS).html);
    const dom = await xss.page.evaluate(liveDomProblems);
    elements += await xss.page.locator('body *').count();
    for (const d of dom) problems.push(`${p.id}: ${d}`);
    await xss.exercise();
    const ran = await xss.ran();
    if (ran.length) {
      executions += ran.length;
      problems.push(`${p.id}: ran ${ran.join(' ')}`);
    }
  }
  return { problems, executions, elements };
}

test('control: the checks see a live handler and an unsafe DOM', async () => {
  await xss.reset();
  await xss.page.setContent('<body><iframe></iframe><a href="x" target="_blank">t</a><svg></svg></body>');
  assert.equal((await xss.page.evaluate(liveDomProblems)).length, 3);
  await xss.reset();
  await xss.page.setContent('<body><img src=x onerror="alert(1)"><a href="javascript:confirm(2)">a</a></body>');
  assert.equal((await xss.page.evaluate(liveDomProblems)).length, 2);
  await xss.exercise();
  const calls = await xss.calls();
  assert.ok(calls.includes('alert(1)') && calls.includes('confirm(2)'), JSON.stringify(calls));
});

test("our raw HTML and JSX payloads in 'safe' mode: 0 executions, 0 on* attributes or unsafe URLs", {
  timeout: 900000,
}, async () => {
  assert.ok(ownPayloads.length >= 100, `${ownPayloads.length} payloads`);
  const r = await runPayloads(ownPayloads);
  console.log(
    `xss-safe-mode (own): ${ownPayloads.length} payloads, ${r.elements} elements, ${r.executions} executions, ${r.problems.length} problems`,
  );
  assert.deepEqual(r.problems, []);
});

test("the shared XSS payloads in 'safe' mode: 0 executions, 0 on* attributes or unsafe URLs", {
  skip: sharedPayloads.length === 0 && 'see the needs ../shared test',
  timeout: 900000,
}, async () => {
  const r = await runPayloads(sharedPayloads);
  console.log(
    `xss-safe-mode (shared): ${sharedPayloads.length} payloads, ${r.elements} elements, ${r.executions} executions, ${r.problems.length} problems`,
  );
  assert.deepEqual(r.problems, []);
});
