#!/usr/bin/env bash
# Measures the matching engine's throughput (MB/s on one core) with the full rule catalog and with
# 20 rules, on a few MB of realistic text: JDK source code, minified bundles and a package-lock.json
# from pinned npm packages. Builds the corpus once (in bench/engine/target/corpus), then runs JMH.
# usage: bench/engine/run.sh [JMH options, e.g. -wi 1 -i 2 for a quick run]
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=../../scripts/find-jdk.sh
source scripts/find-jdk.sh
CORPUS="$HERE/target/corpus"

build_corpus() {
  local work="$HERE/target/corpus-work"
  rm -rf "$CORPUS" "$work"
  mkdir -p "$CORPUS/code" "$CORPUS/bundles" "$CORPUS/locks" "$work"
  # Real code: about 3 MB of the JDK's own sources.
  (cd "$work" && "$JAVA_HOME/bin/jar" xf "$JAVA_HOME/lib/src.zip" java.base/java/util java.base/java/lang)
  local f total=0
  while read -r f; do
    ((total += $(stat -c %s "$f"))) || true
    if ((total > 3000000)); then break; fi
    cp "$f" "$CORPUS/code/$(echo "${f#"$work"/}" | tr / _)"
  done < <(find "$work/java.base" -name '*.java' | sort)
  # Minified bundles from pinned npm packages.
  local pkg
  for pkg in react-dom@18.3.1 lodash@4.17.21 jquery@3.7.1 vue@3.4.38 moment@2.30.1 three@0.160.0; do
    (cd "$work" && npm pack --silent "$pkg" >/dev/null)
  done
  for tgz in "$work"/*.tgz; do
    mkdir -p "$work/x" && tar -xzf "$tgz" -C "$work/x"
    local n=0
    while read -r f; do
      ((n++ < 3)) && cp "$f" "$CORPUS/bundles/$(basename "$tgz" .tgz)-$(basename "$f")"
    done < <(find "$work/x" \( -name '*.min.js' -o -name '*.prod.js' \) -size +20k | sort)
    rm -rf "$work/x"
  done
  # A real lock file: the dependency tree of a few pinned web packages.
  mkdir -p "$work/app"
  cat >"$work/app/package.json" <<'JSON'
{"name": "bench-app", "version": "1.0.0", "private": true,
 "dependencies": {"next": "14.2.5", "react": "18.3.1", "express": "4.19.2", "webpack": "5.93.0", "eslint": "8.57.0", "jest": "29.7.0"}}
JSON
  (cd "$work/app" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --silent)
  cp "$work/app/package-lock.json" "$CORPUS/locks/package-lock.json"
  rm -rf "$work"
}

if [[ ! -d "$CORPUS" ]]; then
  echo "run.sh: building the corpus (downloads pinned npm packages)…" >&2
  build_corpus
fi
du -sh "$CORPUS"/* >&2

mvn -B -q -ntp -pl bench/engine -am package dependency:build-classpath -DskipTests \
  -Dspotless.check.skip=true -Dmdep.outputFile="$HERE/target/classpath.txt" >/dev/null
CP="$HERE/target/classes:$ROOT/detectors/target/classes:$(cat "$HERE/target/classpath.txt")"
"$JAVA_HOME/bin/java" -Drekey.bench.corpus="$CORPUS" -cp "$CP" org.openjdk.jmh.Main EngineBenchmark \
  -jvmArgs "-Drekey.bench.corpus=$CORPUS" -rf json -rff "$HERE/target/jmh.json" "$@"

BYTES=$(find "$CORPUS" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
python3 - "$HERE/target/jmh.json" "$BYTES" <<'PY'
import json, sys
results, size = json.load(open(sys.argv[1])), int(sys.argv[2])
rate = {}
for r in results:
    ms = r["primaryMetric"]["score"]
    rate[r["params"]["rules"]] = size / 1e6 / (ms / 1000)
for rules, mbs in rate.items():
    print(f"engine, {rules} rules: {mbs:.1f} MB/s per core ({size / 1e6:.1f} MB corpus)")
if "full" in rate and "20" in rate:
    print(f"slowdown from 20 rules to the full catalog: {(1 - rate['full'] / rate['20']) * 100:.1f}%")
PY
