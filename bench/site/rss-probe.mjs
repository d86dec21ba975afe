// Loaded with `node --import` into a build run by the site benchmark: on exit, writes the
// process's peak resident set (KiB, all threads included) and CPU time (µs, user + system) as JSON
// to $FOLDMARK_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.FOLDMARK_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKib: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }));
  });
}
