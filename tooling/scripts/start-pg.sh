#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:$PGPORT (fsync off, trust auth) and prints its base
# directory. Stop it with: tooling/scripts/stop-pg.sh <base dir>. PostgreSQL refuses to run as root, so as
# root the cluster runs as the `postgres` user that Debian's package creates.
set -euo pipefail
PGBIN=${PGBIN:-$(pg_config --bindir)}
PGPORT=${PGPORT:-55432}
if [ -z "${BASE:-}" ]; then
  BASE=$(mktemp -d /tmp/pgtest.XXXXXX)
  # A failed start (no server binaries, port taken) must not leave its temp directory behind.
  trap 'rm -rf "$BASE"' ERR
fi
mkdir -p "$BASE/data" "$BASE/sock"
if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$BASE"; RUN="runuser -u postgres --"; else RUN=""; fi
$RUN "$PGBIN/initdb" -D "$BASE/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >/dev/null
$RUN "$PGBIN/pg_ctl" -D "$BASE/data" -l "$BASE/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $BASE/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
trap - ERR
echo "$BASE"
