#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian/Ubuntu machine: apt packages, md4c 0.5.2 source, npm dependencies.
# Usage: scripts/setup.sh [--no-browser]   (each step is skipped when already satisfied)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$root/.deps"
md4c_version="0.5.2"
md4c_sha256="55d0111d48fb11883aaee91465e642b8b640775a4d6993c2d0e7a8092758ef21"
md4c_tarball="md4c_${md4c_version}.orig.tar.gz"
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

log() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
}

install_apt_packages() {
  local missing=()
  command -v cmake >/dev/null || missing+=(cmake)
  command -v g++ >/dev/null || missing+=(g++)
  command -v em++ >/dev/null || missing+=(emscripten)
  [ -f /usr/include/gtest/gtest.h ] || missing+=(libgtest-dev)
  command -v dpkg-source >/dev/null || missing+=(dpkg-dev)
  command -v patch >/dev/null || missing+=(patch)
  command -v clang-format >/dev/null || missing+=(clang-format)
  if [ "$want_browser" = 1 ] && ! command -v chromium >/dev/null; then missing+=(chromium); fi
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing apt packages: ${missing[*]}"
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Debian bookworm ships md4c 0.4.8 (too old); trixie's source package carries 0.5.2.
# The deb-src entry reuses the mirror URI this machine already trusts.
add_trixie_sources() {
  local list=/etc/apt/sources.list.d/foldmark-trixie-src.sources
  [ -f "$list" ] && return 0
  local uri keyring
  uri="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
  keyring="$(awk '/^Signed-By:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
  if [ -z "$uri" ]; then
    uri="$(awk '$1 == "deb" && $0 ~ /debian/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  fi
  [ -n "$uri" ] || { log "cannot find a Debian mirror in apt's sources"; return 1; }
  log "adding deb-src trixie entry for $uri"
  {
    echo "Types: deb-src"
    echo "URIs: $uri"
    echo "Suites: trixie"
    echo "Components: main"
    [ -n "$keyring" ] && echo "Signed-By: $keyring"
  } | as_root tee "$list" >/dev/null
  apt_updated=0
}

sha_ok() { echo "$md4c_sha256  $1" | sha256sum -c --status 2>/dev/null; }

# Our fixes to md4c 0.5.2, applied in name order after the SHA-256 check (as distributions
# patch an upstream tarball): patches/md4c-0.5.2-*.patch.
md4c_patches() { ls "$root"/patches/md4c-"$md4c_version"-*.patch 2>/dev/null | sort; }

# The "ready" stamp names the tarball and every patch by hash: adding or changing a patch makes
# existing checkouts extract and patch again.
md4c_stamp() {
  echo "$md4c_sha256"
  local p
  for p in $(md4c_patches); do sha256sum "$p" | awk -v n="$(basename "$p")" '{print $1, n}'; done
}

fetch_md4c() {
  local dest="$deps/md4c"
  local stamp
  stamp="$(md4c_stamp)"
  if [ -f "$dest/src/md4c.c" ] && [ -f "$dest/.foldmark-ready" ] &&
    [ "$(cat "$dest/.foldmark-ready")" = "$stamp" ]; then return 0; fi
  mkdir -p "$deps"
  local tarball="$deps/$md4c_tarball"
  if ! sha_ok "$tarball"; then
    add_trixie_sources
    apt_update_once
    log "fetching md4c $md4c_version source"
    (cd "$deps" && apt-get source --tar-only -qq "md4c/trixie" >/dev/null)
  fi
  sha_ok "$tarball" || { log "md4c tarball SHA-256 mismatch: refusing to build"; exit 1; }
  rm -rf "$dest" "$deps/md4c-release-$md4c_version"
  tar -xzf "$tarball" -C "$deps"
  mv "$deps/md4c-release-$md4c_version" "$dest"
  local p
  for p in $(md4c_patches); do
    log "patching md4c: $(basename "$p")"
    patch -s -p1 -d "$dest" <"$p" || { log "patch $(basename "$p") does not apply"; exit 1; }
  done
  echo "$stamp" >"$dest/.foldmark-ready"
  log "md4c $md4c_version ready in $dest"
}

install_npm_packages() {
  local stamp="$root/node_modules/.foldmark-lock"
  if [ -f "$stamp" ] && cmp -s "$root/package-lock.json" "$stamp"; then return 0; fi
  log "npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$root/package-lock.json" "$stamp"
}

install_apt_packages
fetch_md4c
install_npm_packages
