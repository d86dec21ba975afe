// What a build may read and publish: only files that resolve, symlinks followed, inside the docs
// folder, a --static folder, the workspace root or an allowed folder; never over a page the site
// generates; doc ids that every output path and every file system can hold. Each case was
// reproduced against the previous builder (a symlink published /etc/passwd).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import vm from 'node:vm';
import { foldmarkIn, removeDir, startDev, tempDir, writeFile } from './util.mjs';

const work = tempDir('contain');
after(() => removeDir(work));

let n = 0;
// A workspace (a folder with .git) inside a folder that holds a secret beside it.
function workspace() {
  const top = join(work, `w${n++}`);
  const ws = join(top, 'repo');
  mkdirSync(join(ws, '.git'), { recursive: true });
  writeFile(join(ws, '.git', 'config'), '[http] extraheader = AUTHORIZATION: token\n');
  writeFile(join(top, 'secret.txt'), 'SECRET\n');
  return { top, ws, docs: join(ws, 'docs') };
}

function catalogIds(out) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  return JSON.parse(JSON.stringify(sandbox.self.foldmarkCatalog.docs.map(([id]) => id))); // out of the vm realm
}

describe('containment', () => {
  test('a docs folder in no project (no .git or package.json above) publishes nothing beside it', async () => {
    const t = join(work, `loose${n++}`);
    writeFile(join(t, 'secret.txt'), 'SECRET\n');
    writeFile(join(t, 'docs', 'a.md'), '# A\n\n[key](./key.txt)\n\n![x](./pic.png)\n');
    symlinkSync('../secret.txt', join(t, 'docs', 'key.txt'));
    symlinkSync('/etc/passwd', join(t, 'docs', 'pic.png'));
    const out = join(t, 'out');
    const r = await foldmarkIn(t, 'build', join(t, 'docs'), '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /a\.md:3:\d+: warning: '\.\/key\.txt' resolves outside/);
    assert.match(r.stderr, /a\.md:5:\d+: warning: '\.\/pic\.png' resolves outside/);
    assert.ok(!existsSync(join(out, 'key.txt')) && !existsSync(join(out, 'pic.png')), 'neither target is published');
  });

  test('a linked file whose symlink leads out of the workspace, or into a hidden folder, is refused at the link; one inside is published', async () => {
    const { top, ws, docs } = workspace();
    writeFile(join(docs, 'a.md'), '# A\n\n[key](./key.txt)\n\n![x](./pic.png)\n\n![ok](./ok.png) [git](./cfg.txt)\n');
    writeFile(join(ws, 'assets', 'ok.png'), 'PNG');
    symlinkSync(join(top, 'secret.txt'), join(docs, 'key.txt'));
    symlinkSync('/etc/passwd', join(docs, 'pic.png'));
    symlinkSync('../assets/ok.png', join(docs, 'ok.png'));
    symlinkSync('../.git/config', join(docs, 'cfg.txt'));
    const out = join(top, 'out');
    const r = await foldmarkIn(top, 'build', docs, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.includes(`${join(docs, 'a.md')}:3:7: warning: './key.txt' resolves outside`), r.stderr);
    assert.match(r.stderr, /a\.md:5:\d+: warning: '\.\/pic\.png' resolves outside .*not published/);
    assert.match(r.stderr, /a\.md:7:\d+: warning: '\.\/cfg\.txt' resolves to a hidden file or folder/);
    assert.ok(
      !existsSync(join(out, 'key.txt')) && !existsSync(join(out, 'pic.png')) && !existsSync(join(out, 'cfg.txt')),
    );
    assert.equal(readFileSync(join(out, 'ok.png'), 'utf8'), 'PNG');
    assert.ok(
      !JSON.stringify(readFileSync(join(out, '_foldmark', 'docs', '0.js'), 'utf8')).includes('key.txt"'),
      'the refused link has no target',
    );
  });

  test('articles, folders and category files that resolve outside are left out with a warning', async () => {
    const { top, ws, docs } = workspace();
    writeFile(join(docs, 'a.md'), '# A\n');
    writeFile(join(top, 'outside.md'), '# Outside secret\n');
    writeFile(join(top, 'elsewhere', 'x.md'), '# Elsewhere secret\n');
    writeFile(join(top, 'cat', '_category_.json'), '{"label": "Leaked label"}');
    writeFile(join(docs, 'guide', 'g.md'), '# G\n');
    symlinkSync(join(top, 'outside.md'), join(docs, 'leak.md'));
    symlinkSync(join(top, 'elsewhere'), join(docs, 'far'));
    symlinkSync(join(top, 'cat', '_category_.json'), join(docs, 'guide', '_category_.json'));
    writeFile(join(ws, 'shared', 'in.md'), '# In the workspace\n');
    symlinkSync(join(ws, 'shared', 'in.md'), join(docs, 'in.md'));
    const out = join(top, 'out');
    const r = await foldmarkIn(top, 'build', docs, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /leak\.md: warning: resolves outside .*: left out/);
    assert.match(r.stderr, /far: warning: folder resolves outside .*: not read/);
    assert.match(r.stderr, /_category_\.json: warning: resolves outside/);
    assert.deepEqual(catalogIds(out).sort(), ['a', 'guide/g', 'in']);
    const site = readFileSync(join(out, '_foldmark', 'catalog.js'), 'utf8');
    assert.ok(!site.includes('secret') && !site.includes('Leaked'), 'nothing from outside reaches the site');
    assert.match(r.stdout, /3 articles built, 1 left out \(1 outside the docs' workspace\)/);
  });

  test("a monorepo's symlinked docs folder inside its workspace builds, with its symlinked files", async () => {
    const top = join(work, `mono${n++}`);
    writeFile(join(top, 'package.json'), '{"private": true}');
    writeFile(join(top, 'shared', 'docs', 'a.md'), '# A\n\n![logo](./logo.png)\n');
    writeFile(join(top, 'assets', 'logo.png'), 'LOGO');
    symlinkSync('../../assets/logo.png', join(top, 'shared', 'docs', 'logo.png'));
    mkdirSync(join(top, 'packages', 'site'), { recursive: true });
    symlinkSync('../../shared/docs', join(top, 'packages', 'site', 'docs'));
    const out = join(top, 'packages', 'site', 'build');
    const r = await foldmarkIn(join(top, 'packages', 'site'), 'build', 'docs', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(readFileSync(join(out, 'logo.png'), 'utf8'), 'LOGO');
  });

  test('--static: symlinked folders are followed inside the workspace, refused outside; generated files are never replaced', async () => {
    const { top, ws, docs } = workspace();
    writeFile(join(docs, 'a.md'), '# A\n');
    const statics = join(ws, 'static');
    writeFile(join(statics, 'index.html'), 'EVIL INDEX');
    writeFile(join(statics, '_foldmark', 'site.js'), 'alert("evil")');
    writeFile(join(statics, 'robots.txt'), 'User-agent: *');
    writeFile(join(ws, 'more', 'img', 'x.png'), 'X');
    symlinkSync(join(ws, 'more', 'img'), join(statics, 'img'));
    writeFile(join(top, 'private', 'id_rsa'), 'KEY');
    symlinkSync(join(top, 'private'), join(statics, 'private'));
    symlinkSync(join(top, 'secret.txt'), join(statics, 'secret.txt'));
    const out = join(top, 'out');
    const r = await foldmarkIn(top, 'build', docs, '--out', out, '--static', statics);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(out, 'img', 'x.png'), 'utf8'), 'X');
    assert.equal(readFileSync(join(out, 'robots.txt'), 'utf8'), 'User-agent: *');
    assert.ok(!existsSync(join(out, 'private')) && !existsSync(join(out, 'secret.txt')));
    assert.match(r.stderr, /private: warning: folder resolves outside/);
    assert.match(r.stderr, /secret\.txt: warning: resolves outside/);
    assert.notEqual(readFileSync(join(out, 'index.html'), 'utf8'), 'EVIL INDEX');
    assert.ok(!readFileSync(join(out, '_foldmark', 'site.js'), 'utf8').includes('evil'));
    assert.match(r.stderr, /static\/index\.html: warning: "index\.html" is a file the site generates: not copied/);
    assert.match(r.stderr, /site\.js: warning: "_foldmark\/site\.js" is a file the site generates: not copied/);
  });

  test('a config file inside the docs folder cannot name a --static folder outside the workspace, nor widen it', async () => {
    const { top, docs } = workspace();
    writeFile(join(docs, 'a.md'), '# A\n');
    writeFile(join(top, '.ssh', 'id_rsa'), 'KEY');
    writeFile(join(docs, 'foldmark.config.json'), '{\n  "out": "../../out",\n  "static": ["../../.ssh"]\n}\n');
    const r = await foldmarkIn(top, 'build', docs);
    assert.equal(r.code, 1);
    assert.ok(
      r.stderr.includes(
        `${join(docs, 'foldmark.config.json')}:3:3: error: "static" folder ../../.ssh resolves outside`,
      ),
      r.stderr,
    );
    assert.ok(!existsSync(join(top, 'out', 'id_rsa')));
    writeFile(
      join(docs, 'foldmark.config.json'),
      '{\n  "out": "../../out",\n  "allow": [".."],\n  "static": ["../../.ssh"]\n}\n',
    );
    const widened = await foldmarkIn(top, 'build', docs);
    assert.equal(widened.code, 1);
    assert.match(
      widened.stderr,
      /foldmark\.config\.json:3:3: error: "allow" cannot be set by a config file inside the docs folder/,
    );
    // The project's own config, outside the docs folder, may allow a folder.
    removeDir(join(docs, 'foldmark.config.json'));
    writeFile(join(top, 'shared', 'x.png'), 'SHARED');
    writeFile(
      join(top, 'repo', 'foldmark.config.json'),
      JSON.stringify({ docs: 'docs', out: '../out', allow: ['../shared'], static: ['../shared'] }),
    );
    const allowed = await foldmarkIn(join(top, 'repo'), 'build');
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.equal(readFileSync(join(top, 'out', 'x.png'), 'utf8'), 'SHARED');
  });
});

describe('dev', { timeout: 20000 }, () => {
  test('dev applies the same rule: a file whose symlink leads out of the workspace is warned and not served', async () => {
    const { top, docs } = workspace();
    writeFile(join(docs, 'a.md'), '# A\n\n[key](./key.txt)\n');
    symlinkSync(join(top, 'secret.txt'), join(docs, 'key.txt'));
    const dev = await startDev(top, docs);
    try {
      const res = await fetch(new URL('key.txt', dev.url));
      assert.equal(res.status, 404);
      assert.ok(!(await res.text()).includes('SECRET'));
      assert.match(dev.output().stderr, /a\.md:3:7: warning: '\.\/key\.txt' resolves outside/);
    } finally {
      await new Promise((resolve) => {
        dev.child.removeAllListeners('exit');
        dev.child.on('exit', resolve);
        dev.child.kill('SIGTERM');
      });
    }
  });
});

describe('generated paths', () => {
  test('a docs file at a path the site generates is not copied over it, with a warning at the link', async () => {
    const { top, docs } = workspace();
    writeFile(
      join(docs, 'intro.md'),
      '# Intro\n\n[a](./index.html) [b](./404.html) [c](./sitemap.xml) [d](./guide/index.html) [m](./.foldmark-site.json)\n',
    );
    writeFile(join(docs, 'guide.md'), '# Guide\n');
    writeFile(join(docs, 'index.html'), '<script>alert("evil index")</script>');
    writeFile(join(docs, '404.html'), 'EVIL404');
    writeFile(join(docs, 'sitemap.xml'), '<evil/>');
    writeFile(join(docs, 'guide', 'index.html'), '<script>alert(2)</script>');
    writeFile(join(docs, '.foldmark-site.json'), '{"generator":"foldmark","files":["../../x"]}');
    const out = join(top, 'out');
    const r = await foldmarkIn(top, 'build', docs, '--out', out, '--prerender', '--base-url', 'https://x.example/');
    assert.equal(r.code, 0, r.stderr);
    for (const page of ['index.html', '404.html', 'sitemap.xml', 'guide/index.html']) {
      const text = readFileSync(join(out, page), 'utf8');
      assert.ok(!/evil|alert/i.test(text), `${page} is the site's own`);
      assert.match(
        r.stderr,
        new RegExp(
          `intro\\.md:3:\\d+: warning: '\\./${page.replace('.', '\\.')}' is a file the site generates: not copied`,
        ),
      );
    }
    assert.ok(!readFileSync(join(out, '.foldmark-site.json'), 'utf8').includes('../../x'));
  });
});

describe('doc ids', () => {
  test('ids no output path can hold are errors naming the doc, with and without --prerender', async () => {
    const { top, docs } = workspace();
    const bad = {
      'sm.md': 'sitemap.xml',
      'nf.md': '404.html',
      'ix.md': 'index.html',
      'fm.md': '_foldmark',
      'long.md': 'x'.repeat(300),
      'nul.md': '"nul\\0byte"',
      'win.md': '..\\escape',
      'dot.md': '"a\\\\.."',
    };
    writeFile(join(docs, 'ok.md'), '# OK\n');
    for (const [file, id] of Object.entries(bad)) writeFile(join(docs, file), `---\ntitle: T\nid: ${id}\n---\n# T\n`);
    for (const flags of [[], ['--prerender', '--base-url', 'https://x.example/']]) {
      const out = join(top, `out${flags.length}`);
      const r = await foldmarkIn(top, 'build', docs, '--out', out, ...flags);
      assert.equal(r.code, 1, r.stderr);
      for (const file of Object.keys(bad))
        assert.match(
          r.stderr,
          new RegExp(
            `${file.replace('.', '\\.')}:3:1: error: article id .* (is a file the site generates|is longer than 255 bytes|holds a control character|may not be "\\." or "\\.\\.")`,
          ),
          `${file} ${flags}`,
        );
      assert.ok(!r.stderr.includes(out), 'the error names the doc, not the output path');
      assert.ok(!existsSync(out));
    }
  });

  test('ids that differ only in case are one file on macOS and Windows: an error with --prerender', async () => {
    const { top, docs } = workspace();
    writeFile(join(docs, 'Guide.md'), '# Upper\n');
    writeFile(join(docs, 'guide.md'), '# Lower\n');
    const plain = await foldmarkIn(top, 'build', docs, '--out', join(top, 'plain'));
    assert.equal(plain.code, 0, plain.stderr);
    const r = await foldmarkIn(top, 'build', docs, '--out', join(top, 'pre'), '--prerender');
    assert.equal(r.code, 1);
    assert.ok(
      r.stderr.includes(
        `${join(docs, 'guide.md')}:1:1: error: article id "guide" differs only in case from "Guide" (${join(docs, 'Guide.md')}:1:1)`,
      ),
      r.stderr,
    );
  });
});
