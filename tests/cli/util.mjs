// Helpers for tests that run the command line (node web/cli.js): the CLI, site and browser tests.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

// Runs `node web/cli.js ...args` in cwd; resolves { code, stdout, stderr } whatever the exit code.
export async function foldmarkIn(cwd, ...args) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    if (typeof err.code !== 'number') throw err;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// Runs `node web/cli.js ...args` in the repository root.
export function foldmark(...args) {
  return foldmarkIn(root, ...args);
}

// Writes body to file, creating its folders.
export function writeFile(file, body) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, body);
}

// Writes { 'relative/name': body } under dir; returns dir.
export function writeFiles(dir, files) {
  for (const [name, body] of Object.entries(files)) writeFile(join(dir, name), body);
  return dir;
}
