#!/usr/bin/env bash
# Every test, as CI runs them (about five minutes on 2 cores). Needs PostgreSQL at 127.0.0.1:5432 with a
# trust superuser 'postgres'; each suite creates its own database and roles.
#   0. the prerequisites, all checked first, with what to install for each that is missing
#   1. promtool check/test rules       the Prometheus alert rules and their unit tests
#   2. ./mvnw -Puberjar,wildfly package  once: format check, compile, unit tests, the WAR, the uber-jar,
#                                      WildFly 39 unpacked from Maven Central and configured
#   3. side by side, each into its own log under target/:
#      the Arquillian suite on Payara Micro   (suite-payara.log; one server for the run, database estatedesk_it)
#      the same suite on WildFly              (suite-wildfly.log; database estatedesk_it_wildfly)
#      scripts/uberjar-smoke.sh, then scripts/alerts-e2e.sh   (uberjar-smoke.log; ports 8080, 8187, 9393)
#   Each log is printed when its step ends; the script fails if any step failed.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

missing=()
need() { # need COMMAND DEBIAN-PACKAGE
  command -v "$1" > /dev/null || missing+=("$1 (apt-get install $2)")
}
need java openjdk-17-jdk-headless
need psql postgresql-client
need promtool prometheus
need prometheus prometheus
need chromium chromium
need chromedriver chromium-driver
need python3 python3
need curl curl
need openssl openssl
if [ ${#missing[@]} -gt 0 ]; then
  echo "scripts/test.sh needs, and cannot find: ${missing[*]}." >&2
  echo "On Debian: apt-get update && apt-get install -y the packages named above (.ci/run does this)." >&2
  exit 2
fi
if ! pg_isready -h "${TEST_PG_HOST:-127.0.0.1}" -p "${TEST_PG_PORT:-5432}" -q 2> /dev/null \
    && ! psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' > /dev/null 2>&1; then
  echo "scripts/test.sh needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres'" >&2
  echo "(on our machines: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)." >&2
  exit 2
fi

promtool check rules server-config/prometheus/estatedesk-alerts.yml
(cd server-config/prometheus && promtool test rules estatedesk-alerts.test.yml)

./mvnw -B -Puberjar,wildfly package

# The integration tests only: nothing is formatted, compiled or packaged again.
suite() { # suite NAME [MAVEN-ARGS...]
  local name=$1 from=$SECONDS
  shift
  ./mvnw -B "$@" exec:java@prepare-test-database failsafe:integration-test failsafe:verify \
    > "target/suite-$name.log" 2>&1
  echo "the suite on $name: $((SECONDS - from)) s" >> "target/suite-$name.log"
}
echo "build: $((SECONDS - started)) s"
suite payara & payara=$!
suite wildfly -Pwildfly & wildfly=$!
# The smoke test's six short-lived services start with the C1 compiler only, as the suites' servers do
# (pom.xml: test.server.jvm): the same command, a third of the start-up CPU on two shared cores.
(from=$SECONDS
  export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -XX:TieredStopAtLevel=1"
  SKIP_BUILD=1 scripts/uberjar-smoke.sh && SKIP_BUILD=1 scripts/alerts-e2e.sh
  status=$? # the exit status of the two, not of the echo below
  echo "uber-jar smoke test and alerts end-to-end: $((SECONDS - from)) s"
  exit $status) > target/uberjar-smoke.log 2>&1 &
smoke=$!
# If this script is stopped, each step still stops what it started (by pid) before the script exits.
trap 'wait 2> /dev/null || true' EXIT

failed=()
report() { # report NAME PID LOG
  local status=0
  wait "$2" || status=$?
  echo "--- $1 ($3) ---"
  cat "$3"
  [ "$status" -eq 0 ] || failed+=("$1 (exit $status)")
}
report "the suite on Payara Micro" "$payara" target/suite-payara.log
report "the suite on WildFly" "$wildfly" target/suite-wildfly.log
report "scripts/uberjar-smoke.sh and scripts/alerts-e2e.sh" "$smoke" target/uberjar-smoke.log
trap - EXIT
echo "scripts/test.sh: $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "every step passed"
