#!/usr/bin/env bash
# The backup drill (about 6 minutes, loopback only; leaves the machine's PostgreSQL alone): the HA set of
# scripts/ha.sh, whose primary archives every WAL segment to pgBackRest's repository in target/pgbackrest,
# two EstateDesk instances on it (scripts/cluster.sh), and scripts/FaultDrill.java in "backup" mode: under
# continuous registrations it takes a full and an incremental backup, then the schema's owner drops a
# table; the latest backup is restored into a new cluster (port 5450) and WAL replayed to the moment before
# the drop (scripts/ha.sh restore), an instance of the service is started on the copy (port 8085), and
# the copy is checked: every registration acknowledged before the drop is there, each company numbered
# 1..n, the table back, the audit green. Prints the restore time and what the copy lacks. Exits 0 only
# when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
stop_restored_instance() {
  if [ -f target/cluster/restored-instance.pid ]; then
    kill "$(cat target/cluster/restored-instance.pid)" 2> /dev/null || true
    rm -f target/cluster/restored-instance.pid
  fi
}
trap 'stop_restored_instance; scripts/cluster.sh stop; scripts/ha.sh stop' EXIT
scripts/ha.sh start
export DB_HOST=127.0.0.1 DB_PORT=6432 ADMIN_PGPORT=5440 DB_PREPARE_THRESHOLD=0
# The cluster checks hold a row for 12 s and expect the deactivation waiting on it to succeed.
export ESTATEDESK_LOCK_TIMEOUT_MS="${ESTATEDESK_LOCK_TIMEOUT_MS:-15000}"
scripts/cluster.sh start
timeout 1200 java -cp target/test-classes:target/runtime/postgresql.jar scripts/FaultDrill.java http://localhost:8090 \
  http://localhost:8081 http://localhost:8082 jdbc:postgresql://127.0.0.1:5440/estatedesk_cluster \
  cluster@estatedesk.test cluster-admin-password backup
