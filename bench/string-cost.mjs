// What making a result string costs on this machine, apart from any library (`node
// bench/string-cost.mjs`): Buffer#toString('latin1') just under and just over V8's large-object
// threshold (128 KiB), with the share of the time the collector took (PerformanceObserver 'gc'),
// and what the first write to a fresh page of memory costs. Under the threshold a string is a
// copy into the young generation; over it, a fresh mapping of its own, so its cost follows what
// a new page costs the host (see README.md, "What a call costs besides the engine").
import { PerformanceObserver, performance } from 'node:perf_hooks';

const MS = Number(process.env.BENCH_MS || 400);

// Microseconds a call of run, over MS milliseconds after a short warm-up.
function perCall(run) {
  for (let i = 0; i < 10; i++) run();
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < MS) {
    run();
    calls += 1;
  }
  return ((performance.now() - t0) / calls) * 1000;
}

let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
observer.observe({ entryTypes: ['gc'] });
const settle = () => new Promise((done) => setTimeout(done, 50)); // the observer reports later

const bytes = Buffer.alloc(1 << 20, 0x61);
for (const size of [64 * 1024, 120 * 1024, 140 * 1024, 256 * 1024, 512 * 1024]) {
  const slice = bytes.subarray(0, size);
  await settle();
  gcMs = 0;
  const t0 = performance.now();
  const us = perCall(() => slice.toString('latin1'));
  const elapsed = performance.now() - t0;
  await settle();
  console.log(
    `string-cost: ${(size / 1024).toFixed(0).padStart(3)} KiB → ${us.toFixed(1).padStart(7)} µs a string ` +
      `(${(size / us / 1000).toFixed(2)} GB/s), collector ${((gcMs / elapsed) * 100).toFixed(0)} % of the time`,
  );
}
observer.disconnect();

// 256 KiB of new memory (a wasm memory: a mapping of its own, not recycled by malloc), one write
// a page, against the same writes to pages already there.
const PAGES = 64;
const touch = (view) => {
  for (let i = 0; i < view.length; i += 4096) view[i] = 1;
};
const fresh = perCall(() => touch(new Uint8Array(new WebAssembly.Memory({ initial: 4 }).buffer)));
const mapOnly = perCall(() => new WebAssembly.Memory({ initial: 4 }));
const kept = new Uint8Array(new WebAssembly.Memory({ initial: 4 }).buffer);
const again = perCall(() => touch(kept));
console.log(
  `string-cost: a fresh 4 KiB page's first write ${((fresh - mapOnly) / PAGES).toFixed(2)} µs ` +
    `(256 KiB: ${fresh.toFixed(0)} µs mapped and written, ${mapOnly.toFixed(0)} µs mapped only, ` +
    `${again.toFixed(1)} µs written again)`,
);
