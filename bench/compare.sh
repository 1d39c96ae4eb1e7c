#!/usr/bin/env bash
# Before/after of the registration cells, in one invocation so that both sides share the machine's noise:
#   bench/compare.sh BASE_REF [rounds, default 2] [seconds per cell, default 10] [most warm-up seconds, default 120]
# Builds BASE_REF in a git worktree under target/, then runs bench/run.sh (BENCH_CELLS, default hot:1,spread:8)
# alternately on the base and on this checkout, ROUNDS times each (base, current, base, current, ...), with
# one harness (this checkout's bench/Bench.java). Prints each run's service req/s and CPU ms per registration
# (in total, and without the JIT compilers' threads), and the ratio current/base of the medians. Exits 1
# when the total CPU per registration of a hot cell grew by more than BENCH_CPU_LIMIT (default 1.10).
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_REF="${1:?usage: bench/compare.sh BASE_REF [rounds] [seconds] [warm-up]}"
ROUNDS="${2:-2}"
SECONDS_PER_CELL="${3:-10}"
WARMUP="${4:-120}"
export BENCH_CELLS="${BENCH_CELLS:-hot:1,spread:8}" BENCH_LISTS=0
BASE_DIR=target/bench-base
OUT=target/bench-compare
rm -rf "$OUT" && mkdir -p "$OUT"

git worktree remove --force "$BASE_DIR" 2> /dev/null || rm -rf "$BASE_DIR"
git worktree add --detach -q "$BASE_DIR" "$BASE_REF"
trap 'git worktree remove --force "$BASE_DIR" 2> /dev/null || true' EXIT
cp bench/Bench.java "$BASE_DIR/bench/Bench.java"
echo "building the base ($(git log --oneline -1 "$BASE_REF")) and the current checkout ($(git log --oneline -1 HEAD))"
(cd "$BASE_DIR" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package)
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package

for round in $(seq "$ROUNDS"); do
  for side in base current; do
    dir=.
    [ "$side" = base ] && dir="$BASE_DIR"
    echo "round $round, $side"
    (cd "$dir" && SKIP_BUILD=1 bench/run.sh "$SECONDS_PER_CELL" "$WARMUP") > "$OUT/$side-$round.txt" 2>&1 \
      || { echo "bench/run.sh failed on $side, see $OUT/$side-$round.txt"; exit 1; }
  done
done

python3 - "$OUT" "$ROUNDS" "${BENCH_CPU_LIMIT:-1.10}" <<'PY'
import statistics, sys
out, rounds, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
def cells(path):
    found = {}
    for line in open(path):
        parts = line.split("|")
        if len(parts) == 4 and parts[0].split() and parts[0].split()[0] in ("hot", "spread"):
            mix, clients = parts[0].split()
            service = parts[2].split()
            # service columns (both sides run this checkout's harness): req/s, p50, p99, errors, cpu ms,
            # cpu ms without the JIT threads, per tx
            found[f"{mix}:{clients}"] = (float(service[0]), float(service[4]), int(service[3]), float(service[5]))
    return found
runs = {side: [cells(f"{out}/{side}-{r}.txt") for r in range(1, rounds + 1)] for side in ("base", "current")}
failed = False
print(f"\n{'cell':10} {'side':8} {'req/s per run':>24} {'cpu ms/registration per run':>30} {'errors':>7}")
for cell in runs["current"][0]:
    median = {}
    for side in ("base", "current"):
        rps = [run[cell][0] for run in runs[side]]
        cpu = [run[cell][1] for run in runs[side]]
        errors = sum(run[cell][2] for run in runs[side])
        no_jit = [run[cell][3] for run in runs[side]]
        median[side] = (statistics.median(rps), statistics.median(cpu), statistics.median(no_jit))
        print(f"{cell:10} {side:8} {' '.join(f'{v:7.0f}' for v in rps):>24} {' '.join(f'{v:6.2f}' for v in cpu):>30} {errors:>7}")
        print(f"{'':10} {'':8} {'':>24} {'no JIT ' + ' '.join(f'{v:6.2f}' for v in no_jit):>30}")
    rps_ratio = median["current"][0] / median["base"][0]
    cpu_ratio = median["current"][1] / median["base"][1]
    verdict = ""
    if cell.startswith("hot") and cpu_ratio > limit:
        failed = True
        verdict = f"  over the limit of x{limit:.2f}"
    no_jit_ratio = median["current"][2] / median["base"][2]
    print(f"{cell:10} {'ratio':8} {'x' + format(rps_ratio, '.2f'):>24} {'x' + format(cpu_ratio, '.2f'):>30}{verdict}")
    print(f"{'':10} {'':8} {'':>24} {'no JIT x' + format(no_jit_ratio, '.2f'):>30}")
sys.exit(1 if failed else 0)
PY
