#!/usr/bin/env bash
# Login flood: what 200 parallel wrong logins for one company do to another company's requests.
#   bench/login-flood.sh [seconds, default 20]     (needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres')
# Creates the database estatedesk_flood, starts the service on it (port 8183), and runs bench/LoginFlood.java:
# GET /me of company B alone (baseline), then the same while 200 clients send wrong logins for company A
# (every one for another email, so the per-email throttle alone cannot stop them: the hashing bound must).
# Prints p50/p99 of both phases, their ratio, and what the flood was answered. Figures, not assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-20}"

mvn -q -DskipTests package
scripts/create-database.sh estatedesk_flood flood
export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=estatedesk_flood DB_USER=estatedesk_flood_app DB_PASSWORD=flood \
  DB_OWNER_USER=estatedesk_flood_owner DB_OWNER_PASSWORD=flood \
  ESTATEDESK_ADMIN_EMAIL=flood@estatedesk.test ESTATEDESK_ADMIN_PASSWORD=flood-admin-password PORT=8183
LOG=target/login-flood-service.log
SKIP_BUILD=1 server-config/payara/run.sh > "$LOG" 2>&1 &
pid=$!   # run.sh execs java: this is the service itself, stopped by its pid only
trap 'kill "$pid" 2> /dev/null || true' EXIT
until curl -sf localhost:8183/health/ready > /dev/null; do
  sleep 0.5
  if ! kill -0 "$pid" 2> /dev/null; then echo "service did not start, see $LOG"; exit 1; fi
done
java bench/LoginFlood.java http://localhost:8183 flood@estatedesk.test flood-admin-password "$SECONDS_TO_RUN"
