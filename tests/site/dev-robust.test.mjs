// `foldmark dev` against a careless or hostile environment: requests from other sites, the docs
// folder moved away and back or deleted and made again, a sidebars.js that never returns (Ctrl+C
// must still stop it and remove the temporary folder), thousands of files changed at once. Needs
// only the repository.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, get, listen, removeDir, startDev, stop, tempDir, within } from './util.mjs';

const work = tempDir('devrobust');
after(() => removeDir(work));

let n = 0;
function project() {
  const dir = join(work, `p${n++}`);
  mkdirSync(dir);
  execFileSync(process.execPath, [cli, 'init', 'docs'], { cwd: dir });
  return dir;
}

// Resolves once check() is true, polling; rejects after ms.
function until(check, what, ms = 30000) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

describe('requests from other sites', { timeout: 20000 }, () => {
  test('scripts asked for by a page of another site or port are refused; links to pages still work; every answer forbids cross-origin reads', async () => {
    const dev = await startDev(project(), 'docs');
    try {
      const script = { 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' };
      for (const site of ['cross-site', 'same-site']) {
        for (const path of [
          '/_foldmark/docs/0.js',
          '/_foldmark/catalog.js',
          '/_foldmark/search/0.js',
          '/_foldmark/events',
        ]) {
          const r = await get(dev.url, path, { ...script, 'sec-fetch-site': site });
          assert.equal(r.status, 403, `${site} ${path}`);
          assert.doesNotMatch(r.body, /foldmark(Doc|Catalog|Search)/);
        }
      }
      const own = await get(dev.url, '/_foldmark/docs/0.js', { ...script, 'sec-fetch-site': 'same-origin' });
      assert.equal(own.status, 200);
      assert.equal(own.headers['cross-origin-resource-policy'], 'same-origin');
      assert.equal(
        (await get(dev.url, '/_foldmark/docs/0.js')).status,
        200,
        'a client that sends no Sec-Fetch-Site (curl)',
      );
      const link = await get(dev.url, '/', {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        'sec-fetch-dest': 'document',
      });
      assert.equal(link.status, 200);
      assert.equal(link.headers['cross-origin-resource-policy'], 'same-origin');
      const framed = await get(dev.url, '/', {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        'sec-fetch-dest': 'iframe',
      });
      assert.equal(framed.status, 403);
    } finally {
      await stop(dev);
    }
  });
});

describe('the docs folder replaced', { timeout: 150000 }, () => {
  test('moved away and back, then deleted and made again: the terminal says so, the site rebuilds and saves are seen again', async () => {
    const dir = project();
    const docs = join(dir, 'docs');
    const dev = await startDev(dir, 'docs');
    const stream = listen(dev.url);
    try {
      await within(stream.next('hello'), 'hello event', dev);
      const intro = join(docs, 'intro.md');
      // A save that lands while a rebuild reads the folder may be taken by a full build (the page
      // reloads) instead of an update of the one article (the page re-renders it): either way the
      // page is told, and the site holds the saved text.
      const served = join(dev.outDir, '_foldmark', 'docs');
      const holds = (text) =>
        existsSync(served) && readdirSync(served).some((f) => readFileSync(join(served, f), 'utf8').includes(text));
      const save = async (text) => {
        const from = stream.seen.length;
        writeFileSync(intro, `${readFileSync(intro, 'utf8')}\n${text}\n`);
        const told = Promise.race([stream.next('doc', from), stream.next('reload', from)]);
        await within(told, `doc or reload event for "${text}"`, dev);
        await until(() => holds(text), `"${text}" in ${served}`, 20000);
      };
      await save('Saved before.');

      renameSync(docs, join(dir, 'away'));
      await until(
        () => /docs: warning: the folder is gone; watching for it to come back/.test(dev.output().stderr),
        'the "gone" line',
        20000,
      );
      let from = stream.seen.length;
      renameSync(join(dir, 'away'), docs);
      await within(stream.next('reload', from), 'reload after moving back', dev);
      assert.match(dev.output().stdout, /docs is back: watching again/);
      await save('Saved after moving back.');

      const kept = readFileSync(intro, 'utf8');
      rmSync(docs, { recursive: true });
      from = stream.seen.length;
      mkdirSync(docs);
      writeFileSync(intro, kept);
      await within(stream.next('reload', from), 'reload after making the folder again', dev);
      await save('Saved after making it again.');
    } finally {
      stream.close();
      await stop(dev);
    }
  });
});

describe('a sidebars.js or config file that never returns', { timeout: 90000 }, () => {
  const endless = (marker) =>
    `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'running');\nwhile (true) {}\n`;

  test('during the first build, SIGTERM stops dev at once and removes its temporary folder', async () => {
    const dir = project();
    const marker = join(dir, 'running');
    writeFileSync(join(dir, 'sidebars.js'), endless(marker));
    const temp = join(dir, 'tmp'); // its own TMPDIR: other runs' temporary folders do not count
    mkdirSync(temp);
    const child = spawn(process.execPath, [cli, 'dev', 'docs', '--sidebars', 'sidebars.js', '--port', '0'], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, TMPDIR: temp },
    });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      await until(() => existsSync(marker), 'sidebars.js to start');
      const stopped = Date.now();
      child.kill('SIGTERM');
      // Sooner than the 10 s limit on user code: the signal itself stops it.
      const result = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 8000)),
      ]);
      assert.deepEqual(result, { code: 0, signal: null });
      assert.ok(Date.now() - stopped < 8000, 'sooner than the 10 s limit on user code');
      assert.deepEqual(readdirSync(temp), [], 'no temporary folder left');
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('a foldmark.config.mjs that never returns: SIGTERM stops dev at once', async () => {
    const dir = project();
    const marker = join(dir, 'running');
    writeFileSync(
      join(dir, 'foldmark.config.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'running');\nwhile (true) {}\n`,
    );
    const child = spawn(process.execPath, [cli, 'dev', 'docs', '--port', '0'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      await until(() => existsSync(marker), 'foldmark.config.mjs to start');
      child.kill('SIGTERM');
      // Sooner than the 10 s limit on user code: the signal itself stops it.
      const result = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 8000)),
      ]);
      assert.deepEqual(result, { code: 0, signal: null });
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('during a rebuild, Ctrl+C (SIGINT) stops dev at once and removes its temporary folder', async () => {
    const dir = project();
    const marker = join(dir, 'running');
    writeFileSync(join(dir, 'sidebars.js'), "module.exports = { docs: ['intro'] };\n");
    const dev = await startDev(dir, 'docs', '--sidebars', 'sidebars.js');
    dev.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => dev.child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      writeFileSync(join(dir, 'sidebars.js'), endless(marker));
      await until(() => existsSync(marker), 'sidebars.js to start');
      dev.child.kill('SIGINT');
      // Sooner than the 10 s limit on user code: the signal itself stops it.
      const result = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 8000)),
      ]);
      assert.deepEqual(result, { code: 0, signal: null });
      assert.ok(!existsSync(dev.outDir));
    } finally {
      dev.child.kill('SIGKILL');
    }
  });
});

describe('many files at once', { timeout: 120000 }, () => {
  test('a rebuild after 60 new files (each name 35 characters) prints a short line: a few names and how many more', async () => {
    const dir = project();
    const dev = await startDev(dir, 'docs');
    const stream = listen(dev.url);
    try {
      await stream.next('hello');
      const from = stream.seen.length;
      mkdirSync(join(dir, 'docs', 'many'));
      for (let i = 0; i < 60; i++)
        writeFileSync(join(dir, 'docs', 'many', `article-with-a-long-name-${i}.md`), `# Article ${i}\n`);
      await until(() => /built 64 articles/.test(dev.output().stdout), 'the rebuild with every new file', 90000);
      await stream.next('reload', from);
      const lines = dev.output().stdout.split('\n');
      assert.ok(
        lines.every((l) => l.length < 300),
        lines.find((l) => l.length >= 300)?.slice(0, 300),
      );
      assert.ok(
        lines.some((l) => / and \d+ more\)$/.test(l)),
        lines.join('\n'),
      );
    } finally {
      stream.close();
      await stop(dev);
    }
  });
});
