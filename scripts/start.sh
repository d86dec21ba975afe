#!/usr/bin/env bash
# The main job: build, render content/ into a static site, print where it is.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/build.sh --no-browser >&2
node web/cli.js build content --out out/site --prerender >&2
echo "file://$root/out/site/index.html"
