// Docusaurus components on a built site in Chromium (tests/fixtures/components): admonitions and
// doc <details> are styled (not plain paragraphs) in light and dark, also under the strict CSP;
// tab groups sharing a groupId switch together and the choice survives a reload; queryString
// tabs read and write ?key=value beside the hash route; the WAI-ARIA keyboard pattern; axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, fixtureSite, load, loadOpen } from './harness.mjs';

const site = fixtureSite('components', '--title', 'Components');
const { index, withPage } = site;
const callouts = `${index}#/callouts`;
const install = `${index}#/install`;
const TYPES = ['note', 'tip', 'info', 'caution', 'warning', 'danger', 'important', 'success', 'secondary'];

// What a reader sees of each admonition, of a plain paragraph and of the two kinds of <details>.
const looks = (page) =>
  page.evaluate((types) => {
    const box = (node) => {
      const s = getComputedStyle(node);
      return { background: s.backgroundColor, edge: s.borderLeftWidth, edgeColor: s.borderLeftColor, color: s.color };
    };
    const article = document.querySelector('#siteArticle');
    const plain = article.querySelector('.fm-intro > p, .fm-article > p');
    const admonitions = Object.fromEntries(
      types.map((t) => {
        const aside = article.querySelector(`aside.fm-admonition-${t}`);
        const title = aside.querySelector('.fm-admonition-title');
        const icon = getComputedStyle(title, '::before');
        return [
          t,
          {
            ...box(aside),
            title: getComputedStyle(title).fontWeight,
            icon: icon.maskImage || icon.webkitMaskImage,
            iconWidth: icon.width,
          },
        ];
      }),
    );
    const outer = article.querySelector('aside.fm-admonition-info aside.fm-admonition-warning').parentElement;
    const inner = outer.querySelector('aside');
    const doc = article.querySelector('details:not(.fm-qa)');
    const qa = article.querySelector('details.fm-qa');
    return {
      plain: box(plain),
      admonitions,
      nested: {
        outer: box(outer),
        inner: box(inner),
        innerLeft: inner.getBoundingClientRect().left,
        outerLeft: outer.getBoundingClientRect().left,
      },
      details: {
        ...box(doc),
        border: getComputedStyle(doc).borderTopWidth,
        summary: getComputedStyle(doc.querySelector('summary')).fontWeight,
      },
      qa: { ...box(qa), border: getComputedStyle(qa).borderTopWidth },
    };
  }, TYPES);

test('admonitions and doc <details> are styled boxes, unlike a paragraph, in light and dark', () =>
  withPage(async (page) => {
    const seen = {};
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await load(page, callouts);
      const l = await looks(page);
      seen[scheme] = l;
      assert.equal(l.plain.background, 'rgba(0, 0, 0, 0)', 'a paragraph has no box');
      for (const t of TYPES) {
        const a = l.admonitions[t];
        assert.notEqual(a.background, l.plain.background, `${t}: a tinted box (${scheme})`);
        assert.equal(a.edge, '5px', `${t}: a coloured left edge (${scheme})`);
        assert.match(a.icon, /^url\("data:image\/svg\+xml/, `${t}: an icon (${scheme})`);
        assert.notEqual(a.iconWidth, '0px');
        assert.equal(a.title, '700', `${t}: a title row`);
      }
      // The hues tell the types apart: tip green, caution yellow, danger red, info blue, note grey.
      const hues = new Set(['note', 'tip', 'info', 'caution', 'danger'].map((t) => l.admonitions[t].edgeColor));
      assert.equal(hues.size, 5, `five distinct edges (${scheme}): ${[...hues]}`);
      assert.notEqual(l.nested.inner.background, l.nested.outer.background, 'a nested admonition stands apart');
      assert.ok(l.nested.innerLeft > l.nested.outerLeft, 'and sits inside');
      assert.notEqual(l.details.background, l.plain.background, 'doc <details> is a box');
      assert.equal(l.details.border, '1px');
      assert.equal(l.details.summary, '600');
      assert.notEqual(l.details.background, l.qa.background, 'distinct from the Q/A items');
    }
    for (const t of TYPES) {
      assert.notEqual(
        seen.light.admonitions[t].background,
        seen.dark.admonitions[t].background,
        `${t}: its own dark colours`,
      );
      assert.notEqual(seen.light.admonitions[t].color, seen.dark.admonitions[t].color);
    }
  }));

test('admonition icons load under the strict CSP over http (no violation, a mask image)', () =>
  withPage(async (page) => {
    await load(page, `${site.server.url}/index.html#/callouts`);
    const icon = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.fm-admonition-danger .fm-admonition-title'), '::before');
      return s.maskImage || s.webkitMaskImage;
    });
    assert.match(icon, /data:image\/svg\+xml/);
  }));

test('admonitions fit a phone and print without tinted boxes', () =>
  withPage(
    async (page) => {
      await load(page, callouts);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, 'no horizontal scroll at 360 px');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const aside = document.querySelector('.fm-admonition-danger');
        return { background: getComputedStyle(aside).backgroundColor, edge: getComputedStyle(aside).borderLeftWidth };
      });
      assert.deepEqual(printed, { background: 'rgba(0, 0, 0, 0)', edge: '5px' });
    },
    { width: 360, height: 740 },
  ));

const tabState = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#siteArticle .fm-tabs')].map((g) => {
      const tabs = [...g.querySelectorAll('[role="tab"]')];
      const selected = tabs.find((t) => t.getAttribute('aria-selected') === 'true');
      const shown = [...g.querySelectorAll('[role="tabpanel"]')].filter((p) => !p.hidden);
      return {
        selected: selected?.textContent,
        shown: shown.map((p) => p.textContent.trim()),
        focusable: tabs.filter((t) => t.tabIndex === 0).length,
      };
    }),
  );

test('labels from values, defaultValue, and a groupId switch that syncs the page and survives a reload', () =>
  withPage(async (page) => {
    await page.goto(index);
    await page.evaluate(() => localStorage.clear());
    await loadOpen(page, install);
    let groups = await tabState(page);
    assert.deepEqual(
      groups.map((g) => g.selected),
      ['Kotlin', 'Kotlin', 'macOS'],
      'defaultValue, then the first, then default',
    );
    assert.deepEqual(groups[0].shown, ['Kotlin first.']);
    assert.ok(
      groups.every((g) => g.focusable === 1 && g.shown.length === 1),
      'one tab stop and one panel per group',
    );

    await page.locator('.fm-tabs').first().getByRole('tab', { name: 'Objective-C' }).click();
    groups = await tabState(page);
    assert.deepEqual(
      groups.map((g) => g.selected),
      ['Objective-C', 'Objective-C', 'macOS'],
      'the other language group follows',
    );
    assert.deepEqual(groups[1].shown, ['Objective-C second.']);
    assert.equal(await page.evaluate(() => localStorage.getItem('foldmark-tab.language')), 'objc');

    await loadOpen(page, install);
    groups = await tabState(page);
    assert.deepEqual(
      groups.map((g) => g.selected),
      ['Objective-C', 'Objective-C', 'macOS'],
      'remembered across a reload',
    );
    await page.evaluate(() => localStorage.clear());
  }));

test('queryString tabs are read from and written to the address, beside the hash route', () =>
  withPage(async (page) => {
    await loadOpen(page, `${index}?os=linux#/install`);
    assert.equal((await tabState(page))[2].selected, 'Linux');
    await page.locator('.fm-tabs').nth(2).getByRole('tab', { name: 'Windows' }).click();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('os'), 'win');
    assert.equal(url.hash, '#/install', 'the route stays');
    await loadOpen(page, page.url());
    assert.equal((await tabState(page))[2].selected, 'Windows');
    assert.deepEqual((await tabState(page))[2].shown, ['On Windows.']);
  }));

test('keyboard: arrows, Home and End move focus and selection with a roving tabindex', () =>
  withPage(async (page) => {
    await page.goto(index);
    await page.evaluate(() => localStorage.clear());
    await loadOpen(page, install);
    const group = page.locator('.fm-tabs').nth(2);
    await group.getByRole('tab', { name: 'macOS' }).focus();
    const at = async () => ({
      focused: await page.evaluate(() => document.activeElement.textContent),
      selected: (await tabState(page))[2].selected,
    });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await at(), { focused: 'Linux', selected: 'Linux' });
    await page.keyboard.press('End');
    assert.deepEqual(await at(), { focused: 'Windows', selected: 'Windows' });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await at(), { focused: 'macOS', selected: 'macOS' }, 'wraps around');
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await at(), { focused: 'Windows', selected: 'Windows' });
    await page.keyboard.press('Home');
    assert.deepEqual(await at(), { focused: 'macOS', selected: 'macOS' });
    assert.equal((await tabState(page))[2].focusable, 1);
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement.closest('[role="tablist"]')),
      null,
      'Tab leaves the tab list',
    );
  }));

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical axe violations with admonitions, details and tabs (${scheme})`, () =>
    withPage(async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      await load(page, callouts);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('#siteArticle details')) d.open = true;
      });
      assert.deepEqual(await axeViolations(page), []);
      await loadOpen(page, install);
      assert.deepEqual(await axeViolations(page), []);
    }));
}
