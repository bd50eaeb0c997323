#!/usr/bin/env bash
# Makes sure the toolchain of the better-sqlite3 source build is present (python3, make, g++): no prebuilt
# binary is reachable from this network. Installs them with apt when missing and we are root; else warns.
set -euo pipefail
missing=()
for tool in python3 make g++; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "> installing ${missing[*]} from Debian (better-sqlite3 builds from source)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 make g++ >/dev/null
else
  echo "warning: ${missing[*]} not found and cannot install them; the better-sqlite3 source build will fail" >&2
fi
