#!/usr/bin/env bash
# Makes sure Debian's Chromium is present: the memory page's browser test (apps/memory-console) drives it
# headless with playwright-core (a test framework's own browser download is not reachable). Installs it with
# apt when missing and we are root; otherwise warns.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "> installing Chromium from Debian"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "warning: chromium not found and cannot install it; the memory page's browser test will fail (apt-get install chromium)" >&2
fi
