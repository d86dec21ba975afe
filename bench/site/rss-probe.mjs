// Loaded with `node --import` into a build run by the site benchmark: on exit, writes the
// process's peak resident set (KiB, all threads included) to $FOLDMARK_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.FOLDMARK_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
