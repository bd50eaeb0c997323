#!/usr/bin/env bash
# Stops and removes a cluster started by start-pg.sh: stop-pg.sh <base dir>
set -euo pipefail
BASE=$1
PGBIN=${PGBIN:-$(pg_config --bindir)}
if [ "$(id -u)" = 0 ]; then RUN="runuser -u postgres --"; else RUN=""; fi
$RUN "$PGBIN/pg_ctl" -D "$BASE/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$BASE"
