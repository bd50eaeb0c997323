#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL server binaries are present (the DB tests start a throwaway cluster with
# tooling/scripts/start-pg.sh). Installs them with apt when missing and we are root; otherwise warns.
set -euo pipefail
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "> installing PostgreSQL from Debian"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
else
  echo "warning: PostgreSQL server binaries not found and cannot install them; the PostgreSQL test suites will fail under CI=true (install postgresql-15 from Debian)" >&2
fi
