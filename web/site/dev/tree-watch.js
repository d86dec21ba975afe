// Watches a folder and every folder below it, one non-recursive fs.watch a folder. Node's
// `recursive: true` differs between releases on Linux (some poll every file every few seconds,
// some watch each file; a save can go unseen for seconds or a folder's files be read while the
// folder is half made); one inotify/FSEvents watch a folder behaves the same on every release and
// platform, and is set up before watchTree() returns, so a save right after it is seen.
import { readdirSync, statSync, watch } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * root: the folder; onChange(abs): a path below root changed (created, written, renamed or
 * removed); skip(rel): true for a path (relative to root) never to watch or report; onError(dir,
 * err): a folder could not be watched. Returns close().
 */
export function watchTree(root, { onChange, skip = () => false, onError = () => {} }) {
  const watchers = new Map();
  let closed = false;

  const isDir = (abs) => {
    try {
      return statSync(abs, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  };

  // A folder moved or deleted takes the watches below it with it; they are closed here so a
  // folder made again under the same name is watched afresh.
  function forget(dir) {
    for (const [d, w] of watchers)
      if (d === dir || d.startsWith(dir + sep)) {
        w.close();
        watchers.delete(d);
      }
  }

  function add(dir) {
    if (closed || watchers.has(dir)) return;
    let watcher;
    try {
      watcher = watch(dir, (_, name) => {
        const abs = name ? join(dir, name.toString()) : dir;
        const rel = relative(root, abs);
        if (rel && skip(rel)) return;
        if (abs !== dir && isDir(abs)) add(abs);
        else if (abs !== dir && watchers.has(abs)) forget(abs);
        onChange(abs);
      });
    } catch (err) {
      if (err.code !== 'ENOENT') onError(dir, err);
      return;
    }
    watcher.on('error', (err) => {
      forget(dir);
      if (err.code !== 'ENOENT' && err.code !== 'EPERM') onError(dir, err);
    });
    watchers.set(dir, watcher);
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // removed meanwhile: its parent's watch reports it
    }
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory() && !skip(relative(root, abs))) add(abs);
    }
  }

  add(root);
  return () => {
    closed = true;
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
}
