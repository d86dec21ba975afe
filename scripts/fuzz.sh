#!/usr/bin/env bash
# libFuzzer run over render()/to_html() with the output oracle (tests/fuzz), in its own clang build.
# Usage: scripts/fuzz.sh [SECONDS]   fuzz for SECONDS (default 60), one job, work corpus
#                                    tests/fuzz/corpus-work/ (gitignored) seeded from tests/fuzz/corpus/
#        scripts/fuzz.sh --reseed    regenerate seeds (tests/fuzz/make_seeds.mjs) and merge them,
#                                    minimised, into tests/fuzz/corpus/
#        scripts/fuzz.sh --minimize  merge what the work corpus found into tests/fuzz/corpus/
#        scripts/fuzz.sh --site [SECONDS] [SEED]  whole-site fuzz: random docs trees built, then every
#                                    article visited in Chromium (tests/fuzz/site_fuzz.mjs)
#        scripts/fuzz.sh --front-matter [SECONDS]
#                                    fuzz_front_matter (front matter + body, YAML-subset
#                                    dictionary) for SECONDS (default 60), work corpus
#                                    build/fuzz/front-matter-work/ seeded from
#                                    tests/fuzz/corpus-front-matter/; prints execs and findings
# Findings land in build/fuzz/artifacts/; replay one with build/fuzz/tests/fuzz/fuzz_replay FILE.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ "${1:-}" = "--site" ]; then
  bash scripts/build.sh >/dev/null
  exec node tests/fuzz/site_fuzz.mjs "${2:-60}" ${3:+"$3"}
fi
bash scripts/setup.sh --no-browser >/dev/null

build=build/fuzz
corpus=tests/fuzz/corpus
work=tests/fuzz/corpus-work
artifacts="$build/artifacts"
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLDMARK_FUZZ=ON -DFOLDMARK_TESTS=ON >/dev/null
fi
cmake --build "$build" -j 1 --target fuzz_render fuzz_replay fuzz_front_matter
fuzzer="$build/tests/fuzz/fuzz_render"
mkdir -p "$corpus" "$work" "$artifacts"

if [ "${1:-}" = "--front-matter" ]; then
  seconds="${2:-60}"
  case "$seconds" in *[!0-9]* | "") echo "usage: scripts/fuzz.sh --front-matter [SECONDS]" >&2; exit 2 ;; esac
  fm_work="$build/front-matter-work"
  fm_artifacts="$artifacts/front-matter"
  mkdir -p "$fm_work" "$fm_artifacts"
  cp -n tests/fuzz/corpus-front-matter/* "$fm_work"/ 2>/dev/null || true
  log="$build/front-matter.log"
  "$build/tests/fuzz/fuzz_front_matter" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -dict=tests/fuzz/front_matter.dict -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 \
    -max_len=16384 -artifact_prefix="$fm_artifacts/" "$fm_work" >"$log" 2>&1 || true
  found=$(find "$fm_artifacts" -type f | wc -l)
  execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  echo "fuzz front matter: ${seconds} s, ${execs:-0} execs, work corpus $(ls "$fm_work" | wc -l) inputs, $found finding(s) in $fm_artifacts"
  [ "$found" -eq 0 ]
  exit
fi

case "${1:-60}" in
  --reseed)
    seeds="$build/seeds"
    rm -rf "$seeds"
    node tests/fuzz/make_seeds.mjs "$seeds"
    "$fuzzer" -merge=1 -max_len=65536 -timeout=5 -artifact_prefix="$artifacts/" "$corpus" "$seeds"
    du -sh "$corpus"
    ;;
  --minimize)
    "$fuzzer" -merge=1 -max_len=65536 -timeout=5 -artifact_prefix="$artifacts/" "$corpus" "$work"
    du -sh "$corpus"
    ;;
  *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS | --reseed | --minimize]" >&2
    exit 2
    ;;
  *)
    cp -n "$corpus"/* "$work"/ 2>/dev/null || true
    # -fork=1 keeps going after a finding (each one is saved under $artifacts) with one job only.
    "$fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_total_time="${1:-60}" -timeout=2 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts/" "$work"
    found=$(find "$artifacts" -type f | wc -l)
    echo "fuzz: $found finding(s) in $artifacts"
    [ "$found" -eq 0 ]
    ;;
esac
