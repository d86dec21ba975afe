// Small helpers shared by the site tests.
import { spawn } from 'node:child_process';
import { cli } from '../cli/util.mjs';

export { cli, removeDir, root, tempDir } from '../cli/util.mjs';

/** Starts `foldmark dev ...args` in cwd; resolves { url, outDir, child, output() } once serving. */
export function startDev(cwd, ...args) {
  const child = spawn(process.execPath, [cli, 'dev', ...args, '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`foldmark dev exited (${code}): ${stderr}`)));
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/) \(from (.*)\)/.exec(stdout);
      if (m) resolve({ url: m[1], outDir: m[2], child, output: () => ({ stdout, stderr }) });
    });
  });
}
