#!/usr/bin/env bash
# Registration benchmark: raw PostgreSQL limit vs the running service, same machine, same run.
#   bench/run.sh [seconds per cell, default 5] [most warm-up seconds, default 600]     (needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres')
# Creates the database estatedesk_bench and its roles, starts the service on it (port 8181), runs
# bench/Bench.java, prints the table, import/export and list timings, start-up time and RSS, and stops the
# service. The service sees the caller's environment: ESTATEDESK_REGISTRATION_BATCH_MAX=1 measures it without batching.
# BENCH_LISTS=0 skips the lists at scale (loading 1 000 000 clients takes minutes). BENCH_CELLS=spread:8,hot:1
# runs only those cells (no import, export or lists): a quick before/after for one change.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_CELL="${1:-5}"
WARMUP_SECONDS="${2:-600}"

source bench/start-service.sh estatedesk_bench 8181

java -cp target/test-classes:target/runtime/postgresql.jar bench/Bench.java http://localhost:8181 \
  jdbc:postgresql://127.0.0.1:5432/estatedesk_bench postgres "$ESTATEDESK_ADMIN_EMAIL" "$ESTATEDESK_ADMIN_PASSWORD" \
  "$SECONDS_PER_CELL" "$WARMUP_SECONDS" $([ "${BENCH_LISTS:-1}" = 1 ] && echo --lists) --service-pid="$pid" \
  --app-user="$DB_USER" --app-password="$DB_PASSWORD" ${BENCH_CELLS:+--cells="$BENCH_CELLS"}

printf 'Service RSS after the benchmark: %d MB\n' "$(( $(ps -o rss= -p "$pid") / 1024 ))"
