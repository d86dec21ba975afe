// `foldmark render` against hostile inputs and broken outputs:
// the 32 MiB limit is applied before a file is read whole (also to endless inputs), an Article
// whose JSON-LD is over the output budget is one E_LIMIT line, and a closed pipe or a full disk
// on stdout ends the command with the documented status instead of a stack trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cli, foldmark, removeDir, tempDir } from './util.mjs';

const work = tempDir('cli-render');
after(() => removeDir(work));
const MAX_INPUT_BYTES = 32 * 1024 * 1024;

// Runs the CLI with the given stdout and a time limit; resolves { code, stderr, timedOut }.
function runCli(args, { stdout = 'pipe', onStdout, ms = 30000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    if (onStdout) onStdout(child.stdout);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, timedOut: signal === 'SIGKILL' });
    });
  });
}

const oneErrorLine = (stderr, file, pattern) => {
  assert.equal(stderr.split('\n').length, 2, `one line expected: ${stderr}`);
  assert.ok(stderr.startsWith(`${file}: error: `), stderr);
  assert.match(stderr, pattern);
};

test('a file over 32 MiB is refused from its size, before it is read', async () => {
  const huge = join(work, 'huge.md');
  writeFileSync(huge, '');
  truncateSync(huge, 8 * 1024 * 1024 * 1024); // sparse: 8 GiB of size, no disk used
  const r = await foldmark('render', huge);
  assert.equal(r.code, 1);
  oneErrorLine(r.stderr, huge, /E_LIMIT: input is 8589934592 bytes; the maximum is 33554432/);
  const over = join(work, 'over.md');
  writeFileSync(over, '');
  truncateSync(over, MAX_INPUT_BYTES + 1);
  const r2 = await foldmark('render', over);
  assert.equal(r2.code, 1);
  oneErrorLine(r2.stderr, over, /E_LIMIT/);
});

test('an endless input (/dev/zero) stops one byte past the limit, quickly', async () => {
  const r = await runCli(['render', '/dev/zero'], { ms: 15000 });
  assert.equal(r.timedOut, false, 'render /dev/zero did not stop within 15 s');
  assert.equal(r.code, 1);
  oneErrorLine(r.stderr, '/dev/zero', /E_LIMIT: input is more than 33554432 bytes/);
});

test('render --json of an article whose JSON-LD passes the output budget: one E_LIMIT line', async () => {
  // '"' is 6 bytes of HTML and 11 of JSON-LD: together past 16 x input + 4 MiB.
  const file = join(work, 'quotes.md');
  writeFileSync(file, `## Is this fine?\n\n${'"'.repeat(6 << 20)}\n`);
  const r = await foldmark('render', file, '--json');
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  oneErrorLine(r.stderr, file, /E_LIMIT: output would exceed \d+ bytes/);
  const html = await runCli(['render', file], { stdout: 'ignore' });
  assert.equal(html.code, 0, html.stderr); // the HTML alone fits
});

function bigArticle() {
  const file = join(work, 'big.md');
  let text = '# Big\n\n';
  for (let i = 0; i < 20000; i++)
    text += `## Question ${i}?\n\nAn answer with *some* text and a [link](https://e.com/${i}).\n\n`;
  writeFileSync(file, text);
  return file;
}

test('stdout closed early (render … | head -c 10): quiet, status 0', async () => {
  const file = bigArticle();
  for (const args of [
    ['render', file],
    ['render', file, '--json'],
  ]) {
    const r = await runCli(args, {
      onStdout: (out) => out.once('data', () => out.destroy()),
    });
    assert.equal(r.timedOut, false);
    assert.equal(r.stderr, '', `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.code, 0, args.join(' '));
  }
});

test('stdout on a full disk (/dev/full): one line naming ENOSPC, status 1', async () => {
  const file = bigArticle();
  const full = openSync('/dev/full', 'w');
  try {
    const r = await runCli(['render', file], { stdout: full });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'foldmark: error: cannot write to standard output: ENOSPC\n');
  } finally {
    closeSync(full);
  }
});
