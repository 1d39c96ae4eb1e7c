#!/usr/bin/env bash
# Every test, as CI runs them (needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres';
# each step creates its own database):
#   1. ./mvnw verify            format check, unit tests + the Arquillian suite on Payara Micro
#   2. ./mvnw verify -Pwildfly  the same WAR and suite on WildFly 39 (unpacked from Maven Central)
#   3. scripts/uberjar-smoke.sh   the Dockerfile's command and healthcheck, on the uber-jar
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw verify
./mvnw verify -Pwildfly -DskipUnitTests
scripts/uberjar-smoke.sh
