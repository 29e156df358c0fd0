#!/bin/sh
# One-shot: creates Temporal's two PostgreSQL databases and brings their schemas to the versions this
# admin-tools image ships (idempotent: an existing database or schema version is left as it is).
set -eu
# PostgreSQL's first start runs a temporary server before the real one: wait until it takes connections.
tries=0
until pg_isready -h postgresql -p 5432 -U "$POSTGRES_USER" >/dev/null 2>&1 || nc -z postgresql 5432; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "PostgreSQL did not become ready" >&2; exit 1; }
  sleep 2
done
sql() { temporal-sql-tool --plugin postgres12 --ep postgresql -p 5432 -u "$POSTGRES_USER" "$@"; }
for db in temporal temporal_visibility; do
  schema=$([ "$db" = temporal ] && echo temporal || echo visibility)
  sql --db "$db" create || true
  sql --db "$db" setup-schema -v 0.0 || true
  sql --db "$db" update-schema -d "/etc/temporal/schema/postgresql/v12/$schema/versioned"
done
