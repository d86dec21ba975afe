// The npm package's browser entry through bundlers, rendered in Chromium from loopback http under a
// strict Content-Security-Policy: Vite follows `new URL('…wasm', import.meta.url)` and ships the
// .wasm by itself; esbuild does not, so the README's recipe (the file loader + wasmUrl) makes it
// work, and without it the page gets a FoldmarkError E_WASM that says what to do.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { launch, openPage, removeDir, root, serve, tempDir } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src data:";
const markdown = readFileSync(join(root, 'content', 'how-is-webiny-serverless.md'), 'utf8');
const wasm = readFileSync(join(root, 'dist', 'foldmark-core.wasm'));

// The app's entry: `imports` and `options` are what each bundler's recipe needs.
const entry = (imports, options) => `import { createFoldmark } from 'foldmark';
${imports}
try {
  const fm = await createFoldmark(${options});
  const article = fm.render(${JSON.stringify(markdown)});
  document.getElementById('out').innerHTML = article.html;
  document.title = article.title;
  document.body.dataset.version = fm.version.foldmark;
} catch (err) {
  document.body.dataset.error = err.name + ' ' + err.code + ': ' + err.message;
}
`;
const page = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title>
<link rel="icon" href="data:,"><script type="module" src="${src}"></script></head>
<body><main id="out">loading…</main></body></html>`;

let work;
let browser;
const servers = [];
before(async () => {
  work = tempDir('bundlers');
  // An app that depends on the package (a link to this checkout, as `npm install ../foldmark` makes).
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules', 'foldmark'), 'dir');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  removeDir(work);
});

// Serves `dir` under the strict policy, opens `path`, waits until the entry has finished.
async function open(dir, path) {
  const server = await serve({ routes: { '/': dir }, headers: { 'content-security-policy': CSP } });
  servers.push(server);
  const { page: tab, problems } = await openPage(browser.context);
  await tab.goto(`${server.url}${path}`);
  await tab.waitForSelector('body[data-version], body[data-error]');
  return { tab, problems };
}

async function assertRendered({ tab, problems }) {
  try {
    assert.equal(await tab.evaluate(() => document.body.dataset.error), undefined);
    assert.equal(await tab.title(), 'How is Webiny serverless?');
    assert.equal(await tab.locator('#out details.fm-qa').count(), 3);
    assert.ok(await tab.getByText('What is "FaaS"?').isVisible());
    assert.deepEqual(problems, []);
  } finally {
    await tab.close();
  }
}

test('Vite build: the .wasm is found through new URL(…, import.meta.url), emitted once, and renders', async () => {
  const app = join(work, 'vite');
  mkdirSync(app);
  writeFileSync(join(app, 'main.js'), entry('', ''));
  writeFileSync(join(app, 'index.html'), page('/main.js'));
  const { build } = await import('vite');
  await build({
    root: app,
    logLevel: 'warn',
    configFile: false,
    build: { outDir: join(app, 'out'), target: 'es2022' },
  });
  const assets = readdirSync(join(app, 'out', 'assets'));
  const wasms = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasms.length, 1, `one .wasm among ${assets}`);
  assert.ok(readFileSync(join(app, 'out', 'assets', wasms[0])).equals(wasm), "the emitted .wasm is the package's");
  await assertRendered(await open(join(app, 'out'), '/index.html'));
});

async function esbuild(app, source) {
  mkdirSync(app);
  writeFileSync(join(app, 'main.js'), source);
  writeFileSync(join(app, 'index.html'), page('./assets/main.js'));
  const bin = join(root, 'node_modules', '.bin', 'esbuild');
  const { stderr } = await promisify(execFile)(
    bin,
    [
      'main.js',
      '--bundle',
      '--format=esm',
      '--platform=browser',
      '--target=es2022',
      '--outdir=assets',
      '--loader:.wasm=file',
      '--log-level=warning',
    ],
    { cwd: app },
  );
  assert.equal(stderr, '');
}

test('esbuild with the README recipe (file loader + wasmUrl): the .wasm is copied and renders', async () => {
  const app = join(work, 'esbuild');
  await esbuild(
    app,
    entry("import wasmUrl from 'foldmark/foldmark-core.wasm';", '{ wasmUrl: new URL(wasmUrl, import.meta.url) }'),
  );
  assert.deepEqual(readdirSync(join(app, 'assets')).filter((f) => f.endsWith('.wasm')).length, 1);
  await assertRendered(await open(app, '/index.html'));
});

test('esbuild without the recipe: a FoldmarkError E_WASM naming the URL and the fix, not an Emscripten abort', async () => {
  const app = join(work, 'esbuild-bare');
  await esbuild(app, entry('', ''));
  const { tab } = await open(app, '/index.html');
  try {
    const error = await tab.evaluate(() => document.body.dataset.error);
    assert.match(
      error,
      /^FoldmarkError E_WASM: cannot fetch the foldmark wasm from http:\/\/127\.0\.0\.1:\d+\/dist\/foldmark-core\.wasm \(HTTP 404\)/,
    );
    assert.match(error, /esbuild.*--loader:\.wasm=file.*wasmUrl.*wasmBinary/);
    assert.doesNotMatch(error, /Aborted|RuntimeError/);
  } finally {
    await tab.close();
  }
});
