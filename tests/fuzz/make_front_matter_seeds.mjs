// Writes fuzz_front_matter seeds (option byte, line-ending byte, YAML, NUL, body) from the front
// matter corpus of tests/node/front-matter-corpus, each with a few bodies and line endings.
// Usage: node tests/fuzz/make_front_matter_seeds.mjs OUT_DIR
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node tests/fuzz/make_front_matter_seeds.mjs OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const corpus = fileURLToPath(new URL('../node/front-matter-corpus/', import.meta.url));
const bodies = ['', '# Title\n\n## Why?\n\nBecause.\n', '## A?\n\n---\n\nafter\n', ':::note\nx\n:::\n'];
// Options byte as fuzz_front_matter.cpp decodes it: 2 gfm, 4 heading ids, 0x20 JSON-LD.
const options = [0x26, 0x27, 0x06 | 0x10];
let n = 0;
for (const name of readdirSync(corpus).sort()) {
  const yaml = readFileSync(join(corpus, name));
  bodies.forEach((body, k) => {
    const head = Buffer.from([options[k % options.length], k % 3]);
    writeFileSync(join(outDir, `${name}.${k}`), Buffer.concat([head, yaml, Buffer.from([0]), Buffer.from(body)]));
    n++;
  });
}
console.log(`front matter seeds: ${n} in ${outDir}`);
