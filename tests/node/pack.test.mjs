// Packaging: the npm pack tarball, installed into an empty project, imports and renders in Node
// with the same bytes as the native build, exposes its types, and bundles cleanly with esbuild.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { root } from './fixtures.mjs';

const work = mkdtempSync(join(tmpdir(), 'foldmark-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));
const seed = join(root, 'content', 'how-is-webiny-serverless.md');

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('npm pack → install into an empty project → import and render in Node', () => {
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], root).trim().split('\n').pop();
  const app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', join(work, tarball)], app);
  for (const f of ['web/foldmark.d.ts', 'dist/foldmark-core.wasm', 'dist/foldmark-core.mjs', 'web/cli.js']) {
    assert.ok(existsSync(join(app, 'node_modules', 'foldmark', f)), `${f} is in the tarball`);
  }
  writeFileSync(join(app, 'main.mjs'), `
    import { readFileSync } from 'node:fs';
    import { createFoldmark, FoldmarkError } from 'foldmark';
    const fm = await createFoldmark();
    process.stdout.write(fm.render(readFileSync(process.argv[2], 'utf8')).html);
    if (typeof FoldmarkError !== 'function') process.exit(3);
  `);
  const html = run('node', ['main.mjs', seed], app);
  const native = run(join(root, 'build', 'native', 'wasm', 'foldmark'), ['render', seed], root);
  assert.ok(html.includes('What is &quot;FaaS&quot;?'));
  assert.equal(html, native, 'installed package renders the same bytes as the native build');
});

test('the browser entry bundles with esbuild without warnings', () => {
  const entry = join(work, 'entry.mjs');
  writeFileSync(entry, `import { createFoldmark } from ${JSON.stringify(join(root, 'web', 'browser.js'))};\nexport default createFoldmark;\n`);
  const out = execFileSync(join(root, 'node_modules', '.bin', 'esbuild'),
    [entry, '--bundle', '--format=esm', '--platform=browser', `--outfile=${join(work, 'bundle.js')}`, '--log-level=warning'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(out.trim(), '');
  const bundle = readFileSync(join(work, 'bundle.js'), 'utf8');
  assert.match(bundle, /foldmark-core\.wasm/, 'the bundle locates the wasm next to itself');
});
