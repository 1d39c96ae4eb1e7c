#!/usr/bin/env bash
# Tests the container's command without a Docker engine: reads ENTRYPOINT and HEALTHCHECK from the
# Dockerfile, checks that the README shows the same command, builds the uber-jar, runs that exact
# command on a fresh PostgreSQL database (env vars only, as in the container), then runs the
# HEALTHCHECK command against it and registers a client through the API. Port 8080 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=target/uberjar-smoke
mkdir -p "$DIR"

entrypoint=$(python3 -c 'import json,re,sys; s=open("Dockerfile").read(); print(" ".join(json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", s, re.M).group(1))))')
healthcheck=$(python3 -c 'import json,re; s=open("Dockerfile").read(); print(json.loads(re.search(r"^\s+CMD (\[.*\])$", s, re.M).group(1))[2])')
echo "Dockerfile ENTRYPOINT: $entrypoint"
if ! grep -qF -- "$entrypoint" README.md; then
  echo "README.md does not show the Dockerfile's command: $entrypoint" >&2
  exit 1
fi
if curl -s -o /dev/null localhost:8080; then
  echo "port 8080 is in use" >&2
  exit 1
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -Puberjar -DskipTests package
fi
scripts/create-database.sh estatedesk_smoke smoke
export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=estatedesk_smoke DB_USER=estatedesk_smoke_app DB_PASSWORD=smoke \
  DB_OWNER_USER=estatedesk_smoke_owner DB_OWNER_PASSWORD=smoke \
  ESTATEDESK_ADMIN_EMAIL=smoke@estatedesk.test ESTATEDESK_ADMIN_PASSWORD=smoke-admin-password
started=$SECONDS
# The command exactly as the Dockerfile runs it (its arguments contain no spaces).
$entrypoint > "$DIR/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
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
