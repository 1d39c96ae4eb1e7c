#!/usr/bin/env bash
# Creates a fresh PostgreSQL database NAME for EstateDesk with its two roles, NAME_owner (owns the schema,
# runs the migrations) and NAME_app (DML only, row-level security applies), both with password PASSWORD,
# as server-config/postgresql/create-database.sql defines them. Drops what was there first.
#   scripts/create-database.sh NAME [PASSWORD, default NAME]
# Needs a trust superuser (PGUSER, default postgres) at PGHOST:PGPORT (default 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1"
password="${2:-$1}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
PG="psql -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -v ON_ERROR_STOP=1 -q"
$PG -d postgres > /dev/null <<SQL
select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}';
drop database if exists ${name};
drop role if exists ${name}_app;
drop role if exists ${name}_owner;
SQL
$PG -d postgres -v name="$name" -v owner_password="$password" -v app_password="$password" \
  -f server-config/postgresql/create-database.sql > /dev/null
