// Small helpers shared by the site tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'web', 'cli.js');
export const tempDir = (prefix) => mkdtempSync(join(tmpdir(), `foldmark-${prefix}-`));
export const removeDir = (dir) => rmSync(dir, { recursive: true, force: true });
