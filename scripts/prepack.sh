#!/usr/bin/env bash
# npm runs this before `npm pack` / `npm publish`: builds dist/ (a clean checkout has none, and npm
# would silently pack without it), then checks that everything package.json names exists.
# An existing wasm build is only brought up to date, keeping its configuration (FOLDMARK_WERROR),
# so packing never forces a rebuild.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ -f build/wasm/CMakeCache.txt ]; then
  NODE_PATH=/usr/share/nodejs cmake --build build/wasm -j "$(nproc 2>/dev/null || echo 2)" >&2
else
  bash scripts/build.sh --no-browser >&2
fi
node scripts/check-package.mjs
