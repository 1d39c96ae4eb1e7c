#!/usr/bin/env bash
# Tests the container's command without a Docker engine: reads ENTRYPOINT and HEALTHCHECK from the
# Dockerfile, checks that docs/operations.md shows the same command, builds the uber-jar, runs that exact
# command on a fresh PostgreSQL database (env vars only, as in the container), then runs the
# HEALTHCHECK command against it and registers a client through the API. Then, with the same command and
# other environments: a key rotation (tokens of the old key still verify), readiness DOWN when the
# application role owns the tables (UP again only with ESTATEDESK_ALLOW_RLS_BYPASS=true), /metrics for
# loopback callers only without a token, and the embedded demo listening on 127.0.0.1 only.
# Port 8080 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=target/uberjar-smoke
mkdir -p "$DIR"

entrypoint=$(python3 -c 'import json,re,sys; s=open("Dockerfile").read(); print(" ".join(json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", s, re.M).group(1))))')
healthcheck=$(python3 -c 'import json,re; s=open("Dockerfile").read(); print(json.loads(re.search(r"^\s+CMD (\[.*\])$", s, re.M).group(1))[2])')
echo "Dockerfile ENTRYPOINT: $entrypoint"
if ! grep -qF -- "$entrypoint" docs/operations.md; then
  echo "docs/operations.md (Runnable uber-jar) does not show the Dockerfile's command: $entrypoint" >&2
  exit 1
fi
if curl -s -o /dev/null localhost:8080; then
  echo "port 8080 is in use" >&2
  exit 1
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -Puberjar -DskipTests package
fi
scripts/create-database.sh estatedesk_smoke smoke
export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=estatedesk_smoke DB_USER=estatedesk_smoke_app DB_PASSWORD=smoke \
  DB_OWNER_USER=estatedesk_smoke_owner DB_OWNER_PASSWORD=smoke DB_PREPARE_THRESHOLD=5 \
  ESTATEDESK_ADMIN_EMAIL=smoke@estatedesk.test ESTATEDESK_ADMIN_PASSWORD=smoke-admin-password
pid=
trap 'stop' EXIT
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    pid=
  fi
}
# start LOG [COMMAND...]: the Dockerfile's command (its arguments contain no spaces) or another, in the background.
start() {
  local log="$DIR/$1"
  shift
  started=$SECONDS
  if [ $# -eq 0 ]; then
    $entrypoint > "$log" 2>&1 &
  else
    "$@" > "$log" 2>&1 &
  fi
  pid=$!
}
# until_answers URL: waits until the service answers anything at all on it.
until_answers() {
  until curl -s -o /dev/null "$1"; do
    if ! kill -0 "$pid" 2> /dev/null || [ $((SECONDS - started)) -gt 180 ]; then
      echo "the uber-jar did not start, see $DIR" >&2
      exit 1
    fi
    sleep 1
  done
}
fail() {
  echo "uber-jar smoke test FAILED: $*" >&2
  exit 1
}

start service.log
until bash -c "$healthcheck" 2> /dev/null; do
  if ! kill -0 $pid 2> /dev/null || [ $((SECONDS - started)) -gt 180 ]; then
    echo "the uber-jar did not become healthy, see $DIR/service.log" >&2
    exit 1
  fi
  sleep 1
done
echo "HEALTHCHECK passes after $((SECONDS - started)) s"

api=http://localhost:8080/api/v1
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
platform=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"smoke@estatedesk.test","password":"smoke-admin-password"}' \
  $api/auth/token | json '["accessToken"]')
slug=$(curl -sf -H "Authorization: Bearer $platform" -H 'Content-Type: application/json' \
  -d '{"name":"Lekki Palm Land","admin":{"name":"Ada","email":"ada@lpl.test","password":"ada-password"}}' \
  $api/companies | json '["slug"]')
admin=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"ada@lpl.test\",\"password\":\"ada-password\",\"company\":\"$slug\"}" \
  $api/auth/token | json '["accessToken"]')
uid=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"name":"Bola","email":"bola@lpl.test"}' \
  $api/clients | json '["uid"]')
if [ "$uid" != "LPL-CLT001" ]; then
  echo "expected LPL-CLT001, got $uid" >&2
  exit 1
fi
echo "uber-jar smoke test passed: registered $uid at / on PostgreSQL, configured by environment only"
# What ships hashes with OWASP's 600 000 PBKDF2 iterations (the test suite configures fewer, to run fast).
iterations=$(psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d "$DB_NAME" -tAc \
  "select split_part(password_hash, ':', 2) from account where email = 'ada@lpl.test'")
[ "$iterations" = 600000 ] || fail "the company admin's password was hashed with $iterations iterations, not 600000"
echo "password hashes: PBKDF2 with $iterations iterations (the default)"

# /metrics without ESTATEDESK_METRICS_TOKEN: loopback callers only.
[ "$(curl -s -o /dev/null -w '%{http_code}' localhost:8080/metrics)" = 200 ] || fail "/metrics refused a loopback caller"
external=$(hostname -I 2> /dev/null | tr ' ' '\n' | grep -E '^[0-9.]+$' | grep -v '^127\.' | head -1 || true)
if [ -n "$external" ]; then
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://$external:8080/metrics")
  [ "$code" = 403 ] || fail "/metrics answered $code to a caller at $external"
  echo "/metrics: 200 on loopback, 403 from $external (no token configured)"
fi

# Key rotation: restart with a configured signing key; the old key's token still verifies, new tokens use the new key.
kid() { python3 -c "import base64,json,sys; h=sys.argv[1].split('.')[0]; print(json.loads(base64.urlsafe_b64decode(h+'='*(-len(h)%4)))['kid'])" "$1"; }
stop
export ESTATEDESK_JWT_SIGNING_KEY="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2> /dev/null)"
# This instance also requires a second factor of platform and company admins (ESTATEDESK_REQUIRE_TOTP), checked below.
ESTATEDESK_REQUIRE_TOTP=PLATFORM_ADMIN,COMPANY_ADMIN start rotated.log
until bash -c "$healthcheck" 2> /dev/null; do
  kill -0 $pid 2> /dev/null && [ $((SECONDS - started)) -le 180 ] || fail "no start with a configured key, see $DIR/rotated.log"
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" $api/me)" = 200 ] \
  || fail "a token of the previous key was refused after the rotation"
rotated=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"ada@lpl.test\",\"password\":\"ada-password\",\"company\":\"$slug\"}" \
  $api/auth/token | json '["accessToken"]')
[ "$(kid "$rotated")" != "$(kid "$admin")" ] || fail "the new token is not signed with the new key"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $rotated" $api/me)" = 200 ] || fail "a token of the new key was refused"
echo "key rotation: old key $(kid "$admin") still verifies, new tokens signed with $(kid "$rotated")"

# ESTATEDESK_REQUIRE_TOTP=COMPANY_ADMIN: the admin's login without a factor may only enrol one; once it is
# on, logins need the code (computed here by scripts/totp.py, from the RFC).
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
login_as_ada() { curl -s -H 'Content-Type: application/json' -d "{\"email\":\"ada@lpl.test\",\"password\":\"ada-password\",\"company\":\"$slug\"${1:-}}" $api/auth/token; }
[ "$(echo "$(login_as_ada)" | json '["secondFactorRequired"]')" = True ] || fail "no second factor, yet a full token"
[ "$(status -H "Authorization: Bearer $rotated" $api/marketers)" = 403 ] || fail "an enrol-only token read marketers"
secret=$(curl -sf -X POST -H "Authorization: Bearer $rotated" $api/me/totp | json '["secret"]') || fail "no enrolment"
[ "$(status -X POST -H "Authorization: Bearer $rotated" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$(python3 scripts/totp.py "$secret")\"}" $api/me/totp/confirm)" = 204 ] || fail "the code was refused"
[ "$(status -H 'Content-Type: application/json' -d "{\"email\":\"ada@lpl.test\",\"password\":\"ada-password\",\"company\":\"$slug\"}" \
  $api/auth/token)" = 401 ] || fail "a login without the code got in"
full=$(login_as_ada ",\"totp\":\"$(python3 scripts/totp.py "$secret")\"")
[ "$(echo "$full" | json '["secondFactorRequired"]')" = False ] || fail "with the code, still enrol-only: $full"
[ "$(status -H "Authorization: Bearer $(echo "$full" | json '["accessToken"]')" $api/marketers)" = 200 ] \
  || fail "the full token was refused"
echo "ESTATEDESK_REQUIRE_TOTP=COMPANY_ADMIN: enrol-only token (403 elsewhere), enrolled, then logins need the code"
# The platform admin alike.
operator_login() { curl -s -H 'Content-Type: application/json' -d "{\"email\":\"smoke@estatedesk.test\",\"password\":\"${1:-smoke-admin-password}\"${2:-}}" $api/auth/token; }
enrol_only=$(operator_login | json '["accessToken"]')
[ "$(operator_login | json '["secondFactorRequired"]')" = True ] || fail "the platform admin got a full token without a factor"
[ "$(status -H "Authorization: Bearer $enrol_only" $api/companies)" = 403 ] || fail "an enrol-only platform token listed companies"
secret=$(curl -sf -X POST -H "Authorization: Bearer $enrol_only" $api/me/totp | json '["secret"]') || fail "no platform enrolment"
[ "$(status -X POST -H "Authorization: Bearer $enrol_only" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$(python3 scripts/totp.py "$secret")\"}" $api/me/totp/confirm)" = 204 ] || fail "the platform code was refused"
[ "$(echo "$(operator_login)" | json '.get("status")')" = 401 ] || fail "the platform admin got in without the code"
full=$(operator_login smoke-admin-password ",\"totp\":\"$(python3 scripts/totp.py "$secret")\"")
[ "$(status -H "Authorization: Bearer $(echo "$full" | json '["accessToken"]')" $api/companies)" = 200 ] \
  || fail "the platform admin's full token was refused: $full"
echo "ESTATEDESK_REQUIRE_TOTP=PLATFORM_ADMIN: the platform admin enrolled, then needs the code"
unset ESTATEDESK_JWT_SIGNING_KEY

# SIGTERM drains (ESTATEDESK_DRAIN_SECONDS, default 5): readiness DOWN at once so that a load balancer stops
# sending requests, the requests that still come are answered, then the process exits by itself.
full_token=$(echo "$full" | json '["accessToken"]')
term_sent=$SECONDS
kill -TERM $pid
sleep 0.5
ready_body=$(curl -s localhost:8080/health/ready || true)
echo "$ready_body" | grep -Eq '"draining":"?true' || fail "no readiness DOWN (draining) after SIGTERM: $ready_body"
[ "$(status localhost:8080/health/ready)" = 503 ] || fail "readiness is not 503 while draining"
[ "$(status -H "Authorization: Bearer $full_token" $api/companies)" = 200 ] || fail "a request during the drain was not answered"
wait $pid 2> /dev/null || true
pid=
drained=$((SECONDS - term_sent))
[ $drained -ge 5 ] && [ $drained -le 30 ] || fail "the instance stopped $drained s after SIGTERM (expected 5 s of drain, then its own exit)"
echo "SIGTERM: readiness DOWN (draining) at once, requests answered meanwhile, exited by itself after $drained s"

# The application role owning the tables (DB_USER = the owner): row-level security would not apply, so not ready.
DB_USER=$DB_OWNER_USER DB_PASSWORD=$DB_OWNER_PASSWORD start bypass.log
ready=
until echo "$ready" | grep -q 'estatedesk-database'; do
  kill -0 $pid 2> /dev/null && [ $((SECONDS - started)) -le 180 ] || fail "no readiness answer with the owner as DB_USER, see $DIR"
  sleep 1
  ready=$(curl -s localhost:8080/health/ready || true)
done
echo "$ready" | grep -q '"status":"DOWN"' && echo "$ready" | grep -q 'owns the tables' || fail "readiness with the owner as DB_USER: $ready"
echo "readiness DOWN when the application role owns the tables: $(echo "$ready" | grep -o '"reason":"[^"]*"')"
stop
# This instance also recovers the platform admin, who lost the device (ESTATEDESK_ADMIN_RECOVER).
DB_USER=$DB_OWNER_USER DB_PASSWORD=$DB_OWNER_PASSWORD ESTATEDESK_ALLOW_RLS_BYPASS=true \
  ESTATEDESK_ADMIN_RECOVER=true ESTATEDESK_ADMIN_PASSWORD=recovered-password start bypass-allowed.log
until bash -c "$healthcheck" 2> /dev/null; do
  kill -0 $pid 2> /dev/null && [ $((SECONDS - started)) -le 180 ] || fail "not ready with ESTATEDESK_ALLOW_RLS_BYPASS=true, see $DIR"
  sleep 1
done
echo "readiness UP with ESTATEDESK_ALLOW_RLS_BYPASS=true"
[ "$(echo "$(operator_login recovered-password)" | json '.get("tokenType")')" = Bearer ] \
  || fail "ESTATEDESK_ADMIN_RECOVER: the recovered password without a code was refused"
[ "$(echo "$(operator_login)" | json '.get("status")')" = 401 ] || fail "ESTATEDESK_ADMIN_RECOVER: the old password still works"
echo "ESTATEDESK_ADMIN_RECOVER: the platform admin signs in with the new password, no factor"

# The embedded demo (published admin password, no row-level security) listens on 127.0.0.1 only.
stop
unset DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD DB_OWNER_USER DB_OWNER_PASSWORD
rm -rf "$DIR/home"
HOME="$PWD/$DIR/home" start demo.log java -Duser.home="$PWD/$DIR/home" -jar target/estatedesk-micro.jar \
  --prebootcommandfile server-config/payara/preboot-embedded.asadmin \
  --postbootcommandfile server-config/payara/postboot-embedded.asadmin --nohazelcast
until_answers http://127.0.0.1:8080/health/ready
# Answering is not ready: the health endpoint answers before the WAR is deployed.
until curl -sf http://127.0.0.1:8080/health/ready 2> /dev/null | grep -q estatedesk-database; do
  kill -0 $pid 2> /dev/null && [ $((SECONDS - started)) -le 180 ] || fail "the embedded demo did not get ready, see $DIR"
  sleep 1
done
python3 scripts/demo-tour.py http://127.0.0.1:8080 || fail "the demo tour failed on the embedded database, see $DIR/demo.log"
if [ -n "$external" ]; then
  if curl -s -o /dev/null --max-time 5 "http://$external:8080/health/ready"; then
    fail "the embedded demo answers on $external"
  fi
  echo "embedded demo: answers on 127.0.0.1, not on $external"
fi
stop
echo "uber-jar smoke test: all phases passed"
