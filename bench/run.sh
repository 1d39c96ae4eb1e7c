#!/usr/bin/env bash
# Registration benchmark: raw PostgreSQL limit vs the running service, same machine, same run.
#   bench/run.sh [seconds per cell, default 5] [most warm-up seconds, default 600]     (needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres')
# Creates the database estatedesk_bench and its roles, starts the service on it (port 8181), runs
# bench/Bench.java, prints the table, import/export and list timings, start-up time and RSS, and stops the
# service. The service sees the caller's environment: ESTATEDESK_REGISTRATION_BATCH_MAX=1 measures it without batching.
# BENCH_LISTS=0 skips the lists at scale (loading 1 000 000 clients takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_CELL="${1:-5}"
WARMUP_SECONDS="${2:-600}"

mvn -q -DskipTests package
scripts/create-database.sh estatedesk_bench bench

export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=estatedesk_bench DB_USER=estatedesk_bench_app DB_PASSWORD=bench \
  DB_OWNER_USER=estatedesk_bench_owner DB_OWNER_PASSWORD=bench \
  ESTATEDESK_ADMIN_EMAIL=bench@estatedesk.test ESTATEDESK_ADMIN_PASSWORD=bench-admin-password PORT=8181
LOG=target/bench-service.log
started=$(date +%s.%N)
SKIP_BUILD=1 server-config/payara/run.sh > "$LOG" 2>&1 &
pid=$!   # run.sh execs java: this is the service itself, stopped by its pid only
trap 'kill "$pid" 2> /dev/null || true' EXIT
until curl -sf localhost:8181/health/ready > /dev/null; do
  sleep 0.5
  if ! kill -0 "$pid" 2> /dev/null; then echo "service did not start, see $LOG"; exit 1; fi
done
ready=$(date +%s.%N)
printf 'Service start-up to readiness: %.1f s\n' "$(echo "$ready - $started" | bc)"

java -cp target/runtime/postgresql.jar bench/Bench.java http://localhost:8181 \
  jdbc:postgresql://127.0.0.1:5432/estatedesk_bench postgres bench@estatedesk.test bench-admin-password \
  "$SECONDS_PER_CELL" "$WARMUP_SECONDS" $([ "${BENCH_LISTS:-1}" = 1 ] && echo --lists) --service-pid="$pid"

printf 'Service RSS after the benchmark: %d MB\n' "$(( $(ps -o rss= -p "$pid") / 1024 ))"
