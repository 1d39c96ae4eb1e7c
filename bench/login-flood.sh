#!/usr/bin/env bash
# Login flood: what 200 parallel wrong logins for one company do to another company's requests.
#   bench/login-flood.sh [seconds, default 20]     (needs PostgreSQL at 127.0.0.1:5432 with a trust superuser 'postgres')
# Creates the database estatedesk_flood, starts the service on it (port 8183), and runs bench/LoginFlood.java:
# GET /me of company B alone (baseline), then the same while 200 clients send wrong logins for company A
# (every one for another email, so the per-email throttle alone cannot stop them: the hashing bound must).
# Prints p50/p99 of both phases, their ratio, and what the flood was answered. Then a crowd: 16 people of
# company B signing in at once (each from its own address), alone and during the flood (which comes from
# one address, sent as X-Forwarded-For: the service trusts 127.0.0.1 as a proxy here): p50/p99/max and
# answers. Figures, not assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-20}"

export ESTATEDESK_TRUSTED_PROXIES=127.0.0.1
source bench/start-service.sh estatedesk_flood 8183
java -cp target/test-classes bench/LoginFlood.java http://localhost:8183 "$ESTATEDESK_ADMIN_EMAIL" "$ESTATEDESK_ADMIN_PASSWORD" "$SECONDS_TO_RUN"
