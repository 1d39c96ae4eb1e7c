#!/usr/bin/env bash
# Two EstateDesk instances on one PostgreSQL behind HAProxy, all on localhost.
#
#   scripts/cluster.sh start     database estatedesk_cluster (re-created), instances on :8081 and :8082,
#                                HAProxy on :8090 (installed from Debian's packages when absent)
#   scripts/cluster.sh stop      stops HAProxy and both instances
#   scripts/cluster.sh restart-instance N    starts instance N (1 or 2) again, e.g. after a kill -9
#   scripts/cluster.sh rolling-restart       restarts every instance, one at a time, without failing a request:
#                                SIGTERM (the instance reports not ready, HAProxy stops sending it requests,
#                                it finishes the ones it has, then exits), start, wait until HAProxy sends it
#                                requests again, next instance. Prints how long each instance was out.
#
# Payara's clustering (Hazelcast) is off (--nohazelcast): everything instances must agree on lives in
# PostgreSQL — sequence rows under row locks, token signing keys, Idempotency-Keys, the daily audit's
# claim — tokens are stateless JWTs, there are no HTTP sessions and no shared entity cache
# (persistence.xml). Hazelcast would add a second source of truth with its own partitions, and its
# discovery would join any other Payara on the network. So there is nothing to replicate and nothing to
# leak across companies through a distributed cache.
#
# Environment: SKIP_BUILD=1 skips the Maven build; ESTATEDESK_AUDIT_SCHEDULE is passed on (default here:
# every 20 s, so that the once-per-day claim can be watched in target/cluster/instance-*.log).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=target/cluster
# INSTANCES (default 2): instances on :8081, :8082, ...
PORTS=()
for ((i = 1; i <= ${INSTANCES:-2}; i++)); do PORTS+=($((8080 + i))); done
LB_PORT=8090
STATS_PORT=8099

# DB_HOST / DB_PORT (default: the machine's PostgreSQL) may point elsewhere, e.g. PgBouncer of
# scripts/ha.sh; ADMIN_PGPORT is where the database is created as the superuser (default: DB_PORT).
export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_NAME=estatedesk_cluster \
  DB_USER=estatedesk_cluster_app DB_PASSWORD=cluster DB_OWNER_USER=estatedesk_cluster_owner DB_OWNER_PASSWORD=cluster \
  ESTATEDESK_ADMIN_EMAIL="${ESTATEDESK_ADMIN_EMAIL:-cluster@estatedesk.test}" \
  ESTATEDESK_ADMIN_PASSWORD="${ESTATEDESK_ADMIN_PASSWORD:-cluster-admin-password}" \
  ESTATEDESK_AUDIT_SCHEDULE="${ESTATEDESK_AUDIT_SCHEDULE:-0/20 * *}" \
  ESTATEDESK_DRAIN_SECONDS="${ESTATEDESK_DRAIN_SECONDS:-5}"
# ESTATEDESK_DRAIN_SECONDS: HAProxy below marks an instance down after 3 failed checks 1 s apart; 5 s of
# serving on after SIGTERM covers that with a margin.

# run.sh execs java: the background job's pid is the instance's.
start_instance() {
  local port=$1
  PORT=$port SKIP_BUILD=1 nohup server-config/payara/run.sh > "$DIR/instance-$port.log" 2>&1 &
  echo $! > "$DIR/instance-$port.pid"
}

wait_ready() {
  # Generous: under a full load on two cores a boot took ~2 minutes (idle: ~20 s).
  local port=$1 deadline=$((SECONDS + 300))
  until curl -sf "localhost:$port/health/ready" > /dev/null; do
    if [ $SECONDS -gt $deadline ] || ! kill -0 "$(cat "$DIR/instance-$port.pid")" 2> /dev/null; then
      echo "instance on :$port did not become ready, see $DIR/instance-$port.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

start_haproxy() {
  if ! command -v haproxy > /dev/null; then
    echo "installing haproxy from Debian's packages"
    (apt-get install -y -q haproxy > "$DIR/apt.log" 2>&1 || { apt-get update -q > /dev/null && apt-get install -y -q haproxy > "$DIR/apt.log" 2>&1; })
  fi
  cat > "$DIR/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # A connection refused by a dead instance is tried once more, on the other one. Only then: a request
    # that reached an instance (even one that died answering) is never replayed, as it may have been applied.
    retries 2
    option redispatch
    retry-on conn-failure
    # No instance ready (each says so while the database is unreachable, e.g. during a failover): the
    # same answer an instance gives, a problem with Retry-After, so clients retry the same way.
    http-error status 503 content-type "application/problem+json" hdr Retry-After 2 string "{\\"type\\":\\"https://estatedesk.io/problems/busy\\",\\"title\\":\\"Service busy\\",\\"status\\":503,\\"detail\\":\\"No instance is ready right now; retry shortly.\\"}"
# HAProxy's own view of the instances (CSV at /stats;csv), read by rolling-restart.
listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /stats
frontend estatedesk
    bind 127.0.0.1:$LB_PORT
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    # A busy instance answers its check late rather than not at all: 5 s before a check counts as failed
    # (HAProxy's default is the interval, 1 s), and 3 failures in a row before it is out. Otherwise an
    # instance busy with a burst, or waiting out a paused switchover, would be taken out, and with it the
    # service.
    timeout check 5s
    default-server inter 1s fall 3 rise 2
$(for port in "${PORTS[@]}"; do echo "    server i$port 127.0.0.1:$port check"; done)
CFG
  haproxy -c -q -f "$DIR/haproxy.cfg"
  haproxy -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid"
}

stop() {
  if [ -f "$DIR/haproxy.pid" ]; then
    kill "$(cat "$DIR/haproxy.pid")" 2> /dev/null || true
    rm -f "$DIR/haproxy.pid"
  fi
  for port in "${PORTS[@]}"; do
    if [ -f "$DIR/instance-$port.pid" ]; then
      kill "$(cat "$DIR/instance-$port.pid")" 2> /dev/null || true
      rm -f "$DIR/instance-$port.pid"
    fi
  done
}

source scripts/lib/haproxy.sh # (the working directory is the checkout)
haproxy_status() { # haproxy_status PORT -> UP, DOWN, MAINT, ... as HAProxy sees instance :PORT
  haproxy_server_status "127.0.0.1:$STATS_PORT" instances "i$1"
}

until_status() { # until_status PORT STATUS SECONDS
  local deadline=$((SECONDS + $3))
  until haproxy_status "$1" | grep -q "^$2"; do
    if [ $SECONDS -gt $deadline ]; then echo "HAProxy did not see :$1 $2 within $3 s" >&2; return 1; fi
    sleep 0.2
  done
}

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    stop
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
      ./mvnw -q -DskipTests -Dspotless.check.skip=true package
    fi
    PGHOST="$DB_HOST" PGPORT="${ADMIN_PGPORT:-$DB_PORT}" scripts/create-database.sh estatedesk_cluster cluster
    started=$SECONDS
    # The first instance migrates the schema alone; the others then find it up to date.
    for port in "${PORTS[@]}"; do
      start_instance "$port"
      wait_ready "$port"
    done
    start_haproxy
    until curl -sf "localhost:$LB_PORT/health/ready" > /dev/null; do sleep 0.5; done
    echo "cluster ready in $((SECONDS - started)) s: http://localhost:$LB_PORT/api/v1 -> ${PORTS[*]} (logs in $DIR)"
    ;;
  stop)
    stop
    ;;
  restart-instance)
    port=${PORTS[$((${2:?instance number 1 or 2} - 1))]}
    start_instance "$port"
    wait_ready "$port"
    ;;
  rolling-restart)
    for port in "${PORTS[@]}"; do
      pid=$(cat "$DIR/instance-$port.pid")
      out=$SECONDS
      kill -TERM "$pid"
      until_status "$port" DOWN 30
      drained=$((SECONDS - out))
      for _ in $(seq 600); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2> /dev/null; then echo "instance :$port did not stop within 60 s of SIGTERM" >&2; exit 1; fi
      stopped=$((SECONDS - out))
      start_instance "$port"
      wait_ready "$port"
      until_status "$port" UP 30
      echo "instance :$port: out of HAProxy after ${drained} s, stopped after ${stopped} s, back in after $((SECONDS - out)) s"
    done
    ;;
  *)
    echo "usage: $0 start|stop|restart-instance N|rolling-restart" >&2
    exit 2
    ;;
esac
