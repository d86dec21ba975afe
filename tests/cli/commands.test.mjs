// The authoring commands without a browser: every --help, `init` (a starter that builds with no
// warning, never over files), and foldmark.config.json/.mjs (found where documented, flags over it,
// each mistake named with its file and key). Needs only the repository.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import vm from 'node:vm';
import { resolveSettings } from '../../web/cli/config.js';
import { CONFIG_KEYS, helpText, OPTIONS, parseCommand } from '../../web/cli/options.js';
import { InputError } from '../../web/input-error.js';
import { foldmarkIn, removeDir, tempDir } from './util.mjs';

const work = tempDir('config');
after(() => removeDir(work));

function catalogOf(outDir) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(outDir, '_foldmark', 'catalog.js'), 'utf8'), sandbox);
  return JSON.parse(JSON.stringify(sandbox.self.foldmarkCatalog)); // out of the vm realm
}

let n = 0;
// A small docs folder with a config file (object → JSON; string → written as is).
function project(
  config,
  { name = 'foldmark.config.json', docs = { 'a.md': '# A\n\n## Q?\n\n[B](./b.md)\n', 'b.md': '# B\n' } } = {},
) {
  const dir = join(work, `p${n++}`);
  mkdirSync(join(dir, 'docs'), { recursive: true });
  for (const [file, body] of Object.entries(docs)) writeFileSync(join(dir, 'docs', file), body);
  if (config !== undefined)
    writeFileSync(join(dir, 'docs', name), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

describe('help and usage', () => {
  test('--help of the program and of every command exits 0 and names the command', async () => {
    for (const args of [['--help'], ['render', '--help'], ['build', '--help'], ['dev', '--help'], ['init', '-h']]) {
      const r = await foldmarkIn(work, ...args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, new RegExp(`usage: foldmark ${args.length > 1 ? args[0] : ''}`));
    }
  });
  test("every flag of the option table is in its commands' help, every config key in build --help", () => {
    for (const o of OPTIONS.filter((x) => x.flag))
      for (const c of o.commands) assert.match(helpText(c), new RegExp(`--${o.flag}\\b`), `${c} --${o.flag}`);
    for (const o of CONFIG_KEYS) assert.match(helpText('build'), new RegExp(`\\b${o.key}\\b`));
  });
  test('every flag a help text names, in its usage line or its --no- note, is one its command takes', () => {
    for (const c of ['render', 'build', 'dev', 'init']) {
      for (const [flag] of helpText(c).matchAll(/--(?:no-)?[a-z][a-z-]*/g)) {
        if (flag === '--help' || flag === '--version') continue;
        // Known to the command, whatever it thinks of the value.
        const args = OPTIONS.find((o) => `--${o.flag}` === flag && o.arg) ? [flag, 'x'] : [flag];
        assert.doesNotThrow(() => {
          try {
            parseCommand(c, args);
          } catch (err) {
            if (/Unknown option/.test(err.message)) throw err;
          }
        }, `${c} ${flag}`);
      }
    }
    assert.doesNotMatch(helpText('render'), /--no-/, 'render reads no config file: nothing to turn off');
  });
  test('mistakes on the command line exit 2 with a message and the usage', async () => {
    const cases = [
      [['build', project(undefined), '--frobnicate'], /Unknown option '--frobnicate'/],
      [['dev', 'docs', '--port', 'eighty'], /--port must be a port number/],
      [['build', 'docs', '--collapse', 'all'], /--collapse must be one of sections, questions, none/],
      [['build', 'a', 'b', '-o', 'x'], /build takes one DOCS_DIR/],
      [['build'], /build needs DOCS_DIR, or a foldmark.config.json here/],
      [['build', join(project(undefined), 'docs')], /build needs --out DIR/],
      [['init', 'a', 'b'], /init takes at most one DIR/],
      [['serve'], /unknown command "serve"/],
    ];
    for (const [args, message] of cases) {
      const r = await foldmarkIn(work, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /To specify/, 'no parseArgs advice');
      assert.match(r.stderr, /usage: foldmark/);
    }
  });
});

describe('init', () => {
  test('from an empty folder: init docs, then build docs with no warning and no broken link', async () => {
    const dir = join(work, 'fresh');
    mkdirSync(dir);
    const init = await foldmarkIn(dir, 'init', 'docs');
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /npx foldmark dev docs/);
    for (const f of ['intro.md', 'tutorial.md', 'guides/_category_.json', 'sidebars.js', 'foldmark.config.json'])
      assert.ok(existsSync(join(dir, 'docs', f)), f);
    const build = await foldmarkIn(dir, 'build', 'docs');
    assert.equal(build.code, 0, build.stderr);
    assert.equal(build.stderr, '');
    assert.match(
      build.stdout,
      /4 articles built; \d+ links between docs, \d+ in-page links?, 0 files linked, 0 broken links/,
    );
    const catalog = catalogOf(join(dir, 'build')); // the config's "out": ../build
    assert.equal(catalog.title, 'My docs');
    assert.deepEqual(catalog.sidebars[0].at(-1).slice(0, 3), ['c', 'Guides', 0]); // from _category_.json
  });
  test('init with no DIR writes ./docs', async () => {
    const dir = join(work, 'default');
    mkdirSync(dir);
    assert.equal((await foldmarkIn(dir, 'init')).code, 0);
    assert.ok(existsSync(join(dir, 'docs', 'intro.md')));
  });
  test('a non-empty folder or a file is refused (exit 1) and left as it was', async () => {
    const dir = join(work, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'intro.md'), 'mine');
    const r = await foldmarkIn(work, 'init', dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /busy: error: is not empty/);
    assert.equal(readFileSync(join(dir, 'intro.md'), 'utf8'), 'mine');
    assert.ok(!existsSync(join(dir, 'tutorial.md')));
    const file = await foldmarkIn(work, 'init', join(dir, 'intro.md'));
    assert.equal(file.code, 1);
    assert.match(file.stderr, /exists and is not a folder/);
  });
});

describe('config file', () => {
  test('`build` with no arguments builds what the config in the current folder names', async () => {
    const dir = project({ title: 'Configured', docs: 'docs', out: 'site' });
    writeFileSync(join(dir, 'foldmark.config.json'), readFileSync(join(dir, 'docs', 'foldmark.config.json')));
    removeDir(join(dir, 'docs', 'foldmark.config.json'));
    const r = await foldmarkIn(dir, 'build');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(catalogOf(join(dir, 'site')).title, 'Configured');
  });
  test('rawHtml: the config key and --raw-html choose the mode; the page and --prerender pages follow it', async () => {
    const docs = { 'a.md': '# A\n\n<b onclick="x()">bold</b>\n' };
    const docScript = (out) => readFileSync(join(out, '_foldmark', 'docs', '0.js'), 'utf8');
    const page = (out) => readFileSync(join(out, 'a', 'index.html'), 'utf8');
    const safe = project({ out: '../out', prerender: true }, { docs });
    assert.equal((await foldmarkIn(work, 'build', join(safe, 'docs'))).code, 0);
    assert.doesNotMatch(docScript(join(safe, 'out')), /allowRawHtml/); // the page's default
    assert.match(page(join(safe, 'out')), /<b>bold<\/b>/);
    const trusted = project({ out: '../out', prerender: true, rawHtml: 'trusted' }, { docs });
    assert.equal((await foldmarkIn(work, 'build', join(trusted, 'docs'))).code, 0);
    assert.match(docScript(join(trusted, 'out')), /"allowRawHtml":true/);
    assert.match(page(join(trusted, 'out')), /<b onclick="x\(\)">bold<\/b>/);
    const text = await foldmarkIn(work, 'build', join(trusted, 'docs'), '--raw-html', 'text');
    assert.equal(text.code, 0, text.stderr);
    assert.match(docScript(join(trusted, 'out')), /"allowRawHtml":false/);
    assert.match(page(join(trusted, 'out')), /&lt;b onclick=/);
    const bad = await foldmarkIn(work, 'build', join(project({ rawHtml: 'all' }), 'docs'));
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /"rawHtml" must be one of text, safe, trusted/);
  });
  test('in the docs folder: found from DOCS_DIR, paths relative to the file', async () => {
    const dir = project({ title: 'Docs folder', out: '../out', collapse: 'questions' });
    const r = await foldmarkIn(work, 'build', join(dir, 'docs'));
    assert.equal(r.code, 0, r.stderr);
    const catalog = catalogOf(join(dir, 'out'));
    assert.deepEqual([catalog.title, catalog.collapse], ['Docs folder', 'questions']);
  });
  test('flags win over the config: --title, -o, --no-strict, --collapse', async () => {
    const dir = project(
      { title: 'From config', out: '../out', strict: true, collapse: 'questions' },
      { docs: { 'a.md': '# A\n\n[gone](./gone.md)\n' } },
    );
    const strict = await foldmarkIn(dir, 'build', 'docs');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /broken link\(s\) \(--strict\)/);
    const r = await foldmarkIn(
      dir,
      'build',
      'docs',
      '--title',
      'From flag',
      '-o',
      'flagged',
      '--no-strict',
      '--collapse',
      'none',
    );
    assert.equal(r.code, 0, r.stderr);
    const catalog = catalogOf(join(dir, 'flagged'));
    assert.deepEqual([catalog.title, catalog.collapse], ['From flag', 'none']);
    assert.ok(!existsSync(join(dir, 'out')));
  });
  test('--config names the file; editUrl reaches the catalog and each doc', async () => {
    const dir = project(undefined);
    writeFileSync(
      join(dir, 'elsewhere.json'),
      JSON.stringify({ docs: 'docs', out: 'o', editUrl: 'https://example.com/edit/main/docs' }),
    );
    const r = await foldmarkIn(work, 'build', '-c', join(dir, 'elsewhere.json'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(catalogOf(join(dir, 'o')).editUrl, 'https://example.com/edit/main/docs/');
    assert.match(readFileSync(join(dir, 'o', '_foldmark', 'docs', '0.js'), 'utf8'), /"path":"a.md"/);
  });
  test('foldmark.config.mjs: export default', async () => {
    const dir = project('export default { title: `From ${"code"}`, out: "../out" };\n', {
      name: 'foldmark.config.mjs',
    });
    const r = await foldmarkIn(work, 'build', join(dir, 'docs'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(catalogOf(join(dir, 'out')).title, 'From code');
  });
  test('each mistake is an error naming the file, the line and column, and the key', async () => {
    const cases = [
      ['{\n  "title": "x",\n  "titel": "y"\n}\n', [3, 3], /^unknown key "titel"; the keys are docs, out, sidebars,/],
      ['{\n  "strict": "yes"\n}\n', [2, 3], /^"strict" must be true or false$/],
      ['{ "static": "img" }', [1, 3], /^"static" must be a list of folder paths$/],
      ['{ "port": "3000" }', [1, 3], /^"port" must be a port number/],
      ['{ "baseUrl": "example.com" }', [1, 3], /^"baseUrl" must be an http\(s\) URL$/],
      ['{\n  "baseUrl": "https://x.example/docs?ref=1"\n}\n', [2, 3], /^"baseUrl" must not have a \?query/],
      ['{ "collapse": "all" }', [1, 3], /^"collapse" must be one of sections, questions, none$/],
      ['{ "force": true }', [1, 3], /^"force" can only be given on the command line \(--force\)$/],
      ['{\n  "title": "x",\n}\n', [3, 1], /^not valid JSON/],
      ['[1, 2]', [undefined, undefined], /^must hold a JSON object of settings$/],
    ];
    for (const [text, [line, column], message] of cases) {
      const dir = project(text);
      const err = await resolveSettings('build', [join(dir, 'docs')], {}, work).then(
        () => null,
        (e) => e,
      );
      assert.ok(err instanceof InputError, text);
      assert.deepEqual(
        [err.file, err.line, err.column],
        [join(dir, 'docs', 'foldmark.config.json'), line, column],
        text,
      );
      assert.match(err.message, message, text);
    }
    const mjs = project('export default 42;\n', { name: 'foldmark.config.mjs' });
    const err = await resolveSettings('dev', [join(mjs, 'docs')], {}, work).then(
      () => null,
      (e) => e,
    );
    assert.match(err.message, /^must export default an object of settings$/);
  });
  test('on the command line a config mistake exits 1 with file:line:column and builds nothing', async () => {
    const dir = project('{\n  "titel": "y"\n}\n');
    const r = await foldmarkIn(work, 'build', join(dir, 'docs'), '-o', join(dir, 'out'));
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr.split('\n')[0],
      `${join(dir, 'docs', 'foldmark.config.json')}:2:3: error: unknown key "titel"; the keys are ${CONFIG_KEYS.map((o) => o.key).join(', ')}`,
    );
    assert.ok(!existsSync(join(dir, 'out')));
  });
  test('two config files in one folder are an error, not a guess', async () => {
    const dir = project({ title: 'json' });
    writeFileSync(join(dir, 'docs', 'foldmark.config.mjs'), 'export default { title: "mjs" };\n');
    const r = await foldmarkIn(work, 'build', join(dir, 'docs'), '-o', join(dir, 'out'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /two config files in one folder/);
  });
});
