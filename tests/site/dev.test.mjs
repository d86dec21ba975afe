// `foldmark dev` without a browser: the server (CSP on every answer, MIME types, the dev client
// only in HTML it serves, nothing outside the site reachable), the event stream (a saved article
// is rewritten alone, an outline change rebuilds, problems are sent), the temporary folder removed
// at the end. Needs only the repository.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { STRICT_CSP } from '../../web/site/dev/server.js';
import { cli, devSession, get, listen, startDev, stop } from './util.mjs';

// Inside a hidden folder on purpose: only hidden names below the docs folder are ignored.
const dev = devSession(
  'devtest',
  async (work) => {
    writeFileSync(join(work, 'secret.txt'), 'not for the site');
    const init = spawn(process.execPath, [cli, 'init', join(work, '.project', 'docs')]);
    await new Promise((resolve) => init.on('exit', resolve));
  },
  join('.project', 'docs'),
);
const { work } = dev;
const docs = join(work, '.project', 'docs');

describe('serving', { timeout: 20000 }, () => {
  test('builds into a temporary folder, not the config\'s "out"', () => {
    assert.ok(!existsSync(join(work, '.project', 'build')));
    assert.ok(existsSync(join(dev.outDir, 'index.html')));
  });
  test('every answer carries the strict CSP and nosniff; types follow the file', async () => {
    const cases = [
      ['/', 'text/html; charset=utf-8'],
      ['/_foldmark/site.js', 'text/javascript; charset=utf-8'],
      ['/_foldmark/style.css', 'text/css; charset=utf-8'],
      ['/_foldmark/favicon.svg', 'image/svg+xml'],
      ['/_foldmark/dev.js', 'text/javascript; charset=utf-8'],
      ['/nowhere', 'text/html; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const r = await get(dev.url, path);
      assert.equal(r.headers['content-type'], type, path);
      assert.equal(r.headers['content-security-policy'], STRICT_CSP, path);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
    }
    assert.equal((await get(dev.url, '/nowhere')).status, 404);
  });
  test("HTML gets the dev client, after the page's own scripts; files on disk do not", async () => {
    const page = await get(dev.url, '/index.html');
    assert.match(page.body, /<script src="\/_foldmark\/dev\.js\?build=\d+" defer><\/script>\n<\/head>/);
    assert.ok(page.body.indexOf('_foldmark/site.js') < page.body.indexOf('dev.js'));
    assert.doesNotMatch(readFileSync(join(dev.outDir, 'index.html'), 'utf8'), /dev\.js/);
  });
  test('nothing outside the site can be read: dot segments, encoded slashes, symlinks, other hosts', async () => {
    symlinkSync(work, join(dev.outDir, 'leak'));
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/_foldmark/..%2f..%2fsecret.txt',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5csecret.txt',
      '/%00',
      '/leak/secret.txt',
      '//etc/passwd',
    ]) {
      const r = await get(dev.url, path);
      assert.ok([400, 403, 404].includes(r.status), `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /not for the site|root:x:0:/, path);
    }
    assert.equal((await get(dev.url, '/', { host: 'attacker.example' })).status, 421);
  });
});

describe('mistakes', { timeout: 20000 }, () => {
  test('a port in use and a missing docs folder exit 1 with a message, leaving no temporary folder', async () => {
    const { port } = new URL(dev.url);
    // A temporary folder of these runs' own: other processes on the machine (tests run in
    // parallel, other checkouts) make and remove foldmark-dev-* folders in the shared one.
    const tmp = join(work, 'tmp');
    mkdirSync(tmp);
    const run = (...args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [cli, 'dev', ...args],
          { cwd: work, env: { ...process.env, TMPDIR: tmp } },
          (err, stdout, stderr) => resolve({ code: err ? err.code : 0, stderr }),
        );
      });
    const temps = () => new Set(readdirSync(tmp).filter((n) => n.startsWith('foldmark-dev-')));
    const before = temps();
    const busy = await run(join('.project', 'docs'), '--port', port);
    assert.equal(busy.code, 1);
    assert.match(
      busy.stderr,
      new RegExp(`foldmark: error: 127\\.0\\.0\\.1:${port} is in use: choose another with --port`),
    );
    const missing = await run('nowhere', '--port', '0');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nowhere: error: cannot read docs folder/);
    assert.deepEqual(
      [...temps()].filter((n) => !before.has(n)),
      [],
    );
  });
});

describe('rebuilding', { timeout: 20000 }, () => {
  test('a saved article is rewritten alone: one doc event, its script holds the new text', async () => {
    const from = dev.stream.seen.length;
    const file = join(docs, 'guides', 'deploying.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Is this new?\n\nSaved while dev ran.\n`);
    const { n } = await dev.stream.next('doc', from);
    assert.match(readFileSync(join(dev.outDir, '_foldmark', 'docs', `${n}.js`), 'utf8'), /Saved while dev ran/);
    assert.ok(!dev.stream.seen.slice(from).some((e) => e.event === 'reload'));
  });
  test('a changed title rebuilds the site and reloads the page', async () => {
    const from = dev.stream.seen.length;
    const file = join(docs, 'tutorial.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Tutorial', 'title: Getting started'));
    await dev.stream.next('reload', from);
    assert.match(readFileSync(join(dev.outDir, '_foldmark', 'catalog.js'), 'utf8'), /Getting started/);
  });
  test('a broken link is a problem sent to the page and printed; fixing it clears it', async () => {
    const from = dev.stream.seen.length;
    const file = join(docs, 'intro.md');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, `${before}\nSee [nothing](./nothing.md).\n`);
    const { problems } = await dev.stream.next('problems', from, (d) => d.problems.length > 0);
    assert.deepEqual(
      problems.map((p) => [p.level, p.message]),
      [
        ['warning', "broken link './nothing.md'"],
        ['error', '1 broken link(s) (--strict)'],
      ],
    );
    assert.equal(problems[0].file, join('.project', 'docs', 'intro.md')); // relative to where dev runs
    assert.match(dev.output().stderr, /intro\.md:\d+:\d+: warning: broken link '.\/nothing.md'/);
    const again = dev.stream.seen.length;
    writeFileSync(file, before);
    await dev.stream.next('problems', again, (d) => d.problems.length === 0);
  });
  test('a new article rebuilds the site', async () => {
    const from = dev.stream.seen.length;
    writeFileSync(
      join(docs, 'guides', 'faq.md'),
      '---\ntitle: FAQ\n---\n\n# FAQ\n\n## Does it work offline?\n\nYes.\n',
    );
    await dev.stream.next('reload', from);
    assert.ok(
      readFileSync(join(dev.outDir, '_foldmark', 'catalog.js'), 'utf8').includes('[\\"guides/faq\\",\\"FAQ\\"]'),
    );
  });
  test("with --prerender a save rewrites the article's own page too; Ctrl+C (SIGTERM) removes the temporary folder", async () => {
    const other = await startDev(work, join('.project', 'docs'), '--prerender');
    const events = listen(other.url);
    await events.next('hello');
    const from = events.seen.length;
    const file = join(docs, 'guides', 'configuration.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nPrerendered while dev ran.\n`);
    await events.next('doc', from);
    assert.match(
      readFileSync(join(other.outDir, 'guides', 'configuration', 'index.html'), 'utf8'),
      /<p>Prerendered while dev ran.<\/p>/,
    );
    events.close();
    await stop(other);
    assert.ok(!existsSync(other.outDir));
  });
});
