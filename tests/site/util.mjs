// Small helpers shared by the site tests.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { after, before } from 'node:test';
import { cli, removeDir, tempDir } from '../cli/util.mjs';

export { cli, foldmarkIn, removeDir, root, tempDir, writeFile, writeFiles } from '../cli/util.mjs';

/** Starts `foldmark dev ...args` in cwd; resolves { url, outDir, child, output() } once serving. */
export function startDev(cwd, ...args) {
  const child = spawn(process.execPath, [cli, 'dev', ...args, '--port', '0'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`foldmark dev exited (${code}): ${stderr}`)));
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/) \(from (.*)\)/.exec(stdout);
      if (m) resolve({ url: m[1], outDir: m[2], child, output: () => ({ stdout, stderr }) });
    });
  });
}

/** Raw GET (no URL normalisation by a client): resolves { status, headers, body }. */
export function get(url, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The event stream: seen so far; next(name, from, matches) resolves with the first such event after from. */
export function listen(url) {
  const seen = [];
  const waiters = [];
  const req = request(new URL('/_foldmark/events', url), (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (d) => {
      buffer += d;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event) continue;
        seen.push({ event, data: JSON.parse(data) });
        for (const w of waiters.splice(0)) w();
      }
    });
  });
  req.end();
  const next = (name, from = seen.length, matches = () => true) =>
    new Promise((resolve) => {
      const check = () => {
        const found = seen.slice(from).find((e) => e.event === name && matches(e.data));
        if (found) resolve(found.data);
        else waiters.push(check);
      };
      check();
    });
  return { seen, next, close: () => req.destroy() };
}

/**
 * promise, or an error naming the step and showing what dev printed if it takes over ms: a hang
 * in CI then says where it hung instead of only that the test timed out.
 */
export function within(promise, what, dev, ms = 20000) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const { stdout, stderr } = dev.output();
      reject(new Error(`no ${what} after ${ms} ms\n--- dev stdout:\n${stdout}\n--- dev stderr:\n${stderr}`));
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Stops a dev server as Ctrl+C would (SIGTERM); resolves with its exit code. */
export function stop(dev) {
  return new Promise((resolve) => {
    dev.child.removeAllListeners('exit');
    dev.child.on('exit', resolve);
    dev.child.kill('SIGTERM');
  });
}

/**
 * `foldmark dev` for a test file: before its tests, prepare(work) writes the project into a new
 * temporary folder and `foldmark dev ...args` starts there, its event stream open past 'hello';
 * after them both stop and the folder goes. Inside the tests the returned object has the server's
 * url, outDir and output(), and the event stream (`stream`: seen, next).
 */
export function devSession(name, prepare, ...args) {
  const work = tempDir(name);
  let dev;
  let stream;
  before(async () => {
    await prepare(work);
    dev = await startDev(work, ...args);
    stream = listen(dev.url);
    await stream.next('hello');
  });
  after(async () => {
    stream?.close();
    if (dev) await stop(dev);
    removeDir(work);
  });
  return {
    work,
    get url() {
      return dev.url;
    },
    get outDir() {
      return dev.outDir;
    },
    output: () => dev.output(),
    get stream() {
      return stream;
    },
  };
}
