// Raw HTML in docs (allowRawHtml 'safe', the site's mode): relative src/href written in HTML are
// resolved like Markdown images and links (the core writes them in the same canonical form):
// files copied, doc links made routes, broken ones reported with file:line:col.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { foldmarkIn, removeDir, tempDir, writeFiles } from './util.mjs';

const work = tempDir('raw-html');
after(() => removeDir(work));

test('HTML <img> and <a> in docs resolve like Markdown: copied, routed, broken ones located', async () => {
  writeFiles(join(work, 'docs'), {
    'a.md':
      '# A\n\n<figure><img src="./pic.png" alt="p"/></figure>\n\nSee <a href="./b.md#sec">B</a> and <img src="./missing.png">\n',
    'b.md': '# B\n\n## Sec\n',
    'pic.png': 'PNG',
  });
  const r = await foldmarkIn(work, 'build', 'docs', '--out', 'out', '--prerender');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /docs[/\\]a\.md:5:46: warning: broken image '\.\/missing\.png'/);
  assert.ok(existsSync(join(work, 'out', 'pic.png')));
  const page = readFileSync(join(work, 'out', 'a', 'index.html'), 'utf8');
  assert.match(page, /<figure><img src="\.\.\/pic\.png" alt="p"><\/figure>/);
  assert.match(page, /See <a href="\.\.\/b\/index\.html#sec">B<\/a>/);
});
