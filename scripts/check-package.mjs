#!/usr/bin/env node
// Run by `npm pack` / `npm publish` (prepack, after the build): npm silently leaves out a `files`
// entry that does not exist, so a missing dist/ would ship a package that cannot load. Fails
// loudly instead when anything package.json names (files, exports, bin, types) is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function targets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value ?? {}).flatMap(targets);
}

const named = new Set([...pkg.files, ...targets(pkg.exports), ...targets(pkg.bin), pkg.types, 'LICENSE', 'README.md']);
const missing = [...named].filter((path) => !existsSync(join(root, path)));
if (missing.length > 0) {
  console.error(`check-package: missing ${missing.join(', ')}; run npm run build (needs Emscripten: npm run setup)`);
  process.exit(1);
}
