-- EstateDesk's PostgreSQL database and its two roles; the one definition, used by
-- scripts/create-database.sh (tests, benchmarks, drills) and by operators. As a superuser:
--   psql -v name=estatedesk -v owner_password=... -v app_password=... -f server-config/postgresql/create-database.sql
-- <name>_owner owns the schema and runs the migrations (DB_OWNER_USER); <name>_app is the
-- application's role (DB_USER): no superuser, no BYPASSRLS, no ownership, so row-level security
-- applies to it; its table privileges are granted after every migration
-- (afterMigrate__application_role_grants.sql).
\set ON_ERROR_STOP on
\set owner :name '_owner'
\set app :name '_app'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE :"app" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE DATABASE :"name" OWNER :"owner";
\connect :"name"
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";
GRANT USAGE ON SCHEMA public TO :"app";
