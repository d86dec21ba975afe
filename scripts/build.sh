#!/usr/bin/env bash
# Builds everything from the same sources: native core + CLI + tests (build/native) and the two
# wasm flavours (dist/). Idempotent and incremental; runs setup first.
# Usage: scripts/build.sh [--no-browser]   (FOLDMARK_WERROR=ON for warnings-as-errors)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh "$@"

jobs="$(nproc 2>/dev/null || echo 2)"
werror="${FOLDMARK_WERROR:-OFF}"
export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs it to find acorn when optimising

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DFOLDMARK_WERROR="$werror" >/dev/null
cmake --build build/native -j "$jobs"

if [ ! -f build/wasm/CMakeCache.txt ]; then
  # emcmake sets a Node test emulator with a flag Node 20 rejects; we run wasm tests ourselves.
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DFOLDMARK_TESTS=OFF \
    -DCMAKE_CROSSCOMPILING_EMULATOR= >/dev/null
fi
cmake -S . -B build/wasm -DFOLDMARK_WERROR="$werror" >/dev/null
cmake --build build/wasm -j "$jobs"
# The site's page code: web/site/page/*.js (ES modules) bundled into one classic script, since
# file:// pages cannot load modules; the builder copies it to OUT/_foldmark/site.js.
node_modules/.bin/esbuild web/site/page/main.js --bundle --format=iife --minify --target=es2020 \
  --log-level=warning --outfile=dist/foldmark-site.js
# Search's index code (MiniSearch) apart: the page loads it with the index, on first use only.
node_modules/.bin/esbuild web/site/page/search-entry.js --bundle --format=iife --minify --target=es2020 \
  --log-level=warning --outfile=dist/foldmark-search.js
echo "[build] native: build/native/wasm/foldmark  wasm and site page: dist/" >&2
