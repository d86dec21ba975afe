#!/usr/bin/env bash
# The site benchmark (`npm run bench:site`): builds foldmark (incremental, Chromium
# installed if missing), then runs bench/site/run.mjs: trees of 10, 1,000 and 10,000 articles,
# each built with and without --prerender and opened in Chromium from file://.
# Results: out/bench-site/results.md, results.json, site-bench.svg (trees cached in out/bench-site-trees/).
# Env: BENCH_SITE_SIZES (10,1000,10000), BENCH_SITE_BUILDS (3), BENCH_SITE_LOADS (5),
#      BENCH_SITE_OUT, BENCH_SITE_TREES; --no-build skips scripts/build.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build.sh
fi

node bench/site/run.mjs
