#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL for the store tests, and creates the test
# role and database. Idempotent: safe to run again on a machine where it already ran.
# Source it to get DYAD_TEST_PG in the calling shell:   . .ci/postgres.sh
# or run it and eval its last line:                      eval "$(.ci/postgres.sh | tail -1)"
set -euo pipefail
# Only the export line goes to stdout: everything else (apt-get, pg_ctlcluster's "Removed stale pid
# file", psql) goes to stderr, so a caller that evals stdout never runs a stray message. The server
# started below must not inherit the caller's stdout either, or "$(.ci/postgres.sh)" would never end.
{

pg_user=${DYAD_PG_USER:-dyad}
pg_password=${DYAD_PG_PASSWORD:-dyad}
pg_database=${DYAD_PG_DATABASE:-dyad_test}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  # apt-get update only when the package lists are missing or the install fails without it.
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1; then
    as_root apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
fi

# The installed major version (highest), rather than a hard-coded one.
major=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$major main"; then
  as_root pg_createcluster "$major" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$major" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  as_root pg_ctlcluster "$major" main start </dev/null
fi
port=$(pg_lsclusters -h | awk -v v="$major" '$1==v && $2=="main" {print $3}')

psql_admin() { as_root su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qAt $*"; }
# Wait until the server accepts connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  if psql_admin "-c 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
if [[ -z $(psql_admin "-c \"select 1 from pg_roles where rolname='$pg_user'\"") ]]; then
  psql_admin "-c \"create role $pg_user login password '$pg_password' createdb\""
else
  psql_admin "-c \"alter role $pg_user login password '$pg_password' createdb\""
fi
if [[ -z $(psql_admin "-c \"select 1 from pg_database where datname='$pg_database'\"") ]]; then
  psql_admin "-c \"create database $pg_database owner $pg_user\""
fi

} >&2

DYAD_TEST_PG="Host=127.0.0.1;Port=$port;Username=$pg_user;Password=$pg_password;Database=$pg_database"
export DYAD_TEST_PG
echo "postgres: PostgreSQL $major on port $port, database $pg_database ready" >&2
echo "export DYAD_TEST_PG=\"$DYAD_TEST_PG\""
