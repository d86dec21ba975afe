// `foldmark dev`: build, serve on 127.0.0.1, watch, rebuild. A saved article whose outline did not
// change is rewritten alone (update.js) and re-rendered in the open page; anything else rebuilds
// the whole site and reloads the page where the reader was. Problems go to the terminal and the page.
import { watch } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { InputError } from '../input-error.js';
import { buildSite } from '../site/builder/index.js';
import { updateDoc } from '../site/builder/update.js';
import { startServer } from '../site/dev/server.js';
import { watchTree } from '../site/dev/tree-watch.js';
import { location } from '../site/builder/problems.js';
import { stopUserCode } from '../site/builder/user-code.js';
import { buildOptions } from './config.js';

const DEBOUNCE_MS = 20; // editors write a file in several steps (truncate, write, rename)
const REPLACED_MS = 100; // a folder moved away and back, or deleted and made again, settles first
const DOC = /\.mdx?$/i;
const NAMES_SHOWN = 3;

// A terminal line names a few files, not thousands: "a.md, b.md, c.md and 2,997 more".
export function someNames(names) {
  if (names.length <= NAMES_SHOWN) return names.join(', ');
  return `${names.slice(0, NAMES_SHOWN).join(', ')} and ${(names.length - NAMES_SHOWN).toLocaleString('en')} more`;
}

const inside = (file, dir) => {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
};

// Editor droppings and hidden files never change the site. rel: the path below the watched folder
// (a project inside a hidden folder, ~/.work/docs, is still watched).
const ignored = (rel) => {
  const name = basename(rel);
  return (
    name.endsWith('~') ||
    /\.sw[a-p]x?$|___jb_(tmp|old)___$/.test(name) ||
    name === '4913' ||
    rel.split(sep).some((part) => part.startsWith('.') || part === 'node_modules')
  );
};

// The page shows file names as the terminal would, relative to the current folder when inside it.
function forPage(problems) {
  const shown = (file) => {
    const rel = file && relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  };
  return { problems: problems.map((p) => ({ ...p, file: shown(p.file) })) };
}

/**
 * Runs until close(). settings: resolved settings (config.js); reload(): settings read again
 * (the config file changed); io: { out(line), err(line) }; signal: an AbortSignal that, aborted
 * during the first build, ends it without serving. Resolves { url, outDir, close }.
 */
export async function runDev(fm, settings, reload, io, signal) {
  // Nothing to watch: say so now rather than serve an empty site.
  if (
    !(await stat(settings.docs).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw new InputError('cannot read docs folder', { file: settings.docs });
  const ownOut = !settings.out;
  const outDir = settings.out || (await mkdtemp(join(tmpdir(), 'foldmark-dev-')));
  let site = null;
  let version = 0;
  let problems = [];
  let unwatch = () => {};

  async function fullBuild(why = '') {
    const started = performance.now();
    const found = [];
    try {
      const summary = await buildSite(fm, {
        ...buildOptions(settings),
        outDir,
        warn: io.err,
        report: (p) => found.push(p),
      });
      site = summary.site;
      version += 1;
      io.out(
        `foldmark dev: built ${summary.built} article${summary.built === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms` +
          `${found.length ? `, ${found.length} problem${found.length === 1 ? '' : 's'}` : ''}${why ? ` (${why})` : ''}`,
      );
      return true;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (signal?.aborted) return false; // stopped by Ctrl+C: nothing to report
      found.push({ level: 'error', message: err.message, file: err.file, line: err.line, column: err.column });
      site = null; // the served site no longer matches the files: the next save builds it all
      io.err(`${err.file ? location(err) : 'foldmark'}: error: ${err.message} (the last good build is still served)`);
      return false;
    } finally {
      problems = found;
    }
  }

  async function update(paths) {
    const started = performance.now();
    const updated = [];
    for (const abs of paths) {
      const result = await updateDoc(site, outDir, abs);
      if (result.full) return { full: `${relative(settings.docs, abs)}: ${result.full}` };
      problems = [
        ...problems.filter((p) => p.file !== abs),
        ...result.warnings.map((w) => ({ level: 'warning', ...w })),
      ];
      for (const w of result.warnings) io.err(`${location(w)}: warning: ${w.message}`);
      updated.push(result.n);
    }
    version += 1;
    for (const n of updated) server.broadcast('doc', { n, version });
    io.out(
      `foldmark dev: ${someNames(paths.map((p) => relative(settings.docs, p)))} updated in ${Math.round(performance.now() - started)} ms`,
    );
    return { updated };
  }

  // One batch of changed paths: the config file, articles alone, or anything else.
  async function rebuild(paths) {
    if (settings.configFile && paths.includes(settings.configFile)) {
      try {
        settings = await reload();
      } catch (err) {
        problems = [
          {
            level: 'error',
            message: err.message,
            file: err.file ?? settings.configFile,
            line: err.line,
            column: err.column,
          },
        ];
        io.err(
          `${location({ file: err.file ?? settings.configFile, line: err.line, column: err.column })}: error: ${err.message}`,
        );
        return server.broadcast('problems', forPage(problems));
      }
      unwatch();
      unwatch = watchAll();
      site = null;
    }
    const docs = paths.filter((p) => DOC.test(p) && inside(p, settings.docs) && !basename(p).startsWith('_'));
    const result =
      site && docs.length === paths.length
        ? await update(docs)
        : { full: site ? someNames(paths.map((p) => relative(settings.docs, p) || basename(p))) : '' };
    if (result.full !== undefined && (await fullBuild(result.full))) server.broadcast('reload', { version });
    server.broadcast('problems', forPage(problems));
  }

  // Changes are collected for DEBOUNCE_MS after the last one, and never handled twice at once.
  const pending = new Set();
  let timer = null;
  let running = null;
  function changed(abs) {
    pending.add(abs);
    clearTimeout(timer);
    timer = setTimeout(drain, DEBOUNCE_MS);
  }
  async function drain() {
    if (running) return;
    const paths = [...pending];
    pending.clear();
    running = rebuild(paths).catch((err) => io.err(`foldmark dev: internal error: ${err.stack || err}`));
    await running;
    running = null;
    if (pending.size) drain();
  }

  // A watched folder deleted and made again, or moved away and back, is silently no longer
  // watched (Linux watches the old folder): its parent is watched for its name, and when that
  // changes every watcher is set up again and the site rebuilt, or the terminal says it is gone.
  let replacedTimer = null;
  let gone = new Set();
  let closed = false;
  function replaced() {
    clearTimeout(replacedTimer);
    replacedTimer = setTimeout(async () => {
      const roots = [settings.docs, ...(settings.static ?? [])];
      const missing = [];
      for (const dir of roots)
        if (
          !(await stat(dir).then(
            (s) => s.isDirectory(),
            () => false,
          ))
        )
          missing.push(dir);
      if (closed) return;
      for (const dir of missing.filter((d) => !gone.has(d)))
        io.err(
          `${dir}: warning: the folder is gone; watching for it to come back (the last good build is still served)`,
        );
      const back = [...gone].filter((d) => !missing.includes(d));
      gone = new Set(missing);
      if (missing.length) return;
      unwatch();
      unwatch = watchAll();
      io.out(
        `foldmark dev: ${someNames(back.length ? back : roots)} ${back.length ? 'is back' : 'was replaced'}: watching again`,
      );
      site = null;
      changed(settings.docs);
    }, REPLACED_MS);
  }

  function watchAll() {
    const closers = [];
    const warn = (dir, err) => io.err(`${dir}: warning: cannot watch: ${err.code || err.message}`);
    // One name in a folder (non-recursive): a watched folder's own name, or a single file.
    const watchName = (dir, only, onChange) => {
      try {
        const w = watch(dir, (_, name) => {
          if (join(dir, name ? name.toString() : '') === only) onChange(only);
        });
        w.on('error', (err) => io.err(`${dir}: warning: stopped watching: ${err.code || err.message}`));
        closers.push(() => w.close());
      } catch (err) {
        warn(dir, err);
      }
    };
    for (const dir of [settings.docs, ...(settings.static ?? [])]) {
      closers.push(watchTree(dir, { onChange: changed, skip: ignored, onError: warn }));
      if (dirname(dir) !== dir) watchName(dirname(dir), dir, replaced);
    }
    // Single files are watched through their folder: editors replace a file by renaming over it.
    for (const file of [settings.sidebars, settings.configFile]) {
      if (file && !inside(file, settings.docs)) watchName(dirname(file), file, changed);
    }
    return () => closers.forEach((close) => close());
  }

  await fullBuild();
  if (signal?.aborted) {
    if (ownOut) await rm(outDir, { recursive: true, force: true });
    return { url: null, outDir, close: async () => {} };
  }
  if (!site) io.err('foldmark dev: the first build failed; fix it and save: the page follows');
  const port = settings.port ?? 3000;
  let server;
  try {
    server = await startServer({
      root: () => outDir,
      version: () => version,
      port,
      tryNext: settings.port === undefined ? 20 : 0,
      onConnect: () => [['problems', forPage(problems)]],
    });
  } catch (err) {
    if (ownOut) await rm(outDir, { recursive: true, force: true });
    if (err.code === 'EADDRINUSE')
      throw new InputError(
        `127.0.0.1:${port}${settings.port === undefined ? ' and the 20 ports after it are' : ' is'} in use: choose another with --port`,
      );
    throw err;
  }
  unwatch = watchAll();
  io.out(`foldmark dev: serving ${server.url} (from ${outDir}); Ctrl+C stops`);
  return {
    url: server.url,
    outDir,
    async close() {
      closed = true;
      unwatch();
      clearTimeout(timer);
      clearTimeout(replacedTimer);
      stopUserCode(); // a sidebars.js that never returns must not hold the way out
      await running;
      await server.close();
      if (ownOut) await rm(outDir, { recursive: true, force: true });
    },
  };
}
