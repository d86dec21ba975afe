// The XSS corpus executed in headless Chromium (T3, EXEC): each payload's render() HTML is loaded
// with alert/confirm/prompt/print replaced by recorders; every element is focused, hovered and
// clicked, every <details> toggled; there must be zero recorder calls and no dialogs.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createFoldmark } from '../../web/node.js';
import { reportMissingShared, sharedFile } from '../node/shared-data.mjs';
import { CHROMIUM_OPTIONS } from './harness.mjs';

const shared = process.env.FOLDMARK_XSS_PAYLOADS ?? sharedFile('testdata/xss-payloads.txt');
if (!shared) reportMissingShared('testdata/xss-payloads.txt', 'the shared XSS payloads are');
const files = [shared, new URL('../node/xss-extra.jsonl', import.meta.url)];
const payloads = files
  .filter((f) => f && existsSync(f))
  .flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l)),
  );

const RECORDERS = `
  window.__calls = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__calls.push(name + '(' + args.join(',') + ')'); };
  }`;

const profile = mkdtempSync(join(tmpdir(), 'fm-xss-'));
let context;
let page;
let fm;
const dialogs = [];

before(async () => {
  fm = await createFoldmark();
  context = await chromium.launchPersistentContext(profile, CHROMIUM_OPTIONS);
  await context.addInitScript(RECORDERS);
  // Nothing leaves the page: relative and http(s) links are aborted, javascript: would run inline.
  await context.route('**/*', (route) => route.abort());
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
});

after(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

// Lets the page run what the clicks and toggles queued (a javascript: navigation, a toggle event,
// an error event): a task, a frame and a task of the page's own event loop, which a slow machine
// delays as much as it delays the work itself. A fixed wait on the clock would not be.
const settle = () =>
  page
    .evaluate(
      () =>
        new Promise((done) => {
          setTimeout(() => requestAnimationFrame(() => setTimeout(done, 0)), 0);
        }),
    )
    .catch(() => {});

// A fresh about:blank for the next payload. A click on the last one may have started a navigation
// (a link, blocked by the route: about:blank#blocked) that lands late on a loaded machine and
// interrupts this one: then it is done again, once that navigation is over.
async function reset() {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.goto('about:blank');
      return;
    } catch (err) {
      if (attempt >= 5 || !/interrupted by another navigation/.test(err.message)) throw err;
      await page.waitForLoadState('load').catch(() => {});
    }
  }
}

async function exercise() {
  const count = await page.locator('body *').count();
  for (let i = 0; i < count; i++) {
    const el = page.locator('body *').nth(i);
    await el.focus({ timeout: 200 }).catch(() => {});
    await el.hover({ timeout: 200, force: true }).catch(() => {});
    await el.click({ timeout: 200, force: true, noWaitAfter: true }).catch(() => {});
    if (!page.url().startsWith('about:')) return; // a click navigated: nothing left to exercise
  }
  await page
    .evaluate(() => {
      for (const d of document.querySelectorAll('details')) {
        d.open = !d.open;
        d.open = !d.open;
      }
    })
    .catch(() => {});
}

test('control: the recorders see a live handler', async () => {
  await page.goto('about:blank');
  await page.setContent('<body><img src=x onerror="alert(1)"><a href="javascript:confirm(2)">a</a></body>');
  await exercise();
  await settle();
  const calls = await page.evaluate(() => window.__calls);
  assert.ok(calls.includes('alert(1)') && calls.includes('confirm(2)'), JSON.stringify(calls));
});

let executions = 0;
test('xss payloads execute nothing in Chromium', { timeout: 600000 }, async () => {
  const problems = [];
  for (const p of payloads) {
    const html = fm.render(p.md).html;
    dialogs.length = 0;
    await reset();
    await page.setContent(`<!doctype html><meta charset="utf-8"><title>x</title><body>${html}</body>`);
    await exercise();
    await settle();
    const calls = await page.evaluate(() => window.__calls ?? []).catch(() => []);
    if (calls.length || dialogs.length) problems.push(`${p.id}: ${[...calls, ...dialogs].join(' ')}`);
    executions++;
  }
  console.log(`xss-exec: ${executions} payloads, ${problems.length} executed`);
  assert.deepEqual(problems, []);
});
