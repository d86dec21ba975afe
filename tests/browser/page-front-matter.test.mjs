// Front matter that shapes the page, in Chromium from file:// (the builder's side:
// tests/site/page-front-matter.test.mjs): toc levels choose the "On this page" entries,
// hide_table_of_contents hides the column, custom_edit_url replaces or removes the edit link,
// last_update shows, pagination_prev/next and pagination_label shape the pager, displayed_sidebar
// chooses the sidebar and sidebar_class_name marks a sidebar link.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeAndRemove, foldmark, launch, load, settles, tempDir, withCheckedPage } from './harness.mjs';
import { writeFiles } from '../cli/util.mjs';
import { FRONT_MATTER_DOCS } from '../site/page-front-matter-docs.mjs';

const dir = tempDir('page-front-matter-browser');
let browser;

before(async () => {
  writeFiles(dir, FRONT_MATTER_DOCS);
  const r = await foldmark(
    'build',
    join(dir, 'docs'),
    '--sidebars',
    join(dir, 'sidebars.js'),
    '--out',
    join(dir, 'site'),
    '--edit-url',
    'https://edit.example/base/',
  );
  assert.equal(r.code, 0, r.stderr);
  browser = await launch();
});
after(() => closeAndRemove({ browser, dir }));

const around = (page) =>
  page.evaluate(() => ({
    onPage: document.querySelector('.site-onpage')?.hidden
      ? null
      : [...document.querySelectorAll('.site-onpage a')].map((a) => a.textContent),
    edit: document.querySelector('.site-edit a')?.getAttribute('href') ?? null,
    updated: document.querySelector('.site-last-update')?.textContent ?? null,
    pager: [...document.querySelectorAll('.site-pager a')].map((a) => a.textContent),
    sidebar: [...document.querySelectorAll('#siteNav .site-nav-list a[data-n]')].map(
      (a) => `${a.textContent}${a.className ? `.${a.className}` : ''}`,
    ),
  }));

test('front matter shapes the TOC column, the edit link, the last-updated line and the pager', async () => {
  const at = (id) => `${pathToFileURL(join(dir, 'site', 'index.html')).href}#/${id}`;
  await withCheckedPage(browser, { width: 1400, height: 900 }, async (page) => {
    await load(page, at('a'));
    await settles(
      () => around(page),
      {
        onPage: ['Three', 'Four'],
        edit: 'https://edit.example/a',
        updated: 'Last updated on 2026-11-02 by Ana',
        pager: ['NextThe C page'],
        sidebar: ['A', 'B', 'C.special'],
      },
      'a: levels 3-4, its own edit URL, last update, next is c by its pagination label; c has its class',
    );
    await load(page, at('b'));
    await settles(
      () => around(page),
      { onPage: null, edit: null, updated: null, pager: ['NextThe C page'], sidebar: ['A', 'B', 'C.special'] },
      'b: no TOC column, no edit link (null), no previous (null)',
    );
    await load(page, at('c'));
    await settles(
      () => around(page),
      { onPage: null, edit: 'https://edit.example/base/c.md', updated: null, pager: ['PreviousB'], sidebar: ['D'] },
      "c: the site's edit URL; one heading lists no column; displayed_sidebar t",
    );
  });
});
