#!/usr/bin/env bash
# Builds EstateDesk and runs it on Payara Micro at http://localhost:${PORT:-8080}, API at /api/v1.
#   - DB_HOST unset: the embedded demo database (H2 file under ~/.estatedesk/demo), no setup at all.
#   - DB_HOST set: PostgreSQL, configured by DB_PORT, DB_NAME, DB_USER, DB_PASSWORD
#     and DB_OWNER_USER / DB_OWNER_PASSWORD (the schema owner, for migrations; required: the application
#     role must not own the tables, or row-level security would not apply to it).
#   - the embedded demo listens on 127.0.0.1 only.
# SKIP_BUILD=1 skips the Maven build.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -DskipTests -Dspotless.check.skip=true package
fi

if [ -n "${DB_HOST:-}" ]; then
  : "${DB_NAME:?DB_NAME is required with DB_HOST}" "${DB_USER:?DB_USER is required with DB_HOST}"
  : "${DB_OWNER_USER:?DB_OWNER_USER (the schema owner, not DB_USER) is required with DB_HOST}"
  export DB_PORT="${DB_PORT:-5432}" DB_PASSWORD="${DB_PASSWORD:-}" DB_OWNER_PASSWORD="${DB_OWNER_PASSWORD:-}" \
    DB_PREPARE_THRESHOLD="${DB_PREPARE_THRESHOLD:-5}"
  postboot=server-config/payara/postboot-postgresql.asadmin
  preboot=(--prebootcommandfile server-config/payara/preboot.asadmin)
else
  echo "EstateDesk: DB_HOST is not set -> EMBEDDED DEMO DATABASE (H2 in ~/.estatedesk/demo); not for real data."
  export ESTATEDESK_ADMIN_EMAIL="${ESTATEDESK_ADMIN_EMAIL:-admin@estatedesk.local}"
  export ESTATEDESK_ADMIN_PASSWORD="${ESTATEDESK_ADMIN_PASSWORD:-change-me-now}"
  postboot=server-config/payara/postboot-embedded.asadmin
  # Listens on 127.0.0.1 only, from before the listeners open.
  preboot=(--prebootcommandfile server-config/payara/preboot-embedded.asadmin)
fi

# A fresh instance directory every start (one per port, so that instances can run side by side):
# Payara Micro would otherwise keep the pools of the last run.
rootdir="target/payara-root-${PORT:-8080}"
rm -rf "$rootdir"
# Memory flags: server-config/jvm.options (why, there). Two malloc arenas instead of one per core and
# thread keep the native heap from fragmenting. JAVA_OPTS comes later and wins.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec java @server-config/jvm.options ${JAVA_OPTS:-} -jar target/runtime/payara-micro.jar \
  --deploy target/estatedesk.war --contextroot / \
  --port "${PORT:-8080}" \
  --addlibs target/runtime/postgresql.jar \
  "${preboot[@]}" --postbootcommandfile "$postboot" \
  --nohazelcast \
  --rootdir "$rootdir"
