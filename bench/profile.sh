#!/usr/bin/env bash
# Where the service's CPU goes per registration: async-profiler (from Maven Central) on the running
# service during the benchmark's service cells only, one flame graph per cell and a breakdown by layer.
#   bench/profile.sh [cells, default spread:8] [seconds per cell, default 20] [warm-up seconds, default 120]
# Writes target/profile/<cell>.html (flame graph) and <cell>.collapsed, and prints bench/ProfileLayers.java's
# table for each. Same database set-up as bench/run.sh (needs PostgreSQL at 127.0.0.1:5432, trust 'postgres').
set -euo pipefail
cd "$(dirname "$0")/.."
CELLS="${1:-spread:8}"
SECONDS_PER_CELL="${2:-20}"
WARMUP_SECONDS="${3:-120}"
PROFILER_VERSION=4.2

./mvnw -q dependency:get -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" > /dev/null
mkdir -p target/profile/lib
(cd target/profile/lib && unzip -qo "$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION.jar" 'linux-x64/*')
export PROFILER_LIB="$PWD/target/profile/lib/linux-x64/libasyncProfiler.so"

source bench/start-service.sh estatedesk_bench 8181
export SERVICE_PID="$pid" PROFILE_DIR="$PWD/target/profile"
# Attaches at the start of a cell and writes both outputs at its end, through the Attach API
# (bench/AgentLoad.java: jcmd's JVMTI.agent_load would split the options at their commas).
cat > target/profile/hook.sh <<'HOOK'
#!/usr/bin/env bash
set -euo pipefail
agent() { java bench/AgentLoad.java "$SERVICE_PID" "$PROFILER_LIB" "$1"; }
case "$1" in
  start) agent start,event=cpu,interval=1ms ;;
  stop)
    agent "dump,collapsed,file=$PROFILE_DIR/$2.collapsed"
    agent "stop,flamegraph,title=EstateDesk $2,file=$PROFILE_DIR/$2.html" ;;
esac
HOOK
chmod +x target/profile/hook.sh
BENCH_PROFILE_HOOK="$PWD/target/profile/hook.sh" java -cp target/test-classes:target/runtime/postgresql.jar bench/Bench.java \
  http://localhost:8181 jdbc:postgresql://127.0.0.1:5432/estatedesk_bench postgres \
  "$ESTATEDESK_ADMIN_EMAIL" "$ESTATEDESK_ADMIN_PASSWORD" "$SECONDS_PER_CELL" "$WARMUP_SECONDS" \
  --service-pid="$pid" --cells="$CELLS"
for collapsed in target/profile/*.collapsed; do
  echo; echo "== $collapsed (flame graph: ${collapsed%.collapsed}.html)"
  java bench/ProfileLayers.java "$collapsed"
done
