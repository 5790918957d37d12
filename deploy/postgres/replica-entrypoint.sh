#!/bin/sh
# The streaming replica: on first start, copy the primary with `pg_basebackup -R` (which writes
# standby.signal and the connection back to the primary), then run postgres as a hot standby.
# tests/deploy does the same with the Debian binaries (tests/harness/postgres-cluster.ts).
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h primary -U "$POSTGRES_USER"; do sleep 1; done
  PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h primary -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
