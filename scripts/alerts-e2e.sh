#!/usr/bin/env bash
# End-to-end check of server-config/prometheus/estatedesk-alerts.yml against real parts: a running
# EstateDesk (port 8187, its own database) scraped with its bearer token by a real Prometheus (Debian's
# package; loopback :9393, its own data directory, scrape and evaluation every second). It provokes a
# sequence-lock timeout (psql holds a company's sequence row longer than ESTATEDESK_LOCK_TIMEOUT_MS while
# a registration waits) and a cross-company probe (five requests for another company's client), then waits
# until Prometheus's /api/v1/alerts shows both alerts firing, and prints how long each took.
# Stops what it started, by pid. SKIP_BUILD=1 uses the WAR as built.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v prometheus > /dev/null || { echo "needs Prometheus (Debian's prometheus package)" >&2; exit 1; }
PORT_SERVICE=8187
PROM=127.0.0.1:9393
DIR=$PWD/target/alerts-e2e
rm -rf "$DIR"
mkdir -p "$DIR"
export ESTATEDESK_METRICS_TOKEN=alerts-e2e-token ESTATEDESK_LOCK_TIMEOUT_MS=1000
# shellcheck source=../bench/start-service.sh
source bench/start-service.sh estatedesk_alerts "$PORT_SERVICE"

printf '%s' "$ESTATEDESK_METRICS_TOKEN" > "$DIR/token"
cat > "$DIR/prometheus.yml" <<CFG
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $PWD/server-config/prometheus/estatedesk-alerts.yml
scrape_configs:
  - job_name: estatedesk
    authorization:
      type: Bearer
      credentials_file: $DIR/token
    static_configs:
      - targets: ["127.0.0.1:$PORT_SERVICE"]
CFG
prometheus --config.file="$DIR/prometheus.yml" --storage.tsdb.path="$DIR/data" --web.listen-address="$PROM" \
  > "$DIR/prometheus.log" 2>&1 &
prom=$!
trap 'kill "$prom" 2> /dev/null || true; stop_service' EXIT
for _ in $(seq 60); do curl -sf "http://$PROM/-/ready" > /dev/null && break; sleep 0.5; done
for _ in $(seq 60); do
  curl -s "http://$PROM/api/v1/query?query=up%7Bjob%3D%22estatedesk%22%7D" | grep -q '"value":\[[0-9.]*,"1"\]' && break
  sleep 0.5
done
echo "Prometheus scrapes EstateDesk with its bearer token"

API=http://localhost:$PORT_SERVICE/api/v1
json() { sed -E "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/"; }
platform=$(curl -s "$API/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ESTATEDESK_ADMIN_EMAIL\",\"password\":\"$ESTATEDESK_ADMIN_PASSWORD\"}" | json accessToken)
company() { # company NAME -> "id slug token"
  local created id slug
  created=$(curl -s "$API/companies" -H "Authorization: Bearer $platform" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"admin\":{\"name\":\"Admin\",\"email\":\"admin@$2.test\",\"password\":\"alerts-password\"}}")
  id=$(echo "$created" | json id)
  slug=$(echo "$created" | json slug)
  echo "$id $slug $(curl -s "$API/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@$2.test\",\"password\":\"alerts-password\",\"company\":\"$slug\"}" | json accessToken)"
}
read -r a_id _ a_token <<< "$(company "Alerts Alpha" alpha)"
read -r _ _ b_token <<< "$(company "Alerts Bravo" bravo)"
b_client=$(curl -s "$API/clients" -H "Authorization: Bearer $b_token" -H 'Content-Type: application/json' \
  -d '{"name":"Bravo Client","email":"client@bravo.test"}' | json id)

# A lock timeout: the company's sequence row is held longer than the service waits for it.
psql -h 127.0.0.1 -U postgres -qAt estatedesk_alerts > /dev/null <<SQL &
begin;
select 1 from company_sequence where company_id = $a_id and seq_key = 'CLT' for update;
select pg_sleep(3);
rollback;
SQL
holder=$!
sleep 0.5
started=$SECONDS
status=$(curl -s -o /dev/null -w '%{http_code}' "$API/clients" -H "Authorization: Bearer $a_token" \
  -H 'Content-Type: application/json' -d '{"name":"Waits","email":"waits@alpha.test"}')
wait "$holder"
echo "registration while the row was held: $status (expected 503)"
[ "$status" = 503 ] || { echo "no lock timeout provoked" >&2; exit 1; }
lock_at=$started

# An id probe: Alpha's admin asks five times for Bravo's client (unknown to Alpha).
probe_at=$SECONDS
for _ in 1 2 3 4 5; do
  curl -s -o /dev/null -w '%{http_code} ' "$API/clients/$b_client" -H "Authorization: Bearer $a_token"
done
echo "(Alpha asking for Bravo's client: all 404, as for a missing id)"

lock_fired= probe_fired=
for _ in $(seq 120); do
  alerts=$(curl -s "http://$PROM/api/v1/alerts")
  firing=$(echo "$alerts" | python3 -c 'import json, sys
print(" ".join(a["labels"]["alertname"] for a in json.load(sys.stdin)["data"]["alerts"] if a["state"] == "firing"))')
  if [ -z "$lock_fired" ] && [[ " $firing " == *" EstateDeskSequenceLockTimeout "* ]]; then
    lock_fired=$((SECONDS - lock_at)); echo "EstateDeskSequenceLockTimeout firing ${lock_fired} s after the lock timeout"
  fi
  if [ -z "$probe_fired" ] && [[ " $firing " == *" EstateDeskIdProbe "* ]]; then
    probe_fired=$((SECONDS - probe_at)); echo "EstateDeskIdProbe firing ${probe_fired} s after the first probe"
  fi
  [ -n "$lock_fired" ] && [ -n "$probe_fired" ] && break
  sleep 1
done
[ -n "$lock_fired" ] && [ -n "$probe_fired" ] || { echo "alerts did not fire; /api/v1/alerts: $alerts" >&2; exit 1; }
echo "alerts end-to-end: passed"
