// A whole Docusaurus site (tests/fixtures/docusaurus-website: docusaurus.config.ts, sidebars.ts with
// two sidebars) in Chromium, from file:// and from loopback under the strict CSP: the navbar's
// sidebar items open each sidebar's first doc and show that sidebar, the dropdown works by
// keyboard, on a phone the navbar is in the drawer; without a config, a switcher lists every
// sidebar of the sidebars file. axe (from file://: the strict CSP refuses its inline script) finds
// nothing serious.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFiles } from '../cli/util.mjs';
import {
  axeViolations,
  fixtureSites,
  liveSidebar,
  load,
  root,
  screenshots,
  settles,
  withCheckedPage,
} from './harness.mjs';

const doc = (title, body) => `---\ntitle: ${title}\n---\n\n${body}\n`;
const site = fixtureSites(
  'navbar',
  (work) => ({
    '/site/': [join(root, 'tests', 'fixtures', 'docusaurus-website')],
    // The same docs without a config: the sidebars file's two sidebars, no navbar of a config.
    '/plain/': [join(work, 'docs'), '--sidebars', join(work, 'sidebars.js')],
  }),
  {
    prepare: (work) =>
      writeFiles(work, {
        'docs/start.md': doc('Start', 'Read me first.'),
        'docs/more.md': doc('More', 'And then this.'),
        'docs/ref.md': doc('Reference', 'The reference.'),
        'sidebars.js': "module.exports = { tutorialSidebar: ['start', 'more'], referenceSidebar: ['ref'] };\n",
      }),
  },
);
const out = site.dirs['/site/'];
const plain = site.dirs['/plain/'];

// What the page shows: the title, the sidebar's doc labels, the navbar's labels and which is current.
const shown = (page) =>
  page.evaluate(() => ({
    title: document.querySelector('.fm-title')?.textContent,
    sidebar: [...document.querySelectorAll('#siteNav .site-nav-list a[data-n]')].map((a) => a.textContent),
    current: [...document.querySelectorAll('#siteNavbar a[aria-current]')].map((a) => a.textContent),
  }));

// Whether the dropdown's menu is open, and the text of what has focus.
const menu = (page) =>
  page.evaluate(() => [!document.querySelector('.site-navbar-menu').hidden, document.activeElement.textContent]);

const addresses = () => [
  ['file://', pathToFileURL(join(out, 'index.html')).href],
  ['loopback', `${site.server.url}/site/index.html`],
];

for (const where of ['file://', 'loopback']) {
  test(`the navbar switches sidebars, from ${where}`, async () => {
    const address = addresses().find(([w]) => w === where)[1];
    await withCheckedPage(site.browser, { width: 1200, height: 800 }, async (page) => {
      await load(page, address);
      await liveSidebar(page);
      const navbar = await page.evaluate(() => ({
        brand: document.querySelector('.site-name')?.textContent,
        logo: document.querySelector('.site-name img')?.naturalWidth > 0,
        left: [...document.querySelectorAll('#siteNavbar > ul:first-child > li > :is(a, button)')].map(
          (e) => e.textContent,
        ),
        right: [...document.querySelectorAll('#siteNavbar > .site-navbar-right > li > :is(a, button)')].map(
          (e) => e.textContent,
        ),
        footer: [...document.querySelectorAll('.site-footer a')].map((a) => a.textContent),
        copyright: document.querySelector('.site-footer-copyright')?.textContent,
      }));
      assert.deepEqual(navbar, {
        brand: 'Tern',
        logo: true,
        left: ['Guides', 'API', 'FAQ'],
        right: ['More', 'Source'],
        footer: ['Getting started', 'API', 'Forum'],
        copyright: 'Copyright © 2026 Tern. Built with Docusaurus.',
      });
      await settles(
        () => shown(page),
        { title: 'Introduction', sidebar: ['Introduction', 'Install Tern', 'Tables'], current: ['Guides'] },
        'the landing doc shows the first sidebar, its navbar item current',
      );
      await page.click('#siteNavbar a:text-is("API")');
      await settles(
        () => shown(page),
        { title: 'API overview', sidebar: ['API overview', 'Client API', 'Server API'], current: ['API'] },
        "the API item opens its sidebar's first doc and shows that sidebar",
      );
      await page.click('#siteNavbar a:text-is("Guides")');
      await settles(
        () => shown(page),
        { title: 'Introduction', sidebar: ['Introduction', 'Install Tern', 'Tables'], current: ['Guides'] },
        'and back',
      );
      // The dropdown by keyboard: focus its button, Enter opens it and focuses its first link,
      // Escape closes it and gives focus back, Enter on a link opens the doc.
      await page.focus('#siteNavbar .site-navbar-dropdown > button');
      await page.keyboard.press('Enter');
      await settles(() => menu(page), [true, 'Client'], 'Enter opens the menu at its first link');
      await page.keyboard.press('Escape');
      await settles(() => menu(page), [false, 'More'], 'Escape closes it, focus back on its button');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await settles(
        () => shown(page),
        { title: 'Client API', sidebar: ['API overview', 'Client API', 'Server API'], current: ['API', 'Client'] },
        "the menu's doc opens, in its own sidebar; its sidebar's item and its own are current",
      );
      // axe is injected as an inline script, which the loopback server's strict CSP refuses.
      if (where === 'file://') assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: join(screenshots, `navbar-desktop-${where === 'file://' ? 'file' : 'http'}.png`) });
    });
  });
}

test('on a phone the navbar is in the drawer, above the sidebar', async () => {
  await withCheckedPage(site.browser, { width: 390, height: 800 }, async (page) => {
    await load(page, pathToFileURL(join(out, 'index.html')).href);
    await liveSidebar(page);
    await page.click('#menuButton');
    await page.waitForSelector('#siteNav #siteNavbar a:text-is("API")', { state: 'visible' });
    assert.equal(await page.evaluate(() => document.querySelector('#siteHeader #siteNavbar')), null);
    await page.waitForTimeout(300); // the drawer's slide-in, for the picture
    await page.screenshot({ path: join(screenshots, 'navbar-phone-drawer.png') });
    await page.click('#siteNav #siteNavbar a:text-is("API")');
    await settles(
      () => shown(page),
      { title: 'API overview', sidebar: ['API overview', 'Client API', 'Server API'], current: ['API'] },
      'the drawer navbar switches sidebars too',
    );
    assert.equal(
      await page.locator('#siteNavbar .site-toc').count(),
      0,
      "the article's TOC is under its sidebar link, not the navbar's",
    );
    assert.equal(await page.locator('#siteNav .site-nav-list a[aria-current="page"] + .site-toc').count(), 1);
    assert.deepEqual(await axeViolations(page), []);
  });
});

for (const where of ['file://', 'loopback']) {
  test(`without a config, a switcher lists every sidebar of the sidebars file, from ${where}`, async () => {
    const address =
      where === 'file://' ? pathToFileURL(join(plain, 'index.html')).href : `${site.server.url}/plain/index.html`;
    await withCheckedPage(site.browser, { width: 1200, height: 800 }, async (page) => {
      await load(page, address);
      await liveSidebar(page);
      const labels = await page.evaluate(() =>
        [...document.querySelectorAll('#siteNavbar a')].map((a) => a.textContent),
      );
      assert.deepEqual(labels, ['Tutorial', 'Reference']);
      await settles(() => shown(page), { title: 'Start', sidebar: ['Start', 'More'], current: ['Tutorial'] }, 'start');
      await page.click('#siteNavbar a:text-is("Reference")');
      await settles(
        () => shown(page),
        { title: 'Reference', sidebar: ['Reference'], current: ['Reference'] },
        'the second sidebar is reachable',
      );
      if (where === 'file://') assert.deepEqual(await axeViolations(page), []);
    });
  });
}
