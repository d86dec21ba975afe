// Pathological inputs through the wasm module (T4, T5): each shape runs in a worker with a hard kill,
// must use ≤ 2 s of CPU and keep its expected output shape; at n/2 and n (median of 5, the two
// sizes measured in turn) the time ratio must stay ≤ 2.5. The limit is on CPU time because the test machines are shared; the hard
// kill is on wall time (FOLDMARK_PATHO_KILL_MS, default 8000).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { shapes } from './pathological-worker.mjs';

const LIMIT_MS = 2000;
const KILL_MS = Number(process.env.FOLDMARK_PATHO_KILL_MS ?? 8000);
const MAX_RATIO = 2.5;
const RATIO_FLOOR_MS = 20; // below this, timer noise dominates the ratio
const REPS = 5;
const ONLY = process.env.FOLDMARK_PATHO_ONLY; // run the shapes whose name contains this

let worker = null;
async function getWorker() {
  if (worker) return worker;
  const w = new Worker(new URL('./pathological-worker.mjs', import.meta.url));
  await new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  worker = w;
  return w;
}

// One shape at one scale; a worker that does not answer within KILL_MS is terminated.
async function run(name, scales, reps) {
  const w = await getWorker();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        cleanup();
        worker = null;
        w.terminate();
        reject(new Error(`killed after ${KILL_MS} ms`));
      },
      KILL_MS * reps * scales.length,
    );
    const onMessage = (m) => {
      cleanup();
      resolve(m);
    };
    const onError = (e) => {
      cleanup();
      worker = null;
      reject(e);
    };
    function cleanup() {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
    }
    w.on('message', onMessage);
    w.on('error', onError);
    w.postMessage({ name, scales, reps });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { passed: 0, failed: 0, slowest: { name: '', ms: 0 } };

for (const shape of shapes.filter((s) => !ONLY || s.name.includes(ONLY))) {
  test(`pathological: ${shape.name}`, async () => {
    let ok = false;
    try {
      const once = await run(shape.name, [1], 1);
      const ms = once.cpuMs[0][0];
      if (ms > results.slowest.ms) results.slowest = { name: shape.name, ms };
      assert.equal(once.problems[0], null, once.problems[0] ?? '');
      assert.ok(ms <= LIMIT_MS, `${ms.toFixed(0)} ms of CPU > ${LIMIT_MS} ms`);
      // Measured three times at most: a shared machine can stall a round; a super-linear shape
      // fails every time.
      let half, full, ratio;
      for (let attempt = 0; attempt < 3 && !(ratio <= MAX_RATIO); attempt++) {
        const { cpuMs } = await run(shape.name, [0.5, 1], REPS);
        half = median(cpuMs[0]);
        full = median(cpuMs[1]);
        ratio = full / Math.max(half, RATIO_FLOOR_MS);
      }
      assert.ok(
        ratio <= MAX_RATIO,
        `time ratio n/2 → n is ${ratio.toFixed(2)} (${half.toFixed(1)} → ${full.toFixed(1)} ms)`,
      );
      ok = true;
    } finally {
      results[ok ? 'passed' : 'failed']++;
      // A fresh worker per shape: no heap state carried from one shape into the next.
      if (worker) await worker.terminate();
      worker = null;
    }
  });
}

after(async () => {
  if (worker) await worker.terminate();
  console.log(
    `pathological: ${results.passed} passed, ${results.failed} failed; ` +
      `slowest: ${results.slowest.name} ${results.slowest.ms.toFixed(0)} ms CPU`,
  );
});
