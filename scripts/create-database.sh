#!/usr/bin/env bash
# Creates a fresh PostgreSQL database NAME for EstateDesk with its two roles, NAME_owner (owns the schema,
# runs the migrations) and NAME_app (DML only, row-level security applies), both with password PASSWORD.
# Drops what was there first.   scripts/create-database.sh NAME [PASSWORD, default NAME]
# Needs a trust superuser 'postgres' at 127.0.0.1:5432 (PGHOST/PGPORT to change that).
set -euo pipefail
name="$1"
password="${2:-$1}"
PG="psql -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U postgres -v ON_ERROR_STOP=1 -q"
$PG -d postgres > /dev/null <<SQL
select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}';
drop database if exists ${name};
drop role if exists ${name}_app;
drop role if exists ${name}_owner;
create role ${name}_owner login password '${password}';
create role ${name}_app login password '${password}' nosuperuser nobypassrls;
create database ${name} owner ${name}_owner;
SQL
$PG -d "$name" -c "revoke all on schema public from public; alter schema public owner to ${name}_owner; grant usage on schema public to ${name}_app;"
