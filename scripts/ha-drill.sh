#!/usr/bin/env bash
# The failover drill (about 8 minutes, loopback only; leaves the machine's PostgreSQL alone): the HA set
# of scripts/ha.sh (etcd, two Patroni nodes with synchronous replication, HAProxy to the primary,
# PgBouncer in transaction pooling), two EstateDesk instances on it through PgBouncer, configured only by
# DB_* (DB_PORT=6432, DB_PREPARE_THRESHOLD=0), and scripts/FaultDrill.java in "ha" mode: under continuous
# registrations with Idempotency-Key retries through both instances it kills the primary's postmaster,
# waits for the old primary to rejoin as a replica, switches over (scripts/ha.sh switchover), stops the
# replica, and restarts every instance one by one (scripts/cluster.sh rolling-restart); after each step it
# checks from the database that no acknowledged registration is lost or doubled, every company is
# numbered 1..n and the audit is green, and it prints what clients saw and how long each step took.
# Exits 0 only when the bounds hold: kill -9 of the primary fails requests for at most 10 s; the switchover
# and the rolling restart fail none, and the switchover keeps no request waiting over 3 s.
# INSTANCES=4 POOL_SIZE=8 runs four instances (12 connections each) through 8 server connections.
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'scripts/cluster.sh stop; scripts/ha.sh stop' EXIT
scripts/ha.sh start
# The instances, also when the drill restarts them, reach the database through PgBouncer only.
export DB_HOST=127.0.0.1 DB_PORT=6432 ADMIN_PGPORT=5440 DB_PREPARE_THRESHOLD=0
# The cluster checks hold a row for 12 s and expect the deactivation waiting on it to succeed.
export ESTATEDESK_LOCK_TIMEOUT_MS="${ESTATEDESK_LOCK_TIMEOUT_MS:-15000}"
scripts/cluster.sh start
scripts/ha.sh pools
timeout 1200 java -cp target/test-classes:target/runtime/postgresql.jar scripts/FaultDrill.java http://localhost:8090 \
  http://localhost:8081 http://localhost:8082 jdbc:postgresql://127.0.0.1:5440/estatedesk_cluster \
  cluster@estatedesk.test cluster-admin-password ha
scripts/ha.sh pools
