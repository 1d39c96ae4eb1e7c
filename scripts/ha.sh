#!/usr/bin/env bash
# Highly available PostgreSQL for EstateDesk on this machine, loopback only, from Debian's packages
# (installed when absent): etcd (the consensus store), two PostgreSQL 15 nodes managed by Patroni
# (synchronous replication), HAProxy routing to the current primary, and PgBouncer (transaction
# pooling) in front of HAProxy. Everything lives in target/ha; the machine's own cluster is left alone.
#
#   scripts/ha.sh start           fresh set: etcd :23790, node1 :5441 (REST :8441), node2 :5442 (REST :8442),
#                                 HAProxy :5440 -> primary, PgBouncer :6432 -> HAProxy
#   scripts/ha.sh stop            stops all of it, by the pids it recorded
#   scripts/ha.sh status          patronictl list
#   scripts/ha.sh pools           PgBouncer's client and server connections
#   scripts/ha.sh primary|replica prints the node name that has that role
#   scripts/ha.sh kill-primary    kill -9 of the primary's postmaster; returns once the other node is primary
#   scripts/ha.sh wait-replica N  waits until node N streams as a replica again
#   scripts/ha.sh switchover      planned switchover to the replica that no client sees fail: PgBouncer
#                                 PAUSEs (lets running transactions finish, closes its server connections and
#                                 holds new queries), Patroni switches over, HAProxy routes to the new
#                                 primary, PgBouncer RESUMEs; prints how long clients were held
#   scripts/ha.sh stop-node N | start-node N
#   scripts/ha.sh backup full|incr   a pgBackRest backup from the primary into target/pgbackrest (WAL is
#                                 archived there continuously, from whichever node is primary)
#   scripts/ha.sh restore TIME DIR PORT   restores the latest backup before TIME into DIR, replays WAL up to
#                                 TIME (point-in-time recovery) and starts it on PORT as a stand-alone primary;
#                                 prints how long the restore and the recovery took
# POOL_SIZE (default 8): PgBouncer's server connections. HA_DB_ROLES: the roles PgBouncer lets in
# (default: those of scripts/cluster.sh's database).
set -euo pipefail
cd "$(dirname "$0")/.."
HA=$PWD/target/ha
CONF=server-config/patroni
ETCD=127.0.0.1:23790
declare -A PG_PORT=([node1]=5441 [node2]=5442) REST_PORT=([node1]=8441 [node2]=8442)

install_packages() {
  local missing=()
  command -v etcd > /dev/null || missing+=(etcd-server)
  command -v patroni > /dev/null || missing+=(patroni)
  command -v haproxy > /dev/null || missing+=(haproxy)
  command -v pgbouncer > /dev/null || missing+=(pgbouncer)
  command -v pgbackrest > /dev/null || missing+=(pgbackrest)
  [ ${#missing[@]} -eq 0 ] && return
  echo "installing ${missing[*]} from Debian's packages (their own services are not started)"
  # policy-rc.d: the packages' init scripts must not start a second etcd, HAProxy or PgBouncer.
  local policy=/usr/sbin/policy-rc.d created=0
  if [ ! -e $policy ]; then printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy && created=1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" > "$HA/apt.log" 2>&1 \
    || { apt-get update -q >> "$HA/apt.log" 2>&1 && apt-get install -y -q "${missing[@]}" >> "$HA/apt.log" 2>&1; }
  [ $created -eq 1 ] && rm -f $policy
  return 0
}

as_postgres() {
  setpriv --reuid=postgres --regid=postgres --init-groups "$@"
}

rest() { # rest NODE PATH -> HTTP status of Patroni's REST API
  curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${REST_PORT[$1]}$2" || true
}

until_true() { # until_true SECONDS WHAT COMMAND...
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@"; do
    if [ $SECONDS -gt $deadline ]; then echo "timed out waiting for $what" >&2; return 1; fi
    sleep 0.2
  done
}

REPO=$PWD/target/pgbackrest

# pgbackrest as postgres, with the file of node N (its data directory and port).
backrest() { # backrest NODE ARGS...
  local node=$1
  shift
  as_postgres pgbackrest --config="$HA/pgbackrest-$node.conf" --stanza=estatedesk "$@"
}

start_node() {
  local node=$1
  sed -e "s|@NODE@|$node|g" -e "s|@PG_PORT@|${PG_PORT[$node]}|g" -e "s|@HA_DIR@|$HA|g" -e "s|@REPO@|$REPO|g" \
    "$CONF/pgbackrest.conf.template" > "$HA/pgbackrest-$node.conf"
  chown postgres:postgres "$HA/pgbackrest-$node.conf"
  sed -e "s|@NODE@|$node|g" -e "s|@PG_PORT@|${PG_PORT[$node]}|g" -e "s|@REST_PORT@|${REST_PORT[$node]}|g" \
    -e "s|@DATA_DIR@|$HA/$node|g" -e "s|@HA_DIR@|$HA|g" -e "s|@ETCD@|$ETCD|g" "$CONF/patroni.yml.template" > "$HA/$node.yml"
  chown postgres:postgres "$HA/$node.yml"
  # setpriv execs patroni: the recorded pid is patroni's own.
  setpriv --reuid=postgres --regid=postgres --init-groups patroni "$HA/$node.yml" >> "$HA/$node.log" 2>&1 &
  echo $! > "$HA/$node.pid"
}

stop_pid() { # stop_pid FILE: SIGTERM, wait up to 30 s, then SIGKILL
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill "$pid" 2> /dev/null; then
    for _ in $(seq 150); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2> /dev/null || true
  fi
  rm -f "$file"
}

is_role() { # is_role NODE ROLE
  [ "$(role_of "$1")" = "$2" ]
}

role_of() { # primary | replica | down
  if [ "$(rest "$1" /primary)" = 200 ]; then echo primary
  elif [ "$(rest "$1" /replica)" = 200 ]; then echo replica
  else echo down; fi
}

node_with_role() {
  for node in node1 node2; do [ "$(role_of $node)" = "$1" ] && { echo $node; return 0; }; done
  return 1
}

postmaster_pid() {
  head -1 "$HA/$1/postmaster.pid"
}

streaming() { # node N is a replica that streams from the primary
  is_role "$1" replica \
    && [ "$(psql -h 127.0.0.1 -p "${PG_PORT[$1]}" -U postgres -qAtc "select count(*) from pg_stat_wal_receiver where status = 'streaming'" postgres 2> /dev/null)" = 1 ]
}

source scripts/lib/haproxy.sh # (the working directory is the checkout)

other_node() { # other_node NODE: the other of the two
  [ "$1" = node1 ] && echo node2 || echo node1
}

synchronous() { # the primary has a synchronous standby, in PostgreSQL and in Patroni's own record
  local primary
  primary=$(node_with_role primary) || return 1
  [ "$(psql -h 127.0.0.1 -p "${PG_PORT[$primary]}" -U postgres -qAtc "select count(*) from pg_stat_replication where sync_state = 'sync'" postgres 2> /dev/null)" = 1 ] || return 1
  # Patroni writes its sync key (which a switchover's candidate must be in) a loop after PostgreSQL
  # reports the standby synchronous; before the first standby there is no key at all.
  curl -sf "http://$ETCD/v2/keys/service/estatedesk/sync" 2> /dev/null | python3 -c '
import json, sys
try:
    sync = json.loads(json.load(sys.stdin)["node"]["value"])
except ValueError:
    sys.exit(1)
sys.exit(0 if sync.get("leader") == sys.argv[1] and sys.argv[2] in (sync.get("sync_standby") or "").split(",") else 1)' \
    "$primary" "$(other_node "$primary")"
}

bouncer() { # bouncer COMMAND: PgBouncer's admin console (PAUSE waits until running transactions are done)
  psql -h 127.0.0.1 -p 6432 -U postgres -qAt -c "$1" pgbouncer > /dev/null
}

primary_through_haproxy() { # primary_through_haproxy NODE: HAProxy routes only to NODE, and it is primary
  # HAProxy's own view first: a node it still counts in service gets every other connection, whatever
  # the one tried here found (the other node is out once its checks failed: DOWN, or DOWN n/m rising).
  [ "$(haproxy_server_status 127.0.0.1:5449 primary "$1")" = UP ] || return 1
  [[ "$(haproxy_server_status 127.0.0.1:5449 primary "$(other_node "$1")")" == DOWN* ]] || return 1
  [ "$(psql -h 127.0.0.1 -p 5440 -U postgres -qAtc "select inet_server_port() || ' ' || not pg_is_in_recovery()" postgres 2> /dev/null)" = "${PG_PORT[$1]} true" ]
}

case "${1:-}" in
  start)
    "$0" stop > /dev/null 2>&1 || true
    rm -rf "$HA" "$REPO"
    mkdir -p "$HA" "$REPO" "$HA/pgbackrest-log" "$HA/pgbackrest-lock"
    install_packages
    chown postgres:postgres "$HA" "$REPO" "$HA/pgbackrest-log" "$HA/pgbackrest-lock"
    mkdir -p "$HA/etcd"
    etcd --name ha --data-dir "$HA/etcd" --listen-client-urls "http://$ETCD" --advertise-client-urls "http://$ETCD" \
      --listen-peer-urls http://127.0.0.1:23800 --initial-advertise-peer-urls http://127.0.0.1:23800 \
      --initial-cluster ha=http://127.0.0.1:23800 --enable-v2=true > "$HA/etcd.log" 2>&1 &
    echo $! > "$HA/etcd.pid"
    until_true 30 etcd curl -sf "http://$ETCD/health" -o /dev/null
    start_node node1
    until_true 90 "node1 to bootstrap as primary" is_role node1 primary
    # The repository's stanza: from now on every WAL segment is archived (archive_command of patroni.yml).
    backrest node1 stanza-create > "$HA/stanza.log" 2>&1 || { cat "$HA/stanza.log" >&2; exit 1; }
    start_node node2
    until_true 120 "node2 to stream as a replica" streaming node2
    until_true 60 "node2 to become the synchronous standby" synchronous
    sed "s|@HA_DIR@|$HA|g" "$CONF/haproxy.cfg.template" > "$HA/haproxy.cfg"
    haproxy -c -q -f "$HA/haproxy.cfg"
    haproxy -D -f "$HA/haproxy.cfg"
    until_true 30 "HAProxy to reach the primary" primary_through_haproxy node1
    sed -e "s|@HA_DIR@|$HA|g" -e "s|@POOL_SIZE@|${POOL_SIZE:-8}|g" "$CONF/pgbouncer.ini.template" > "$HA/pgbouncer.ini"
    # trust still needs the user names: the superuser and the roles scripts/create-database.sh makes.
    for user in postgres ${HA_DB_ROLES:-estatedesk_cluster_app estatedesk_cluster_owner}; do
      echo "\"$user\" \"\"" >> "$HA/pgbouncer-users.txt"
    done
    chown postgres:postgres "$HA/pgbouncer.ini" "$HA/pgbouncer-users.txt"
    as_postgres pgbouncer -d -q "$HA/pgbouncer.ini"
    until_true 30 "PgBouncer" psql -h 127.0.0.1 -p 6432 -U postgres -qAtc "select 1" -o /dev/null postgres
    echo "HA PostgreSQL ready: primary $(node_with_role primary), replica $(node_with_role replica);"
    echo "  HAProxy 127.0.0.1:5440 -> primary, PgBouncer 127.0.0.1:6432 (transaction pooling, ${POOL_SIZE:-8} server connections)"
    ;;
  stop)
    if [ -f "$HA/restored.dir" ] && [ -f "$(cat "$HA/restored.dir")/postmaster.pid" ]; then
      as_postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$(cat "$HA/restored.dir")" -m fast stop > /dev/null || true
    fi
    stop_pid "$HA/pgbouncer.pid"
    stop_pid "$HA/haproxy.pid"
    stop_pid "$HA/node2.pid"
    stop_pid "$HA/node1.pid"
    # A Patroni that had to be killed leaves its PostgreSQL running, holding the port for the next start.
    for node in node1 node2; do
      if [ -f "$HA/$node/postmaster.pid" ] && kill -0 "$(postmaster_pid "$node")" 2> /dev/null; then
        as_postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$HA/$node" -m immediate stop > /dev/null || true
      fi
    done
    stop_pid "$HA/etcd.pid"
    ;;
  status)
    as_postgres patronictl -c "$HA/node1.yml" list
    ;;
  pools)
    # How many client connections PgBouncer holds, and how many server connections they share.
    lists=$(psql -h 127.0.0.1 -p 6432 -U postgres -qAt -F ' ' pgbouncer -c "show lists")
    echo "PgBouncer: $(echo "$lists" | awk '$1 == "used_clients" {print $2}') client connections," \
      "$(echo "$lists" | awk '$1 == "used_servers" {print $2}') server connections"
    ;;
  primary | replica)
    node_with_role "$1"
    ;;
  kill-primary)
    # The fault is over when the other node is primary: until Patroni notices the crash, the orphaned
    # backends of the killed postmaster may still serve the connections they have.
    node=$(node_with_role primary)
    other=$(other_node "$node")
    echo "kill -9 of $node's postmaster ($(postmaster_pid "$node"))"
    started=$SECONDS
    kill -9 "$(postmaster_pid "$node")"
    until_true 120 "$other to be promoted" is_role "$other" primary
    echo "$other promoted by Patroni ~$((SECONDS - started)) s after the kill"
    ;;
  wait-replica)
    until_true 180 "$2 to stream as a replica" streaming "$2"
    ;;
  switchover)
    leader=$(node_with_role primary)
    candidate=$(node_with_role replica)
    until_true 60 "$candidate to be the synchronous standby (a switchover to it loses nothing)" synchronous
    # A checkpoint now, while clients still run, leaves the demotion's own checkpoint little to write.
    psql -h 127.0.0.1 -p "${PG_PORT[$leader]}" -U postgres -qAtc checkpoint postgres
    ms() { echo $(( ($(date +%s%N) - held) / 1000000 )); }
    held=$(date +%s%N)
    bouncer PAUSE
    paused=$(ms)
    # PgBouncer holds clients from here on; should anything below fail, it must not hold them forever.
    trap 'bouncer RESUME || true' EXIT
    # Patroni's REST API directly (patronictl would first spend a Python start-up): the leader demotes at
    # once, the candidate promotes when the leader key is free. The call answers only after the switch.
    curl -s -o "$HA/switchover.log" -w '%{http_code}' -XPOST "http://127.0.0.1:${REST_PORT[$leader]}/switchover" \
      -d "{\"leader\":\"$leader\",\"candidate\":\"$candidate\"}" > "$HA/switchover.status" &
    call=$!
    deadline=$((SECONDS + 30))
    # Only what clients need: HAProxy routing to the candidate, promoted, and no longer to the old primary
    # (its checks ask Patroni every 100 ms): a connection PgBouncer opened to the old one would fail.
    until primary_through_haproxy "$candidate"; do
      [ $SECONDS -le $deadline ] || { echo "HAProxy does not route to $candidate: $(cat "$HA/switchover.log")" >&2; exit 1; }
      sleep 0.02
    done
    promoted=$(ms)
    bouncer RESUME
    trap - EXIT
    resumed=$(ms)
    wait $call || true
    [ "$(cat "$HA/switchover.status")" = 200 ] || echo "Patroni answered the switchover: $(cat "$HA/switchover.log")" >&2
    echo "switched over from $leader to $candidate; PgBouncer held clients for $resumed ms" \
      "(paused after $paused ms, $candidate primary behind HAProxy after $promoted ms, resumed after $resumed ms)"
    # Clients run again; the old primary comes back as the new one's standby by itself.
    until_true 180 "$leader to stream as a replica" streaming "$leader"
    echo "$leader streams as a replica $(ms) ms after the pause began"
    ;;
  backup)
    node=$(node_with_role primary)
    started=$(date +%s%N)
    backrest "$node" --type="${2:?full or incr}" backup
    echo "$2 backup from $node in $(( ($(date +%s%N) - started) / 1000000 )) ms:" \
      "$(backrest "$node" info --output=json | python3 -c 'import json,sys; b=json.load(sys.stdin)[0]["backup"][-1]; print(b["label"], round(b["info"]["repository"]["delta"]/1048576, 1), "MB stored")')"
    ;;
  restore)
    target=${2:?target time} dir=$(realpath -m "${3:?directory}") port=${4:?port}
    node=$(node_with_role primary)
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres:postgres "$dir" && chmod 700 "$dir"
    echo "$dir" > "$HA/restored.dir"
    started=$(date +%s%N)
    backrest "$node" --pg1-path="$dir" --type=time --target="$target" --target-action=promote restore
    restored=$(date +%s%N)
    # Patroni's settings come along in the files; these override what must differ for a stand-alone copy.
    as_postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$dir" -l "$dir.log" -w -t 300 -o "-c port=$port \
      -c listen_addresses=127.0.0.1 -c unix_socket_directories=$HA -c archive_mode=off \
      -c synchronous_standby_names= -c hot_standby=on -c cluster_name=restored" start > /dev/null
    until_true 300 "the restored copy to finish recovery" \
      bash -c "[ \"\$(psql -h 127.0.0.1 -p $port -U postgres -qAtc 'select pg_is_in_recovery()' postgres 2> /dev/null)\" = f ]"
    echo "restored to $target: files in $(( (restored - started) / 1000000 )) ms, WAL replayed and promoted" \
      "$(( ($(date +%s%N) - restored) / 1000000 )) ms later, on port $port"
    ;;
  stop-node)
    stop_pid "$HA/$2.pid"
    ;;
  start-node)
    start_node "$2"
    ;;
  *)
    sed -n '2,17p' "$0"
    exit 1
    ;;
esac
