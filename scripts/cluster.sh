#!/usr/bin/env bash
# Two EstateDesk instances on one PostgreSQL behind HAProxy, all on localhost.
#
#   scripts/cluster.sh start     database estatedesk_cluster (re-created), instances on :8081 and :8082,
#                                HAProxy on :8090 (installed from Debian's packages when absent)
#   scripts/cluster.sh stop      stops HAProxy and both instances
#   scripts/cluster.sh restart-instance N    starts instance N (1 or 2) again, e.g. after a kill -9
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
PORTS=(8081 8082)
LB_PORT=8090

export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=estatedesk_cluster \
  DB_USER=estatedesk_cluster_app DB_PASSWORD=cluster DB_OWNER_USER=estatedesk_cluster_owner DB_OWNER_PASSWORD=cluster \
  ESTATEDESK_ADMIN_EMAIL="${ESTATEDESK_ADMIN_EMAIL:-cluster@estatedesk.test}" \
  ESTATEDESK_ADMIN_PASSWORD="${ESTATEDESK_ADMIN_PASSWORD:-cluster-admin-password}" \
  ESTATEDESK_AUDIT_SCHEDULE="${ESTATEDESK_AUDIT_SCHEDULE:-0/20 * *}"

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
frontend estatedesk
    bind 127.0.0.1:$LB_PORT
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    server one 127.0.0.1:${PORTS[0]} check
    server two 127.0.0.1:${PORTS[1]} check
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

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    stop
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
      ./mvnw -q -DskipTests package
    fi
    scripts/create-database.sh estatedesk_cluster cluster
    started=$SECONDS
    # The first instance migrates the schema alone; the second then finds it up to date.
    start_instance "${PORTS[0]}"
    wait_ready "${PORTS[0]}"
    start_instance "${PORTS[1]}"
    wait_ready "${PORTS[1]}"
    start_haproxy
    until curl -sf "localhost:$LB_PORT/health/ready" > /dev/null; do sleep 0.5; done
    echo "cluster ready in $((SECONDS - started)) s: http://localhost:$LB_PORT/api/v1 -> :${PORTS[0]}, :${PORTS[1]} (logs in $DIR)"
    ;;
  stop)
    stop
    ;;
  restart-instance)
    port=${PORTS[$((${2:?instance number 1 or 2} - 1))]}
    start_instance "$port"
    wait_ready "$port"
    ;;
  *)
    echo "usage: $0 start|stop|restart-instance N" >&2
    exit 2
    ;;
esac
