#!/usr/bin/env bash
# The whole test suite: formatting, native (ctest), wasm and packaging, CLI, site builder and browser tests.
# Each runner prints its own summary line; the script fails on the first failing runner.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
FOLDMARK_WERROR="${FOLDMARK_WERROR:-ON}" bash scripts/build.sh

echo "== format check (clang-format)"
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

echo "== format and lint check (Biome: npm run format fixes the layout, npm run lint lists the problems)"
node_modules/.bin/biome ci

echo "== native tests (ctest)"
ctest --test-dir build/native --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

echo "== native tests under AddressSanitizer + UBSan (ctest)"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLDMARK_SANITIZE=ON -DFOLDMARK_WERROR=ON >/dev/null
cmake --build build/asan -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
# The same 116 tests, fuzz corpus replay included; the dump of spec outputs is the Release one's.
ctest --test-dir build/asan --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

echo "== wasm tests (node --test)"
node --test --test-reporter=spec tests/node/

echo "== CLI tests (node --test)"
node --test --test-reporter=spec tests/cli/

echo "== site builder tests (node --test)"
node --test --test-reporter=spec tests/site/

echo "== browser tests (chromium)"
node --test --test-reporter=spec tests/browser/
