#!/usr/bin/env bash
# The multi-instance and fault drill (scripts/FaultDrill.java), bounded in time (about 3 minutes),
# loopback only. Starts the two-instance cluster behind HAProxy (scripts/cluster.sh), checks tokens,
# deactivation and the once-a-day audit across instances, then kills instance 1 with -9, restarts
# PostgreSQL and terminates the service's database connections while registrations with
# Idempotency-Key keep coming; verifies no acknowledged write is lost or doubled and no number is
# skipped, and the audit is green. Stops the cluster at the end.
# Restarts the local PostgreSQL cluster: needs root (or the postgres user) and trust auth for 'postgres'.
set -euo pipefail
cd "$(dirname "$0")/.."
# The late-commit check holds a marketer's row 12 s while instance 1 deactivates it: the instances wait
# 15 s for a row lock instead of 5 (the drill's other waits are on rows of connections that die, which
# PostgreSQL frees at once).
export ESTATEDESK_LOCK_TIMEOUT_MS="${ESTATEDESK_LOCK_TIMEOUT_MS:-15000}"
trap 'scripts/cluster.sh stop' EXIT
scripts/cluster.sh start
timeout 600 java -cp target/test-classes:target/runtime/postgresql.jar scripts/FaultDrill.java http://localhost:8090 \
  http://localhost:8081 http://localhost:8082 jdbc:postgresql://127.0.0.1:5432/estatedesk_cluster \
  cluster@estatedesk.test cluster-admin-password
