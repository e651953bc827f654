#!/usr/bin/env bash
# Latency of the pre-commit check, whole process (JVM start-up included), side by side with
# gitleaks' staged mode on the same commit: 10 staged files, 2,000 lines, no secret. Also times a
# blocked commit (one secret), `rekey --help`, and the hook without its start-up cache.
#
#   bench/hook/run.sh [RUNS]     (default 40 runs each; needs git, hyperfine, python3)
#
# With REKEY_IMAGE=DIR (an unpacked runtime image, scripts/release.sh), also times the image: its
# launcher (bin/rekey scan --staged), the hook it installs (runtime and shipped cache, no JDK), and
# beside them the checkout's launcher (./rekey scan --staged). REKEY_NPM: see below.
#
# Targets (2-core machine): median under 150 ms, 95th percentile under 250 ms. Wall-clock times
# need a quiet machine; the cpu column (mean user + system time) is a fairer comparison under load.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
RUNS=${1:-40}
GITLEAKS=${GITLEAKS:-$(command -v gitleaks || echo "$HOME/go/bin/gitleaks")}
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

# shellcheck source=../../scripts/find-jdk.sh
source "$ROOT/scripts/find-jdk.sh"
"$ROOT/rekey" --version >/dev/null # builds the jar when sources changed

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CACHE_HOME=$WORK/cache GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
REPO=$WORK/repo
git init -q -b main "$REPO"
cd "$REPO"
git config user.name bench && git config user.email bench@example.test
echo "# bench" >README.md && git add README.md && git commit -qm init

# 10 files of 200 lines of ordinary code: what a typical commit stages.
for f in $(seq 1 10); do
  mkdir -p "src/module$f"
  for l in $(seq 1 200); do
    printf 'export function handler%d_%d(request, response) { const total = request.items.reduce((a, b) => a + b.price * %d, 0); return response.json({ ok: true, total, id: "%08x" }); }\n' \
      "$f" "$l" "$l" $((f * 1000 + l))
  done >"src/module$f/handlers.js"
done
git add -A
echo "staged: $(git diff --cached --numstat | wc -l) files, $(git diff --cached --numstat | awk '{s+=$1} END {print s}') lines"

"$JAVA_HOME/bin/java" -jar "$ROOT/cli/target/rekey.jar" hook install >/dev/null
RUNNER=$REPO/.git/rekey/hook
CACHE=$(sed -n "s/^cache='\(.*\)'$/\1/p" "$RUNNER")
[[ -f $CACHE ]] || { echo "the start-up cache was not built" >&2; exit 2; }
FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:AOTCache=$CACHE -Xlog:aot=off -Xlog:cds=off"
JAR=$ROOT/cli/target/rekey.jar

# A second repository whose commit adds one secret (the hook exits 1): the blocked path.
LEAK=$WORK/leak
cp -r "$REPO" "$LEAK"
# The fixture key of test-repos/worktree (listed in .rekey-baseline.json), valid for no account.
echo 'STRIPE_KEY=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' \
  >"$LEAK/src/module1/.env"
git -C "$LEAK" add -A

echo "$("$JAVA_HOME/bin/java" -jar "$JAR" --version | paste -sd' ' -)"
echo "gitleaks $("$GITLEAKS" version)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

IMAGE_RUNS=()
if [[ -n ${REKEY_IMAGE:-} ]]; then
  cp -r "$REPO" "$WORK/image-repo"
  (cd "$WORK/image-repo" && "$REKEY_IMAGE/bin/rekey" hook install >/dev/null)
  IMAGE_RUNS=(-n "image: installed hook" "sh -c 'cd $WORK/image-repo && .git/rekey/hook pre-commit'"
    -n "image: bin/rekey scan --staged" "$REKEY_IMAGE/bin/rekey scan --staged"
    -n "checkout: ./rekey scan --staged" "$ROOT/rekey scan --staged")
fi
# With REKEY_NPM=DIR (the npm packages, OUT/npm of scripts/release.sh), also the npm command: node
# starting the image's launcher, as `npx rekey` and husky's `rekey scan --staged` line do.
if [[ -n ${REKEY_NPM:-} ]]; then
  for tgz in "$REKEY_NPM"/rekey-*.tgz; do
    name=$(basename "$tgz" | sed 's/-[0-9][^-]*\(-SNAPSHOT\)\{0,1\}\.tgz$//')
    mkdir -p "$WORK/npm/node_modules/$name"
    tar -xzf "$tgz" -C "$WORK/npm/node_modules/$name" --strip-components=1
  done
  IMAGE_RUNS+=(-n "npm: rekey scan --staged (node)" "node $WORK/npm/node_modules/rekey-cli/bin/rekey.js scan --staged")
fi

hyperfine -N --warmup 3 --runs "$RUNS" --ignore-failure --export-json "$WORK/results.json" \
  -n "rekey pre-commit hook" "$RUNNER pre-commit" \
  ${IMAGE_RUNS[@]+"${IMAGE_RUNS[@]}"} \
  -n "gitleaks git --staged" "$GITLEAKS git --staged --no-banner --log-level error ." \
  -n "rekey hook, blocked commit" "sh -c 'cd $LEAK && $RUNNER pre-commit'" \
  -n "rekey --help" "$JAVA_HOME/bin/java $FLAGS -cp $JAR dev.rekey.cli.Main --help" \
  -n "rekey hook, no start-up cache" "$JAVA_HOME/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $JAR dev.rekey.cli.Main scan --staged" \
  >"$WORK/hyperfine.txt" 2>&1 || { cat "$WORK/hyperfine.txt"; exit 2; }

python3 - "$WORK/results.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
print(f"{'command':34} {'median':>9} {'p95':>9} {'min':>9} {'max':>9} {'cpu':>9}")
for r in results:
    times = sorted(t * 1000 for t in r["times"])
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    cpu = (r["user"] + r["system"]) * 1000  # mean user + system time: less sensitive to load
    print(f"{r['command']:34} {statistics.median(times):7.1f}ms {p95:7.1f}ms {times[0]:7.1f}ms {times[-1]:7.1f}ms {cpu:7.1f}ms")
rekey = next(r for r in results if r["command"] == "rekey pre-commit hook")
gitleaks = next(r for r in results if r["command"] == "gitleaks git --staged")
ratio = statistics.median(gitleaks["times"]) / statistics.median(rekey["times"])
print(f"gitleaks median / rekey median: {ratio:.2f}x")
PY
