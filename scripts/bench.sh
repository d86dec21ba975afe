#!/usr/bin/env bash
# The benchmark against peers (`npm run bench`): builds (incremental), builds the in-process native
# reference bench/native_bench.cpp against build/native's static libraries, then runs bench/run.mjs.
# Results: out/bench/results.md, out/bench/bench.svg, out/bench/results.json.
# Env: BENCH_QUICK=1 (0.2 s × 3), BENCH_SECONDS, BENCH_ROUNDS, BENCH_COLD_RUNS, BENCH_SCALE,
#      BENCH_ONLY="foldmark toHtml,md4w", BENCH_OUT, BENCH_CORPUS_DIR; --no-build skips scripts/build.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build.sh --no-browser
fi

# g++ -O2 for the driver only; the libraries keep the Release flags CMake built them with.
# md4c asks foldmark_unicode for its Unicode tables, so that library links after it.
native_dir=build/native/wasm
native_libs=("$native_dir/libfoldmark_core.a" "$native_dir/libmd4c.a" "$native_dir/libfoldmark_unicode.a")
mkdir -p build/bench
if [ ! -x build/bench/native_bench ] || [ -n "$(find bench/native_bench.cpp "${native_libs[@]}" wasm/include -newer build/bench/native_bench 2>/dev/null)" ]; then
  g++ -std=c++17 -O2 -DNDEBUG -Iwasm/include bench/native_bench.cpp "${native_libs[@]}" \
    -o build/bench/native_bench
fi

node bench/run.mjs
