#!/usr/bin/env bash
# Every test, as CI runs them (needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres';
# each step creates its own database):
#   0. promtool check/test rules     the Prometheus alert rules and their unit tests
#   1. ./mvnw -Puberjar package      the WAR and the uber-jar, once
#   2. ./mvnw verify                 format check, unit tests + the Arquillian suite on Payara Micro
#      scripts/uberjar-smoke.sh      meanwhile: the Dockerfile's command and healthcheck, on the uber-jar
#                                    (port 8080 and its own database; the suite uses neither), then
#      scripts/alerts-e2e.sh         a real Prometheus scraping the service until the alerts fire
#                                    (ports 8187 and 9393, its own database)
#   3. ./mvnw verify -Pwildfly       the same WAR and suite on WildFly 39 (unpacked from Maven Central),
#                                    after the smoke test has freed port 8080
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
promtool check rules server-config/prometheus/estatedesk-alerts.yml
(cd server-config/prometheus && promtool test rules estatedesk-alerts.test.yml)
./mvnw -q -Puberjar -DskipTests package

smoke_log=target/uberjar-smoke.log
(SKIP_BUILD=1 scripts/uberjar-smoke.sh && SKIP_BUILD=1 scripts/alerts-e2e.sh) > "$smoke_log" 2>&1 &
smoke=$!
# If the suite fails first, let the background checks finish (each stops what it started) before exiting.
trap 'wait "$smoke" 2> /dev/null || true' EXIT

./mvnw verify
smoke_status=0
wait "$smoke" || smoke_status=$?
trap - EXIT
echo "--- scripts/uberjar-smoke.sh and scripts/alerts-e2e.sh (ran alongside the Payara suite) ---"
cat "$smoke_log"
[ "$smoke_status" -eq 0 ] || { echo "uber-jar smoke test or alerts end-to-end FAILED ($smoke_status)"; exit "$smoke_status"; }

./mvnw verify -Pwildfly -DskipUnitTests
