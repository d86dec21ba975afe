// Helpers for tests that run the command line (node web/cli.js): the CLI, site and browser tests.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'web', 'cli.js');

const run = promisify(execFile);

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `foldmark-${prefix}-`));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// Runs `node web/cli.js ...args`; resolves { code, stdout, stderr } whatever the exit code.
export async function foldmark(...args) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    if (typeof err.code !== 'number') throw err;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
