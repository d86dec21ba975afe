// What a build may touch in and around --out, and what `init` may write: a tampered manifest, a
// symlink inside --out or as --out, a symlinked or oddly named init folder. Each case was
// reproduced against the previous builder (a tampered manifest deleted files outside --out).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { foldmarkIn, removeDir, tempDir, writeFile } from './util.mjs';

const run = promisify(execFile);
const work = tempDir('outsafe');
after(() => removeDir(work));

let n = 0;
function project() {
  const top = join(work, `p${n++}`);
  writeFile(join(top, 'docs', 'a.md'), '# A\n');
  writeFile(join(top, 'docs', 'b.md'), '# B\n');
  return { top, docs: join(top, 'docs'), out: join(top, 'site') };
}

const manifestOf = (out) => JSON.parse(readFileSync(join(out, '.foldmark-site.json'), 'utf8'));
function tamper(out, extra) {
  const m = manifestOf(out);
  m.files.push(...extra);
  writeFileSync(join(out, '.foldmark-site.json'), JSON.stringify(m));
}

describe('the manifest in --out', () => {
  test('entries naming anything outside --out are never deleted, files nor folders', async () => {
    const { top, docs, out } = project();
    writeFile(join(top, 'victim', 'keep.txt'), 'precious');
    writeFile(join(top, 'victims', 'd', 'f.txt'), 'precious too');
    writeFile(join(top, 'abs.txt'), 'absolute');
    assert.equal((await foldmarkIn(top, 'build', docs, '--out', out)).code, 0);
    writeFile(join(out, 'mine', 'notes.txt'), "a folder of the user's inside --out");
    tamper(out, [
      '../victim/keep.txt',
      '../victims/d',
      join(top, 'abs.txt'),
      'x/../../victim/keep.txt',
      '',
      7,
      null,
      'mine',
    ]);
    const r = await foldmarkIn(top, 'build', docs, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(top, 'victim', 'keep.txt'), 'utf8'), 'precious');
    assert.equal(readFileSync(join(top, 'victims', 'd', 'f.txt'), 'utf8'), 'precious too');
    assert.equal(readFileSync(join(top, 'abs.txt'), 'utf8'), 'absolute');
    assert.ok(existsSync(join(out, 'mine', 'notes.txt')), 'a folder named as a file is never deleted');
    assert.ok(manifestOf(out).files.every((f) => !f.includes('..')));
  });

  test('an entry that leads through a symlink inside --out is not followed', async () => {
    const { top, docs, out } = project();
    writeFile(join(top, 'elsewhere', 'index.html'), 'theirs');
    assert.equal((await foldmarkIn(top, 'build', docs, '--out', out, '--prerender')).code, 0);
    // b's page folder replaced by a link to a folder of someone else's, then b removed.
    rmSync(join(out, 'b'), { recursive: true });
    symlinkSync(join(top, 'elsewhere'), join(out, 'b'));
    rmSync(join(docs, 'b.md'));
    const r = await foldmarkIn(top, 'build', docs, '--out', out, '--prerender');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(top, 'elsewhere', 'index.html'), 'utf8'), 'theirs');
  });
});

describe('symlinks in and as --out', () => {
  test('a symlinked folder inside --out is not written through', async () => {
    const { top, docs, out } = project();
    mkdirSync(join(top, 'elsewhere'));
    assert.equal((await foldmarkIn(top, 'build', docs, '--out', out)).code, 0);
    rmSync(join(out, '_foldmark'), { recursive: true });
    symlinkSync('../elsewhere', join(out, '_foldmark'));
    const r = await foldmarkIn(top, 'build', docs, '--out', out);
    assert.deepEqual(readdirSync(join(top, 'elsewhere')), [], 'nothing written through the link');
    assert.equal(r.code, 1);
    assert.ok(
      r.stderr.includes(`${join(out, '_foldmark')}: error: refusing to write through a symlink inside --out`),
      r.stderr,
    );
    assert.ok(lstatSync(join(out, '_foldmark')).isSymbolicLink(), 'the link is left for the user to look at');
    assert.deepEqual(
      readdirSync(top).filter((f) => f.includes('foldmark-tmp')),
      [],
    );
  });

  test('--out a symlink into the docs tree is refused like the docs tree itself', async () => {
    const { top, docs, out } = project();
    mkdirSync(join(docs, 'empty'));
    symlinkSync(join(docs, 'empty'), out);
    const r = await foldmarkIn(top, 'build', docs, '--out', out);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /refusing to write the site inside the docs folder/);
    assert.deepEqual(readdirSync(join(docs, 'empty')), []);
    // Not yet existing below such a link: the same.
    const below = await foldmarkIn(top, 'build', docs, '--out', join(out, 'deeper', 'site'));
    assert.equal(below.code, 1);
    assert.match(below.stderr, /inside the docs folder/);
    assert.ok(!existsSync(join(docs, 'empty', 'deeper')));
  });

  test('--out a symlink to a folder elsewhere builds there', async () => {
    const { top, docs } = project();
    mkdirSync(join(top, 'real-site'));
    symlinkSync(join(top, 'real-site'), join(top, 'linked'));
    const r = await foldmarkIn(top, 'build', docs, '--out', join(top, 'linked'));
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(top, 'real-site', 'index.html')));
  });
});

describe('init', () => {
  test('into a symlink to an empty folder writes there; a dangling symlink is a clear error', async () => {
    const top = join(work, `init${n++}`);
    mkdirSync(join(top, 'empty-dir'), { recursive: true });
    symlinkSync('empty-dir', join(top, 'link'));
    const r = await foldmarkIn(top, 'init', 'link');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(top, 'empty-dir', 'intro.md')));
    symlinkSync('missing', join(top, 'dangling'));
    const d = await foldmarkIn(top, 'init', 'dangling');
    assert.equal(d.code, 1);
    assert.ok(
      d.stderr.includes(
        `${join(top, 'dangling')}: error: is a symlink to ${join(top, 'missing')}, which does not exist`,
      ),
      d.stderr,
    );
    assert.ok(!/\bE[A-Z]+\b/.test(d.stderr), 'no raw fs code');
  });

  test('the "next" hint quotes the folder for a POSIX shell: pasted, it names the folder and runs nothing', async () => {
    const top = join(work, `init${n++}`);
    mkdirSync(top);
    const names = ['we ird\n$(touch pwned)', "it's `touch pwned2`", '-starts-with-dash', 'plain'];
    for (const name of names) {
      const r = await foldmarkIn(top, 'init', '--', name);
      assert.equal(r.code, 0, r.stderr);
      const arg = /npx foldmark dev ([\s\S]*?) {5}live preview/.exec(r.stdout)[1];
      const { stdout } = await run('sh', ['-c', `for a in ${arg}; do printf '[%s]' "$a"; done`], { cwd: top });
      const expected = name.startsWith('-') ? `./${name}` : name;
      assert.equal(stdout, `[${expected}]`, r.stdout);
    }
    assert.ok(!existsSync(join(top, 'pwned')) && !existsSync(join(top, 'pwned2')));
  });
});
