// Shared by the XSS browser tests: one Chromium page where alert/confirm/prompt/print are recorders
// and nothing loads or leaves, a rendered payload put into it, every element exercised, and what ran.
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_OPTIONS, removeDir, tempDir } from './harness.mjs';

// The payloads of a JSON-lines file: one { id, md } object a line; other lines are comments.
export const readPayloads = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

const RECORDERS = `
  window.__calls = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__calls.push(name + '(' + args.join(',') + ')'); };
  }`;

// Registers before/after hooks that launch and close the browser; the returned object's methods
// work on its one page once the hooks have run.
export function xssPage(name) {
  const profile = tempDir(name);
  let context;
  let page;
  const dialogs = [];

  before(async () => {
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
    removeDir(profile);
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
    dialogs.length = 0;
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

  // Focuses, hovers and clicks every element, toggles every <details>, lets the page settle.
  async function exercise() {
    const count = await page.locator('body *').count();
    for (let i = 0; i < count; i++) {
      const el = page.locator('body *').nth(i);
      await el.focus({ timeout: 200 }).catch(() => {});
      await el.hover({ timeout: 200, force: true }).catch(() => {});
      await el.click({ timeout: 200, force: true, noWaitAfter: true }).catch(() => {});
      if (!page.url().startsWith('about:')) break; // a click navigated: nothing left to exercise
    }
    if (page.url().startsWith('about:'))
      await page
        .evaluate(() => {
          for (const d of document.querySelectorAll('details')) {
            d.open = !d.open;
            d.open = !d.open;
          }
        })
        .catch(() => {});
    await settle();
  }

  return {
    get page() {
      return page;
    },
    reset,
    exercise,
    // A fresh page holding body (HTML) in a minimal document.
    async show(body) {
      await reset();
      await page.setContent(`<!doctype html><meta charset="utf-8"><title>x</title><body>${body}</body>`);
    },
    // The recorders' calls since the last page load.
    calls: () => page.evaluate(() => window.__calls ?? []).catch(() => []),
    // What ran since the last reset: the recorders' calls and the dialogs.
    async ran() {
      return [...(await this.calls()), ...dialogs];
    },
  };
}
