# Sourced by the benchmarks: `source bench/start-service.sh NAME PORT` builds the WAR, creates the
# database NAME with its roles NAME_owner / NAME_app (password NAME), starts the service on it at PORT
# (the caller's environment passes through), waits until it is ready, prints the start-up time and sets
# $pid (the service's java process, stopped by pid on exit) and $LOG. SKIP_BUILD=1 uses the WAR as built.
BENCH_DB="$1"
BENCH_PORT="$2"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -DskipTests -Dspotless.check.skip=true package
scripts/create-database.sh "$BENCH_DB" "$BENCH_DB"
export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME="$BENCH_DB" DB_USER="${BENCH_DB}_app" DB_PASSWORD="$BENCH_DB" \
  DB_OWNER_USER="${BENCH_DB}_owner" DB_OWNER_PASSWORD="$BENCH_DB" \
  ESTATEDESK_ADMIN_EMAIL=bench@estatedesk.test ESTATEDESK_ADMIN_PASSWORD=bench-admin-password PORT="$BENCH_PORT"
LOG="target/${BENCH_DB}-service.log"
started=$(date +%s.%N)
SKIP_BUILD=1 server-config/payara/run.sh > "$LOG" 2>&1 &
pid=$!   # run.sh execs java: this is the service itself, stopped by its pid only
# Stopped by its pid only; SIGKILL if it has not shut down 20 s after SIGTERM (seen after a login flood).
stop_service() {
  kill "$pid" 2> /dev/null || return 0
  for _ in $(seq 40); do kill -0 "$pid" 2> /dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2> /dev/null || true
}
trap stop_service EXIT
until curl -sf "localhost:$BENCH_PORT/health/ready" > /dev/null; do
  sleep 0.5
  if ! kill -0 "$pid" 2> /dev/null; then echo "service did not start, see $LOG"; exit 1; fi
done
printf 'Service start-up to readiness: %.1f s\n' "$(echo "$(date +%s.%N) - $started" | bc)"
