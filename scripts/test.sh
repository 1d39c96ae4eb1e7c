#!/usr/bin/env bash
# Every test, as CI runs them (needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres';
# each step creates its own database):
#   1. ./mvnw -Puberjar package      the WAR and the uber-jar, once
#   2. ./mvnw verify                 format check, unit tests + the Arquillian suite on Payara Micro
#      scripts/uberjar-smoke.sh      meanwhile: the Dockerfile's command and healthcheck, on the uber-jar
#                                    (port 8080 and its own database; the suite uses neither)
#   3. ./mvnw verify -Pwildfly       the same WAR and suite on WildFly 39 (unpacked from Maven Central),
#                                    after the smoke test has freed port 8080
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
./mvnw -q -Puberjar -DskipTests package

smoke_log=target/uberjar-smoke.log
SKIP_BUILD=1 scripts/uberjar-smoke.sh > "$smoke_log" 2>&1 &
smoke=$!
# Stop the smoke test (by its pid) if the suite fails first.
trap 'kill "$smoke" 2> /dev/null || true' EXIT

./mvnw verify
smoke_status=0
wait "$smoke" || smoke_status=$?
trap - EXIT
echo "--- scripts/uberjar-smoke.sh (ran alongside the Payara suite) ---"
cat "$smoke_log"
[ "$smoke_status" -eq 0 ] || { echo "uber-jar smoke test FAILED ($smoke_status)"; exit "$smoke_status"; }

./mvnw verify -Pwildfly -DskipUnitTests
